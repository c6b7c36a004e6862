// The files a run reads back (the runs folder's latest.json, a checkpoint
// folder's latest.json, a run's lock) are read only when they are regular
// files: a named pipe in their place is passed over at once, never waited
// on. Run in a child process with a timeout (a hang there fails the test
// instead of stopping the test run), bundled from the sources as they are.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../../helpers/temp-files.js';

const root = join(import.meta.dirname, '..', '..', '..');
const temp = tempFolder('special-run-files');
afterAll(() => temp.remove());

const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).error === undefined;
const bundle = (name: string): string => join(temp.dir, `${name}.mjs`);

beforeAll(() => {
  for (const name of ['latest-run', 'run-folder']) {
    buildSync({ entryPoints: [join(root, 'runtime', 'train', `${name}.ts`)], bundle: true, platform: 'node', format: 'esm', outfile: bundle(name), logLevel: 'error' });
  }
  if (!hasMkfifo) return;
  mkdirSync(join(temp.dir, 'runs'));
  spawnSync('mkfifo', [join(temp.dir, 'runs', 'latest.json')]);
  mkdirSync(join(temp.dir, 'run'));
  spawnSync('mkfifo', [join(temp.dir, 'run', 'run.lock')]);
});

/** What `expression` gives in a child process that is killed after 20 s. */
function evaluate(module: string, expression: string): { output: string; signal: string | null } {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle(module)).href)}); console.log(JSON.stringify(${expression}));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { output: `${r.stdout}${r.stderr}`.trim(), signal: r.signal };
}

describe.runIf(hasMkfifo)('a named pipe where a run keeps a small file', () => {
  it("the runs folder's latest.json: no pointer, at once", () => {
    expect(evaluate('latest-run', `m.readLatestRun(${JSON.stringify(join(temp.dir, 'runs'))}) ?? null`)).toEqual({ output: 'null', signal: null });
  });

  it("a run's lock: the run is taken to be live (its leftovers are kept), at once", () => {
    expect(evaluate('run-folder', `m.ownerAlive(${JSON.stringify(join(temp.dir, 'run'))})`)).toEqual({ output: 'true', signal: null });
  });
});
