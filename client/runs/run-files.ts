// The runs a run folder remembers: `<runDir>/events/<runId>.jsonl`, one per
// run (runtime/train/events-file.ts writes them). Run ids begin with their
// UTC start time, so their order is the order the runs started in.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainEvent } from '../../runtime/train/events.js';
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

/** The ids of the runs kept in a run folder, newest first. */
export function runIdsIn(runDir: string): string[] {
  try {
    return readdirSync(join(runDir, 'events'))
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => name.slice(0, -'.jsonl'.length))
      .sort()
      .reverse();
  } catch {
    return [];
  }
}

/** The newest `limit` runs of a run folder other than `except`, with their events (runs that never started are left out). */
export function earlierRuns(runDir: string, except: string | undefined, limit: number): { runId: string; events: TrainEvent[] }[] {
  const out: { runId: string; events: TrainEvent[] }[] = [];
  for (const runId of runIdsIn(runDir)) {
    if (runId === except) continue;
    const events = readRunEvents(runDir, runId);
    if (!events.some((e) => e.type === 'start')) continue;
    out.push({ runId, events });
    if (out.length >= limit) break;
  }
  return out;
}
