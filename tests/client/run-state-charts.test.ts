// The charts the training view draws from a run's state (chart-data.ts):
// which charts, which series, earlier runs overlaid on the union of epochs,
// and the batch series within the point bound.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialRunState, reduceRun, type RunState } from '../../client/runs/run-state.js';
import { buildCharts } from '../../client/webviews/training/chart-data.js';
import { withAlpha } from '../../client/webviews/training/theme.js';
import type { TrainEvent } from '../../runtime/train/events.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'events');
const run = (name: string, count = Infinity): RunState =>
  readFileSync(join(fixtures, name), 'utf8')
    .trim()
    .split('\n')
    .slice(0, count)
    .reduce((s, line) => reduceRun(s, JSON.parse(line) as TrainEvent), initialRunState());

describe('charts of a run', () => {
  it('an MLP: batch loss raw and smoothed, loss per epoch, accuracy, learning rate, speed per batch', () => {
    const charts = buildCharts(run('mlp-2-epochs.jsonl'));
    expect(charts.map((c) => [c.id, c.x, c.series.map((s) => s.label)])).toEqual([
      ['batch', 'step', ['loss', 'smoothed']],
      ['epoch-loss', 'epoch', ['train', 'test']],
      ['epoch-accuracy', 'epoch', ['test']],
      ['learning-rate', 'epoch', ['learning rate']],
      ['speed', 'step', ['examples/s']],
    ]);
    const batch = charts[0]!;
    expect(batch.series[0]!.faint).toBe(true);
    expect(batch.data).toHaveLength(3);
    expect(batch.data[0]![batch.data[0]!.length - 1]).toBe(250);
  });

  it('before the first epoch: only the batch charts', () => {
    expect(buildCharts(run('mlp-2-epochs.jsonl', 5)).map((c) => c.id)).toEqual(['batch', 'speed']);
    expect(buildCharts(initialRunState())).toEqual([]);
  });

  it('a runtime without timing: speed per epoch', () => {
    const speed = buildCharts(run('mlp-2-epochs-untimed.jsonl')).find((c) => c.id === 'speed')!;
    expect(speed.x).toBe('epoch');
    expect(speed.data[1]![0]).toBeCloseTo(8000 / 2.225);
  });

  it('a GAN: discriminator and generator per batch and per epoch, modes covered alone', () => {
    const charts = buildCharts(run('ringgan-3-epochs.jsonl'));
    expect(charts.map((c) => [c.id, c.series.map((s) => s.kind)])).toEqual([
      ['batch', ['discriminator', 'generator']],
      ['epoch-gan', ['discriminator', 'generator']],
      ['epoch-modes_covered', ['modes']],
      ['learning-rate', ['rate']],
      ['speed', ['speed']],
    ]);
  });

  it('overlays earlier runs dashed on the union of their epochs, leaving out what they did not log', () => {
    const current = run('mlp-2-epochs.jsonl');
    const longer = [1, 2, 3].reduce(
      (s, e) => reduceRun(s, { type: 'epoch', epoch: e, epochs: 3, logs: { loss: 1 / e }, seconds: 1, learningRate: 0.1 }),
      initialRunState(),
    );
    const loss = buildCharts(current, [{ runId: 'old', label: '12-01 10:00', state: longer }]).find((c) => c.id === 'epoch-loss')!;
    expect(loss.data[0]).toEqual([1, 2, 3]);
    expect(loss.series.map((s) => [s.label, s.overlay])).toEqual([
      ['train', undefined],
      ['test', undefined],
      ['train · 12-01 10:00', 0],
    ]);
    expect(loss.data[1]![2]).toBeNull(); // this run has no epoch 3
    expect(loss.data[3]).toEqual([1, 0.5, 1 / 3]);
  });

  it('10,000 batches draw as at most 2,000 points per chart', () => {
    let s = reduceRun(initialRunState(), {
      type: 'start', name: 'M', models: [], data: 'd', examples: { train: 1, test: 0, validation: 0 },
      epochs: 100, batchesPerEpoch: 100, backend: 'tensorflow', device: 'cpu', firstEpoch: 1,
    });
    for (let i = 0; i < 10_000; i++) s = reduceRun(s, { type: 'batch', epoch: Math.floor(i / 100) + 1, batch: (i % 100) + 1, batches: 100, loss: Math.cos(i), examplesPerSecond: 1000 + i });
    const charts = buildCharts(s);
    for (const chart of charts) expect(chart.data[0]!.length).toBeLessThanOrEqual(2000);
    expect(charts.find((c) => c.id === 'speed')!.data[1]!.at(-1)).toBe(10_999);
  });
});

describe('theme colours', () => {
  it('fades the theme’s colours for the grid, whatever their notation', () => {
    expect(withAlpha('#cccccc', 0.12)).toBe('rgba(204, 204, 204, 0.12)');
    expect(withAlpha('#fff', 0.5)).toBe('rgba(255, 255, 255, 0.5)');
    expect(withAlpha('#00000080', 0.5)).toBe('rgba(0, 0, 0, 0.251)');
    expect(withAlpha('rgba(97, 97, 97, 0.5)', 0.5)).toBe('rgba(97, 97, 97, 0.25)');
    expect(withAlpha('rgb(1 2 3)', 1)).toBe('rgba(1, 2, 3, 1)');
    expect(withAlpha('red', 0.3)).toBe('red');
  });
});
