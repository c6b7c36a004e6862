// The runs kept in run folders, as the Runs view lists them. Each run has
// a folder of its own in its model's runs folder, named by its id
// (`runs/<name>/<runId>/`, runtime/train/run-folder.ts), that keeps its
// events in `events/<runId>.jsonl` (runtime/train/events-file.ts; the
// format is docs/events.md). Earlier versions kept every run of a model in
// `runs/<name>/events/` itself: both are read. A run is
// - running: no `end` or `error` yet and its process is alive,
// - done: `end` with `completed` or `early-stopping`,
// - stopped: `end` with `stopped`,
// - failed: an `error` event, or no `end` and its process gone.
// Pure: the file system is a small interface and liveness a parameter, so
// that tests read fixture folders and the extension passes the real ones.

import { l10n } from '../l10n.js';

export type RunState = 'running' | 'done' | 'stopped' | 'failed';

export interface RunFolderFs {
  /** the names in a folder; undefined when it cannot be read */
  list(dir: string): string[] | undefined;
  /** a file's text; undefined when it cannot be read */
  read(path: string): string | undefined;
  /** a file's modification time and size; undefined when it is not there */
  stat(path: string): { mtimeMs: number; size: number } | undefined;
}

/** Whether the process `pid` is still running. */
export type IsAlive = (pid: number) => boolean;

export interface RunRecord {
  runId: string;
  runDir: string;
  eventsFile: string;
  state: RunState;
  /** the train block's target: the model, or the adversarial pair's name */
  model: string;
  /** the models it trains (a GAN: two; `model` is then the pair's name) */
  models: string[];
  /** the `.nn` file (absent in events written before files were named) */
  file?: string;
  pid?: number;
  /** when it started (ms since the epoch): from its id, else its file's time */
  started: number;
  /** when its events file last changed (ms since the epoch) */
  updated: number;
  epoch: number;
  epochs: number;
  /** the last epoch's logs, or the end's metrics */
  metrics: Record<string, number>;
  /** the latest batch loss while it runs */
  batchLoss?: number;
  /** the end's reason, or the first error's message */
  reason?: string;
  error?: string;
  /** the checkpoint folders its events named */
  checkpoints: string[];
  /** the sample pictures its events named */
  samples: string[];
}

/**
 * Reads runs; remembers each events file by its time and size, so that a
 * refresh re-reads only the files that changed (a running one). States that
 * depend on liveness are recomputed on every read.
 */
export class RunReader {
  private readonly cache = new Map<string, { stamp: string; run: Omit<RunRecord, 'state'> & { ended?: RunState } }>();

  constructor(private readonly fs: RunFolderFs) {}

  /** Every run of the given run folders, newest first. */
  runs(runDirs: Iterable<string>, isAlive: IsAlive): RunRecord[] {
    const out: RunRecord[] = [];
    const seen = new Set<string>();
    for (const runDir of new Set(runDirs)) {
      for (const name of this.fs.list(join(runDir, 'events')) ?? []) {
        if (!name.endsWith('.jsonl')) continue;
        const run = this.run(runDir, name.slice(0, -'.jsonl'.length), isAlive);
        if (run) out.push(run);
        seen.add(join(runDir, 'events', name));
      }
    }
    for (const path of this.cache.keys()) if (!seen.has(path)) this.cache.delete(path);
    return out.sort((a, b) => b.started - a.started || (a.runId < b.runId ? 1 : -1));
  }

  /** One run, or undefined when its events file is gone or names no run (no `start`). */
  run(runDir: string, runId: string, isAlive: IsAlive): RunRecord | undefined {
    const eventsFile = join(runDir, 'events', `${runId}.jsonl`);
    const stat = this.fs.stat(eventsFile);
    if (!stat) return undefined;
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    let cached = this.cache.get(eventsFile);
    if (!cached || cached.stamp !== stamp) {
      const text = this.fs.read(eventsFile);
      const run = text === undefined ? undefined : readEvents(text, runDir, runId, eventsFile, stat.mtimeMs);
      if (!run) return undefined;
      cached = { stamp, run };
      this.cache.set(eventsFile, cached);
    }
    const { ended, ...run } = cached.run;
    // an events file without a pid (written by an older runtime) cannot be asked: unended, it counts as failed
    const alive = run.pid !== undefined ? isAlive(run.pid) : false;
    return { ...run, state: ended ?? (alive ? 'running' : 'failed') };
  }
}

