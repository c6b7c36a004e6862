// Dense: x W + b over the last axis, for inputs of any rank. W is its own
// weight, or a tensor given as `kernel` (another layer's weight: tied weights).

import type { Tensor } from '../../tf-types.js';
import type { Kernel } from '../kernel.js';
import { lastDim } from '../kernel.js';
import { chosenInitializer, pytorchLinear } from '../initializers.js';
import { applyActivation } from './activations.js';

export const Dense: Kernel = {
  weights(k) {
    const fanIn = lastDim(k.inputs[0]!);
    const units = k.args.int('units');
    const fans = { fanIn, fanOut: units };
    const tied = k.args.has('kernel');
    return [
      ...(tied ? [] : [{ name: 'kernel', shape: [fanIn, units], init: chosenInitializer(k.args, 'init', 'glorot_uniform', fans, pytorchLinear(fanIn)), trainable: true }]),
      ...(k.args.bool('bias') ? [{ name: 'bias', shape: [units], init: chosenInitializer(k.args, 'bias_init', 'zeros', fans, pytorchLinear(fanIn)), trainable: true }] : []),
    ];
  },
  call(k, inputs) {
    const { tf } = k;
    const input = inputs[0]!;
    const units = k.args.int('units');
    const kernel = k.args.has('kernel') ? inputs[k.args.tensorIndex('kernel')]! : k.weight('kernel'); // [in, units]
    // [..., in] -> [N, in] @ [in, units] -> [..., units]
    const flat = input.rank === 2 ? input : tf.reshape(input, [-1, input.shape.at(-1)!]);
    let y: Tensor = tf.matMul(flat, kernel);
    if (k.args.bool('bias')) y = tf.add(y, k.weight('bias'));
    if (input.rank !== 2) y = tf.reshape(y, [...input.shape.slice(0, -1), units]);
    return applyActivation(tf, k.args.string('activation'), y);
  },
};
