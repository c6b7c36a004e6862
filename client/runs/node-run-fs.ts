// The run reader's file system on Node's `fs` (the extension's and the tests').

import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { RunFolderFs } from './run-folders.js';

export const nodeRunFs: RunFolderFs = {
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
  read: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  stat: (path) => {
    try {
      const s = statSync(path);
      return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : undefined;
    } catch {
      return undefined;
    }
  },
};

/** Whether a process runs: signal 0 checks without sending anything (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
