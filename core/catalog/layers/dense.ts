import { msg } from '../../i18n/message.js';
import { add, dimEquals, mul } from '../../shapes/dim.js';
import { formatShape, product } from '../../shapes/shape.js';
import type { LayerSpec } from '../layer-spec.js';
import { activationParam, argumentsKnown, biasInitParam, biasParam, initParam, kernelAndBias, macFlops, PYTORCH_LINEAR } from './common.js';

export const Dense: LayerSpec = {
  name: 'Dense',
  category: 'core',
  doc:
    'A fully connected layer: every output unit is a weighted sum of all input features plus a bias, `y = x W + b`. ' +
    'It acts on the last axis, so `[B, 784] -> [B, units]` and `[B, T, d] -> [B, T, units]` (the same weights at every position). ' +
    'Stacked with non-linear activations, dense layers form the simple network of the notes: the forward pass computes `x W + b`, ' +
    'backpropagation computes how the loss changes with each weight, and gradient descent moves each weight a small step against that gradient.',
  params: [
    { name: 'units', type: 'int', min: 1, doc: 'The number of output features.' },
    activationParam,
    biasParam,
    initParam('the kernel `[in, units]`', 'glorot_uniform', ' (Keras\'s and tfjs\'s; fan_in = in, fan_out = units)', `${PYTORCH_LINEAR} (\`nn.Linear\`)`),
    biasInitParam('the bias', `${PYTORCH_LINEAR} (\`nn.Linear\`)`),
    {
      name: 'kernel',
      type: 'tensor',
      optional: true,
      doc:
        'A kernel `[in, units]` from elsewhere instead of a kernel of its own: another layer\'s weight (tied weights). ' +
        'GPT\'s output head is `Dense(vocab, bias: false, kernel: transpose(embed.embeddings, [1, 0]))`: one matrix, counted once, trained from both uses.',
    },
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    const [x] = ctx.inputs;
    if (x!.shape.length < 2) {
      return ctx.error('NN2001', msg`Dense expects at least a rank-2 input [batch, features], but got rank ${x!.shape.length}`, { input: 0 });
    }
    if (x!.shape.length > 3) {
      // Keras would apply Dense to the last axis; on images that is almost always a forgotten Flatten.
      return ctx.error(
        'NN2002',
        msg`Dense acts on the last axis of a rank-${x!.shape.length} input here; flatten the image features first`,
        { input: 0 },
        { kind: 'insertBefore', stage: 'Flatten', title: msg`Insert Flatten before Dense` },
      );
    }
    const kernel = ctx.args['kernel'];
    if (kernel?.kind === 'tensor') {
      const expected = [x!.shape.at(-1)!, ctx.int('units')];
      if (kernel.shape.length !== 2 || !kernel.shape.every((d, i) => dimEquals(d, expected[i]!))) {
        const transposed = kernel.shape.length === 2 && dimEquals(kernel.shape[0]!, expected[1]!) && dimEquals(kernel.shape[1]!, expected[0]!);
        const [want, input, have] = [formatShape(expected), formatShape(x!.shape), formatShape(kernel.shape)];
        const message = transposed
          ? msg`Dense: the kernel must be [in, units] = ${want} for input ${input}, but it is ${have}: transpose it, transpose(kernel, [1, 0])`
          : msg`Dense: the kernel must be [in, units] = ${want} for input ${input}, but it is ${have}`;
        return ctx.error('NN2023', message, { arg: 'kernel' });
      }
    }
    return [...x!.shape.slice(0, -1), ctx.int('units')];
  },
  weights(ctx) {
    const inFeatures = ctx.inputs[0]!.shape.at(-1)!;
    const units = ctx.int('units');
    // a kernel given as an argument is another layer's weight, counted there
    const own = ctx.args['kernel']?.kind === 'tensor' ? 0 : mul(inFeatures, units);
    return { trainable: kernelAndBias(own, units, ctx.bool('bias')), nonTrainable: 0 };
  },
  flops(ctx, [out]) {
    const inFeatures = ctx.inputs[0]!.shape.at(-1)!;
    const macs = macFlops(product(out!), inFeatures);
    return ctx.bool('bias') ? add(macs, product(out!)) : macs;
  },
};
