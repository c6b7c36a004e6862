// Layers that join tensors (Concat, Add, Subtract, Multiply; NumPy
// broadcasting) or split one (Split).

import type { Tensor } from '../../tf-types.js';
import type { Kernel } from '../kernel.js';

const fold = (f: (a: Tensor, b: Tensor) => Tensor): Kernel['call'] => (_k, inputs) => inputs.reduce((a, b) => f(a, b));

export const MERGING_KERNELS: Record<string, Kernel> = {
  Concat: { call: (k, inputs) => k.tf.concat(inputs, k.args.int('axis')) },
  Add: { call: (k, inputs) => fold((a, b) => k.tf.add(a, b))(k, inputs) },
  Subtract: { call: (k, [a, b]) => k.tf.sub(a!, b!) },
  Multiply: { call: (k, inputs) => fold((a, b) => k.tf.mul(a, b))(k, inputs) },
  Split: {
    call(k, [x]) {
      const raw = k.args.raw('num_or_sizes');
      const axis = k.args.int('axis');
      return raw.kind === 'list' ? k.tf.split(x!, k.args.ints('num_or_sizes'), axis) : k.tf.split(x!, k.args.int('num_or_sizes'), axis);
    },
  },
};
