// `nn check`, `summary` and `fmt` never load TensorFlow.js (it takes a second
// and a native library to load); only the commands that train, run or
// inspect the backend do. Checked two ways: a process that records every
// module it loads, and the bundles' own imports.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let reporter: string;

beforeAll(() => {
  // Preloaded into the child: at exit, lists the loaded modules under @tensorflow/ on stderr.
  reporter = join(mkdtempSync(join(tmpdir(), 'nn-no-tfjs-')), 'report-tfjs.mjs');
  writeFileSync(
    reporter,
    "import { createRequire } from 'node:module';\n" +
      'const cache = createRequire(import.meta.url).cache;\n' +
      "process.on('exit', () => { const tf = Object.keys(cache).filter((k) => k.includes('@tensorflow')); process.stderr.write(`LOADED-TFJS ${tf.length}\\n`); });\n",
  );
});

function loadedTfjsModules(args: string[]): number {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(reporter).href, join(root, 'bin', 'nn.js'), ...args], { cwd: root, encoding: 'utf8' });
  const line = /LOADED-TFJS (\d+)/.exec(r.stderr);
  expect(line, r.stderr).not.toBeNull();
  return Number(line![1]);
}

describe('commands that never load tfjs', () => {
  it.each([
    ['check', 'examples/resnet.nn'],
    ['summary', 'examples/mlp.nn'],
    ['fmt', '--check', 'examples/mlp.nn'],
    ['help'],
  ])('nn %s ...', (...args) => {
    expect(loadedTfjsModules(args)).toBe(0);
  });

  it('the detector does see tfjs when a command loads it (nn doctor)', () => {
    expect(loadedTfjsModules(['doctor', '--json'])).toBeGreaterThan(10);
  });

  it.each(['nn.mjs', 'nn-language-server.mjs'])('dist/%s imports nothing from @tensorflow statically', (bundle) => {
    const code = readFileSync(join(root, 'dist', bundle), 'utf8');
    expect(code).not.toMatch(/^\s*import\b[^;]*?["']@tensorflow\//m);
    expect(code).not.toMatch(/\brequire\(\s*["']@tensorflow\//);
    expect(code).not.toMatch(/\bimport\(\s*["']@tensorflow\//);
  });

  it('the language-server bundle does not even contain the runtime loader', () => {
    // the loader names the packages it loads; a message that mentions tfjs-node (the Chinese catalogue holds every message) is no loader
    const code = readFileSync(join(root, 'dist', 'nn-language-server.mjs'), 'utf8');
    expect(code).not.toMatch(/["'`]@tensorflow\/tfjs-node(?:-gpu)?["'`]/);
    expect(code).not.toContain('loadTensorflow');
  });
});
