// An in-memory file system for checker tests: sources are data.

import { posix } from 'node:path';
import type { Host } from '../../core/host.js';

export function memoryHost(files: Record<string, string>): Host {
  return {
    readFile: (path) => files[path],
    resolveImport: (from, spec) => posix.join(posix.dirname(from), spec),
  };
}
