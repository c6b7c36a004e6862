// The architecture's invariants, checked on the imports of every source file:
// the grammar imports nothing of ours but itself, core does no I/O and knows
// no LSP, only server/ speaks LSP, and nothing here loads TensorFlow.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gm)].map((m) => m[1]!);

describe.each([
  ['grammar', (spec: string) => spec === 'chevrotain' || (spec.startsWith('./') && !spec.includes('..'))],
  ['core', (spec: string) => spec.startsWith('.') && !spec.includes('/cli/') && !spec.includes('/server/')],
  ['cli', (spec: string) => spec.startsWith('.') || spec.startsWith('node:')],
  ['server', (spec: string) => spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('vscode-languageserver')],
])('%s/', (dir, allowed) => {
  it.each(files(dir))('%s imports only what its layer may', (file) => {
    const bad = importsOf(file).filter((spec) => !allowed(spec) || /tfjs/.test(spec));
    expect(bad, `${relative(root, join(root, file))}`).toEqual([]);
  });
});
