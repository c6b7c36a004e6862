// A run read from its events file (client/runs/training-run.ts): what the
// file has, then what its writer appends, until the writer is gone.

import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsFile } from '../../client/runs/run-files.js';
import { TrainingRun } from '../../client/runs/training-run.js';
import type { ProcessExit } from '../../client/runs/training-process.js';

const line = (e: object) => `${JSON.stringify(e)}\n`;
const start = (runDir: string) => ({
  type: 'start', runId: 'r1', pid: 4242, file: '/ws/m.nn', runDir, name: 'M', models: [{ name: 'M', parameters: 10, trainableParameters: 10 }], data: 'd',
  examples: { train: 100, test: 10, validation: 0 }, epochs: 2, batchesPerEpoch: 2, batchSize: 50, backend: 'tensorflow', device: 'cpu', firstEpoch: 1,
});
const batch = (epoch: number, b: number) => ({ type: 'batch', epoch, batch: b, batches: 2, loss: 1 / b, examplesPerSecond: 100, elapsed: b });

function runFolder(): { runDir: string; path: string } {
  const runDir = join(mkdtempSync(join(tmpdir(), 'nn-run-')), 'runs', 'M');
  mkdirSync(join(runDir, 'events'), { recursive: true });
  return { runDir, path: eventsFile(runDir, 'r1') };
}

const waitFor = async (f: () => boolean) => {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('TrainingRun.fromFile', () => {
  it('shows a finished run as its file has it', () => {
    const { runDir, path } = runFolder();
    writeFileSync(path, [start(runDir), batch(1, 1), { type: 'end', reason: 'stopped', epochs: 0, metrics: {}, seconds: 1 }].map(line).join(''));
    const run = TrainingRun.fromFile('/ws/m.nn', 'M', runDir, 'r1', () => true);
    expect(run.events.map((e) => e.type)).toEqual(['start', 'batch', 'end']);
    expect(run.live).toBe(false);
    expect(run.runId).toBe('r1');
    expect(run.state.phase).toBe('stopped');
  });

  it('follows a run another process still writes, until that process is gone', async () => {
    const { runDir, path } = runFolder();
    writeFileSync(path, line(start(runDir)) + line(batch(1, 1)).slice(0, 20));
    let writerAlive = true;
    const run = TrainingRun.fromFile('/ws/m.nn', 'M', runDir, 'r1', (pid) => pid === 4242 && writerAlive);
    expect(run.live).toBe(true);
    expect(run.events.map((e) => e.type)).toEqual(['start']);
    const seen: string[] = [];
    run.onEvent((e) => seen.push(e.type));
    const exits: ProcessExit[] = [];
    run.onExit((x) => exits.push(x));
    // the rest of the torn line, and one more
    appendFileSync(path, line(batch(1, 1)).slice(20) + line(batch(1, 2)));
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual(['batch', 'batch']);
    expect(run.state.phase).toBe('running');
    // the writer dies without an end: a failure
    writerAlive = false;
    await waitFor(() => exits.length === 1);
    expect(run.live).toBe(false);
    expect(exits[0]!.failure).toBe('the training process ended without finishing the run');
    expect(run.state.phase).toBe('failed');
  });
});
