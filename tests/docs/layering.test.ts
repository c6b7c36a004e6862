// The architecture's invariants, checked on the imports of every source file:
// the grammar imports nothing of ours but itself, core does no I/O and knows
// no LSP, only server/ speaks LSP, and nothing here loads TensorFlow: only
// runtime/ does, dynamically, and only the commands that need a backend
// (doctor; train, run and export to come) import runtime/.

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
const valueImportsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)].map((m) => m[1]!);

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

describe('runtime/', () => {
  it.each(files('runtime'))('%s imports tfjs for its types only', (file) => {
    const bad = valueImportsOf(file).filter((spec) => !(spec.startsWith('.') || spec.startsWith('node:')) || /\/(cli|server)\//.test(spec));
    expect(bad, file).toEqual([]);
  });
});

const BACKEND_COMMANDS = ['cli/doctor-command.ts', 'cli/train-command.ts', 'cli/train-output.ts', 'cli/export-command.ts', 'cli/run-command.ts', 'cli/trained-model.ts'];

describe('cli/', () => {
  it.each(files('cli'))('%s imports runtime/ only if it needs a backend', (file) => {
    const usesRuntime = importsOf(file).some((spec) => spec.includes('/runtime/'));
    expect(usesRuntime, file).toBe(usesRuntime && BACKEND_COMMANDS.includes(file));
  });
});
