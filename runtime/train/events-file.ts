// Each run keeps its events in its run folder: every event it emits is also
// appended, as one JSON line, to `<runDir>/events/<runId>.jsonl`, the moment
// it is emitted (a run that crashes leaves its events up to the crash). A
// run begins with its `start` event (which names the folder and the id):
// the events before it (warnings) are written first, in order; a problem
// found before the start (an error in the file) is no run and has no file.
// Failing to write the file never stops the run: it is reported once, as a
// warning, and training goes on.

import { msg } from '../../core/i18n/message.js';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Emit, TrainEvent } from './events.js';

/** A run's id: its UTC start time and four random hex digits, `20250131-142501-3fa9`. */
export function newRunId(at: Date = new Date(), suffix: string = randomBytes(2).toString('hex')): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  const time = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;
  return `${date}-${time}-${suffix}`;
}

/** Where a run's events are kept. */
export function eventsFilePath(runDir: string, runId: string): string {
  return join(runDir, 'events', `${runId}.jsonl`);
}

export interface EventsRecorder {
  /** emits the event and appends it to the run's events file */
  emit: Emit;
  /** the events file, once the run has started */
  readonly path: string | undefined;
  close(): void;
}

/** Wraps `emit` so that a run's events also go to its events file. */
export function recordEvents(emit: Emit): EventsRecorder {
  let before: TrainEvent[] = [];
  let fd: number | undefined;
  let path: string | undefined;
  let failed = false;
  /** the warning about a failed write, emitted after the event that failed */
  let warning: string | undefined;
  const fail = (e: unknown) => {
    if (fd !== undefined) closeQuietly(fd);
    fd = undefined;
    if (failed) return;
    failed = true;
    warning = msg`the run's events are not kept in ${path}: ${e instanceof Error ? e.message : String(e)} (training goes on)`;
  };
  const write = (event: TrainEvent) => {
    if (fd === undefined) return;
    try {
      writeSync(fd, `${JSON.stringify(event)}\n`);
    } catch (e) {
      fail(e);
    }
  };
  return {
    emit: (event) => {
      if (event.type === 'start' && event.runDir !== undefined && event.runId !== undefined && path === undefined && !failed) {
        path = eventsFilePath(event.runDir, event.runId);
        try {
          mkdirSync(join(event.runDir, 'events'), { recursive: true });
          fd = openSync(path, 'a');
        } catch (e) {
          fail(e);
        }
        for (const earlier of before) write(earlier);
        before = [];
      }
      if (path === undefined) before.push(event);
      else write(event);
      emit(event);
      if (warning !== undefined) {
        emit({ type: 'warning', message: warning });
        warning = undefined;
      }
    },
    get path() {
      return path;
    },
    close: () => {
      if (fd !== undefined) closeQuietly(fd);
      fd = undefined;
    },
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
