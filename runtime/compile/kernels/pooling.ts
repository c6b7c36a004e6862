// Pooling: windows (max, average; 1-D through 2-D), global and adaptive.
// PyTorch's explicit padding and ceil_mode become explicit padding before a
// "valid" pool: -infinity for max, zeros for average (PyTorch's default
// count_include_pad).

import type { Tensor, TF } from '../../tf-types.js';
import type { CallContext, Kernel } from '../kernel.js';
import { padSpatial } from './convolution.js';
import type { Pair } from './padding.js';
import { paddingOf } from './padding.js';

function pool2d(k: CallContext, x: Tensor, kind: 'max' | 'avg'): Tensor {
  const { tf } = k;
  const pool = k.args.size('pool', 2) as [number, number];
  const stride = (k.args.has('stride') ? k.args.size('stride', 2) : pool) as [number, number];
  const padding = paddingOf(k.args, 2);
  const run = (input: Tensor, pad: 'same' | 'valid'): Tensor => (kind === 'max' ? tf.maxPool(input as never, pool, stride, pad) : tf.avgPool(input as never, pool, stride, pad));
  if (padding === 'same') return run(x, 'same');
  const pairs: Pair[] = padding === 'valid' ? [{ before: 0, after: 0 }, { before: 0, after: 0 }] : padding.map((p) => ({ ...p }));
  if (k.args.bool('ceil_mode')) {
    // extend the end so that the last partial window is kept
    const out = k.outputs[0]!.shape;
    for (let i = 0; i < 2; i++) {
      const size = x.shape[i + 1]! + pairs[i]!.before + pairs[i]!.after;
      const needed = ((out[i + 1] as number) - 1) * stride[i]! + pool[i]!;
      pairs[i]!.after += Math.max(0, needed - size);
    }
  }
  const padded = padSpatial(tf, x, pairs, kind === 'max' ? -Infinity : 0);
  return run(padded, 'valid');
}

/** 1-D pooling as 2-D pooling over [B, 1, T, C]. */
function pool1d(k: CallContext, x: Tensor, kind: 'max' | 'avg'): Tensor {
  const { tf } = k;
  const int = (value: number) => ({ kind: 'int' as const, value });
  const pool = k.args.ints('pool')[0]!;
  const stride = k.args.has('stride') ? k.args.ints('stride')[0]! : pool;
  const padding = paddingOf(k.args, 1);
  const as2d: CallContext = {
    ...k,
    args: k.args.with({
      pool: { kind: 'list', items: [int(1), int(pool)] },
      stride: { kind: 'list', items: [int(1), int(stride)] },
      padding:
        typeof padding === 'string'
          ? { kind: 'string', value: padding }
          : { kind: 'list', items: [{ kind: 'list', items: [int(0), int(0)] }, { kind: 'list', items: [int(padding[0]!.before), int(padding[0]!.after)] }] },
    }),
    outputs: k.outputs.map((t) => ({ ...t, shape: [t.shape[0]!, 1, ...t.shape.slice(1)] })),
  };
  const y = pool2d(as2d, tf.expandDims(x, 1), kind);
  return tf.squeeze(y, [1]);
}

const spatialAxes = (x: Tensor): number[] => Array.from({ length: x.rank - 2 }, (_, i) => i + 1);

export const POOLING_KERNELS: Record<string, Kernel> = {
  MaxPool2D: { call: (k, [x]) => pool2d(k, x!, 'max') },
  AvgPool2D: { call: (k, [x]) => pool2d(k, x!, 'avg') },
  MaxPool1D: { call: (k, [x]) => pool1d(k, x!, 'max') },
  AvgPool1D: { call: (k, [x]) => pool1d(k, x!, 'avg') },
  GlobalAvgPool: { call: (k, [x]) => k.tf.mean(x!, spatialAxes(x!), k.args.bool('keepdims')) },
  GlobalMaxPool: { call: (k, [x]) => k.tf.max(x!, spatialAxes(x!), k.args.bool('keepdims')) },
  AdaptiveAvgPool2D: {
    call(k, [x]) {
      const [oh, ow] = k.args.size('output_size', 2) as [number, number];
      return adaptiveAvgPool(k.tf, x!, oh, ow);
    },
  },
};

/** PyTorch's adaptive average pooling: window i spans [floor(i*H/out), ceil((i+1)*H/out)). */
function adaptiveAvgPool(tf: TF, x: Tensor, oh: number, ow: number): Tensor {
  const [, h, w] = x.shape as [number, number, number, number];
  const rows: Tensor[] = [];
  for (let i = 0; i < oh; i++) {
    const h0 = Math.floor((i * h) / oh);
    const h1 = Math.ceil(((i + 1) * h) / oh);
    const cols: Tensor[] = [];
    for (let j = 0; j < ow; j++) {
      const w0 = Math.floor((j * w) / ow);
      const w1 = Math.ceil(((j + 1) * w) / ow);
      cols.push(tf.mean(tf.slice(x, [0, h0, w0, 0], [-1, h1 - h0, w1 - w0, -1]), [1, 2]));
    }
    rows.push(tf.stack(cols, 1));
  }
  return tf.stack(rows, 1);
}
