// What the training view and the status bar know of one run, folded from
// the events of `nn train --json` (docs/events.md) and the process's exit:
// the header, the progress with its ETA, the batch-loss series (raw and
// smoothed), one row per epoch, samples, checkpoints, warnings, and how the
// run ended. Pure: no I/O, no clock (the caller passes `now` for live events).
//
// For speed, reduceRun and exitRun update the state they are given in place
// (batch series grow by appending) and return it: treat the result as the
// new value and the argument as gone. `revision` counts the updates.

import type { SampleKind, TrainEvent } from '../../runtime/train/events.js';
import { l10n } from '../l10n.js';
import { batchSize, doneBatches, estimateEta } from './run-progress.js';
import { describeExit } from './run-status.js';

export { describeExit, runStatusLine } from './run-status.js';

export type RunPhase = 'starting' | 'running' | 'done' | 'stopped' | 'failed';

type StartEvent = Extract<TrainEvent, { type: 'start' }>;
type BatchEvent = Extract<TrainEvent, { type: 'batch' }>;

export interface RunHeader {
  name: string;
  models: { name: string; parameters: number; trainableParameters: number }[];
  /** all models' weights together */
  parameters: number;
  data: string;
  examples: { train: number; test: number; validation: number };
  epochs: number;
  batchesPerEpoch: number;
  backend: string;
  device: 'cpu' | 'gpu';
  firstEpoch: number;
  batchSize?: number;
  runId?: string;
  pid?: number;
  file?: string;
  runDir?: string;
}

export interface RunProgress {
  /** the epoch in progress, or the last one finished */
  epoch: number;
  /** batches done in that epoch, of `batches` */
  batch: number;
  batches: number;
  /** complete epochs, counting those before a resume */
  epochsDone: number;
  /** 0..1 of the whole training (epochs 1..epochs) */
  fraction: number;
  /** seconds left, when they can be estimated */
  etaSeconds: number | null;
  examplesPerSecond: number | null;
}

/** Batch losses by global step ((epoch - 1) * batchesPerEpoch + batch); `logs` (GAN d_loss, g_loss) aligned with them, NaN where absent. */
export interface BatchSeries {
  step: number[];
  loss: number[];
  /** exponential moving average with TensorBoard's debiasing (weight SMOOTHING) */
  smoothed: number[];
  /** the runtime's examples per second at each batch (NaN from runtimes that do not say) */
  examplesPerSecond: number[];
  logs: Record<string, number[]>;
}

export interface EpochRow {
  epoch: number;
  logs: Record<string, number>;
  seconds: number;
  learningRate: number;
  examplesPerSecond: number | null;
}

export interface RunError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface RunExit {
  code: number | null;
  signal: string | null;
  stderrTail: string;
}

export interface RunState {
  phase: RunPhase;
  header: RunHeader | null;
  progress: RunProgress;
  batches: BatchSeries;
  epochs: EpochRow[];
  /** every key of the epochs' logs, in order of first appearance */
  epochKeys: string[];
  samples: RunSample[];
  checkpoints: { epoch: number; path: string }[];
  warnings: string[];
  end: { reason: 'completed' | 'stopped' | 'early-stopping'; epochs: number; metrics: Record<string, number>; seconds: number } | null;
  errors: RunError[];
  exit: RunExit | null;
  /** one line saying why the run failed (phase 'failed') */
  failure: string | null;
  revision: number;
  /** bookkeeping for the smoothing and the ETA */
  clock: { emaLast: number; emaCount: number; startedAt: number | null; elapsed: number | null; elapsedBatches: number };
}

/** TensorBoard's default smoothing weight. */
export const SMOOTHING = 0.6;

/** A picture the run drew (a `sample` event). */
export interface RunSample {
  epoch: number;
  path: string;
  kind: SampleKind;
}

/** A picture's kind in words (a function: the words are in the language of the moment). */
function sampleKindName(kind: SampleKind): string {
  switch (kind) {
    case 'image-grid':
      return l10n.t('generated samples');
    case 'scatter':
      return l10n.t('generated points');
    case 'predictions':
      return l10n.t('predictions');
    case 'confusion':
      return l10n.t('confusion matrix');
    case 'detections':
      return l10n.t('detections');
    case 'attention':
      return l10n.t('attention');
    case 'segmentation':
      return l10n.t('segmentation');
    case 'metrics':
      return l10n.t('loss and metrics');
    default:
      return kind as string; // a kind this version does not know: as it is
  }
}

