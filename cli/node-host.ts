// The checker's view of the disk.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Host } from '../core/host.js';

export const nodeHost: Host = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  resolveImport(fromFile, spec) {
    return resolve(dirname(fromFile), spec);
  },
};
