// Layers that rearrange or resize without weights: Flatten, Reshape,
// Permute, Transpose, UpSampling2D, ZeroPadding2D, Cropping2D.

import { resolveDim } from '../../../core/graph/runtime-dim.js';
import type { Kernel } from '../kernel.js';
import { padSpatial } from './convolution.js';
import { pairsOf } from './padding.js';

/** Reshapes to the node's (checked) output shape for this batch. */
const toOutputShape: Kernel = {
  call: (k, [x]) => k.tf.reshape(x!, k.outputs[0]!.shape.map((d) => resolveDim(d, k.batch))),
};

export const RESHAPING_KERNELS: Record<string, Kernel> = {
  Flatten: toOutputShape,
  Reshape: toOutputShape,
  Permute: { call: (k, [x]) => k.tf.transpose(x!, [0, ...k.args.ints('dims')]) },
  Transpose: { call: (k, [x]) => k.tf.transpose(x!, k.args.ints('perm')) },
  UpSampling2D: {
    call(k, [x]) {
      const [sh, sw] = k.args.size('size', 2) as [number, number];
      const [, h, w] = x!.shape as [number, number, number, number];
      const size: [number, number] = [h * sh, w * sw];
      return k.args.string('interpolation') === 'bilinear'
        ? k.tf.image.resizeBilinear(x as never, size, false, true)
        : k.tf.image.resizeNearestNeighbor(x as never, size, false, false);
    },
  },
  ZeroPadding2D: { call: (k, [x]) => padSpatial(k.tf, x!, pairsOf(k.args.raw('padding'), 2)) },
  Cropping2D: {
    call(k, [x]) {
      const [ch, cw] = pairsOf(k.args.raw('cropping'), 2) as [{ before: number; after: number }, { before: number; after: number }];
      const [, h, w] = x!.shape as [number, number, number, number];
      return k.tf.slice(x!, [0, ch.before, cw.before, 0], [-1, h - ch.before - ch.after, w - cw.before - cw.after, -1]);
    },
  },
};
