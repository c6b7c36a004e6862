// The architecture's invariants, checked on the imports of every source file:
// the grammar imports nothing of ours but itself and the message catalogue
// (core/i18n, which imports nothing but itself), core does no I/O and knows
// no LSP, only server/ speaks LSP, and nothing here loads TensorFlow: only
// runtime/ does, dynamically, and only the commands that need a backend
// (doctor, train, run, export, and the messages for their failures)
// import runtime/.

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
  ['grammar', (spec: string) => spec === 'chevrotain' || (spec.startsWith('./') && !spec.includes('..')) || spec.startsWith('../core/i18n/')],
  ['core', (spec: string) => spec.startsWith('.') && !spec.includes('/cli/') && !spec.includes('/server/')],
  ['cli', (spec: string) => spec.startsWith('.') || spec.startsWith('node:')],
  ['server', (spec: string) => spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('vscode-languageserver') || spec.startsWith('vscode-jsonrpc') || spec === 'vscode-uri'],
])('%s/', (dir, allowed) => {
  it.each(files(dir))('%s imports only what its layer may', (file) => {
    const bad = importsOf(file).filter((spec) => !allowed(spec) || /tfjs/.test(spec));
    expect(bad, `${relative(root, join(root, file))}`).toEqual([]);
  });
});

// what the grammar may import of core: the locale, msg and the catalogues,
// which import nothing but each other (static-texts.ts, which lists the
// catalog's docs for the catalogue test, is no part of it)
describe('core/i18n/', () => {
  it.each(files('core/i18n').filter((f) => !f.endsWith('static-texts.ts')))('%s imports only core/i18n', (file) => {
    expect(importsOf(file).filter((spec) => !spec.startsWith('./')), file).toEqual([]);
  });
});

describe('runtime/', () => {
  it.each(files('runtime'))('%s imports tfjs for its types only', (file) => {
    const bad = valueImportsOf(file).filter((spec) => !(spec.startsWith('.') || spec.startsWith('node:')) || /\/(cli|server)\//.test(spec));
    expect(bad, file).toEqual([]);
  });
});

// failure-message.ts names the runtime's failures (data, checkpoints, a diverged run) for the commands that train and run
const BACKEND_COMMANDS = ['cli/doctor-command.ts', 'cli/doctor-rows.ts', 'cli/train-command.ts', 'cli/train-torch.ts', 'cli/train-output.ts', 'cli/export-command.ts', 'cli/run-command.ts', 'cli/run-pipeline-command.ts', 'cli/trained-model.ts', 'cli/failure-message.ts', 'cli/explain-output.ts'];

describe('cli/', () => {
  it.each(files('cli'))('%s imports runtime/ only if it needs a backend (reading files aside)', (file) => {
    const usesRuntime = importsOf(file).some((spec) => spec.includes('/runtime/') && !spec.includes('/runtime/files/'));
    expect(usesRuntime, file).toBe(usesRuntime && BACKEND_COMMANDS.includes(file));
  });
});

// runtime/files/ reads files for the CLI and the language server too: it
// loads nothing but Node's own modules, its neighbours and the message
// catalogue (which loads nothing but itself).
describe('runtime/files/', () => {
  it.each(files('runtime/files'))('%s imports only node:, runtime/files/ and core/i18n/', (file) => {
    expect(valueImportsOf(file).filter((spec) => !spec.startsWith('node:') && !/^\.\/[^/]+$/.test(spec) && !spec.startsWith('../../core/i18n/')), file).toEqual([]);
  });
});

// The extension: only client/ imports `vscode`; nothing the extension host
// loads reaches TensorFlow.js; the web views reach neither `vscode` nor Node.
// Followed through every value import, whatever folder it leads to.

const anyImportsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^(?:import|export) (?!type )(?:[^;]*? from )?'([^']+)';/gm)].map((m) => m[1]!);

/** Every module reachable from `entry` by value imports: our files, and the package / built-in names they import. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of anyImportsOf(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = relative(root, join(root, file, '..', spec)).replace(/\.js$/, '.ts');
      if (target.endsWith('.ts')) visit(target);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('client/', () => {
  it.each(['grammar', 'core', 'runtime', 'cli', 'server'].flatMap(files))('%s does not import vscode', (file) => {
    expect(importsOf(file).filter((spec) => spec === 'vscode' || spec.startsWith('vscode-languageclient'))).toEqual([]);
  });

  it('nothing the extension host loads reaches TensorFlow.js', () => {
    const { files: reached, packages } = reachable('client/extension.ts');
    expect(reached.size).toBeGreaterThan(20);
    expect([...packages].filter((p) => /tensorflow|tfjs/.test(p))).toEqual([]);
  });

  const apps = readdirSync(join(root, 'client', 'webviews')).filter((d) => statSync(join(root, 'client', 'webviews', d)).isDirectory() && d !== 'shared');
  it.each(apps)('the %s web view reaches neither vscode nor Node', (app) => {
    const { packages } = reachable(`client/webviews/${app}/main.ts`);
    expect([...packages].filter((p) => p === 'vscode' || p.startsWith('node:') || p.startsWith('vscode-language'))).toEqual([]);
  });
});
