// Checkpoints are named by epoch within their run: a second run's first
// checkpoint is checkpoint-0001 in its own run folder (the first run's
// are untouched), a resumed run goes on with the epoch it resumed at,
// `every: 2` saves checkpoint-0002 and checkpoint-0004, and a run
// stopped during an epoch saves the epochs it completed beside that
// epoch's own checkpoint.

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining, type TrainRequest } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

const TINY = (settings: string) => `model Tiny {
  input x: [B, 784]
  output x -> Dense(8) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 60) {
  epochs: 2
  batch: 20
  seed: 3
${settings}
}
`;

function workspace(settings = '  checkpoints: { every: 1, keep: 5 }'): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-ckpt-names-'));
  const file = join(dir, 'tiny.nn');
  writeFileSync(file, TINY(settings));
  return file;
}

async function train(file: string, extra: Partial<TrainRequest> = {}, onEvent?: (e: TrainEvent) => void): Promise<{ events: TrainEvent[]; runDir: string }> {
  const events: TrainEvent[] = [];
  const emit = (e: TrainEvent) => (events.push(e), onEvent?.(e));
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit, stop: { requested: false }, ...extra });
  for (const m of Object.values(result.models)) m.dispose();
  const start = events.find((e): e is Extract<TrainEvent, { type: 'start' }> => e.type === 'start')!;
  return { events, runDir: start.runDir! };
}

const names = (runDir: string) => readdirSync(join(runDir, 'checkpoints')).filter((n) => n.startsWith('checkpoint-')).sort();
const savedEpoch = (path: string) => (JSON.parse(readFileSync(join(path, 'state.json'), 'utf8')) as { epoch: number }).epoch;
const checkpoints = (events: TrainEvent[]) => events.filter((e): e is Extract<TrainEvent, { type: 'checkpoint' }> => e.type === 'checkpoint');

/** Each file of a folder (recursively) with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, name));
    if (s.isFile()) out[name] = `${s.size}@${s.mtimeMs}`;
  }
  return out;
}

describe('checkpoint names', () => {
  it('a second run names its first checkpoint for epoch 1, in its own folder; the first run is untouched', async () => {
    const file = workspace();
    const first = await train(file);
    expect(names(first.runDir)).toEqual(['checkpoint-0001', 'checkpoint-0002']);
    const kept = snapshot(first.runDir);
    const second = await train(file);
    expect(second.runDir).not.toBe(first.runDir);
    expect(checkpoints(second.events).map((e) => [e.epoch, e.path])).toEqual([
      [1, join(second.runDir, 'checkpoints', 'checkpoint-0001')],
      [2, join(second.runDir, 'checkpoints', 'checkpoint-0002')],
    ]);
    expect(snapshot(first.runDir)).toEqual(kept);
  }, 60_000);

  it('a resumed run goes on with the epoch numbering', async () => {
    const file = workspace();
    const first = await train(file);
    const kept = snapshot(first.runDir);
    const resumed = await train(file, { resume: true, overrides: { epochs: 4 } });
    expect(resumed.events[0]).toMatchObject({ type: 'start', firstEpoch: 3, resumedFrom: join(first.runDir, 'checkpoints', 'checkpoint-0002') });
    expect(names(resumed.runDir)).toEqual(['checkpoint-0003', 'checkpoint-0004']);
    expect(savedEpoch(join(resumed.runDir, 'checkpoints', 'checkpoint-0004'))).toBe(4);
    expect(snapshot(first.runDir)).toEqual(kept);
  }, 60_000);

  it('every: 2 names the checkpoints for the epochs they were saved after', async () => {
    const file = workspace('  checkpoints: { every: 2, keep: 5 }');
    const run = await train(file, { overrides: { epochs: 4 } });
    expect(names(run.runDir)).toEqual(['checkpoint-0002', 'checkpoint-0004']);
  }, 60_000);

  it('a stop during an epoch saves the epochs completed, beside that epoch checkpoint', async () => {
    const file = workspace();
    const stop = { requested: false };
    // stop in the second epoch, after its first batch
    const run = await train(file, { stop }, (e) => e.type === 'batch' && e.epoch === 2 && (stop.requested = true));
    expect(names(run.runDir)).toEqual(['checkpoint-0001', 'checkpoint-0001-2']);
    expect(savedEpoch(join(run.runDir, 'checkpoints', 'checkpoint-0001-2'))).toBe(1);
    // the later one is the newest: resuming starts from it
    const resumed = await train(file, { resume: true });
    expect(resumed.events[0]).toMatchObject({ type: 'start', firstEpoch: 2, resumedFrom: join(run.runDir, 'checkpoints', 'checkpoint-0001-2') });
    expect(names(resumed.runDir)).toEqual(['checkpoint-0002']);
  }, 60_000);
});
