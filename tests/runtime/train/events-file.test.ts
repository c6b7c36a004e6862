// A run's events file (runtime/train/events-file.ts) and the pace of its
// batch events (runtime/train/throughput.ts).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { eventsFilePath, newRunId, recordEvents } from '../../../runtime/train/events-file.js';
import { Throughput } from '../../../runtime/train/throughput.js';

function start(runDir: string, runId = '20250131-142501-3fa9'): TrainEvent {
  return {
    type: 'start', runId, pid: 1, file: join(runDir, '..', 'm.nn'), runDir, name: 'M', models: [], data: 'd',
    examples: { train: 100, test: 10, validation: 0 }, epochs: 1, batchesPerEpoch: 4, batchSize: 25, backend: 'tensorflow', device: 'cpu', firstEpoch: 1,
  };
}
const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as TrainEvent);

describe('run ids', () => {
  it('are the UTC start time and four hex digits', () => {
    expect(newRunId(new Date(Date.UTC(2025, 0, 31, 14, 25, 1)), '3fa9')).toBe('20250131-142501-3fa9');
    expect(newRunId()).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
  });
});

describe('recordEvents', () => {
  it('writes each event as it is emitted, the ones before the start first, and passes all on', () => {
    const runDir = join(mkdtempSync(join(tmpdir(), 'nn-events-')), 'runs', 'M');
    const seen: TrainEvent[] = [];
    const recorder = recordEvents((e) => seen.push(e));
    recorder.emit({ type: 'warning', message: 'slow' });
    recorder.emit(start(runDir));
    const path = eventsFilePath(runDir, '20250131-142501-3fa9');
    expect(recorder.path).toBe(path);
    expect(lines(path).map((e) => e.type)).toEqual(['warning', 'start']);
    recorder.emit({ type: 'checkpoint', epoch: 1, path: 'c' });
    // on disk before the run goes on: a crash now leaves it
    expect(lines(path).map((e) => e.type)).toEqual(['warning', 'start', 'checkpoint']);
    recorder.close();
    expect(seen).toEqual(lines(path));
  });

  it('keeps no file for a run that never started', () => {
    const recorder = recordEvents(() => undefined);
    recorder.emit({ type: 'error', message: 'no such train block' });
    expect(recorder.path).toBeUndefined();
  });

  it('warns once, and goes on, when the file cannot be written', () => {
    const parent = mkdtempSync(join(tmpdir(), 'nn-events-'));
    writeFileSync(join(parent, 'runs'), 'a file where the runs folder would be');
    const seen: TrainEvent[] = [];
    const recorder = recordEvents((e) => seen.push(e));
    recorder.emit(start(join(parent, 'runs', 'M')));
    recorder.emit({ type: 'checkpoint', epoch: 1, path: 'c' });
    recorder.emit({ type: 'checkpoint', epoch: 2, path: 'c' });
    expect(seen.map((e) => e.type)).toEqual(['start', 'warning', 'checkpoint', 'checkpoint']);
    expect((seen[1] as { message: string }).message).toMatch(/^the run's events are not kept in .*M.events.*\(training goes on\)$/);
  });
});

describe('Throughput', () => {
  it('measures examples a second over the last second or so, from the batch position', () => {
    let now = 0;
    const pace = new Throughput(50, 1000, 0, () => now);
    now = 250;
    expect(pace.at(1, 5)).toEqual({ examplesPerSecond: 1000, elapsed: 0.25 });
    now = 500;
    expect(pace.at(1, 15)).toEqual({ examplesPerSecond: 1500, elapsed: 0.5 });
    now = 1250;
    // the window: from the mark at 250 ms (the newest at least a second old): (1000 - 250) examples in 1 s
    expect(pace.at(1, 20)).toEqual({ examplesPerSecond: 750, elapsed: 1.25 });
    now = 1500;
    // the next epoch counts on; the window starts at 500 ms
    expect(pace.at(2, 2)).toEqual({ examplesPerSecond: 350, elapsed: 1.5 });
  });

  it('counts a short last batch as what it holds, and a resumed run from its first epoch', () => {
    let now = 0;
    const pace = new Throughput(64, 100, 3, () => now);
    now = 1000;
    expect(pace.at(4, 2).examplesPerSecond).toBe(100);
    now = 3000;
    expect(pace.at(5, 2).examplesPerSecond).toBe(50);
  });
});
