// The training view's state, folded from real `nn train --json` streams
// (tests/fixtures/events: an MLP for 2 epochs, the ring GAN for 3) and from
// hand-written edge cases: errors with a position, stop, crashes, resume.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { epochChartGroups } from '../../client/runs/chart-groups.js';
import { epochSeries, exitRun, initialRunState, newestSamples, reduceRun, runStatusLine, type RunState, sampleCaption } from '../../client/runs/run-state.js';
import type { TrainEvent } from '../../runtime/train/events.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'events');
const stream = (name: string): TrainEvent[] =>
  readFileSync(join(fixtures, name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TrainEvent);
const fold = (events: TrainEvent[], state: RunState = initialRunState()): RunState => events.reduce((s, e) => reduceRun(s, e), state);

const start = (over: Partial<Extract<TrainEvent, { type: 'start' }>> & Record<string, unknown> = {}): TrainEvent => ({
  type: 'start',
  name: 'MLP',
  models: [{ name: 'MLP', parameters: 1000, trainableParameters: 1000 }],
  data: 'mnist',
  examples: { train: 1000, test: 200, validation: 0 },
  epochs: 10,
  batchesPerEpoch: 100,
  backend: 'tensorflow',
  device: 'cpu',
  firstEpoch: 1,
  ...over,
});
const batch = (epoch: number, b: number, loss: number, extra: Record<string, unknown> = {}): TrainEvent =>
  ({ type: 'batch', epoch, batch: b, batches: 100, loss, ...extra }) as TrainEvent;
const epoch = (n: number, seconds: number, logs: Record<string, number> = { loss: 0.5 }): TrainEvent => ({
  type: 'epoch',
  epoch: n,
  epochs: 10,
  logs,
  seconds,
  learningRate: 0.1,
});

describe('the MLP stream', () => {
  const events = stream('mlp-2-epochs.jsonl');

  it('names the run and takes the speed and the ETA from the runtime’s timing', () => {
    const s = fold(events.slice(0, 11)); // start and 10 batches
    expect(s.header).toMatchObject({ runId: '20261202-004734-68f6', file: '/home/me/nn/mlp.nn', runDir: '/home/me/nn/runs/MLP', batchSize: 64 });
    expect(s.progress).toMatchObject({ epoch: 1, batch: 80, examplesPerSecond: 3276.1 });
    expect(s.progress.etaSeconds).toBeCloseTo((2.93 / 80) * 170); // 170 of 250 batches left
    expect(s.batches.examplesPerSecond.slice(8, 10)).toEqual([2363.7, 3276.1]);
    expect(runStatusLine(s)).toMatch(/^epoch 1\/2 · loss 0\.\d+ · 3,280 ex\/s$/);
  });

  it('ends done with every batch, epoch, checkpoint and the final metrics', () => {
    const s = fold(events);
    expect(s.phase).toBe('done');
    expect(s.epochs.map((r) => r.epoch)).toEqual([1, 2]);
    expect(s.checkpoints).toHaveLength(2);
    expect(s.batches.step).toHaveLength(s.batches.examplesPerSecond.length);
    expect(s.batches.examplesPerSecond.every(Number.isFinite)).toBe(true);
    expect(s.end).toMatchObject({ reason: 'completed', epochs: 2, metrics: { test_accuracy: 0.943 } });
  });
});

describe('an MLP stream from a runtime without timing (no runId, elapsed or examplesPerSecond)', () => {
  const events = stream('mlp-2-epochs-untimed.jsonl');

  it('starts with the header and nothing done', () => {
    const s = fold(events.slice(0, 1));
    expect(s.phase).toBe('running');
    expect(s.header).toMatchObject({ name: 'MLP', parameters: 101770, backend: 'tensorflow', device: 'cpu', epochs: 2, batchesPerEpoch: 125 });
    expect(s.progress).toMatchObject({ epoch: 1, batch: 0, fraction: 0, etaSeconds: null });
    expect(runStatusLine(s)).toBe('epoch 1/2');
  });

  it('after the first epoch: a row, examples per second, an ETA of one epoch', () => {
    const s = fold(events.slice(0, 10));
    expect(s.epochs).toHaveLength(1);
    expect(s.epochKeys).toEqual(['loss', 'test_loss', 'test_accuracy']);
    expect(s.progress.fraction).toBe(0.5);
    expect(s.progress.examplesPerSecond).toBeCloseTo(8000 / 2.225);
    expect(s.progress.etaSeconds).toBeCloseTo(2.225);
    expect(runStatusLine(s)).toMatch(/^epoch 1\/2 · loss 0\.\d+ · 3,600 ex\/s$/);
  });

  it('ends done with every batch, epoch, checkpoint and the final metrics', () => {
    const s = fold(events);
    expect(s.phase).toBe('done');
    expect(s.batches.step).toHaveLength(16);
    expect(s.batches.step.slice(7, 10)).toEqual([125, 126, 141]); // global steps run on across epochs
    expect(s.epochs.map((r) => r.epoch)).toEqual([1, 2]);
    expect(epochSeries(s, 'test_accuracy').values).toEqual([0.9345, 0.9415]);
    expect(s.checkpoints.map((c) => c.epoch)).toEqual([1, 2]);
    expect(s.end).toMatchObject({ reason: 'completed', epochs: 2, metrics: { test_accuracy: 0.9415 } });
    expect(s.progress).toMatchObject({ fraction: 1, etaSeconds: 0, epochsDone: 2 });
    expect(runStatusLine(s)).toMatch(/^done · 2 epochs · loss 0\.\d+$/);
    expect(epochChartGroups(s.epochKeys).map((g) => g.keys)).toEqual([['loss', 'test_loss'], ['test_accuracy']]);
  });

  it('smooths the batch loss like TensorBoard (weight 0.6, debiased)', () => {
    const s = fold(events);
    const [a, b] = s.batches.loss as [number, number];
    expect(s.batches.smoothed[0]).toBeCloseTo(a);
    expect(s.batches.smoothed[1]).toBeCloseTo((0.24 * a + 0.4 * b) / 0.64);
    const spread = (xs: number[]): number => Math.max(...xs.slice(1).map((x, i) => Math.abs(x - xs[i]!)));
    expect(spread(s.batches.smoothed)).toBeLessThan(spread(s.batches.loss));
  });

  it('folds the same events replayed into the same epochs and checkpoints', () => {
    const s = fold(events.slice(1), fold(events));
    expect(s.epochs).toHaveLength(2);
    expect(s.checkpoints).toHaveLength(2);
  });

  it('begins again at a second start', () => {
    const s = fold(events, fold(events));
    expect(s.batches.step).toHaveLength(16);
    expect(s.revision).toBe(2 * events.length);
  });
});

describe('the ring GAN stream', () => {
  const s = fold(stream('ringgan-3-epochs.jsonl'));

  it('adds up both models and keeps d_loss and g_loss per batch', () => {
    expect(s.header?.models.map((m) => m.name)).toEqual(['RingGenerator', 'RingDiscriminator']);
    expect(s.header?.parameters).toBe(17922 + 17025);
    expect(s.batches.logs.d_loss).toHaveLength(s.batches.step.length);
    expect(s.batches.logs.g_loss).toHaveLength(s.batches.step.length);
    expect(s.batches.logs.d_loss![0]).toBe(s.batches.loss[0]);
  });

  it('charts the GAN losses together and the modes covered alone, and keeps the sample', () => {
    expect(s.epochKeys).toEqual(['d_loss', 'g_loss', 'modes_covered']);
    expect(epochChartGroups(s.epochKeys).map((g) => [g.id, g.keys])).toEqual([
      ['gan', ['d_loss', 'g_loss']],
      ['modes_covered', ['modes_covered']],
    ]);
    expect(s.samples).toEqual([{ epoch: 3, path: '/home/me/nn/runs/RingGAN/samples/epoch-0003.png', kind: 'scatter' }]);
    expect(s.phase).toBe('done');
  });
});

describe('failures', () => {
  it('an error with a position fails the run and keeps where it is', () => {
    const error: TrainEvent = { type: 'error', message: 'Dense acts on the last axis', file: '/home/me/mlp.nn', line: 3, column: 10 };
    let s = fold([error]);
    expect(s.phase).toBe('failed');
    expect(s.errors).toEqual([{ message: 'Dense acts on the last axis', file: '/home/me/mlp.nn', line: 3, column: 10 }]);
    expect(runStatusLine(s)).toBe('failed: Dense acts on the last axis');
    s = exitRun(s, { code: 1, signal: null, stderrTail: '' });
    expect(s.phase).toBe('failed');
    expect(s.failure).toBe('Dense acts on the last axis');
    expect(s.exit?.code).toBe(1);
  });

  it('a process killed for memory is a failure that keeps the stderr tail', () => {
    const tail = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';
    const s = exitRun(fold([start(), batch(1, 10, 0.9)]), { code: 134, signal: null, stderrTail: tail });
    expect(s.phase).toBe('failed');
    expect(s.failure).toBe('the training process ran out of memory');
    expect(s.exit?.stderrTail).toBe(tail);
    expect(s.progress.etaSeconds).toBeNull();
    expect(exitRun(fold([start()]), { code: null, signal: 'SIGKILL', stderrTail: '' }).failure).toBe('the training process ran out of memory (killed by SIGKILL)');
    expect(exitRun(fold([start()]), { code: null, signal: 'SIGSEGV', stderrTail: 'x' }).failure).toBe('the training process was killed by SIGSEGV');
  });

  it('an exit without an end event is a failure, even with status 0', () => {
    expect(exitRun(fold([start()]), { code: 0, signal: null, stderrTail: '' }).failure).toBe('the training process exited before the run ended');
    const never = exitRun(initialRunState(), { code: 2, signal: null, stderrTail: 'Error: cannot find module' });
    expect(never.phase).toBe('failed');
    expect(runStatusLine(never)).toBe('failed: the training process exited with code 2');
  });
});

describe('stopping', () => {
  it('an end that says stopped, then exit 130, is stopped', () => {
    let s = fold([start(), batch(1, 50, 0.5), epoch(1, 3), { type: 'checkpoint', epoch: 1, path: '/r/c1' }, { type: 'end', reason: 'stopped', epochs: 1, metrics: { loss: 0.5 }, seconds: 3 }]);
    s = exitRun(s, { code: 130, signal: null, stderrTail: '' });
    expect(s.phase).toBe('stopped');
    expect(s.failure).toBeNull();
    expect(runStatusLine(s)).toBe('stopped at epoch 1/10');
  });

  it('exit 130 with no end (a second Ctrl-C) is stopped too', () => {
    expect(exitRun(fold([start(), batch(1, 5, 1)]), { code: 130, signal: null, stderrTail: '' }).phase).toBe('stopped');
  });
});

describe('progress and ETA', () => {
  it('a resumed run starts at its first epoch and counts the ETA from its own batches', () => {
    let s = fold([start({ firstEpoch: 4, epochs: 6 })]);
    expect(s.progress).toMatchObject({ epoch: 4, epochsDone: 3, fraction: 0.5 });
    s = reduceRun(s, batch(4, 50, 0.3, { elapsed: 10, examplesPerSecond: 1234 }));
    expect(s.batches.step).toEqual([350]);
    expect(s.progress.fraction).toBeCloseTo(3.5 / 6);
    expect(s.progress.etaSeconds).toBeCloseTo(50); // 250 batches left at 0.2 s each
    expect(runStatusLine(s)).toBe('epoch 4/6 · loss 0.3 · 1,230 ex/s');
  });

  it('without elapsed times, the ETA comes from this run’s epoch seconds', () => {
    const s = fold([start({ firstEpoch: 4, epochs: 6 }), batch(4, 100, 0.3), epoch(4, 20)]);
    expect(s.progress.etaSeconds).toBeCloseTo(40);
    expect(s.progress.examplesPerSecond).toBeCloseTo(1000 / 20);
  });

  it('with only the live clock, the ETA comes from the time since start', () => {
    let s = reduceRun(initialRunState(), start({ epochs: 1, batchesPerEpoch: 10 }), 5_000);
    s = reduceRun(s, { type: 'batch', epoch: 1, batch: 1, batches: 10, loss: 1 }, 6_000);
    expect(s.progress.etaSeconds).toBeCloseTo(9);
    expect(fold([start({ epochs: 1, batchesPerEpoch: 10 }), batch(1, 1, 1)]).progress.etaSeconds).toBeNull(); // replayed: no clock
  });

  it('derives examples per second from elapsed time and the batch size', () => {
    const s = fold([start({ batchSize: 32 }), batch(1, 10, 1, { elapsed: 2 })]);
    expect(s.progress.examplesPerSecond).toBeCloseTo(160);
  });
});

describe('the rest of the stream', () => {
  it('keeps each warning once, each epoch once (in order), and NaN losses out of the smoothing', () => {
    const warning: TrainEvent = { type: 'warning', message: 'no native TensorFlow backend' };
    const s = fold([start(), warning, warning, epoch(2, 1), epoch(1, 1), epoch(2, 1, { loss: 0.1 }), batch(1, 1, 1), batch(1, 2, NaN), batch(1, 3, 1)]);
    expect(s.warnings).toEqual(['no native TensorFlow backend']);
    expect(s.epochs.map((r) => [r.epoch, r.logs.loss])).toEqual([
      [1, 0.5],
      [2, 0.1],
    ]);
    expect(s.batches.smoothed[1]).toBeNaN();
    expect(s.batches.smoothed[2]).toBeCloseTo(1);
  });

  it('pads batch logs that start late or stop with NaN', () => {
    const s = fold([start(), batch(1, 1, 1), batch(1, 2, 1, { logs: { d_loss: 0.7 } }), batch(1, 3, 1)]);
    expect(s.batches.logs.d_loss).toEqual([NaN, 0.7, NaN]);
  });
});

describe('the pictures of a run', () => {
  const dir = '/home/me/nn/runs/Tiny/20261202-120000-abcd/samples';
  const picture = (epoch: number, kind: string, name: string): TrainEvent => ({ type: 'sample', epoch, path: `${dir}/${name}`, kind }) as TrainEvent;
  const s = fold([
    start({ name: 'Tiny' }),
    epoch(1, 1),
    picture(1, 'predictions', 'epoch-0001-predictions.svg'),
    picture(1, 'confusion', 'epoch-0001-confusion.svg'),
    epoch(2, 1),
    picture(2, 'predictions', 'epoch-0002-predictions.svg'),
    picture(2, 'confusion', 'epoch-0002-confusion.svg'),
    picture(2, 'metrics', 'metrics.svg'),
    // the same event again (a reloaded view reads the events file, then hears it live) is one picture
    picture(2, 'metrics', 'metrics.svg'),
  ]);

  it('keeps every kind, newest first (within an epoch, the later first), as many as asked', () => {
    expect(s.samples).toHaveLength(5);
    expect(newestSamples(s.samples, 10).map((p) => p.path.slice(dir.length + 1))).toEqual([
      'metrics.svg',
      'epoch-0002-confusion.svg',
      'epoch-0002-predictions.svg',
      'epoch-0001-confusion.svg',
      'epoch-0001-predictions.svg',
    ]);
    expect(newestSamples(s.samples, 2).map((p) => p.kind)).toEqual(['metrics', 'confusion']);
  });

  it('captions each picture with what it shows and its epoch', () => {
    expect(s.samples.map(sampleCaption)).toEqual(['predictions, epoch 1', 'confusion matrix, epoch 1', 'predictions, epoch 2', 'confusion matrix, epoch 2', 'loss and metrics, epochs 1-2']);
    expect(sampleCaption({ epoch: 4, path: 'x.svg', kind: 'attention' })).toBe('attention, epoch 4');
    expect(sampleCaption({ epoch: 4, path: 'x.svg', kind: 'detections' })).toBe('detections, epoch 4');
    expect(sampleCaption({ epoch: 4, path: 'x.svg', kind: 'scatter' })).toBe('generated points, epoch 4');
    // a kind from a newer version is shown by its name
    expect(sampleCaption({ epoch: 4, path: 'x.svg', kind: 'heatmap' as never })).toBe('heatmap, epoch 4');
  });
});
