// How the installer (scripts/native/install.mjs) installed the native backend:
// the JSON it leaves in tfjs-node's deps/ folder.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GpuBuild } from './gpu-verdict.js';

export interface InstallRecord {
  route: 'official' | 'wheel' | 'found';
  restoredFromCache: boolean;
  tfjsNode: string;
  tensorflow: string;
  library: string;
  node: string;
  napi: number;
  platform: string;
  installedAt: string;
  reasons: string[];
  /** Only for the GPU build (NN_NATIVE_GPU=1): where its CUDA libraries are. */
  gpu?: GpuBuild;
}

/** The same name as RECORD_FILE in scripts/native/tfjs-node-package.mjs. */
export const RECORD_FILE = 'nn-install.json';

export function readInstallRecord(tfjsNodeDir: string): InstallRecord | undefined {
  try {
    return JSON.parse(readFileSync(join(tfjsNodeDir, 'deps', RECORD_FILE), 'utf8')) as InstallRecord;
  } catch {
    return undefined;
  }
}
