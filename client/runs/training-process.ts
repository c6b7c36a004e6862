// One `nn train --json` child process: its events parsed from stdout as
// they come, its other output as log lines, the tail of its stderr, a
// graceful stop (a `{"type":"stop"}` line on stdin: the run saves a
// checkpoint and exits 130) and, only when asked, a kill. No vscode import:
// it runs (and is tested) in plain Node.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { TrainEvent } from '../../runtime/train/events.js';
import { l10n } from '../l10n.js';
import { lastLines, LineSplitter, parseEventLine, TextTail } from './stream-lines.js';

export interface ProcessSpec {
  /** the Node executable and its environment (client/runtime.ts nodeCommand()) */
  command: string;
  env: NodeJS.ProcessEnv;
  /** the arguments (train-invocation.ts trainArgs()) */
  args: string[];
  cwd: string;
}

/** How the process ended. */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
  /** the last ~64 KB of stderr */
  stderrTail: string;
  /** why it failed, in words, when it did: a crash, out of memory, a kill, an `error` event, a failure to start */
  failure?: string;
}

type Listener<T> = (value: T) => void;

/** Exit status after a graceful stop. */
export const EXIT_STOPPED = 130;

export class TrainingProcess {
  /** every event so far, in order */
  readonly events: TrainEvent[] = [];
  /** resolves when the process has ended and its pipes are drained */
  readonly exited: Promise<ProcessExit>;
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly stdoutLines = new LineSplitter();
  private readonly stderrLines = new LineSplitter();
  private readonly stderr = new TextTail();
  private readonly eventListeners: Listener<TrainEvent>[] = [];
  private readonly logListeners: Listener<{ line: string; stream: 'stdout' | 'stderr' }>[] = [];
  private exit: ProcessExit | undefined;
  private stopRequested = false;
  private killTimer: NodeJS.Timeout | undefined;

  constructor(readonly spec: ProcessSpec) {
    let finish!: (exit: ProcessExit) => void;
    this.exited = new Promise((resolve) => (finish = resolve));
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      this.exit = { code: null, signal: null, stderrTail: '', failure: l10n.t('could not start the training process: {0}', e instanceof Error ? e.message : String(e)) };
      finish(this.exit);
      return;
    }
    this.child = child;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.stdoutLines.push(chunk).forEach((l) => this.onStdoutLine(l)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr.push(chunk);
      for (const line of this.stderrLines.push(chunk)) this.log(line, 'stderr');
    });
    // the process may exit before it reads a stop line: a write to its closed stdin is no error of ours
    child.stdin.on('error', () => undefined);
    let startError: string | undefined;
    child.on('error', (e) => {
      startError = e.message;
      // 'close' may never come for a process that did not start
      if (child.pid === undefined) done(null, null);
    });
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.exit) return;
      if (this.killTimer) clearTimeout(this.killTimer);
      for (const line of this.stdoutLines.flush()) this.onStdoutLine(line);
      for (const line of this.stderrLines.flush()) this.log(line, 'stderr');
      const stderrTail = this.stderr.value();
      const failure = startError !== undefined && child.pid === undefined ? l10n.t('could not start the training process ({0}): {1}', spec.command, startError) : failureOf(this.events, code, signal, stderrTail);
      this.exit = { code, signal, stderrTail, ...(failure !== undefined ? { failure } : {}) };
      finish(this.exit);
    };
    child.on('close', done);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.exit === undefined;
  }

  /** Whether a stop was asked for. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  onEvent(listener: Listener<TrainEvent>): void {
    this.eventListeners.push(listener);
  }

  /** Lines that are not events: stdout's other lines and all of stderr. */
  onLog(listener: Listener<{ line: string; stream: 'stdout' | 'stderr' }>): void {
    this.logListeners.push(listener);
  }

  /**
   * Asks the run to stop after the current batch (it saves a checkpoint
   * first). With `forceAfterMs`, kills it when it has not ended by then.
   */
  stop(options: { forceAfterMs?: number } = {}): void {
    if (!this.child || this.exit) return;
    if (!this.stopRequested) {
      this.stopRequested = true;
      if (this.child.stdin.writable) this.child.stdin.write('{"type":"stop"}\n');
    }
    if (options.forceAfterMs !== undefined && !this.killTimer) {
      this.killTimer = setTimeout(() => this.kill(), options.forceAfterMs);
      this.killTimer.unref?.();
    }
  }

  /** Ends the process at once (its last checkpoint stays intact). */
  kill(): void {
    if (this.child && !this.exit) this.child.kill('SIGKILL');
  }

  private onStdoutLine(line: string): void {
    const event = parseEventLine(line);
    if (!event) {
      if (line.trim() !== '') this.log(line, 'stdout');
      return;
    }
    this.events.push(event);
    for (const listener of this.eventListeners) listener(event);
  }

  private log(line: string, stream: 'stdout' | 'stderr'): void {
    for (const listener of this.logListeners) listener({ line, stream });
  }
}

/**
 * Why a run failed, or undefined when it did not: an `error` event says it;
 * otherwise a process that ended without an `end` event, by a signal or with
 * a status other than 0 and 130, crashed (out of memory, most likely, when
 * stderr says so or the system killed it).
 */
export function failureOf(events: readonly TrainEvent[], code: number | null, signal: string | null, stderrTail: string): string | undefined {
  const errors = events.filter((e): e is Extract<TrainEvent, { type: 'error' }> => e.type === 'error');
  if (errors.length > 0) return errors.map((e) => e.message).join('\n');
  const ended = events.some((e) => e.type === 'end');
  if (ended && signal === null && (code === 0 || code === EXIT_STOPPED)) return undefined;
  if (!ended && signal === null && code === EXIT_STOPPED) return undefined;
  const tail = lastLines(stderrTail, 12);
  const oom = /out of memory|heap limit|bad_alloc|ResourceExhausted|\bOOM\b|Cannot allocate memory/i.test(stderrTail);
  const how = oom
    ? l10n.t('the training process ran out of memory')
    : signal !== null
      ? signal === 'SIGKILL'
        ? l10n.t('the training process was killed ({0}): perhaps by the system for lack of memory', signal)
        : l10n.t('the training process was killed ({0})', signal)
      : ended
        ? l10n.t('the training process exited with status {0} after the run ended', String(code))
        : l10n.t('the training process ended without finishing the run (exit status {0})', String(code));
  return tail === '' ? how : `${how}:\n${tail}`;
}
