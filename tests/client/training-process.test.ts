// TrainingProcess (client/runs/training-process.ts) with the real `nn`
// CLI: events as they come, a graceful stop with a checkpoint, a kill that
// is reported as a failure, and a program that does not start.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunEvents } from '../../client/runs/run-files.js';
import { trainArgs } from '../../client/runs/train-invocation.js';
import { TrainingProcess } from '../../client/runs/training-process.js';

const script = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');

const TINY = `
model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 600) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 500
  batch: 50
  seed: 1
}
`;

function start(): TrainingProcess {
  const dir = mkdtempSync(join(tmpdir(), 'nn-train-process-'));
  const file = join(dir, 'tiny.nn');
  writeFileSync(file, TINY);
  return new TrainingProcess({ command: process.execPath, env: process.env, args: trainArgs({ script, file, model: 'Tiny', device: 'cpu' }), cwd: dir });
}

describe('TrainingProcess', () => {
  it('streams the events, and stops the graceful way: a checkpoint, the chart, end, exit 130', async () => {
    const run = start();
    const types: string[] = [];
    run.onEvent((e) => {
      types.push(e.type);
      if (e.type === 'epoch') run.stop();
    });
    const exit = await run.exited;
    expect(exit).toMatchObject({ code: 130, signal: null });
    expect(exit.failure).toBeUndefined();
    expect(types[0]).toBe('start');
    // the checkpoint, then the run's loss-and-metrics chart, then the end
    expect(types.slice(-3)).toEqual(['checkpoint', 'sample', 'end']);
    expect(run.events.at(-2)).toMatchObject({ type: 'sample', kind: 'metrics' });
    expect(run.events.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
    // the run folder has the same events
    const first = run.events[0] as { runDir: string; runId: string };
    expect(readRunEvents(first.runDir, first.runId)).toEqual(run.events);
    expect(run.running).toBe(false);
  });

  it('reports a run killed mid-way as a failure, and a program that does not start', async () => {
    const run = start();
    run.onEvent((e) => {
      if (e.type === 'batch') run.stop({ forceAfterMs: 0 });
    });
    const exit = await run.exited;
    // a stop asked for with no time to finish is a kill
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.failure).toMatch(/^the training process was killed \(SIGKILL\)/);

    const missing = new TrainingProcess({ command: join(tmpdir(), 'no-such-node'), env: process.env, args: [], cwd: tmpdir() });
    const failed = await missing.exited;
    expect(failed.failure).toMatch(/^could not start the training process \(.*no-such-node\): .*ENOENT/);
  });
});
