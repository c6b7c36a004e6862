// Training runs in process on the native backend: accuracy on real MNIST
// digits, no tensor leaks, checkpoints and resuming, stopping, and the
// events a run reports.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining, type TrainRequest } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const EXAMPLES = join(import.meta.dirname, '../../../examples');

/** A small MLP on 2,000 digits: a second per run. */
const SMALL = `
model Tiny(hidden: int = 32) {
  input x: [B, 784]
  output x -> Dense(hidden) -> ReLU -> Dropout(0.1) -> Dense(10) -> Softmax
}

train Tiny on mnist(split: 0.8, limit: 2000) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 4
  batch: 50
  metrics: [accuracy]
  seed: 7
}
`;

function workspace(source = SMALL): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nn-train-'));
  const file = join(dir, 'tiny.nn');
  writeFileSync(file, source);
  return { file, dir };
}

async function train(file: string, extra: Partial<TrainRequest> = {}): Promise<{ events: TrainEvent[]; result: Awaited<ReturnType<typeof runTraining>> }> {
  const events: TrainEvent[] = [];
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false }, ...extra });
  for (const m of Object.values(result.models)) m.dispose();
  return { events, result };
}

const epochs = (events: TrainEvent[]) => events.filter((e): e is Extract<TrainEvent, { type: 'epoch' }> => e.type === 'epoch');

describe('supervised training', () => {
  it('the bundled MLP reaches 95% test accuracy on the real MNIST digits', async () => {
    const { events, result } = await train(join(EXAMPLES, 'mlp.nn'), { outDir: mkdtempSync(join(tmpdir(), 'nn-mlp-')) });
    expect(result.reason).toBe('completed');
    expect(epochs(events).at(-1)!.logs['test_accuracy']).toBeGreaterThanOrEqual(0.95);
    const start = events[0]!;
    expect(start).toMatchObject({ type: 'start', name: 'MLP', models: [{ name: 'MLP', parameters: 101_770 }], examples: { train: 8000, test: 2000 }, backend: 'tensorflow' });
  });

  it('keeps the number of tensors flat from epoch to epoch', async () => {
    const { file, dir } = workspace();
    const counts: number[] = [];
    await train(file, { outDir: dir, emit: (e) => e.type === 'epoch' && counts.push(tf.memory().numTensors) });
    expect(counts).toHaveLength(4);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });

  it('learns: the loss falls and the accuracy rises', async () => {
    const { file, dir } = workspace();
    const logs = epochs((await train(file, { outDir: dir })).events).map((e) => e.logs);
    expect(logs.at(-1)!['loss']!).toBeLessThan(logs[0]!['loss']!);
    expect(logs.at(-1)!['test_accuracy']!).toBeGreaterThan(0.85);
  });

  it('repeats a run exactly with the same seed', async () => {
    const { file, dir } = workspace();
    const a = epochs((await train(file, { outDir: join(dir, 'a') })).events).map((e) => e.logs['loss']);
    const b = epochs((await train(file, { outDir: join(dir, 'b') })).events).map((e) => e.logs['loss']);
    expect(b).toEqual(a);
  });

  it('saves a checkpoint each epoch and resumes from the last one', async () => {
    const { file, dir } = workspace();
    const first = await train(file, { outDir: dir, overrides: { epochs: 2 } });
    const saved = first.events.filter((e) => e.type === 'checkpoint');
    expect(saved.map((e) => (e as { epoch: number }).epoch)).toEqual([1, 2]);
    // each run has its own folder in the runs folder (--out), which names the newest
    const runDir = (first.events[0] as { runDir: string }).runDir;
    const latest = JSON.parse(readFileSync(join(runDir, 'checkpoints', 'latest.json'), 'utf8'));
    expect(latest.epoch).toBe(2);
    expect(existsSync(join(runDir, 'checkpoints', latest.checkpoint, 'model-Tiny.bin'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8'))).toMatchObject({ run: (first.events[0] as { runId: string }).runId, dir: 'checkpoints', checkpoint: latest.checkpoint, epoch: 2 });

    const resumed = await train(file, { outDir: dir, resume: true, overrides: { epochs: 4 } });
    expect(resumed.events[0]).toMatchObject({ type: 'start', firstEpoch: 3, resumedFrom: join(runDir, 'checkpoints', latest.checkpoint) });
    const logs = epochs(resumed.events);
    expect(logs.map((e) => e.epoch)).toEqual([3, 4]);
    // the weights came back: epoch 3 starts from a trained model, far below a fresh model's first epoch
    expect(logs[0]!.logs['loss']!).toBeLessThan(epochs(first.events)[0]!.logs['loss']!);
  });

  it('refuses to resume from the checkpoint of another run', async () => {
    const { file, dir } = workspace();
    await train(file, { outDir: dir, overrides: { epochs: 1 } });
    const other = join(dir, 'other.nn');
    writeFileSync(other, SMALL.replaceAll('Tiny', 'Other'));
    await expect(train(other, { outDir: dir, resume: true })).rejects.toThrow(/was saved by the run of Tiny, not Other/);
  });

  it('stops after the current batch when asked, with a checkpoint', async () => {
    const { file, dir } = workspace();
    const stop = { requested: false };
    const events: TrainEvent[] = [];
    const { result } = await train(file, {
      outDir: dir,
      stop,
      emit: (e) => {
        events.push(e);
        if (e.type === 'epoch' && e.epoch === 2) stop.requested = true;
      },
    });
    expect(result.reason).toBe('stopped');
    expect(epochs(events).map((e) => e.epoch)).toEqual([1, 2]);
    // the last word of the run, but for its loss-and-metrics chart
    expect(events.filter((e) => e.type !== 'sample' || e.kind !== 'metrics').at(-1)).toMatchObject({ type: 'checkpoint', epoch: 2 });
  });

  it('stops early when the held-out loss stops improving', async () => {
    const { file, dir } = workspace(SMALL.replace('epochs: 4', 'epochs: 40\n  early_stopping: 1\n  validation: 0.2'));
    const { events, result } = await train(file, { outDir: dir });
    expect(result.reason).toBe('early-stopping');
    expect(epochs(events).length).toBeLessThan(40);
    expect(Object.keys(epochs(events)[0]!.logs)).toEqual(['loss', 'val_loss', 'val_accuracy']);
  });
});
