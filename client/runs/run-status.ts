// A run in words: the status bar's line (`epoch 3/10 · loss 0.41 · 1,200 ex/s`)
// and why a process that ended without an `end` event failed.

import { formatRate, formatValue } from './format.js';
import type { RunExit, RunState } from './run-state.js';

/** The status bar's words: `epoch 3/10 · loss 0.41 · 1,200 ex/s`. */
export function runStatusLine(state: RunState): string {
  const { header, progress } = state;
  const loss = lastFinite(state.batches.smoothed) ?? state.epochs[state.epochs.length - 1]?.logs.loss;
  const lossPart = loss === undefined ? [] : [`loss ${formatValue(loss)}`];
  switch (state.phase) {
    case 'starting':
      return 'starting';
    case 'running': {
      const parts = [`epoch ${Math.max(progress.epoch, header?.firstEpoch ?? 1)}/${header?.epochs ?? '?'}`, ...lossPart];
      if (progress.examplesPerSecond !== null) parts.push(`${formatRate(progress.examplesPerSecond)} ex/s`);
      return parts.join(' · ');
    }
    case 'done':
      return ['done', `${state.end?.epochs ?? progress.epochsDone} epochs`, ...lossPart].join(' · ');
    case 'stopped':
      return `stopped at epoch ${progress.epochsDone}/${header?.epochs ?? '?'}`;
    case 'failed':
      return `failed: ${firstLine(state.failure ?? 'unknown error')}`;
  }
}

/** Why a process that ended without `end` failed, in one line. */
export function describeExit(exit: RunExit): string {
  if (/out of memory|heap limit|bad_alloc|ResourceExhausted|\bOOM\b/i.test(exit.stderrTail) || exit.signal === 'SIGKILL') {
    return 'the training process ran out of memory' + (exit.signal ? ` (killed by ${exit.signal})` : '');
  }
  if (exit.signal) return `the training process was killed by ${exit.signal}`;
  if (exit.code === 0) return 'the training process exited before the run ended';
  return `the training process exited with code ${exit.code}`;
}

function lastFinite(values: number[]): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
