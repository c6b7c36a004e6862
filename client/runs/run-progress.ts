// How far a run is and how long it has left: batches done since the run's
// first epoch, the batch size, and the ETA (from the runtime's elapsed time,
// else the epochs' seconds, else the live clock). Used by run-state.ts.

import type { RunState } from './run-state.js';

/** Batches this run (since firstEpoch) has done. */
export function doneBatches(state: RunState): number {
  const first = state.header?.firstEpoch ?? 1;
  const perEpoch = state.header?.batchesPerEpoch ?? state.progress.batches;
  return Math.max(0, (state.progress.epoch - first) * perEpoch + state.progress.batch);
}

export function batchSize(state: RunState): number {
  const h = state.header;
  if (!h) return 0;
  return h.batchSize ?? (h.batchesPerEpoch > 0 ? h.examples.train / h.batchesPerEpoch : 0);
}

/** Seconds left: from the runtime's elapsed time, else this run's epoch times, else the live clock. */
export function estimateEta(state: RunState, now: number | undefined): number | null {
  const h = state.header;
  if (!h || h.batchesPerEpoch <= 0) return null;
  const total = (h.epochs - h.firstEpoch + 1) * h.batchesPerEpoch;
  const done = doneBatches(state);
  const remaining = Math.max(0, total - done);
  if (remaining === 0) return 0;
  const { clock } = state;
  if (clock.elapsed !== null && clock.elapsedBatches > 0) return (clock.elapsed / clock.elapsedBatches) * remaining;
  const runEpochs = state.epochs.filter((r) => r.epoch >= h.firstEpoch);
  if (runEpochs.length > 0) {
    const perEpoch = runEpochs.reduce((sum, r) => sum + r.seconds, 0) / runEpochs.length;
    return (perEpoch * remaining) / h.batchesPerEpoch;
  }
  if (clock.startedAt !== null && now !== undefined && done > 0) return ((now - clock.startedAt) / 1000 / done) * remaining;
  return null;
}
