// docs/diagnostics.md documents exactly the codes the sources can emit.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const codesIn = (text: string) => new Set([...text.matchAll(/['`](NN\d{4})['`]/g)].map((m) => m[1]!));

it('every code the checker and parser emit is documented, and every documented code is emitted', () => {
  const emitted = new Set<string>();
  for (const dir of ['grammar', 'core', 'cli']) for (const file of sourceFiles(join(root, dir))) for (const c of codesIn(readFileSync(file, 'utf8'))) emitted.add(c);
  const documented = new Set([...readFileSync(join(root, 'docs', 'diagnostics.md'), 'utf8').matchAll(/^\| (NN\d{4}) \|/gm)].map((m) => m[1]!));
  expect([...emitted].filter((c) => !documented.has(c)).sort()).toEqual([]);
  expect([...documented].filter((c) => !emitted.has(c)).sort()).toEqual([]);
});
