// The files a run writes, one fault at a time, on the real file system and
// the real backend: a write to a full device fails instead of leaving a
// short file, a checkpoint is complete or absent and checked when read,
// names are numbers (past 9,999 too), latest.json is never followed out of
// its folder, run folders are claimed without collisions, and what killed
// runs left half-written goes at the next run (what live runs write stays).

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically, writeFully } from '../../../runtime/files/atomic-files.js';
import { CheckpointError, checkpointsNewestFirst, isCheckpointFolder, restoreNewestIntact, saveCheckpoint } from '../../../runtime/train/checkpoint.js';
import { readLatestRun, updateLatestRun } from '../../../runtime/train/latest-run.js';
import { claimRunFolder, RUN_LOCK, RunFolderError } from '../../../runtime/train/run-folder.js';
import type { LayersModel } from '../../../runtime/tf-types.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const tmp = tempFolder('checkpoint-files');
afterAll(() => tmp.remove());
let folders = 0;
const fresh = (name: string) => {
  const dir = join(tmp.dir, `${name}-${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

function tinyModel(value: number): LayersModel {
  const model = (tf as unknown as { sequential(c: object): LayersModel; layers: { dense(c: object): unknown } }).sequential({
    layers: [(tf as unknown as { layers: { dense(c: object): unknown } }).layers.dense({ units: 2, inputShape: [3], name: 'd' })],
  });
  for (const w of model.weights) w.write(tf.fill(w.shape as number[], value));
  return model;
}

const save = (dir: string, epoch: number, model: LayersModel, keep = 3) => saveCheckpoint(tf, dir, { epoch, name: 'T', savedAt: new Date().toISOString() }, { T: model }, {}, keep);

/** A pid that no process has: a child that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

describe('writing', () => {
  it('a write to a full device is an error, not a short file', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      expect(() => writeFully(fd, new Uint8Array(1 << 16))).toThrow(/ENOSPC/);
    } finally {
      closeSync(fd);
    }
  });

  it('a file replaced atomically keeps its mode; a failed write leaves no temporary behind', () => {
    const dir = fresh('atomic');
    const path = join(dir, 'f.txt');
    writeFileSync(path, 'old', { mode: 0o640 });
    writeFileAtomically(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(spawnSync('stat', ['-c', '%a', path], { encoding: 'utf8' }).stdout.trim()).toBe('640');
    mkdirSync(join(dir, 'blocked'));
    expect(() => writeFileAtomically(join(dir, 'blocked'), 'x')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'f.txt']);
  });
});

describe('checkpoints', () => {
  it('are named by epoch past 9,999 in order, and pruned oldest first', async () => {
    const dir = fresh('numbers');
    for (const n of ['checkpoint-9998', 'checkpoint-9999']) mkdirSync(join(dir, n));
    const model = tinyModel(1);
    expect(await save(dir, 10000, model, 2)).toBe(join(dir, 'checkpoint-10000'));
    expect(await save(dir, 10001, model, 2)).toBe(join(dir, 'checkpoint-10001'));
    // a string sort would call checkpoint-9999 the newest and prune the two new ones
    expect(readdirSync(dir).filter((n) => n.startsWith('checkpoint-')).sort()).toEqual(['checkpoint-10000', 'checkpoint-10001']);
    expect(checkpointsNewestFirst(dir).map((p) => p.slice(dir.length + 1))).toEqual(['checkpoint-10001', 'checkpoint-10000']);
  });

  it('are checked before a weight changes; a damaged one is named and the next intact one used', async () => {
    const dir = fresh('damaged');
    await save(dir, 1, tinyModel(1));
    const newest = await save(dir, 2, tinyModel(2));
    // a disk that filled while the file was written: cut short
    truncateSync(join(newest, 'model-T.bin'), 10);
    const model = tinyModel(0);
    const warnings: string[] = [];
    const restored = await restoreNewestIntact(tf, checkpointsNewestFirst(dir), { T: model }, {}, 'T', (w) => warnings.push(w));
    expect(restored).toMatchObject({ path: join(dir, 'checkpoint-0001'), state: { epoch: 1 } });
    expect(warnings).toEqual([`the checkpoint ${newest} cannot be used: ${join(newest, 'model-T.bin')} has 10 bytes instead of 32 (cut short); trying an earlier one`]);
    expect(Array.from(model.weights[0]!.read().dataSync())).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('a flipped byte is found by the checksum; none intact is an error naming each', async () => {
    const dir = fresh('flipped');
    const only = await save(dir, 1, tinyModel(1));
    const bin = join(only, 'model-T.bin');
    const bytes = readFileSync(bin);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(bin, bytes);
    const model = tinyModel(0);
    await expect(restoreNewestIntact(tf, checkpointsNewestFirst(dir), { T: model }, {}, 'T', () => {})).rejects.toThrow(
      new CheckpointError(`no intact checkpoint to continue from: ${bin} is damaged (its CRC-32 differs)`),
    );
    expect(Array.from(model.weights[0]!.read().dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('latest.json naming a path out of its folder is not followed', async () => {
    const dir = fresh('escape');
    await save(dir, 1, tinyModel(1));
    writeFileSync(join(dir, 'latest.json'), JSON.stringify({ checkpoint: '../../etc', epoch: 9 }));
    const warnings: string[] = [];
    expect(checkpointsNewestFirst(dir, (w) => warnings.push(w))).toEqual([join(dir, 'checkpoint-0001')]);
    expect(warnings).toEqual([`${join(dir, 'latest.json')} names "../../etc", which is no checkpoint name; ignored`]);
    // the runs folder's latest.json too: a run that is no run id, a folder outside the run
    const runs = fresh('runs');
    const entry = { run: '20261202-100000-abcd', dir: 'checkpoints', checkpoint: 'checkpoint-0001', epoch: 1, savedAt: '2026-12-02T10:00:00Z' };
    for (const bad of [{ run: '../x' }, { dir: '../../etc' }, { dir: '/etc' }, { checkpoint: '..' }]) {
      writeFileSync(join(runs, 'latest.json'), JSON.stringify({ ...entry, ...bad }));
      expect(readLatestRun(runs)).toBeUndefined();
    }
  });

  it("the runs folder's latest.json moves only to a newer run or a later checkpoint", () => {
    const runs = fresh('latest');
    const at = (run: string, savedAt: string, checkpoint = 'checkpoint-0001') => ({ run, dir: 'checkpoints', checkpoint, epoch: 1, savedAt });
    updateLatestRun(runs, at('20261202-100000-bbbb', '2026-12-02T10:05:00Z'));
    // an older run that checkpoints later does not take it back
    updateLatestRun(runs, at('20261202-090000-aaaa', '2026-12-02T10:06:00Z'));
    expect(readLatestRun(runs)?.run).toBe('20261202-100000-bbbb');
    updateLatestRun(runs, at('20261202-100000-bbbb', '2026-12-02T10:07:00Z', 'checkpoint-0002'));
    expect(readLatestRun(runs)?.checkpoint).toBe('checkpoint-0002');
  });

  it('of two runs started within one second, latest.json names the one started later, whatever their ids', () => {
    const runs = fresh('same-second');
    const at = (run: string, startedAt: string) => ({ run, dir: 'checkpoints', checkpoint: 'checkpoint-0001', epoch: 1, savedAt: '2026-12-02T10:05:00.000Z', startedAt });
    // the later run drew the smaller random suffix
    updateLatestRun(runs, at('20261202-100000-ffff', '2026-12-02T10:00:00.100Z'));
    updateLatestRun(runs, at('20261202-100000-0000', '2026-12-02T10:00:00.900Z'));
    expect(readLatestRun(runs)?.run).toBe('20261202-100000-0000');
    // and the earlier one, checkpointing again, does not take it back
    updateLatestRun(runs, { ...at('20261202-100000-ffff', '2026-12-02T10:00:00.100Z'), savedAt: '2026-12-02T10:06:00.000Z', checkpoint: 'checkpoint-0002' });
    expect(readLatestRun(runs)?.run).toBe('20261202-100000-0000');
  });
});

describe('checkpoints of the two engines in one runs folder', () => {
  it('the tfjs engine lists only its own: a PyTorch checkpoint (weights.safetensors, state.json) is passed over', () => {
    const dir = fresh('mixed');
    const torch = join(dir, 'checkpoint-0002');
    mkdirSync(torch);
    writeFileSync(join(torch, 'weights.safetensors'), 'x');
    writeFileSync(join(torch, 'state.json'), JSON.stringify({ epoch: 2 }));
    expect(checkpointsNewestFirst(dir)).toEqual([]);
    expect(isCheckpointFolder(dir)).toBe(false);
    const tfjs = join(dir, 'checkpoint-0001');
    mkdirSync(tfjs);
    writeFileSync(join(tfjs, 'model-M.json'), '{}');
    expect(checkpointsNewestFirst(dir)).toEqual([tfjs]);
    expect(isCheckpointFolder(dir)).toBe(true);
  });
});

describe('run folders', () => {
  const id = '20261202-100000-abcd';

  it('are claimed by creating them: a name taken gets a suffix', () => {
    const runs = fresh('claim');
    const a = claimRunFolder(runs, new Date(), () => id);
    const b = claimRunFolder(runs, new Date(), () => id);
    expect([a.runId, b.runId]).toEqual([id, `${id}-2`]);
    expect(JSON.parse(readFileSync(join(b.runDir, RUN_LOCK), 'utf8'))).toEqual({ pid: process.pid, host: hostname() });
    // a run that ends leaving nothing has no folder; one with files keeps it, without its lock
    writeFileSync(join(b.runDir, 'kept.txt'), 'x');
    a.release();
    b.release();
    expect(readdirSync(runs)).toEqual([`${id}-2`]);
    expect(readdirSync(b.runDir)).toEqual(['kept.txt']);
  });

  it('a runs folder that is a file is a one-line error', () => {
    const file = join(fresh('file'), 'runs');
    writeFileSync(file, 'x');
    expect(() => claimRunFolder(file, new Date())).toThrow(new RunFolderError(`${file} is a file, not a folder: runs are kept in a folder (--out DIR)`));
  });

  it("removes what killed runs left half-written, never what a live run is writing", () => {
    const runs = fresh('leftovers');
    const dead = deadPid();
    const killed = join(runs, '20261201-090000-aaaa');
    const live = join(runs, '20261201-100000-bbbb');
    for (const [runDir, pid] of [[killed, dead], [live, process.pid]] as const) {
      mkdirSync(join(runDir, 'checkpoints', `.tmp-${pid}-1a2b3c4d`, 'x'), { recursive: true });
      writeFileSync(join(runDir, 'checkpoints', 'checkpoint-0001'), '');
      writeFileSync(join(runDir, 'checkpoints', `latest.json.tmp-${pid}-1a2b3c4d`), '{');
      writeFileSync(join(runDir, RUN_LOCK), JSON.stringify({ pid, host: hostname() }));
    }
    // the earlier layout: a temporary of a process that is gone, and one of a live one
    mkdirSync(join(runs, 'checkpoints', `.tmp-${dead}-1733130000000`), { recursive: true });
    mkdirSync(join(runs, 'checkpoints', `.tmp-${process.pid}-1733130000000`), { recursive: true });
    writeFileSync(join(runs, `latest.json.tmp-${dead}-99aa`), '{');
    claimRunFolder(runs, new Date(), () => id).release();
    expect(readdirSync(join(killed, 'checkpoints'))).toEqual(['checkpoint-0001']);
    expect(readdirSync(join(live, 'checkpoints')).sort()).toEqual([`.tmp-${process.pid}-1a2b3c4d`, 'checkpoint-0001', `latest.json.tmp-${process.pid}-1a2b3c4d`]);
    expect(readdirSync(join(runs, 'checkpoints'))).toEqual([`.tmp-${process.pid}-1733130000000`]);
    expect(existsSync(join(runs, `latest.json.tmp-${dead}-99aa`))).toBe(false);
  });
});
