// Runs a program the extension needs (npm, the native installer, the `nn`
// CLI) as a child process: its output line by line to a listener, the tail
// of its stderr kept for an error message, and cancellation that ends the
// whole process tree (its process group, and on Linux every descendant,
// since a tool may start its own group). No `vscode` import: the set-up is
// also run from plain Node.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessRequest {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** aborting ends the process tree; the result then has `cancelled: true` */
  signal?: AbortSignal;
  /** every complete line of stdout and stderr, as it comes */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** keep the whole stdout (for JSON answers); default: only its tail */
  keepStdout?: boolean;
}

export interface ProcessResult {
  /** the exit status; null when it ended by a signal or did not start */
  code: number | null;
  cancelled: boolean;
  stdout: string;
  /** the last lines of stderr (with stdout's last lines when stderr is empty) */
  stderrTail: string[];
  /** why it did not start (ENOENT ...) */
  startError?: string;
}

const TAIL_LINES = 30;
const KEEP_CHARS = 4_000_000;

export function runProcess(request: ProcessRequest): Promise<ProcessResult> {
  return new Promise((done) => {
    const group = process.platform !== 'win32';
    const child = spawn(request.command, [...request.args], {
      cwd: request.cwd,
      env: request.env ?? process.env,
      detached: group,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let cancelled = false;
    const stderrLines: string[] = [];
    const stdoutLines: string[] = [];
    const pending = { stdout: '', stderr: '' };
    const lineReader = (stream: 'stdout' | 'stderr') => (chunk: string) => {
      if (stream === 'stdout') stdout = request.keepStdout ? stdout + chunk : (stdout + chunk).slice(-64_000);
      if (stdout.length > KEEP_CHARS) stdout = stdout.slice(-KEEP_CHARS);
      const lines = (pending[stream] + chunk).split(/\r?\n|\r/);
      pending[stream] = lines.pop() ?? '';
      for (const line of lines) emit(line, stream);
    };
    const emit = (line: string, stream: 'stdout' | 'stderr') => {
      const tail = stream === 'stderr' ? stderrLines : stdoutLines;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      request.onLine?.(line, stream);
    };
    child.stdout.setEncoding('utf8').on('data', lineReader('stdout'));
    child.stderr.setEncoding('utf8').on('data', lineReader('stderr'));

    const cancel = () => {
      cancelled = true;
      endTree(child.pid, group, () => child.kill('SIGKILL'));
    };
    if (request.signal?.aborted) cancel();
    request.signal?.addEventListener('abort', cancel, { once: true });
    let finished = false;
    const finish = (code: number | null, startError?: string) => {
      if (finished) return;
      finished = true;
      request.signal?.removeEventListener('abort', cancel);
      for (const stream of ['stdout', 'stderr'] as const) if (pending[stream] !== '') emit(pending[stream], stream);
      const tail = (stderrLines.some((l) => l.trim() !== '') ? stderrLines : stdoutLines).filter((l) => l.trim() !== '');
      done({ code, cancelled, stdout, stderrTail: tail, ...(startError !== undefined ? { startError } : {}) });
    };
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code) => finish(code));
  });
}

/** Ends a process and everything it started: SIGTERM to the tree, SIGKILL to what is left after 3 s. */
function endTree(pid: number | undefined, group: boolean, fallback: () => void): void {
  if (pid === undefined) return;
  if (!group) {
    fallback();
    return;
  }
  const tree = [pid, ...descendants(pid)];
  const signalAll = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone
    }
    for (const p of tree) {
      try {
        process.kill(p, signal);
      } catch {
        // already ended
      }
    }
  };
  signalAll('SIGTERM');
  setTimeout(() => signalAll('SIGKILL'), 3000).unref();
}

/** The processes below `pid` (Linux: from /proc; elsewhere none, the process group covers the usual case). */
export function descendants(pid: number): number[] {
  if (process.platform !== 'linux') return [];
  const parents = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      // the parent is the 2nd field after the parenthesised command name
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(name)]);
    } catch {
      // ended while we looked
    }
  }
  const found: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    for (const child of parents.get(todo.pop()!) ?? []) {
      found.push(child);
      todo.push(child);
    }
  }
  return found;
}