/** The run an events file describes (its state once it ended), or undefined without a `start`. */
export function readEvents(text: string, runDir: string, runId: string, eventsFile: string, mtimeMs: number): (Omit<RunRecord, 'state'> & { ended?: RunState }) | undefined {
  let run: (Omit<RunRecord, 'state'> & { ended?: RunState }) | undefined;
  let lastBatch: string | undefined;
  for (const line of text.split('\n')) {
    // batch events are most of the file: only the last one is parsed
    if (line.startsWith('{"type":"batch"')) {
      if (line.trimEnd().endsWith('}')) lastBatch = line; // not the line still being written
      continue;
    }
    const event = parseLine(line);
    if (!event) continue;
    if (event.type === 'start') {
      run = {
        runId,
        runDir,
        eventsFile,
        model: str(event.name) ?? '?',
        models: Array.isArray(event.models) ? event.models.flatMap((m: unknown) => (m && typeof m === 'object' && typeof (m as { name?: unknown }).name === 'string' ? [(m as { name: string }).name] : [])) : [],
        ...(str(event.file) ? { file: str(event.file)! } : {}),
        ...(typeof event.pid === 'number' ? { pid: event.pid } : {}),
        started: startTime(runId) ?? mtimeMs,
        updated: mtimeMs,
        epoch: Math.max(0, num(event.firstEpoch, 1) - 1),
        epochs: num(event.epochs, 0),
        metrics: {},
        checkpoints: [],
        samples: [],
      };
      continue;
    }
    if (!run) continue;
    switch (event.type) {
      case 'epoch':
        run.epoch = num(event.epoch, run.epoch);
        run.epochs = num(event.epochs, run.epochs);
        run.metrics = numbers(event.logs);
        break;
      case 'checkpoint':
        if (str(event.path) && !run.checkpoints.includes(str(event.path)!)) run.checkpoints.push(str(event.path)!);
        break;
      case 'sample':
        if (str(event.path)) run.samples.push(str(event.path)!);
        break;
      case 'end': {
        const reason = str(event.reason) ?? 'completed';
        run.reason = reason;
        run.ended ??= reason === 'stopped' ? 'stopped' : 'done';
        run.epoch = num(event.epochs, run.epoch);
        const metrics = numbers(event.metrics);
        if (Object.keys(metrics).length > 0) run.metrics = metrics;
        break;
      }
      case 'error':
        run.error ??= str(event.message) ?? l10n.t('the run failed');
        run.ended = 'failed';
        break;
    }
  }
  if (run && !run.ended && lastBatch) {
    const batch = parseLine(lastBatch);
    if (batch && typeof batch.loss === 'number') run.batchLoss = batch.loss;
  }
  return run;
}

/** The line's event, or undefined for a blank, partial (still being written) or foreign line. */
function parseLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A run's id and its folder (the one that holds `events/<runId>.jsonl`). */
export interface RunRef {
  runId: string;
  runDir: string;
}

/** The runs folder a run folder belongs to: its parent when it is named by the run's id, else itself (the earlier layout). */
export function runsFolderOf(runDir: string, runId: string): string {
  const trimmed = runDir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 && trimmed.slice(cut + 1) === runId ? trimmed.slice(0, cut) : runDir;
}

/** Every run kept in a runs folder (`runs/<name>`), both layouts, newest first. */
export function runsInFolder(fs: RunFolderFs, runsDir: string): RunRef[] {
  const idsIn = (runDir: string) => (fs.list(join(runDir, 'events')) ?? []).filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length));
  const out: RunRef[] = idsIn(runsDir).map((runId) => ({ runId, runDir: runsDir }));
  for (const name of fs.list(runsDir) ?? []) {
    if (name === 'events' || startTime(name) === undefined) continue;
    const runDir = join(runsDir, name);
    for (const runId of idsIn(runDir)) out.push({ runId, runDir });
  }
  return out.sort((a, b) => (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
}

/** A run id begins with its UTC start time: `20261202-104112-3fa9`. */
export function startTime(runId: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, otherwise: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : otherwise);

function numbers(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'number') out[k] = x;
  return out;
}

/** Joins path segments with the separator the first one uses (run folders come from the OS: `/` or `\`). */
export function join(...parts: string[]): string {
  const sep = parts[0]!.includes('\\') && !parts[0]!.includes('/') ? '\\' : '/';
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') : p.replace(/^[\\/]+|[\\/]+$/g, ''))).join(sep);
}
