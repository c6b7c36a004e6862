// `nn export`, `nn run` and `nn train` when the disk or the weights say no,
// end to end: each failure is one line on stderr naming the file and the
// problem (an error event too, for `train --json`), exit status 2, never
// "internal error" — weights that are not finite, --out onto a file or
// under one, a full device, a read-only file system.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { saveCheckpoint } from '../../runtime/train/checkpoint.js';
import { canMountTmpfs, mountTmpfs, NEEDS_TMPFS, unmountAll } from '../helpers/tmpfs.js';
import { testTf } from '../helpers/tf.js';
import { withoutNativeLogs } from '../helpers/native-logs.js';

const tf = testTf();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');
const nn = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: withoutNativeLogs(r.stderr) };
};
const tmpfs = canMountTmpfs();

const TINY = `model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 200) {
  epochs: 1
  batch: 50
  seed: 3
}
`;

let dir: string;
/** a checkpoint folder whose weights hold a NaN, as a run that diverged before this version could save */
let spoiled: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nn-io-failures-'));
  writeFileSync(join(dir, 'tiny.nn'), TINY);
  writeFileSync(join(dir, 'x.npy'), encodeNpy(new Float32Array(2 * 784), [2, 784], 'float32'));
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  const traced = traceModel(join(dir, 'tiny.nn'), nodeHost, { model: 'Tiny' });
  if (!traced.ok) throw new Error(traced.message);
  const model = compileGraph(tf, traced.graph, { seed: 1 });
  const kernel = model.weights[0]!;
  const values = kernel.read().dataSync().slice();
  values[5] = NaN;
  kernel.write(tf.tensor(values, kernel.shape as number[]));
  spoiled = join(dir, 'spoiled');
  await saveCheckpoint(tf, spoiled, { epoch: 1, name: 'Tiny', savedAt: new Date().toISOString() }, { Tiny: model }, {}, 1);
  model.dispose();
}, 60_000);

afterAll(unmountAll);

/** One line on stderr, `nn: ` and the message; never an internal error. */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '' && !l.startsWith('nn: warning:'));
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^nn: /);
  expect(stderr).not.toContain('internal error');
  return lines[0]!;
}

describe('weights that are not finite', () => {
  it('nn export refuses them, naming the checkpoint and the weight, and writes nothing', () => {
    const r = nn(['export', 'tiny.nn', '--checkpoints', 'spoiled', '--out', 'exported'], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^nn: the checkpoint ${spoiled}\\S* holds weights that are not finite \\(\\S+ has NaN or infinite values\\): the run that saved it diverged; train again with a lower learning rate$`));
    expect(existsSync(join(dir, 'exported'))).toBe(false);
  }, 60_000);

  it('nn run refuses them too: every output would be NaN', () => {
    const r = nn(['run', 'tiny.nn', '--checkpoints', 'spoiled', '--input', 'x.npy', '--out', 'y.npy'], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/holds weights that are not finite/);
    expect(existsSync(join(dir, 'y.npy'))).toBe(false);
  }, 60_000);
});

describe('a file where a folder should be', () => {
  it('nn export --out onto a file', () => {
    const r = nn(['export', 'tiny.nn', '--out', 'a-file'], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`nn: cannot create the folder ${join(dir, 'a-file')}: it already exists, and is not a folder`);
  }, 60_000);

  it('nn run --out under a file', () => {
    const r = nn(['run', 'tiny.nn', '--input', 'x.npy', '--out', 'a-file/y.npy'], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^nn: cannot create the folder ${join(dir, 'a-file')}.*: (it already exists, and is not a folder|a part of the path is a file, not a folder)$`));
  }, 60_000);

  it('nn train --out onto a file, for people: one line on stderr, nothing on stdout', () => {
    const r = nn(['train', 'tiny.nn', '--out', 'a-file'], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe('nn: --out a-file is a file, not a folder; give a folder');
    expect(r.stdout).toBe('');
  }, 60_000);

  it('nn train --out under a file: an error event naming the path', () => {
    const r = nn(['train', 'tiny.nn', '--json', '--out', 'a-file/runs'], dir);
    expect(r.code).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; message: string });
    expect(out).toEqual([{ type: 'error', message: expect.stringContaining(join(dir, 'a-file', 'runs')) }]);
    expect(oneLine(r.stderr)).toBe(`nn: ${out[0]!.message}`);
  }, 60_000);
});

describe('a full device', () => {
  it.skipIf(!tmpfs)(`nn export into a tmpfs of 12 kB: no space left, named (${NEEDS_TMPFS})`, () => {
    const full = mountTmpfs({ size: '12k' })!;
    const r = nn(['export', 'tiny.nn', '--out', join(full, 'exported')], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^nn: cannot write (to )?${join(full, 'exported')}\\S*: no space left on the device$`));
    // nothing half-written is left under its own name
    expect(existsSync(join(full, 'exported')) ? readdirSync(join(full, 'exported')).filter((n) => !n.includes('.tmp-')) : []).toEqual([]);
  }, 60_000);

  it.skipIf(!tmpfs)(`nn train --json into a tmpfs of 12 kB: an error event, one line on stderr (${NEEDS_TMPFS})`, () => {
    const full = mountTmpfs({ size: '12k' })!;
    const r = nn(['train', 'tiny.nn', '--json', '--out', join(full, 'runs')], dir);
    expect(r.code).toBe(2);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; message: string });
    const error = events.at(-1)!;
    expect(error).toMatchObject({ type: 'error', message: expect.stringMatching(/no space left on (the )?device/i) });
    expect(error.message).toContain(full);
    expect(events.filter((e) => e.type === 'end')).toEqual([]);
    expect(oneLine(r.stderr)).toBe(`nn: ${error.message}`);
  }, 60_000);
});

describe('a read-only file system', () => {
  it.skipIf(!tmpfs)(`nn run --out on it: named, in words (${NEEDS_TMPFS})`, () => {
    const readOnly = mountTmpfs({ size: '64k', readOnly: true })!;
    const r = nn(['run', 'tiny.nn', '--input', 'x.npy', '--out', join(readOnly, 'y.npy')], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`nn: cannot open ${join(readOnly, 'y.npy')}: the file system is read-only`);
  }, 60_000);

  it.skipIf(!tmpfs)(`nn export --out on it (${NEEDS_TMPFS})`, () => {
    const readOnly = mountTmpfs({ size: '64k', readOnly: true })!;
    const r = nn(['export', 'tiny.nn', '--out', join(readOnly, 'exported')], dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`nn: cannot create the folder ${join(readOnly, 'exported')}: the file system is read-only`);
  }, 60_000);
});
