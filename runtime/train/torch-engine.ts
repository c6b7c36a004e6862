// `nn train --engine torch`: a run trained by PyTorch. The run claims its
// folder as the tfjs engine's does (run-folder.ts), the train block is
// exported into `<runDir>/torch/` (model.py, train.py, data/), and
// train.py runs there, under `python -m torch.distributed.run` for several
// processes. Its events (JSON Lines on stdout, docs/events.md) are passed
// on: `start` completed with this run's id, file, folder and backend, a
// checkpoint's path made absolute, the loss-and-metrics chart drawn before
// `end`; the sample pictures drawn at each `epoch` event that train.py
// wrote the weights for (torch-pictures.ts). A stop request is a `{"type":"stop"}` line on train.py's stdin,
// then SIGINT if it goes on training or has not ended after a minute. train.py's exit
// status is the run's (0, 130 stopped, 3 diverged); any other failure is
// an `error` event and status 2.

import { msg } from '../../core/i18n/message.js';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { TrainPlan } from '../../core/train/plan.js';
import { runChart } from '../pictures/run-chart.js';
import type { Emit, TrainEvent } from './events.js';
import { claimRunFolder } from './run-folder.js';
import type { StopSignal } from './supervised.js';
import { newestTorchCheckpoint } from './torch-checkpoints.js';
import type { TorchProgram } from './torch-export.js';
import { torchGanPictures } from './torch-gan-pictures.js';
import { torchPictures, type TorchPictures } from './torch-pictures.js';

/** The folder of the run folder that holds the exported program. */
export const TORCH_FOLDER = 'torch';

/** After a stop line, train.py gets SIGINT when it still reports batches after this long (it did not read the line)... */
export const STOP_GRACE_MS = 5000;
/** ... or has not ended after this long. */
export const STOP_TIMEOUT_MS = 60_000;

export type TorchDevice = 'cpu' | 'cuda';

export interface TorchRunRequest {
  /** the .nn file (absolute) */
  file: string;
  /** the train block, with the command line's settings over it */
  plan: TrainPlan;
  /** the folder of the train block's runs */
  runsDir: string;
  /** the Python that has torch (find-python.ts) */
  python: string;
  /** undefined: train.py's choice (CUDA when PyTorch sees it) */
  device?: TorchDevice;
  /** processes (one per GPU): above 1, under torch.distributed.run */
  nproc: number;
  resume: boolean;
  /** train.py's options passed as they are: `--amp bf16`, `--fsdp` */
  extraArgs?: string[];
  /** writes model.py, train.py and data/ into `dir`; what it gives back draws the run's pictures */
  exportProgram(dir: string): Promise<TorchProgram | void>;
  emit: Emit;
  stop: StopSignal;
  /** train.py's stderr (warnings, torchrun's messages), line by line */
  log(line: string): void;
}

export interface TorchRunResult {
  /** the exit status for nn train: 0, 130, 3, or 2 */
  exit: number;
}

export async function runTorchTraining(request: TorchRunRequest): Promise<TorchRunResult> {
  const folder = claimRunFolder(request.runsDir, new Date());
  try {
    const from = request.resume ? newestTorchCheckpoint(request.runsDir, folder.runId) : undefined;
    if (request.resume && from === undefined) request.emit({ type: 'warning', message: msg`nothing to resume: no PyTorch checkpoint in ${request.runsDir}; training starts at epoch 1` });
    const programDir = join(folder.runDir, TORCH_FOLDER);
    mkdirSync(programDir, { recursive: true });
    let program: TorchProgram | void;
    try {
      program = await request.exportProgram(programDir);
    } catch (e) {
      rmSync(programDir, { recursive: true, force: true }); // a run that could not begin leaves no folder
      throw e;
    }
    const chart = runChart(request.plan, request.emit);
    const place = { runDir: folder.runDir, programDir, emit: chart.emit };
    const pictures = program?.pictures ? torchPictures(program.pictures, place) : program?.ganPictures ? torchGanPictures(program.ganPictures, place) : undefined;
    try {
      const run = { runId: folder.runId, file: request.file, runDir: folder.runDir, ...(from !== undefined ? { resumedFrom: from } : {}) };
      const command = trainCommand(request, programDir, folder.runDir, from, pictures?.every);
      const result = await relay(request, command, programDir, run, chart.emit, pictures);
      if (result.end) {
        chart.write(folder.runDir);
        request.emit(result.end);
      }
      return { exit: result.exit };
    } finally {
      pictures?.dispose();
    }
  } finally {
    folder.release();
  }
}

/** The command line: `python train.py --events --out RUNDIR ...`, or under torch.distributed.run (torchrun as a module: no PATH needed); `sampleEvery`: the weights for pictures every N epochs. */
export function trainCommand(request: Pick<TorchRunRequest, 'python' | 'device' | 'nproc' | 'plan' | 'extraArgs'>, programDir: string, runDir: string, resumeFrom: string | undefined, sampleEvery?: number): string[] {
  const script = join(programDir, 'train.py');
  const launcher = request.nproc > 1 ? ['-m', 'torch.distributed.run', '--standalone', `--nproc_per_node=${request.nproc}`] : [];
  return [
    request.python,
    ...launcher,
    script,
    '--events',
    '--out',
    runDir,
    ...(request.device !== undefined ? ['--device', request.device] : []),
    '--epochs',
    String(request.plan.epochs),
    ...(resumeFrom !== undefined ? ['--resume', resumeFrom] : []),
    ...(sampleEvery !== undefined ? ['--sample-weights', String(sampleEvery)] : []),
    ...(request.extraArgs ?? []),
  ];
}

interface RunIds {
  runId: string;
  file: string;
  runDir: string;
  resumedFrom?: string;
}