/** What a picture shows, in words, for its caption: "confusion matrix, epoch 3" (a kind this version does not know: as it is). */
export function sampleCaption(sample: RunSample): string {
  return sample.kind === 'metrics' ? l10n.t('{0}, epochs 1-{1}', sampleKindName(sample.kind), sample.epoch) : l10n.t('{0}, epoch {1}', sampleKindName(sample.kind), sample.epoch);
}

/** The pictures newest first (a later epoch first; within one, the later event first), at most `most`. */
export function newestSamples(samples: readonly RunSample[], most: number): RunSample[] {
  return samples
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.epoch - a.s.epoch || b.i - a.i)
    .slice(0, most)
    .map(({ s }) => s);
}

export function initialRunState(): RunState {
  return {
    phase: 'starting',
    header: null,
    progress: { epoch: 0, batch: 0, batches: 0, epochsDone: 0, fraction: 0, etaSeconds: null, examplesPerSecond: null },
    batches: { step: [], loss: [], smoothed: [], examplesPerSecond: [], logs: {} },
    epochs: [],
    epochKeys: [],
    samples: [],
    checkpoints: [],
    warnings: [],
    end: null,
    errors: [],
    exit: null,
    failure: null,
    revision: 0,
    clock: { emaLast: 0, emaCount: 0, startedAt: null, elapsed: null, elapsedBatches: 0 },
  };
}

/** Folds one event into the state (in place; see the header). `now` (ms) is the arrival time of a live event. */
export function reduceRun(state: RunState, event: TrainEvent, now?: number): RunState {
  state.revision++;
  switch (event.type) {
    case 'start':
      // a second start (a stream replayed into a used state) begins again
      return start(state.header || state.batches.step.length > 0 ? { ...initialRunState(), revision: state.revision } : state, event, now);
    case 'batch':
      batch(state, event, now);
      break;
    case 'epoch':
      epoch(state, event, now);
      break;
    case 'sample':
      replaceBy(state.samples, { epoch: event.epoch, path: event.path, kind: event.kind }, (s) => s.path === event.path);
      break;
    case 'checkpoint':
      replaceBy(state.checkpoints, { epoch: event.epoch, path: event.path }, (c) => c.path === event.path);
      break;
    case 'warning':
      if (!state.warnings.includes(event.message)) state.warnings.push(event.message);
      break;
    case 'end':
      state.end = { reason: event.reason, epochs: event.epochs, metrics: event.metrics, seconds: event.seconds };
      if (state.phase !== 'failed') state.phase = event.reason === 'stopped' ? 'stopped' : 'done';
      state.progress.etaSeconds = state.phase === 'done' ? 0 : null;
      if (state.phase === 'done') state.progress.fraction = 1;
      break;
    case 'error': {
      const { type: _type, ...error } = event;
      state.errors.push(error);
      state.phase = 'failed';
      state.failure ??= event.message;
      state.progress.etaSeconds = null;
      break;
    }
  }
  return state;
}

/** Folds in how the run's process ended: a crash, an out-of-memory or an exit with no `end` is a failure. */
export function exitRun(state: RunState, exit: RunExit): RunState {
  state.revision++;
  state.exit = { ...exit };
  state.progress.etaSeconds = state.phase === 'done' ? 0 : null;
  if (state.phase === 'done' || state.phase === 'stopped') return state;
  if (state.phase === 'failed') {
    if (state.failure === null) state.failure = describeExit(exit);
    return state;
  }
  if (exit.code === 130 || exit.signal === 'SIGINT') {
    state.phase = 'stopped';
    return state;
  }
  state.phase = 'failed';
  state.failure = describeExit(exit);
  return state;
}

/** One logs key over the epochs (null where an epoch did not report it), for a chart. */
export function epochSeries(state: RunState, key: string): { epoch: number[]; values: (number | null)[] } {
  return {
    epoch: state.epochs.map((r) => r.epoch),
    values: state.epochs.map((r) => (Number.isFinite(r.logs[key]) ? r.logs[key]! : null)),
  };
}

