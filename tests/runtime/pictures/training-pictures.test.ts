// A short real training run draws its pictures: files in the run folder's
// samples/, one `sample` event each, with the kinds that fit the run.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';
import { wellFormed } from './svg-parse.js';

const tf = testTf();

const TINY = (settings: string) => `
model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(split: 0.8, limit: 300) {
  loss: crossentropy
  epochs: 1
  batch: 50
  metrics: [accuracy]
  seed: 3
  ${settings}
}
`;

async function train(source: string): Promise<TrainEvent[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nn-pictures-'));
  const file = join(dir, 'tiny.nn');
  writeFileSync(file, source);
  const events: TrainEvent[] = [];
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false } });
  for (const m of Object.values(result.models)) m.dispose();
  return events;
}

const samples = (events: TrainEvent[]) => events.filter((e): e is Extract<TrainEvent, { type: 'sample' }> => e.type === 'sample');

describe('pictures during training', () => {
  it('a classifier on digits draws its predictions and confusion matrix after each epoch', async () => {
    const events = await train(TINY('samples: { count: 6 }'));
    const drawn = samples(events);
    expect(drawn.filter((s) => s.kind !== 'metrics').map((s) => [s.kind, s.epoch, basename(s.path)])).toEqual([
      ['predictions', 1, 'epoch-0001-predictions.svg'],
      ['confusion', 1, 'epoch-0001-confusion.svg'],
    ]);
    const start = events.find((e) => e.type === 'start')!;
    for (const s of drawn) {
      expect(s.path.startsWith(join((start as { runDir: string }).runDir, 'samples'))).toBe(true);
      expect(wellFormed(readFileSync(s.path, 'utf8'))).toBe(true);
    }
    const grid = readFileSync(drawn[0]!.path, 'utf8');
    expect(grid.match(/<image /g)).toHaveLength(6);
    const confusion = readFileSync(drawn[1]!.path, 'utf8');
    expect(confusion.match(/class="cell"/g)).toHaveLength(100);
    // the pictures come after the epoch's evaluation, before its checkpoint
    const order = events.map((e) => e.type).filter((t) => t === 'epoch' || t === 'sample' || t === 'checkpoint');
    expect(order.slice(0, 4)).toEqual(['epoch', 'sample', 'sample', 'checkpoint']);
  });

  it('samples: { every: 0 } draws nothing', async () => {
    const events = await train(TINY('samples: { every: 0 }'));
    expect(samples(events)).toEqual([]);
    expect(events.at(-1)?.type).not.toBe('error');
  });
});
