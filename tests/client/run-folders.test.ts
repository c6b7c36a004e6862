// The runs of run folders: their state from their events and whether their
// process lives, their last metrics, labels, and what deleting one removes.
// Fixture folders are written into a temporary folder, as the runtime laid
// them out before runs had folders of their own (runs/<name>/events/<runId>.jsonl;
// the layout of today: run-folder-layouts.test.ts).

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deletionPlan, describePlan } from '../../client/runs/run-deletion.js';
import { headlineMetric, formatMetric, runDescription, runLabel } from '../../client/runs/run-labels.js';
import { RunReader, startTime } from '../../client/runs/run-folders.js';
import { nodeRunFs, processAlive } from '../../client/runs/node-run-fs.js';
import { tempFolder } from '../helpers/temp-files.js';

const tmp = tempFolder('run-folders');
afterAll(() => tmp.remove());

const mlp = join(tmp.dir, 'runs', 'MLP');
const gan = join(tmp.dir, 'runs', 'RingGAN');

const start = (runId: string, runDir: string, name: string, pid: number, extra: object = {}) =>
  JSON.stringify({ type: 'start', runId, pid, file: join(tmp.dir, 'models.nn'), runDir, name, models: [], data: 'd', examples: { train: 8, test: 2, validation: 0 }, epochs: 10, batchesPerEpoch: 5, batchSize: 2, backend: 'tensorflow', device: 'cpu', firstEpoch: 1, ...extra });
const batch = (epoch: number, b: number, loss: number) => JSON.stringify({ type: 'batch', epoch, batch: b, batches: 5, loss, examplesPerSecond: 100, elapsed: 1 });
const epoch = (n: number, logs: object) => JSON.stringify({ type: 'epoch', epoch: n, epochs: 10, logs, seconds: 1, learningRate: 0.1 });
const checkpoint = (runDir: string, n: number) => JSON.stringify({ type: 'checkpoint', epoch: n, path: join(runDir, 'checkpoints', `checkpoint-000${n}`) });
const lines = (...events: string[]) => `${events.join('\n')}\n`;

const LIVE_PID = 4242;
const alive = (pid: number) => pid === LIVE_PID;

// done: completed, with metrics
tmp.write('runs/MLP/events/20261202-094100-aaaa.jsonl', lines(
  start('20261202-094100-aaaa', mlp, 'MLP', 11),
  batch(1, 5, 0.5), epoch(1, { loss: 0.5, test_loss: 0.3, test_accuracy: 0.92 }), checkpoint(mlp, 1),
  JSON.stringify({ type: 'end', reason: 'completed', epochs: 10, metrics: { loss: 0.1, test_loss: 0.12, test_accuracy: 0.97 }, seconds: 6 }),
));
// stopped
tmp.write('runs/MLP/events/20261202-100000-bbbb.jsonl', lines(
  start('20261202-100000-bbbb', mlp, 'MLP', 12), epoch(1, { loss: 0.6, test_accuracy: 0.9 }), checkpoint(mlp, 1),
  JSON.stringify({ type: 'end', reason: 'stopped', epochs: 1, metrics: { loss: 0.6, test_accuracy: 0.9 }, seconds: 2 }),
));
// running: no end, its process lives; the last line is still being written
tmp.write('runs/MLP/events/20261202-104100-cccc.jsonl', lines(
  JSON.stringify({ type: 'warning', message: 'slow' }),
  start('20261202-104100-cccc', mlp, 'MLP', LIVE_PID), batch(1, 5, 0.9), epoch(1, { loss: 0.8 }), batch(2, 3, 0.41),
) + '{"type":"batch","epo');
// failed: no end and the process is gone
tmp.write('runs/RingGAN/events/20261202-080000-dddd.jsonl', lines(start('20261202-080000-dddd', gan, 'RingGAN', 13), batch(1, 1, 1.2)));
// failed: an error event
tmp.write('runs/RingGAN/events/20261202-081500-eeee.jsonl', lines(
  start('20261202-081500-eeee', gan, 'RingGAN', LIVE_PID + 1),
  JSON.stringify({ type: 'error', message: 'out of memory' }),
));
// not a run: no start event; and a file that is not events
tmp.write('runs/RingGAN/events/20261202-090000-ffff.jsonl', lines(JSON.stringify({ type: 'warning', message: 'w' })));
tmp.write('runs/RingGAN/events/notes.txt', 'x');

