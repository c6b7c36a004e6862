// Where the end-to-end tests keep what they set up, outside the clone (the
// same convention as the native backend's cache in scripts/native/cache.mjs):
//
//   $NN_E2E_CACHE, else $XDG_CACHE_HOME/nn-lang/e2e, else ~/.cache/nn-lang/e2e
//     code-server-<version>/{node_modules/, ready.json}

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** code-server 4.100.3 is VS Code 1.100.3, the newest whose engines accept Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

export function e2eCacheRoot() {
  if (process.env.NN_E2E_CACHE) return resolve(process.env.NN_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'nn-lang', 'e2e');
}

export const codeServerFolder = () => join(e2eCacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = () => join(codeServerFolder(), 'node_modules', '.bin', 'code-server');
/** Written last, after `code-server --version` answered: a half-done install is never used. */
export const readyMarker = () => join(codeServerFolder(), 'ready.json');
