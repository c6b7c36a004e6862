// Random tensors: noise for GANs and VAEs, random initial values.

import { msg } from '../i18n/message.js';
import type { FunctionSpec } from './function-spec.js';
import { NO_FLOPS } from './flops.js';
import { checkSizes } from './util.js';

export const normal: FunctionSpec = {
  name: 'normal',
  category: 'random',
  doc:
    'A float tensor of the given shape filled with samples from a normal (Gaussian) distribution with mean `mean` and standard deviation `std`. ' +
    'A GAN generator starts from such noise, `normal([B, 100])`, and a VAE samples its latent code as `mu + sigma * normal([B, z])`. ' +
    'Every call draws new values.',
  params: [
    { name: 'shape', type: 'ints', doc: 'The shape of the result, batch axis included.' },
    { name: 'mean', type: 'float', default: 0, doc: 'The mean of the distribution.' },
    { name: 'std', type: 'float', default: 1, min: 0, doc: 'The standard deviation (at least 0).' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const shape = ctx.ints('shape');
    if (!checkSizes(ctx, 'normal', 'shape', shape)) return undefined;
    return ctx.result([...shape], 'float32');
  },
};

export const uniform: FunctionSpec = {
  name: 'uniform',
  category: 'random',
  doc:
    'A float tensor of the given shape filled with samples drawn uniformly from `[low, high)`: every value in the range is equally likely. ' +
    'Useful for random noise, dropout-style masks (`uniform([B, T]) < 0.1`) and random augmentation parameters. Every call draws new values.',
  params: [
    { name: 'shape', type: 'ints', doc: 'The shape of the result, batch axis included.' },
    { name: 'low', type: 'float', default: 0, doc: 'The smallest value (included).' },
    { name: 'high', type: 'float', default: 1, doc: 'The bound above every value (excluded); must be above `low`.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const shape = ctx.ints('shape');
    const low = ctx.float('low');
    const high = ctx.float('high');
    if (!checkSizes(ctx, 'uniform', 'shape', shape)) return undefined;
    if (high <= low) return ctx.error('NN3003', msg`uniform: high (${high}) must be above low (${low})`, 'high');
    return ctx.result([...shape], 'float32');
  },
};

export const RANDOM_FUNCTIONS: readonly FunctionSpec[] = [normal, uniform];
