// A run in words: the status bar's line (`epoch 3/10 · loss 0.41 · 1,200 ex/s`)
// and why a process that ended without an `end` event failed.

import { l10n } from '../l10n.js';
import { formatRate, formatValue } from './format.js';
import type { RunExit, RunState } from './run-state.js';

/** The status bar's words: `epoch 3/10 · loss 0.41 · 1,200 ex/s`. */
export function runStatusLine(state: RunState): string {
  const { header, progress } = state;
  const loss = lastFinite(state.batches.smoothed) ?? state.epochs[state.epochs.length - 1]?.logs.loss;
  const lossPart = loss === undefined ? [] : [l10n.t('loss {0}', formatValue(loss))];
  switch (state.phase) {
    case 'starting':
      return l10n.t('starting');
    case 'running': {
      const parts = [l10n.t('epoch {0}/{1}', Math.max(progress.epoch, header?.firstEpoch ?? 1), header?.epochs ?? '?'), ...lossPart];
      if (progress.examplesPerSecond !== null) parts.push(l10n.t('{0} ex/s', formatRate(progress.examplesPerSecond)));
      return parts.join(' · ');
    }
    case 'done':
      return [l10n.t('done'), l10n.t('{0} epochs', state.end?.epochs ?? progress.epochsDone), ...lossPart].join(' · ');
    case 'stopped':
      return l10n.t('stopped at epoch {0}/{1}', progress.epochsDone, header?.epochs ?? '?');
    case 'failed':
      return l10n.t('failed: {0}', firstLine(state.failure ?? l10n.t('unknown error')));
  }
}

/** Why a process that ended without `end` failed, in one line. */
export function describeExit(exit: RunExit): string {
  if (/out of memory|heap limit|bad_alloc|ResourceExhausted|\bOOM\b/i.test(exit.stderrTail) || exit.signal === 'SIGKILL') {
    return exit.signal ? l10n.t('the training process ran out of memory (killed by {0})', exit.signal) : l10n.t('the training process ran out of memory');
  }
  if (exit.signal) return l10n.t('the training process was killed by {0}', exit.signal);
  if (exit.code === 0) return l10n.t('the training process exited before the run ended');
  return l10n.t('the training process exited with code {0}', String(exit.code));
}

function lastFinite(values: number[]): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
