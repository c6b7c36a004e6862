// The runs a runs folder remembers: `<runDir>/events/<runId>.jsonl`, one per
// run, each run in a folder of its own (runtime/train/events-file.ts writes
// them; client/runs/run-folders.ts reads both layouts). Run ids begin with
// their UTC start time, so their order is the order the runs started in.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainEvent } from '../../runtime/train/events.js';
import { nodeRunFs } from './node-run-fs.js';
import { type RunRef, runsFolderOf, runsInFolder } from './run-folders.js';
import { parseEventsText } from './stream-lines.js';

export function eventsFile(runDir: string, runId: string): string {
  return join(runDir, 'events', `${runId}.jsonl`);
}

/** A run's events as its file has them; none when there is no file. */
export function readRunEvents(runDir: string, runId: string): TrainEvent[] {
  try {
    return parseEventsText(readFileSync(eventsFile(runDir, runId), 'utf8'));
  } catch {
    return [];
  }
}

/** The runs kept in a runs folder (`runs/<name>`: a folder per run, or the earlier layout's `events/`), newest first. */
export function runsIn(runsDir: string): RunRef[] {
  return runsInFolder(nodeRunFs, runsDir);
}

/** The newest `limit` runs of a run's runs folder other than `except`, with their events (runs that never started are left out). */
export function earlierRuns(runDir: string, except: string | undefined, limit: number): (RunRef & { events: TrainEvent[] })[] {
  const out: (RunRef & { events: TrainEvent[] })[] = [];
  for (const run of runsIn(except !== undefined ? runsFolderOf(runDir, except) : runDir)) {
    if (run.runId === except) continue;
    const events = readRunEvents(run.runDir, run.runId);
    if (!events.some((e) => e.type === 'start')) continue;
    out.push({ ...run, events });
    if (out.length >= limit) break;
  }
  return out;
}