describe('RunReader', () => {
  const reader = new RunReader(nodeRunFs);
  const runs = reader.runs([mlp, gan, mlp], alive);
  const byId = Object.fromEntries(runs.map((r) => [r.runId.slice(-4), r]));

  it('lists every run of the folders once, newest first', () => {
    expect(runs.map((r) => r.runId.slice(-4))).toEqual(['cccc', 'bbbb', 'aaaa', 'eeee', 'dddd']);
  });

  it('tells each run state from its events and its process', () => {
    expect(Object.fromEntries(runs.map((r) => [r.runId.slice(-4), r.state]))).toEqual({ aaaa: 'done', bbbb: 'stopped', cccc: 'running', dddd: 'failed', eeee: 'failed' });
    expect(byId.eeee!.error).toBe('out of memory');
  });

  it('keeps the last metrics, the epoch, the latest batch loss of a running run, and the checkpoints', () => {
    expect(byId.aaaa).toMatchObject({ model: 'MLP', file: join(tmp.dir, 'models.nn'), epoch: 10, epochs: 10, metrics: { test_accuracy: 0.97 }, reason: 'completed', checkpoints: [join(mlp, 'checkpoints', 'checkpoint-0001')] });
    expect(byId.aaaa!.batchLoss).toBeUndefined();
    expect(byId.cccc).toMatchObject({ epoch: 1, metrics: { loss: 0.8 }, batchLoss: 0.41, pid: LIVE_PID });
  });

  it('dates a run by its id (UTC)', () => {
    expect(byId.aaaa!.started).toBe(Date.UTC(2026, 11, 2, 9, 41, 0));
    expect(startTime('not-a-date')).toBeUndefined();
  });

  it('re-reads a file that changed, and sees a run end', () => {
    appendFileSync(byId.cccc!.eventsFile, `\n${JSON.stringify({ type: 'end', reason: 'early-stopping', epochs: 4, metrics: { loss: 0.3, val_loss: 0.35 }, seconds: 9 })}\n`);
    const again = reader.run(mlp, byId.cccc!.runId, alive)!;
    expect(again).toMatchObject({ state: 'done', reason: 'early-stopping', epoch: 4, metrics: { val_loss: 0.35 } });
    expect(runDescription(again)).toBe('done (early stopping) · val_loss 0.350');
  });

  it('asks whether the process lives on every read', () => {
    expect(reader.run(gan, byId.dddd!.runId, () => true)!.state).toBe('running');
    expect(reader.run(gan, byId.eeee!.runId, () => true)!.state).toBe('failed');
  });

  it('finds nothing in a folder that is not there', () => {
    expect(reader.runs([join(tmp.dir, 'nowhere')], alive)).toEqual([]);
  });

  it('knows this process is alive', () => {
    expect(processAlive(process.pid)).toBe(true);
  });
});

describe('run labels', () => {
  const runs = new RunReader(nodeRunFs).runs([mlp, gan], alive);
  const byId = Object.fromEntries(runs.map((r) => [r.runId.slice(-4), r]));

  it('names a run by its model and local start time', () => {
    const d = new Date(Date.UTC(2026, 11, 2, 9, 41));
    const two = (n: number) => String(n).padStart(2, '0');
    expect(runLabel(byId.aaaa!)).toBe(`MLP · ${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`);
  });

  it('describes its state and headline metric', () => {
    expect(runDescription(byId.aaaa!)).toBe('done · test_accuracy 0.970');
    expect(runDescription(byId.bbbb!)).toBe('stopped at epoch 1/10 · test_accuracy 0.900');
    expect(runDescription(byId.eeee!)).toBe('failed · out of memory');
    expect(runDescription(byId.dddd!)).toBe('failed · the process ended without finishing');
  });

  it('picks a held-out metric over a loss', () => {
    expect(headlineMetric({ loss: 1, test_loss: 2, test_accuracy: 0.5 })).toEqual(['test_accuracy', 0.5]);
    expect(headlineMetric({ loss: 1, val_loss: 2 })).toEqual(['val_loss', 2]);
    expect(headlineMetric({ d_loss: 0.7, g_loss: 0.9 })).toEqual(['d_loss', 0.7]);
    expect(headlineMetric({})).toBeUndefined();
    expect([formatMetric(0.97), formatMetric(0.00053), formatMetric(12345.67), formatMetric(0)]).toEqual(['0.970', '5.3e-4', '12,345.7', '0.000']);
  });
});

describe('deleting a run', () => {
  const runs = new RunReader(nodeRunFs).runs([mlp, gan], alive);
  const byId = Object.fromEntries(runs.map((r) => [r.runId.slice(-4), r]));

  it('never deletes a running run', () => {
    const running = { ...byId.aaaa!, state: 'running' as const };
    expect(deletionPlan(running, runs)).toMatch(/still running/);
  });

  it('removes only the events file while other runs share the folder', () => {
    expect(deletionPlan(byId.aaaa!, runs)).toEqual({ files: [byId.aaaa!.eventsFile], trees: [], emptyFolders: [] });
  });

  it("removes the folder's checkpoints and samples with its last run, and the folders only when empty", () => {
    const onlyOne = runs.filter((r) => r.runId !== byId.dddd!.runId);
    const plan = deletionPlan(byId.eeee!, onlyOne);
    expect(plan).toEqual({
      files: [byId.eeee!.eventsFile],
      trees: [join(gan, 'checkpoints'), join(gan, 'samples')],
      emptyFolders: [join(gan, 'events'), gan],
    });
    expect(describePlan(plan as Exclude<typeof plan, string>, (p) => p.slice(tmp.dir.length + 1))).toBe(
      "This removes its events (runs/RingGAN/events/20261202-081500-eeee.jsonl) and the folder's checkpoints and samples (it is the last run of runs/RingGAN).",
    );
  });
});
