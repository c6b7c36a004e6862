// One run as the editor holds it: a live `nn train` process of this window,
// or a run read from its events file (after a window reload, or from the
// Runs view), followed while its file grows when another process still
// writes it. Its events, its state for the status bar (run-state.ts), and
// listeners for what comes next. No vscode import.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { TrainEvent } from '../../runtime/train/events.js';
import { l10n } from '../l10n.js';
import { exitRun, initialRunState, reduceRun, type RunState } from './run-state.js';
import { eventsFile } from './run-files.js';
import { LineSplitter, parseEventLine } from './stream-lines.js';
import type { ProcessExit, TrainingProcess } from './training-process.js';

type Listener<T> = (value: T) => void;

/** The key of "the same run": one live run per file and train block. */
export function runKey(file: string, model: string): string {
  return `${file}\0${model}`;
}

export class TrainingRun {
  readonly events: TrainEvent[] = [];
  state: RunState = initialRunState();
  exit: ProcessExit | undefined;
  private readonly eventListeners = new Set<Listener<TrainEvent>>();
  private readonly exitListeners = new Set<Listener<ProcessExit>>();
  private follower: FileFollower | undefined;

  constructor(
    readonly file: string,
    readonly model: string,
    /** the run folder expected before the start event names it */
    private readonly expectedRunDir: string,
    readonly process?: TrainingProcess,
  ) {
    if (process) {
      process.onEvent((e) => this.add(e, Date.now()));
      void process.exited.then((exit) => this.finish(exit));
    }
  }

  /** A run read from its events file; followed while `follow` says its writer is alive. */
  static fromFile(file: string, model: string, runDir: string, runId: string, follow: (pid: number) => boolean = pidAlive): TrainingRun {
    const run = new TrainingRun(file, model, runDir);
    const follower = new FileFollower(eventsFile(runDir, runId));
    for (const e of follower.read()) run.add(e);
    const start = run.start;
    const finished = run.events.some((e) => e.type === 'end' || e.type === 'error');
    if (!finished && start?.pid !== undefined && follow(start.pid)) {
      run.follower = follower;
      follower.follow(
        (e) => run.add(e, Date.now()),
        () => !follow(start.pid!) || run.events.some((e) => e.type === 'end' || e.type === 'error'),
        () => run.stopFollowing(),
      );
    }
    return run;
  }

  get key(): string {
    return runKey(this.file, this.model);
  }

  get start(): Extract<TrainEvent, { type: 'start' }> | undefined {
    const first = this.events.find((e) => e.type === 'start');
    return first?.type === 'start' ? first : undefined;
  }

  get runId(): string | undefined {
    return this.start?.runId;
  }

  get runDir(): string {
    return this.start?.runDir ?? this.expectedRunDir;
  }

  /** Whether the run is still going: its process of this window, or another process writing its file. */
  get live(): boolean {
    return this.process ? this.process.running : this.follower !== undefined;
  }

  onEvent(listener: Listener<TrainEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onExit(listener: Listener<ProcessExit>): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Asks a live run of this window to stop (a checkpoint first); kills it after `forceAfterMs` when given. */
  stop(options: { forceAfterMs?: number } = {}): void {
    this.process?.stop(options);
  }

  dispose(): void {
    this.follower?.dispose();
    this.follower = undefined;
  }

  private add(event: TrainEvent, now?: number): void {
    this.events.push(event);
    this.state = reduceRun(this.state, event, now);
    for (const listener of this.eventListeners) listener(event);
  }

  private finish(exit: ProcessExit): void {
    this.exit = exit;
    this.state = exitRun(this.state, { code: exit.code, signal: exit.signal, stderrTail: exit.stderrTail });
    for (const listener of this.exitListeners) listener(exit);
  }

  private stopFollowing(): void {
    this.dispose();
    const exit: ProcessExit = { code: null, signal: null, stderrTail: '' };
    // a writer that is gone without an end crashed or was killed
    if (!this.events.some((e) => e.type === 'end' || e.type === 'error')) exit.failure = l10n.t('the training process ended without finishing the run');
    this.finish(exit);
  }
}

/** Whether a process of this id exists. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads an events file, then what is appended to it (polled: it lives in a run folder, maybe on any file system). */
class FileFollower {
  private offset = 0;
  private readonly lines = new LineSplitter();
  /** a character split between two reads waits for its other bytes */
  private readonly decoder = new StringDecoder('utf8');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly path: string) {}

  /** The events written so far (a line not yet complete waits for the next read). */
  read(): TrainEvent[] {
    let fd: number | undefined;
    try {
      const size = statSync(this.path).size;
      if (size <= this.offset) return [];
      fd = openSync(this.path, 'r');
      const buffer = Buffer.alloc(size - this.offset);
      const got = readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset += got;
      return this.lines
        .push(this.decoder.write(buffer.subarray(0, got)))
        .map(parseEventLine)
        .filter((e): e is TrainEvent => e !== undefined);
    } catch {
      return [];
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  follow(onEvent: (e: TrainEvent) => void, ended: () => boolean, onEnd: () => void, everyMs = 500): void {
    this.timer = setInterval(() => {
      for (const e of this.read()) onEvent(e);
      if (ended()) onEnd();
    }, everyMs);
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
