// What the training view draws from a run's state: 10,000 batch losses
// decimated to the bound with their extremes kept, chart groups and
// legends, and the numbers as they read.

import { describe, expect, it } from 'vitest';
import { epochChartGroups, seriesLabel } from '../../client/runs/chart-groups.js';
import { decimate, minMaxIndices } from '../../client/runs/decimate.js';
import { formatCount, formatDuration, formatRate, formatValue } from '../../client/runs/format.js';
import { initialRunState, reduceRun } from '../../client/runs/run-state.js';

describe('decimation', () => {
  // 10,000 batches of a noisy falling loss with one spike and one dip
  let state = reduceRun(initialRunState(), {
    type: 'start', name: 'M', models: [], data: 'd', examples: { train: 1, test: 0, validation: 0 },
    epochs: 100, batchesPerEpoch: 100, backend: 'tensorflow', device: 'cpu', firstEpoch: 1,
  });
  for (let i = 0; i < 10_000; i++) {
    const loss = i === 4321 ? 9 : i === 7777 ? -1 : 2 / (1 + i / 500) + 0.1 * Math.sin(i * 1.7);
    state = reduceRun(state, { type: 'batch', epoch: Math.floor(i / 100) + 1, batch: (i % 100) + 1, batches: 100, loss });
  }
  const { step, loss, smoothed } = state.batches;
  const drawn = decimate(step, [loss, smoothed], 2000);

  it('keeps all 10,000 points in the state and draws at most 2,000', () => {
    expect(step).toHaveLength(10_000);
    expect(drawn.x.length).toBeLessThanOrEqual(2000);
    expect(drawn.x.length).toBeGreaterThan(1900);
    expect(drawn.series.every((s) => s.length === drawn.x.length)).toBe(true);
  });

  it('keeps the first, the last, the highest and the lowest point, in order', () => {
    expect(drawn.x[0]).toBe(1);
    expect(drawn.x[drawn.x.length - 1]).toBe(10_000);
    expect(Math.max(...drawn.series[0]!)).toBe(9);
    expect(Math.min(...drawn.series[0]!)).toBe(-1);
    expect(drawn.x[drawn.series[0]!.indexOf(-1)]).toBe(7778);
    expect(drawn.x[drawn.series[0]!.indexOf(9)]).toBe(4322);
    expect(drawn.x.every((x, i) => i === 0 || x > drawn.x[i - 1]!)).toBe(true);
  });

  it('keeps each bucket’s extremes, so the drawn band spans the raw one everywhere', () => {
    // over any stretch of 100 steps, the drawn min and max equal the raw ones within one bucket's width
    for (let from = 0; from < 10_000; from += 1000) {
      const raw = loss.slice(from, from + 1000);
      const inRange = drawn.x.map((x, i) => [x, drawn.series[0]![i]!] as const).filter(([x]) => x > from + 10 && x <= from + 990);
      expect(Math.max(...inRange.map(([, v]) => v))).toBeLessThanOrEqual(Math.max(...raw));
      expect(Math.max(...inRange.map(([, v]) => v))).toBeGreaterThan(Math.max(...raw) - 0.05);
    }
  });

  it('passes short series through and skips all-NaN buckets', () => {
    expect(minMaxIndices([3, 1, 2], 2000)).toEqual([0, 1, 2]);
    const gappy = Array.from({ length: 100 }, (_, i) => (i >= 10 && i < 60 ? NaN : i));
    const kept = minMaxIndices(gappy, 10);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept.filter((i) => i > 0 && i < 99).every((i) => !Number.isNaN(gappy[i]))).toBe(true);
  });
});

describe('chart groups', () => {
  it('puts losses first, then each metric with its held-out values', () => {
    const groups = epochChartGroups(['loss', 'val_loss', 'val_accuracy', 'test_loss', 'test_accuracy', 'test_iou', 'accuracy']);
    expect(groups.map((g) => [g.id, g.keys])).toEqual([
      ['loss', ['loss', 'val_loss', 'test_loss']],
      ['accuracy', ['val_accuracy', 'test_accuracy', 'accuracy']],
      ['iou', ['test_iou']],
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Loss per epoch', 'Accuracy', 'Iou']);
    expect(['loss', 'val_loss', 'test_map', 'd_loss', 'g_loss'].map(seriesLabel)).toEqual(['train', 'validation', 'test', 'discriminator', 'generator']);
  });
});

describe('numbers', () => {
  it('reads losses, counts, rates and durations', () => {
    expect([0.41, 0.0053, 0.20193, 2.3668, 12.34, 1234.5, 0, 1].map(formatValue)).toEqual(['0.41', '0.0053', '0.202', '2.37', '12.3', '1,235', '0', '1']);
    expect(formatCount(101770)).toBe('101,770');
    expect([1234, 45.61, 0.823, 98765].map(formatRate)).toEqual(['1,230', '45.6', '0.823', '98,800']);
    expect([0.7, 12, 200, 3900].map(formatDuration)).toEqual(['0.7 s', '12 s', '3 min 20 s', '1 h 05 min']);
  });
});