function start(state: RunState, event: StartEvent, now: number | undefined): RunState {
  const { type: _type, ...fields } = event;
  state.header = {
    ...fields,
    parameters: event.models.reduce((sum, m) => sum + m.parameters, 0),
  };
  state.phase = 'running';
  const done = event.firstEpoch - 1;
  state.progress = {
    epoch: event.firstEpoch,
    batch: 0,
    batches: event.batchesPerEpoch,
    epochsDone: done,
    fraction: event.epochs > 0 ? done / event.epochs : 0,
    etaSeconds: null,
    examplesPerSecond: null,
  };
  state.clock.startedAt = now ?? null;
  return state;
}

function batch(state: RunState, event: BatchEvent, now: number | undefined): void {
  const { progress, batches, clock } = state;
  if (state.phase === 'starting') state.phase = 'running';
  const perEpoch = state.header?.batchesPerEpoch ?? event.batches;
  batches.step.push((event.epoch - 1) * perEpoch + event.batch);
  batches.loss.push(event.loss);
  batches.smoothed.push(smooth(clock, event.loss));
  batches.examplesPerSecond.push(event.examplesPerSecond ?? NaN);
  const count = batches.step.length;
  for (const [key, value] of Object.entries(event.logs ?? {})) {
    const series = (batches.logs[key] ??= new Array<number>(count - 1).fill(NaN));
    series.push(value);
  }
  for (const series of Object.values(batches.logs)) if (series.length < count) series.push(NaN);

  progress.epoch = event.epoch;
  progress.batch = event.batch;
  progress.batches = event.batches;
  const epochs = state.header?.epochs ?? 0;
  progress.fraction = epochs > 0 ? Math.min(1, (event.epoch - 1 + event.batch / Math.max(1, event.batches)) / epochs) : 0;
  if (event.elapsed !== undefined) {
    clock.elapsed = event.elapsed;
    clock.elapsedBatches = doneBatches(state);
  }
  if (event.examplesPerSecond !== undefined) progress.examplesPerSecond = event.examplesPerSecond;
  else if (event.elapsed !== undefined && event.elapsed > 0) progress.examplesPerSecond = (doneBatches(state) * batchSize(state)) / event.elapsed;
  progress.etaSeconds = estimateEta(state, now);
}

function epoch(state: RunState, event: Extract<TrainEvent, { type: 'epoch' }>, now: number | undefined): void {
  if (state.phase === 'starting') state.phase = 'running';
  const train = state.header?.examples.train ?? 0;
  const row: EpochRow = {
    epoch: event.epoch,
    logs: event.logs,
    seconds: event.seconds,
    learningRate: event.learningRate,
    examplesPerSecond: train > 0 && event.seconds > 0 ? train / event.seconds : null,
  };
  const at = state.epochs.findIndex((r) => r.epoch >= event.epoch);
  if (at < 0) state.epochs.push(row);
  else state.epochs.splice(at, state.epochs[at]!.epoch === event.epoch ? 1 : 0, row);
  for (const key of Object.keys(event.logs)) if (!state.epochKeys.includes(key)) state.epochKeys.push(key);

  const { progress } = state;
  progress.epoch = event.epoch;
  progress.epochsDone = event.epoch;
  progress.batch = progress.batches = state.header?.batchesPerEpoch ?? progress.batches;
  progress.fraction = event.epochs > 0 ? Math.min(1, event.epoch / event.epochs) : 0;
  if (progress.examplesPerSecond === null || state.clock.elapsed === null) progress.examplesPerSecond = row.examplesPerSecond;
  progress.etaSeconds = estimateEta(state, now);
}

/** TensorBoard's debiased exponential moving average; a non-finite loss passes through without entering it. */
function smooth(clock: RunState['clock'], value: number): number {
  if (!Number.isFinite(value)) return value;
  clock.emaLast = clock.emaLast * SMOOTHING + (1 - SMOOTHING) * value;
  clock.emaCount++;
  return clock.emaLast / (1 - SMOOTHING ** clock.emaCount);
}

function replaceBy<T>(list: T[], item: T, same: (t: T) => boolean): void {
  const at = list.findIndex(same);
  if (at < 0) list.push(item);
  else list[at] = item;
}
