// The data a train block names, loaded in memory: `mnist(...)`,
// `sequences(...)`, `ring(...)`, files (csv, npy, npz, jsonl, images) and
// the synthetic shapes. Paths are relative to the .nn file.

import type { CallPlan } from '../../core/train/plan.js';
import { DataError, type RawData } from './dataset.js';
import { loadMnist } from './mnist.js';
import { loadRing } from './ring.js';
import { loadSequences } from './sequences.js';

export interface LoadContext {
  /** the folder of the .nn file */
  baseDir: string;
  seed: number;
}

export function loadData(call: CallPlan, ctx: LoadContext): RawData {
  const a = call.args;
  const num = (name: string, fallback: number) => (typeof a[name] === 'number' ? (a[name] as number) : fallback);
  const split = num('split', 0.8);
  switch (call.name) {
    case 'mnist': {
      const scale = Array.isArray(a['scale']) && a['scale'].length === 2 ? (a['scale'] as [number, number]) : undefined;
      return loadMnist({ split, ...(scale ? { scale } : {}), ...(typeof a['limit'] === 'number' ? { limit: a['limit'] } : {}) });
    }
    case 'sequences':
      return loadSequences({
        task: (a['task'] as 'copy' | 'reverse' | 'sort') ?? 'reverse',
        length: num('length', 10),
        vocab: num('vocab', 16),
        count: num('count', 10000),
        split,
        seed: ctx.seed,
      });
    case 'ring':
      return loadRing({ modes: num('modes', 8), radius: num('radius', 2), std: num('std', 0.02), count: num('count', 10000), seed: ctx.seed });
    default:
      throw new DataError(`the data source '${call.name}' cannot be loaded yet`);
  }
}
