// What `nn train` shows a person: the run's lines on stdout, warnings and an
// error on stderr (so `nn train ... > log` keeps them visible), in words
// that agree in number.

import { describe, expect, it } from 'vitest';
import { progressDisplay } from '../../cli/train-output.js';
import type { TrainEvent } from '../../runtime/train/events.js';

const start = {
  type: 'start',
  runId: '20261202-120000-abcd',
  pid: 1,
  file: 'mlp.nn',
  runDir: 'runs/MLP/20261202-120000-abcd',
  name: 'MLP',
  models: [{ name: 'MLP', parameters: 101770, trainableParameters: 101770 }],
  data: 'mnist',
  examples: { train: 64, test: 16, validation: 0 },
  epochs: 1,
  batchesPerEpoch: 1,
  batchSize: 64,
  backend: 'tensorflow',
  device: 'cpu',
  firstEpoch: 1,
} as TrainEvent;

function shown(events: TrainEvent[]): { out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const show = progressDisplay({ write: (t: string) => out.push(t) }, false, { write: (t: string) => err.push(t) });
  for (const e of events) show(e);
  return { out: out.join(''), err: err.join('') };
}

describe('nn train for people', () => {
  it('says "1 epoch of 1 batch", and the plural otherwise', () => {
    expect(shown([start]).out).toContain('backend: tensorflow (cpu), 1 epoch of 1 batch\n');
    expect(shown([{ ...start, epochs: 3, batchesPerEpoch: 125 } as TrainEvent]).out).toContain('3 epochs of 125 batches\n');
  });

  it('writes warnings and the error on stderr, the run on stdout', () => {
    const { out, err } = shown([
      start,
      { type: 'warning', message: 'the loss is exploding' },
      { type: 'error', message: 'the loss became NaN at epoch 1, batch 1' } as TrainEvent,
    ]);
    expect(err).toBe('nn: warning: the loss is exploding\nnn: the loss became NaN at epoch 1, batch 1\n');
    expect(out).not.toContain('exploding');
    expect(out).toMatch(/^training MLP \(101,770 parameters\) on mnist/);
  });

  it('names the folder of the pictures once and the loss-and-metrics chart after the last line', () => {
    const dir = 'runs/MLP/20261202-120000-abcd/samples';
    const { out } = shown([
      start,
      { type: 'epoch', epoch: 1, epochs: 1, logs: { loss: 0.5 }, seconds: 1, learningRate: 0.001 },
      { type: 'sample', epoch: 1, path: `${dir}/epoch-0001-predictions.svg`, kind: 'predictions' },
      { type: 'sample', epoch: 1, path: `${dir}/epoch-0001-confusion.svg`, kind: 'confusion' },
      { type: 'sample', epoch: 1, path: `${dir}/metrics.svg`, kind: 'metrics' },
      { type: 'end', reason: 'completed', epochs: 1, metrics: { loss: 0.5 }, seconds: 1 },
    ]);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('pictures in'))).toEqual([`  pictures in ${dir}/`]);
    expect(lines.slice(-2)).toEqual(['done after 1 epoch in 1.0 s', `loss and metrics: ${dir}/metrics.svg`]);
  });
});
