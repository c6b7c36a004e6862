// With no held-out data (`split: 1.0`, no `validation:`) a run reports
// nothing for it: no `test_` keys in the epochs' logs or the end's metrics
// (a test_loss of 0 would read as perfect), and early stopping, which
// watches the held-out loss, does not stop the run.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

async function train(settings: string, split: string): Promise<{ epochs: Record<string, number>[]; end: Record<string, number>; reason: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nn-no-test-'));
  const file = join(dir, 'tiny.nn');
  writeFileSync(file, `model Tiny {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\n\ntrain Tiny on mnist(limit: 60, split: ${split}) {\n  epochs: 3\n  batch: 20\n  seed: 1\n  metrics: [accuracy]\n${settings}\n}\n`);
  const events: TrainEvent[] = [];
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false } });
  for (const m of Object.values(result.models)) m.dispose();
  const epochs = events.filter((e): e is Extract<TrainEvent, { type: 'epoch' }> => e.type === 'epoch').map((e) => e.logs);
  return { epochs, end: result.metrics, reason: result.reason };
}

describe('no held-out data', () => {
  it('split: 1.0 reports the training loss only, every epoch and at the end', async () => {
    const run = await train('', '1.0');
    expect(run.epochs).toHaveLength(3);
    for (const logs of run.epochs) expect(Object.keys(logs)).toEqual(['loss']);
    expect(Object.keys(run.end)).toEqual(['loss']);
    expect(run.end['loss']).toBeGreaterThan(0);
  }, 60_000);

  it('early stopping has nothing to watch and does not stop the run', async () => {
    const run = await train('  early_stopping: 1', '1.0');
    expect(run.reason).toBe('completed');
    expect(run.epochs).toHaveLength(3);
  }, 60_000);

  it('with a test set, its loss and metrics are reported as before', async () => {
    const run = await train('', '0.5');
    for (const logs of run.epochs) expect(Object.keys(logs).sort()).toEqual(['loss', 'test_accuracy', 'test_loss']);
  }, 60_000);

  it('validation: held out of the whole data, reported as val_', async () => {
    const run = await train('  validation: 0.25', '1.0');
    for (const logs of run.epochs) expect(Object.keys(logs).sort()).toEqual(['loss', 'val_accuracy', 'val_loss']);
  }, 60_000);
});
