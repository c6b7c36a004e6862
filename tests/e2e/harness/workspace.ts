// The folder a scenario opens: the bundled examples copied in, extra files of
// the scenario, and node_modules/nn-lang linked to this project, so the
// extension trains with the project's own CLI and native backend (its
// "workspace node_modules" route).

import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXAMPLES, PROJECT_ROOT } from './paths.js';

/** Files by workspace-relative path. */
export type ExtraFiles = Record<string, string>;

export function makeWorkspace(folder: string, extra: ExtraFiles = {}): string {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(EXAMPLES)) {
    if (name.endsWith('.nn')) copyFileSync(join(EXAMPLES, name), join(folder, name));
  }
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  mkdirSync(join(folder, 'node_modules'), { recursive: true });
  symlinkSync(PROJECT_ROOT, join(folder, 'node_modules', 'nn-lang'), 'dir');
  return folder;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in the file`);
  return index + 1;
}
