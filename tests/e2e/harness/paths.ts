// Where the end-to-end harness finds the project, the packaged extension,
// code-server and the browser, and where it writes screenshots and logs.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin } from '../../../scripts/e2e/cache.mjs';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const EXAMPLES = join(PROJECT_ROOT, 'examples');
/** Screenshots and the logs of each scenario (ignored by git). */
export const RESULTS = join(PROJECT_ROOT, 'e2e-results');
export const CHROMIUM = process.env.NN_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CODE_SERVER = codeServerBin();

/** `nn-<version>.vsix` in the project root, written by `npm run package`. */
export function packagedExtension(): { vsix: string; id: string } {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'client', 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  return { vsix: join(PROJECT_ROOT, `${manifest.name}-${manifest.version}.vsix`), id: `${manifest.publisher}.${manifest.name}` };
}
