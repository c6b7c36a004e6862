// Data paths may name any file, but only regular files are read, and none
// past the size limit: a named pipe, /dev/zero or a huge file is a message
// naming the path, never a hang or an out-of-memory abort. The readers run
// in a child process with a timeout (a hang there fails the test instead
// of stopping the test run), bundled from the sources as they are.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../../helpers/temp-files.js';

const root = join(import.meta.dirname, '..', '..', '..');
const temp = tempFolder('special-files');
afterAll(() => temp.remove());

const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).error === undefined;
let loader: string;

beforeAll(() => {
  loader = join(temp.dir, 'load-data.mjs');
  buildSync({ entryPoints: [join(root, 'runtime', 'data', 'load-data.ts')], bundle: true, platform: 'node', format: 'esm', outfile: loader, logLevel: 'error' });
  if (hasMkfifo) spawnSync('mkfifo', [join(temp.dir, 'pipe')]);
  // 3 GiB that take no disk: a sparse file
  const fd = openSync(join(temp.dir, 'huge.npy'), 'w');
  ftruncateSync(fd, 3 * 2 ** 30);
  closeSync(fd);
});

/** The message of loading `call` in a child process that is killed after 20 s. */
function loadMessage(call: { name: string; args: Record<string, string> }): { message: string; signal: string | null } {
  const script = `const { loadData } = await import(${JSON.stringify(pathToFileURL(loader).href)});
try { loadData(${JSON.stringify(call)}, { baseDir: ${JSON.stringify(temp.dir)}, seed: 1 }); console.log('loaded'); } catch (e) { console.log(e.message); }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { message: `${r.stdout}${r.stderr}`.trim(), signal: r.signal };
}

describe.runIf(hasMkfifo)('a named pipe as data', () => {
  it.each([
    ['csv', { name: 'csv', args: { path: 'pipe' } }],
    ['jsonl', { name: 'jsonl', args: { path: 'pipe' } }],
    ['npy', { name: 'npy', args: { x: 'pipe', y: 'pipe' } }],
    ['npz', { name: 'npz', args: { path: 'pipe' } }],
  ])('%s: refused at once', (_, call) => {
    expect(loadMessage(call)).toEqual({ message: 'pipe: is a named pipe (FIFO), not a regular file', signal: null });
  });
});

describe.runIf(existsSync('/dev/zero'))('/dev/zero as data', () => {
  it.each([
    ['csv', { name: 'csv', args: { path: '/dev/zero' } }],
    ['npy', { name: 'npy', args: { x: '/dev/zero', y: '/dev/zero' } }],
  ])('%s: refused as a device', (_, call) => {
    expect(loadMessage(call)).toEqual({ message: '/dev/zero: is a device, not a regular file', signal: null });
  });
});

describe('a data file over 2 GiB', () => {
  it('is refused by its size, unread', () => {
    expect(loadMessage({ name: 'npy', args: { x: 'huge.npy', y: 'huge.npy' } })).toEqual({
      message: 'huge.npy: is 3 GiB (3,221,225,472 bytes); nn reads data files of up to 2 GiB (2,147,483,648 bytes)',
      signal: null,
    });
  });
});
