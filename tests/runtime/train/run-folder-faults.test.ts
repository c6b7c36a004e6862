// Training when things go wrong around it, on the real backend with a tiny
// model: a checkpoint folder outside the run, a second run and two runs at
// once of one model, a full disk, a read-only or wrong --out, a damaged
// checkpoint to resume from, targets that do not fit the loss. Each asserts
// the same invariants: every checkpoint is complete, nothing outside the
// run's folder changed (a victim folder is compared before and after), and
// nothing of an earlier run is gone.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainPlan } from '../../../core/train/plan.js';
import { DataError } from '../../../runtime/data/dataset.js';
import { readVerified } from '../../../runtime/train/checkpoint-manifest.js';
import { CheckpointError } from '../../../runtime/train/checkpoint.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { checkpointsDirOf } from '../../../runtime/train/run-checkpoints.js';
import { RunFolderError } from '../../../runtime/train/run-folder.js';
import { runTraining, type TrainRequest } from '../../../runtime/train/run-training.js';
import { TrainError } from '../../../runtime/train/trace-model.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'nn.js');
const tmp = tempFolder('run-faults');
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  tmp.remove();
});

/** 25,450 weights: a checkpoint with Adam's two moments is about 306 KB. */
const TINY = `
model Tiny {
  input x: [B, 784]
  output x -> Dense(32) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 200) {
  optimizer: Adam(lr: 0.003)
  epochs: 2
  batch: 50
  seed: 1
  checkpoints: { keep: 1 }
}
`;

let count = 0;
/** A folder with tiny.nn, and beside it a victim folder that looks like a checkpoint folder (what a stray path would destroy). */
function workspace(source = TINY): { dir: string; file: string; runs: string; victim: string } {
  const dir = join(tmp.dir, `w${++count}`);
  mkdirSync(join(dir, 'victim', 'checkpoint-0001'), { recursive: true });
  writeFileSync(join(dir, 'victim', 'latest.json'), '{"checkpoint":"checkpoint-0001","epoch":1}');
  writeFileSync(join(dir, 'victim', 'checkpoint-0001', 'model-Tiny.bin'), 'precious');
  writeFileSync(join(dir, 'victim', 'notes.txt'), 'keep me');
  writeFileSync(join(dir, 'tiny.nn'), source);
  return { dir, file: join(dir, 'tiny.nn'), runs: join(dir, 'runs', 'Tiny'), victim: join(dir, 'victim') };
}

/** Every file under `dir` with its size and hash, every folder by name. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        out.push(`${relative(dir, path)}/`);
        walk(path);
      } else out.push(`${relative(dir, path)} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

/** The problems of the checkpoints under a runs folder (none: each is complete), and what is left half-written. */
function damage(runs: string): string[] {
  const problems: string[] = [];
  const walk = (d: string) => {
    for (const name of existsSync(d) ? readdirSync(d) : []) {
      const path = join(d, name);
      if (name.includes('.tmp-') || name.startsWith('.tmp-')) problems.push(`left over: ${path}`);
      else if (/^checkpoint-\d+$/.test(name)) {
        try {
          if (!readVerified(path)) problems.push(`no manifest: ${path}`);
        } catch (e) {
          problems.push((e as Error).message);
        }
      } else if (statSync(path).isDirectory()) walk(path);
    }
  };
  walk(runs);
  return problems;
}

async function train(file: string, extra: Partial<TrainRequest> = {}): Promise<TrainEvent[]> {
  const events: TrainEvent[] = [];
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false }, ...extra });
  for (const m of Object.values(result.models)) m.dispose();
  return events;
}

/** Training that must fail: the error, and the events emitted before it. */
async function failing(file: string, extra: Partial<TrainRequest> = {}): Promise<{ error: unknown; events: TrainEvent[] }> {
  const events: TrainEvent[] = [];
  try {
    await train(file, { emit: (e) => events.push(e), ...extra });
  } catch (error) {
    return { error, events };
  }
  throw new Error('training did not fail');
}

const startOf = (events: TrainEvent[]) => events.find((e): e is Extract<TrainEvent, { type: 'start' }> => e.type === 'start')!;
const latestOf = (runs: string) => JSON.parse(readFileSync(join(runs, 'latest.json'), 'utf8')) as { run: string; dir: string; checkpoint: string; epoch: number };

