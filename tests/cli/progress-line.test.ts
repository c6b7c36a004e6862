// The progress bar fitted to the terminal: a wrapped line cannot be cleared
// by `\r\x1b[2K`, so at every width the line stays under the last column.

import { describe, expect, it } from 'vitest';
import { progressLine, type ProgressParts } from '../../cli/progress-line.js';
import { progressDisplay } from '../../cli/train-output.js';
import type { TrainEvent } from '../../runtime/train/events.js';

const FOUR_METRICS: ProgressParts = {
  epoch: 12,
  batch: 431,
  batches: 938,
  logs: ['loss 0.1234', 'accuracy 0.9612', 'top5_accuracy 0.9987', 'precision 0.9580', 'recall 0.9544'],
  eta: '1 min 12 s',
};

describe('progressLine', () => {
  it('is the whole line when the width is unknown or wide enough', () => {
    const full = progressLine(FOUR_METRICS, undefined);
    expect(full).toBe('epoch 12 [===========>            ] 431/938  loss 0.1234  accuracy 0.9612  top5_accuracy 0.9987  precision 0.9580  recall 0.9544  ETA 1 min 12 s');
    expect(progressLine(FOUR_METRICS, full.length + 1)).toBe(full);
  });

  it('never reaches the last column, at any width', () => {
    for (let columns = 1; columns <= 160; columns++) expect(progressLine(FOUR_METRICS, columns).length).toBeLessThan(columns);
  });

  it('gives way in order: a narrower bar, then the last metrics, then the ETA, then the bar', () => {
    const bar = 'epoch 12 [=====>    ] 431/938';
    expect(progressLine(FOUR_METRICS, 140)).toBe(`${bar}  loss 0.1234  accuracy 0.9612  top5_accuracy 0.9987  precision 0.9580  recall 0.9544  ETA 1 min 12 s`);
    expect(progressLine(FOUR_METRICS, 130)).toBe(`${bar}  loss 0.1234  accuracy 0.9612  top5_accuracy 0.9987  precision 0.9580  ETA 1 min 12 s`);
    expect(progressLine(FOUR_METRICS, 80)).toBe(`${bar}  loss 0.1234  accuracy 0.9612  ETA 1 min 12 s`);
    expect(progressLine(FOUR_METRICS, 50)).toBe(`${bar}  loss 0.1234`);
    expect(progressLine(FOUR_METRICS, 40)).toBe('epoch 12 431/938  loss 0.1234');
    expect(progressLine(FOUR_METRICS, 20)).toBe('epoch 12 431/938');
    expect(progressLine(FOUR_METRICS, 10)).toBe('epoch 12');
  });
});

describe('the bar in a narrow terminal', () => {
  it('writes every bar within the width it reads at each batch', () => {
    const out: string[] = [];
    let columns = 60;
    const show = progressDisplay({ write: (t: string) => out.push(t) }, true, { write: () => 0 }, () => columns);
    const batch = (b: number): TrainEvent => ({ type: 'batch', epoch: 1, batch: b, batches: 100, loss: 0.5, logs: { loss: 0.5, accuracy: 0.9, top5_accuracy: 0.99, precision: 0.9, recall: 0.9 } }) as TrainEvent;
    show(batch(1));
    columns = 30; // the terminal is narrowed during the run
    show(batch(2));
    const bars = out.map((t) => t.replace('\r\x1b[2K', ''));
    expect(bars[0]!.length).toBeLessThan(60);
    expect(bars[1]!.length).toBeLessThan(30);
    expect(bars[1]).toBe('epoch 1 2/100  loss 0.5000');
  });
});
