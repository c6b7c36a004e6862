// How the Runs view names a run: `MLP · 2026-12-02 10:41` (local time), and
// describes it: `done · test_accuracy 0.970`, `running · epoch 3/10 · loss
// 0.412`, `failed · <the error>`. Pure: unit-tested.

import type { RunRecord } from './run-folders.js';

export function runLabel(run: RunRecord): string {
  return `${run.model} · ${localTime(run.started)}`;
}

export function runDescription(run: RunRecord): string {
  switch (run.state) {
    case 'running': {
      const parts = ['running', `epoch ${Math.min(run.epoch + 1, run.epochs || run.epoch + 1)}/${run.epochs}`];
      if (run.batchLoss !== undefined) parts.push(`loss ${formatMetric(run.batchLoss)}`);
      return parts.join(' · ');
    }
    case 'failed':
      return `failed · ${run.error ?? 'the process ended without finishing'}`;
    default: {
      const headline = headlineMetric(run.metrics);
      const state = run.reason === 'early-stopping' ? 'done (early stopping)' : run.state === 'stopped' ? `stopped at epoch ${run.epoch}/${run.epochs}` : run.state;
      return headline ? `${state} · ${headline[0]} ${formatMetric(headline[1])}` : state;
    }
  }
}

/**
 * The metric that says most about a run: a held-out metric that is not a
 * loss (`test_accuracy`), else a held-out loss, else the training loss,
 * else whatever was logged first (a GAN's `d_loss`).
 */
export function headlineMetric(metrics: Record<string, number>): [string, number] | undefined {
  const entries = Object.entries(metrics);
  const heldOut = entries.filter(([k]) => /^(val|test)_/.test(k));
  return heldOut.find(([k]) => !k.endsWith('loss')) ?? heldOut[0] ?? entries.find(([k]) => k === 'loss') ?? entries[0];
}

/** 0.97 -> `0.970`; tiny and large values keep their meaning: `5.3e-4`, `1,234.5`. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && size < 0.001) return value.toExponential(1);
  if (size >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return value.toFixed(3);
}

/** `2026-12-02 10:41` in the local time zone. */
export function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A run's details for its tooltip, one `key: value` per line. */
export function runDetails(run: RunRecord, relative: (path: string) => string): string[] {
  const lines = [`${run.model}: ${run.state}${run.reason && run.reason !== 'stopped' ? ` (${run.reason})` : ''}`];
  if (run.file) lines.push(`file: ${relative(run.file)}`);
  lines.push(`folder: ${relative(run.runDir)}`, `run: ${run.runId}`, `started: ${localTime(run.started)}`, `epochs: ${run.epoch}/${run.epochs}`);
  for (const [k, v] of Object.entries(run.metrics)) lines.push(`${k}: ${formatMetric(v)}`);
  if (run.error) lines.push(`error: ${run.error}`);
  return lines;
}