/** Mounts a tmpfs of `size` at `path` (read-only with `ro`); false where this machine does not allow it. */
function mountTmpfs(path: string, options: string): boolean {
  mkdirSync(path, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path], { encoding: 'utf8' });
  if (r.status !== 0) return false;
  mounts.push(path);
  return true;
}

const isRoot = process.getuid?.() === 0;

describe('a run owns its folder', () => {
  it('refuses a checkpoint folder outside the run before anything is written', async () => {
    for (const outside of [(w: { victim: string }) => w.victim, () => '../../victim']) {
      const w = workspace();
      writeFileSync(w.file, TINY.replace('checkpoints: { keep: 1 }', `checkpoints: { keep: 1, dir: "${outside(w)}" }`));
      const before = snapshot(w.victim);
      const { error } = await failing(w.file);
      expect(error).toBeInstanceOf(TrainError);
      expect((error as TrainError).diagnostics.map((d) => d.code)).toEqual(['NN4007']);
      expect(snapshot(w.victim)).toEqual(before);
      expect(existsSync(join(w.dir, 'runs'))).toBe(false);
    }
    // and the runtime asks again before it writes (a plan made some other way)
    expect(() => checkpointsDirOf({ checkpoints: { every: 1, keep: 1, dir: '../victim' } } as TrainPlan, '/r/runs/Tiny/x')).toThrow(RunFolderError);
  });

  it('a second run leaves every checkpoint of the first; latest.json names the second', async () => {
    const w = workspace();
    const before = snapshot(w.victim);
    const first = startOf(await train(w.file));
    const kept = snapshot(first.runDir!);
    const second = startOf(await train(w.file));
    expect(second.runDir).not.toBe(first.runDir);
    expect(snapshot(first.runDir!)).toEqual(kept);
    expect(readdirSync(join(first.runDir!, 'checkpoints')).sort()).toEqual(['checkpoint-0002', 'latest.json']);
    expect(latestOf(w.runs)).toMatchObject({ run: second.runId, dir: 'checkpoints', checkpoint: 'checkpoint-0002', epoch: 2 });
    expect(damage(w.runs)).toEqual([]);
    expect(snapshot(w.victim)).toEqual(before);
  });

  it('two runs of one model at once each finish in their own folder', async () => {
    const w = workspace(TINY.replace('epochs: 2', 'epochs: 3'));
    const before = snapshot(w.victim);
    const run = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'train', 'tiny.nn', '--json'], { cwd: w.dir, stdio: ['ignore', 'pipe', 'ignore'] });
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const both = await Promise.all([run(), run()]);
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    const starts = both.map((r) => JSON.parse(r.stdout.split('\n')[0]!) as { runId: string; runDir: string });
    expect(new Set(starts.map((s) => s.runDir)).size).toBe(2);
    for (const s of starts) expect(readdirSync(join(s.runDir, 'checkpoints')).sort()).toEqual(['checkpoint-0003', 'latest.json']);
    // latest.json names the run started later: by its id's second, and within one second by its start to the
    // millisecond (which only latest.json records; checkpoint-files.test.ts orders two such runs)
    const ids = starts.map((s) => s.runId).sort();
    const sameSecond = ids[0]!.slice(0, 15) === ids[1]!.slice(0, 15);
    const latest = latestOf(w.runs);
    expect(latest).toMatchObject({ checkpoint: 'checkpoint-0003', epoch: 3 });
    expect(sameSecond ? ids : [ids[1]]).toContain(latest.run);
    expect(damage(w.runs)).toEqual([]);
    expect(snapshot(w.victim)).toEqual(before);
  }, 120_000);

  it.skipIf(!isRoot)('a full disk: the checkpoint that does not fit is absent, the one before intact and named', async () => {
    const w = workspace();
    const out = join(w.dir, 'small');
    if (!mountTmpfs(out, 'size=400k')) return;
    const before = snapshot(w.victim);
    const { error, events } = await failing(w.file, { outDir: out });
    expect(error).toBeInstanceOf(CheckpointError);
    const runDir = startOf(events).runDir!;
    expect((error as Error).message).toMatch(new RegExp(`^cannot save the checkpoint of epoch 2 in ${join(runDir, 'checkpoints')}: ENOSPC: no space left on device`));
    expect(events.filter((e) => e.type === 'checkpoint').map((e) => (e as { epoch: number }).epoch)).toEqual([1]);
    expect(readdirSync(join(runDir, 'checkpoints')).sort()).toEqual(['checkpoint-0001', 'latest.json']);
    expect(latestOf(out)).toMatchObject({ run: startOf(events).runId, checkpoint: 'checkpoint-0001', epoch: 1 });
    expect(damage(out)).toEqual([]);
    expect(snapshot(w.victim)).toEqual(before);
  });

  it('a runs folder that cannot be written is an error before training, not after the first epoch', async () => {
    const w = workspace();
    const readOnly = join(w.dir, 'read-only');
    if (isRoot) {
      // permissions do not stop root: a read-only file system does
      if (!mountTmpfs(readOnly, 'ro,size=64k')) return;
    } else {
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o555);
    }
    const { error, events } = await failing(w.file, { outDir: join(readOnly, 'Tiny') });
    expect(error).toBeInstanceOf(RunFolderError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot create the runs folder ${join(readOnly, 'Tiny')}: (EROFS|EACCES)`));
    expect(events.filter((e) => e.type !== 'warning')).toEqual([]);
  });

  it('--out onto a file: one line, before training starts', () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'taken'), 'a file');
    const r = spawnSync(process.execPath, [bin, 'train', 'tiny.nn', '--json', '--out', 'taken'], { cwd: w.dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; message: string });
    expect(out).toEqual([expect.objectContaining({ type: 'error', message: expect.stringContaining('taken is a file, not a folder') })]);
    expect(r.stderr).toBe(`nn: ${out[0]!.message}\n`);
    expect(readFileSync(join(w.dir, 'taken'), 'utf8')).toBe('a file');
    expect(existsSync(join(w.dir, 'runs'))).toBe(false);
  }, 60_000);

  it('--resume passes over a damaged checkpoint, naming the file, and refuses when none is intact', async () => {
    const w = workspace(TINY.replace('keep: 1', 'keep: 3'));
    const first = startOf(await train(w.file));
    const checkpoints = join(first.runDir!, 'checkpoints');
    // as a full disk left it: 1.9 of 6.5 MB
    const cut = join(checkpoints, 'checkpoint-0002', 'optimizer-model.bin');
    truncateSync(cut, Math.floor(statSync(cut).size * 0.3));
    const kept = snapshot(first.runDir!);
    const events = await train(w.file, { resume: true, overrides: { epochs: 3 } });
    const warning = events.find((e) => e.type === 'warning' && e.message.includes(cut));
    expect(warning).toMatchObject({ message: expect.stringMatching(/cut short\); trying an earlier one$/) });
    expect(startOf(events)).toMatchObject({ firstEpoch: 2, resumedFrom: join(checkpoints, 'checkpoint-0001') });
    expect(snapshot(first.runDir!)).toEqual(kept);

    // none intact (the resumed run's own checkpoints damaged too): an error naming each
    const w2 = workspace(TINY);
    const only = startOf(await train(w2.file, { overrides: { epochs: 1 } }));
    const bin2 = join(only.runDir!, 'checkpoints', 'checkpoint-0001', 'model-Tiny.bin');
    truncateSync(bin2, 100);
    const { error } = await failing(w2.file, { resume: true });
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as Error).message).toBe(`no intact checkpoint to continue from: ${bin2} has 100 bytes instead of ${4 * 25_450} (cut short)`);
  }, 60_000);

  it('mse on class ids read from a file is refused before training, in words', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 5},${(i * 7) % 3},${i % 2},${i % 3}`);
    const w = workspace(`model C {\n  input x: [B, 3]\n  output x -> Dense(3) -> Softmax\n}\n\ntrain C on csv(path: "d.csv") {\n  loss: mse\n  epochs: 1\n}\n`);
    writeFileSync(join(w.dir, 'd.csv'), `a,b,c,label\n${rows.join('\n')}\n`);
    const { error, events } = await failing(w.file);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/^the loss mse compares outputs with targets value by value, but .* has class ids \(shape \[\] per example\) and C outputs \[3\] per example: use crossentropy for class ids, or give one-hot targets$/);
    expect(events).toEqual([]);
    expect(existsSync(join(w.dir, 'runs', 'C'))).toBe(true);
    expect(readdirSync(join(w.dir, 'runs', 'C'))).toEqual([]);
  });
});
