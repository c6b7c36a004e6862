// How the Runs view names a run: `MLP · 2026-12-02 10:41` (local time), and
// describes it: `done · test_accuracy 0.970`, `running · epoch 3/10 · loss
// 0.412`, `failed · <the error>`. Pure: unit-tested.

import { l10n } from '../l10n.js';
import type { RunRecord } from './run-folders.js';

export function runLabel(run: RunRecord): string {
  return `${run.model} · ${localTime(run.started)}`;
}

export function runDescription(run: RunRecord): string {
  switch (run.state) {
    case 'running': {
      const parts = [l10n.t('running'), l10n.t('epoch {0}/{1}', Math.min(run.epoch + 1, run.epochs || run.epoch + 1), run.epochs)];
      if (run.batchLoss !== undefined) parts.push(l10n.t('loss {0}', formatMetric(run.batchLoss)));
      return parts.join(' · ');
    }
    case 'failed':
      return `${l10n.t('failed')} · ${run.error ?? l10n.t('the process ended without finishing')}`;
    default: {
      const headline = headlineMetric(run.metrics);
      const state = run.reason === 'early-stopping' ? l10n.t('done (early stopping)') : run.state === 'stopped' ? l10n.t('stopped at epoch {0}/{1}', run.epoch, run.epochs) : stateName(run.state);
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
  const lines = [`${run.model}: ${stateName(run.state)}${run.reason && run.reason !== 'stopped' ? ` (${reasonName(run.reason)})` : ''}`];
  if (run.file) lines.push(l10n.t('file: {0}', relative(run.file)));
  lines.push(l10n.t('folder: {0}', relative(run.runDir)), l10n.t('run: {0}', run.runId), l10n.t('started: {0}', localTime(run.started)), l10n.t('epochs: {0}/{1}', run.epoch, run.epochs));
  for (const [k, v] of Object.entries(run.metrics)) lines.push(`${k}: ${formatMetric(v)}`);
  if (run.error) lines.push(l10n.t('error: {0}', run.error));
  return lines;
}

/** A run's state in words. */
function stateName(state: RunRecord['state']): string {
  switch (state) {
    case 'running':
      return l10n.t('running');
    case 'done':
      return l10n.t('done');
    case 'stopped':
      return l10n.t('stopped');
    case 'failed':
      return l10n.t('failed');
  }
}

/** Why a run ended, in words (a reason this version does not know: as it is). */
function reasonName(reason: string): string {
  if (reason === 'completed') return l10n.t('completed');
  if (reason === 'early-stopping') return l10n.t('early-stopping');
  return reason;
}