interface Relayed {
  exit: number;
  /** train.py's `end`, held back until the chart is drawn */
  end?: TrainEvent;
}

/** Runs the command, passing its events on, until it exits. */
function relay(request: TorchRunRequest, command: string[], programDir: string, run: RunIds, emit: Emit, pictures?: TorchPictures): Promise<Relayed> {
  return new Promise((done) => {
    // its own process group: a Ctrl-C in the terminal reaches nn, which asks train.py to stop the way it can keep its checkpoint
    const child = spawn(command[0]!, command.slice(1), { cwd: programDir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1' }, detached: process.platform !== 'win32' });
    const started = Date.now();
    let end: TrainEvent | undefined;
    let last: { epoch: number; logs: Record<string, number> } | undefined;
    let failed = false;
    let diverged = false;
    let countBatches = () => {};
    const stderrTail: string[] = [];
    const onEvent = (event: TrainEvent) => {
      if (event.type === 'end') end = event;
      else {
        if (event.type === 'error') failed = true;
        // under torchrun a run that diverged exits 1: its error event, which names the tensor, says it diverged
        if (event.type === 'error' && event.tensor !== undefined) diverged = true;
        if (event.type === 'batch') countBatches();
        if (event.type === 'epoch') last = { epoch: event.epoch, logs: event.logs };
        emit(completeEvent(event, run));
        if (event.type === 'epoch') pictures?.afterEpoch(event.epoch); // its sample events before the epoch's checkpoint
      }
    };
    lines(child.stdout, (line) => {
      const event = parseEvent(line);
      if (event) onEvent(event);
      else if (line.trim() !== '') request.log(line); // not an event: a stray print goes with the logs, never onto the event stream
    });
    lines(child.stderr, (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
      request.log(line);
    });
    child.stdin.on('error', () => undefined); // train.py may be gone before the stop line reaches it

    // a stop request: a line on its stdin; SIGINT only when it goes on training regardless (batches keep coming) or
    // takes very long: train.py takes a signal after a stop line as "exit at once", which would lose the stop's checkpoint
    let stopSentAt: number | undefined;
    let batchesSinceStop = 0;
    let interrupted = false;
    const watch = setInterval(() => {
      if (!request.stop.requested) return;
      if (stopSentAt === undefined) {
        stopSentAt = Date.now();
        child.stdin.write(`${JSON.stringify({ type: 'stop' })}\n`);
        return;
      }
      const waited = Date.now() - stopSentAt;
      if (!interrupted && ((waited >= STOP_GRACE_MS && batchesSinceStop >= 3) || waited >= STOP_TIMEOUT_MS)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    }, 100);
    countBatches = () => {
      if (stopSentAt !== undefined) batchesSinceStop++;
    };

    let spawnError: Error | undefined;
    child.on('error', (e) => (spawnError = e));
    // nn itself exits at once (a second Ctrl-C): train.py, asked to stop already, exits at its signal too
    const onExit = () => child.kill('SIGINT');
    process.on('exit', onExit);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      process.off('exit', onExit);
      if (spawnError) {
        emit({ type: 'error', message: msg`cannot run ${command[0]}: ${spawnError.message}` });
        return done({ exit: 2 });
      }
      if (code === 3 || (code !== 0 && diverged)) {
        if (!failed) emit({ type: 'error', message: msg`training diverged in PyTorch (train.py exited with status 3)` });
        return done({ exit: 3 });
      }
      if (code === 0 && end) return done({ exit: end.type === 'end' && end.reason === 'stopped' ? 130 : 0, end });
      if (code === 130 || (end?.type === 'end' && end.reason === 'stopped') || (stopSentAt !== undefined && signal === 'SIGINT')) {
        // stopped: its own `end`, or one that says what the epochs reported
        end ??= { type: 'end', reason: 'stopped', epochs: last?.epoch ?? 0, metrics: last?.logs ?? {}, seconds: (Date.now() - started) / 1000 };
        return done({ exit: 130, end });
      }
      if (!failed) emit({ type: 'error', message: `${code === 0 ? msg`train.py ended without its end event` : signal ? msg`train.py was killed by ${signal}` : msg`train.py exited with status ${code}`}${lastWords(stderrTail)}` });
      return done({ exit: 2 });
    });
  });
}

/** The last line of a Python traceback (`ModuleNotFoundError: ...`), as the reason. */
function lastWords(stderr: string[]): string {
  const last = stderr.map((l) => l.trim()).filter((l) => l !== '').at(-1);
  return last ? `: ${last}` : '';
}

/** An event line of train.py, or undefined for anything else. */
export function parseEvent(line: string): TrainEvent | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') return value as TrainEvent;
  } catch {
    // not JSON
  }
  return undefined;
}

/** `start` gets this run's identity and the backend; a checkpoint's path is made absolute (train.py may give it relative to the run folder). */
export function completeEvent(event: TrainEvent, run: RunIds): TrainEvent {
  if (event.type === 'start') {
    const device = (event.device as string) === 'cuda' || event.device === 'gpu' ? 'gpu' : 'cpu';
    return { ...event, runId: run.runId, pid: process.pid, file: run.file, runDir: run.runDir, ...(run.resumedFrom !== undefined ? { resumedFrom: run.resumedFrom } : {}), backend: 'torch', device };
  }
  if ((event.type === 'checkpoint' || event.type === 'sample') && !isAbsolute(event.path)) return { ...event, path: resolve(run.runDir, event.path) };
  return event;
}

/** Calls `onLine` for each line of a stream (the last one too, when it has no newline). */
function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, newline).replace(/\r$/, ''));
      buffered = buffered.slice(newline + 1);
    }
  });
  stream.on('end', () => {
    if (buffered !== '') onLine(buffered);
    buffered = '';
  });
}
