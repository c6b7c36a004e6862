// The data a train block names, loaded in memory: `mnist(...)`,
// `sequences(...)`, `ring(...)`, files (csv, npy, npz, jsonl, images), the
// synthetic shapes and SAM's prompted segments. Paths are relative to the .nn file.

import { msg } from '../../core/i18n/message.js';
import type { CallPlan, PlainValue } from '../../core/train/plan.js';
import type { TF } from '../tf-types.js';
import { loadCsv } from './csv.js';
import { DataError, type RawData } from './dataset.js';
import { dataFile } from './files.js';
import { loadImages } from './images.js';
import { loadJsonl } from './jsonl.js';
import { loadMnist } from './mnist.js';
import { loadNpy } from './npy.js';
import { loadNpz } from './npz.js';
import { loadRegions } from './regions.js';
import { loadRing } from './ring.js';
import { loadSequences } from './sequences.js';
import { loadShapes, shapesTarget } from './shapes.js';
import { loadSegments } from './segments.js';

export interface LoadContext {
  /** the folder of the .nn file */
  baseDir: string;
  seed: number;
  /** TensorFlow.js, for the sources that decode files with it (images: tfjs-node's decoder) */
  tf?: TF;
  /**
   * The shape of one example of the trained model's (first) output, for
   * examples of these input shapes (no batch axes). The sources whose
   * targets depend on the model ask it: `shapes` gives class ids, a YOLO
   * grid or a mask as the output calls for. Absent when no single model
   * is trained (adversarial training).
   */
  outputShape?: (inputShapes: number[][]) => number[];
}

export function loadData(call: CallPlan, ctx: LoadContext): RawData {
  const a = call.args;
  const num = (name: string, fallback: number) => (typeof a[name] === 'number' ? (a[name] as number) : fallback);
  const str = (name: string, fallback?: string) => stringArg(call.name, a, name, fallback);
  const file = (name: string, fallback?: string) => dataFile(ctx.baseDir, str(name, fallback));
  const split = num('split', 0.8);
  switch (call.name) {
    case 'mnist': {
      const scale = Array.isArray(a['scale']) && a['scale'].length === 2 ? (a['scale'] as [number, number]) : undefined;
      return loadMnist({ split, ...(scale ? { scale } : {}), ...(typeof a['limit'] === 'number' ? { limit: a['limit'] } : {}), ...(a['set'] === 'full' ? { set: 'full' as const } : {}) });
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
    case 'csv':
      return loadCsv({ file: file('path'), label: str('label', 'label'), split });
    case 'npy':
      return loadNpy({ x: file('x'), y: file('y'), split });
    case 'npz':
      return loadNpz({ file: file('path'), x: str('x', 'x'), y: str('y', 'y'), split });
    case 'jsonl':
      return loadJsonl({ file: file('path'), x: str('x', 'x'), y: str('y', 'y'), split });
    case 'images':
      return loadImages({ folder: file('path'), size: imageSize(a['size']), split, ...(ctx.tf ? { tf: ctx.tf } : {}) });
    case 'shapes': {
      const o = { count: num('count', 2000), size: num('size', 64), objects: num('objects', 3) };
      const target = shapesTarget(ctx.outputShape?.([[o.size, o.size, 3]]), o);
      return loadShapes({ ...o, seed: ctx.seed, target, split });
    }
    case 'regions': {
      if (!ctx.tf) throw new DataError(msg`regions(...) warps its regions with TensorFlow, which this command does not load`);
      const o = { count: num('count', 4000), size: num('size', 64), region: num('region', 32), objects: num('objects', 3), positives: num('positives', 0.25), context: num('context', 2), proposals: num('proposals', 200) };
      return loadRegions(ctx.tf, { ...o, seed: ctx.seed, split });
    }
    case 'segments': {
      const size = num('size', 64);
      return loadSegments({ count: num('count', 4000), size, objects: num('objects', 3), points: num('points', 4), maskSize: num('mask_size', size / 2), textDim: num('text_dim', 64), seed: ctx.seed, split });
    }
    default:
      throw new DataError(msg`the data source '${call.name}' cannot be loaded yet`);
  }
}

function stringArg(source: string, args: Record<string, PlainValue>, name: string, fallback?: string): string {
  const value = args[name] ?? fallback;
  if (typeof value !== 'string' || value === '') throw new DataError(msg`${source}(...) needs '${name}', a path or name in quotes`);
  return value;
}

/** `size: [height, width]` (or `[side]`) of positive whole numbers. */
function imageSize(value: PlainValue | undefined): [number, number] {
  const sizes = Array.isArray(value) ? value : [value];
  const ok = (v: PlainValue | undefined): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if ((sizes.length === 1 || sizes.length === 2) && sizes.every(ok)) return [sizes[0] as number, (sizes[1] ?? sizes[0]) as number];
  throw new DataError(msg`images(...) needs 'size: [height, width]', two positive whole numbers, not ${JSON.stringify(value ?? null)}`);
}
