// What each chart of the training view draws, from a run's state and the
// earlier runs overlaid on it (no DOM): the batch loss (raw and smoothed,
// decimated), one chart per group of epoch logs, the learning rate and the
// examples per second. Data is uPlot's aligned form: [x, ...series].

import { l10n } from '../../l10n.js';
import { epochChartGroups, seriesLabel, seriesName } from '../../runs/chart-groups.js';
import { decimate } from '../../runs/decimate.js';
import type { RunState } from '../../runs/run-state.js';

/** At most this many points per batch series (10,000 batches draw as 2,000). */
export const MAX_POINTS = 2000;

export interface SeriesModel {
  label: string;
  /** what the series is, for its colour: train, validation, test, discriminator, generator, modes, rate, speed */
  kind: string;
  faint?: boolean;
  /** a dashed line of an earlier run (index into the dash patterns) */
  overlay?: number;
}

export interface ChartModel {
  id: string;
  title: string;
  x: 'step' | 'epoch';
  series: SeriesModel[];
  data: (number | null)[][];
  /** changes when the data does (a chart with the same version is not redrawn) */
  version: string;
}

export interface Overlay {
  runId: string;
  label: string;
  state: RunState;
}

export function buildCharts(state: RunState, overlays: readonly Overlay[] = [], maxPoints = MAX_POINTS): ChartModel[] {
  const charts: ChartModel[] = [];
  const batch = batchChart(state, maxPoints);
  if (batch) charts.push(batch);
  for (const group of epochChartGroups(state.epochKeys)) {
    charts.push(
      epochChart(state, overlays, `epoch-${group.id}`, group.title, group.keys.map((key) => ({ label: seriesName(key), kind: seriesLabel(key), value: (r) => r.logs[key] }))),
    );
  }
  if (state.epochs.length > 0) {
    charts.push(epochChart(state, overlays, 'learning-rate', l10n.t('Learning rate'), [{ label: l10n.t('learning rate'), kind: 'rate', value: (r) => r.learningRate }]));
  }
  const speed = speedChart(state, overlays, maxPoints);
  if (speed) charts.push(speed);
  return charts;
}

function batchChart(state: RunState, maxPoints: number): ChartModel | null {
  const { step, loss, smoothed, logs } = state.batches;
  if (step.length === 0) return null;
  const logKeys = Object.keys(logs);
  if (logKeys.length > 0) {
    // a GAN: its batch logs are the epoch's means so far, already smooth
    const drawn = decimate(step, logKeys.map((k) => logs[k]!), maxPoints);
    return {
      id: 'batch',
      title: l10n.t('Loss per batch (mean so far in the epoch)'),
      x: 'step',
      series: logKeys.map((k) => ({ label: seriesName(k), kind: seriesLabel(k) })),
      data: [drawn.x, ...drawn.series.map(nullForNaN)],
      version: String(step.length),
    };
  }
  const drawn = decimate(step, [loss, smoothed], maxPoints);
  return {
    id: 'batch',
    title: l10n.t('Loss per batch'),
    x: 'step',
    series: [
      { label: l10n.t('loss'), kind: 'train', faint: true },
      { label: l10n.t('smoothed'), kind: 'train' },
    ],
    data: [drawn.x, ...drawn.series.map(nullForNaN)],
    version: String(step.length),
  };
}

/** Examples per second: per batch when the runtime says it, else per epoch. */
function speedChart(state: RunState, overlays: readonly Overlay[], maxPoints: number): ChartModel | null {
  const { step, examplesPerSecond } = state.batches;
  if (examplesPerSecond.some(Number.isFinite)) {
    const drawn = decimate(step, [examplesPerSecond], maxPoints);
    return {
      id: 'speed',
      title: l10n.t('Examples per second'),
      x: 'step',
      series: [{ label: l10n.t('examples/s'), kind: 'speed' }],
      data: [drawn.x, ...drawn.series.map(nullForNaN)],
      version: String(step.length),
    };
  }
  if (!state.epochs.some((r) => r.examplesPerSecond !== null)) return null;
  return epochChart(state, overlays, 'speed', l10n.t('Examples per second'), [{ label: l10n.t('examples/s'), kind: 'speed', value: (r) => r.examplesPerSecond ?? undefined }]);
}

interface EpochValue {
  label: string;
  kind: string;
  value: (row: RunState['epochs'][number]) => number | undefined;
}

/** One chart over epochs: this run's series, then each overlaid run's, dashed, on the union of their epochs. */
function epochChart(state: RunState, overlays: readonly Overlay[], id: string, title: string, values: EpochValue[]): ChartModel {
  const runs = [state, ...overlays.map((o) => o.state)];
  const epochs = [...new Set(runs.flatMap((s) => s.epochs.map((r) => r.epoch)))].sort((a, b) => a - b);
  const series: SeriesModel[] = [];
  const data: (number | null)[][] = [epochs];
  runs.forEach((run, i) => {
    const byEpoch = new Map(run.epochs.map((r) => [r.epoch, r]));
    for (const v of values) {
      const column = epochs.map((e) => {
        const row = byEpoch.get(e);
        const value = row ? v.value(row) : undefined;
        return value !== undefined && Number.isFinite(value) ? value : null;
      });
      if (i > 0 && column.every((c) => c === null)) continue; // the earlier run did not log this
      series.push(i === 0 ? { label: v.label, kind: v.kind } : { label: `${v.label} · ${overlays[i - 1]!.label}`, kind: v.kind, overlay: i - 1 });
      data.push(column);
    }
  });
  const version = runs.map((r) => `${r.epochs.length}:${r.epochs.at(-1)?.seconds}`).join('|');
  return { id, title, x: 'epoch', series, data, version };
}

function nullForNaN(values: number[]): (number | null)[] {
  return values.map((v) => (Number.isFinite(v) ? v : null));
}
