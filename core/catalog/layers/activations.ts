// Activation layers: elementwise non-linearities (and Softmax / LogSoftmax
// along one axis). The shape never changes; only PReLU has weights.
//
// FLOPs: the number of elementwise operations in the formula per element,
// counting exp, log, tanh and erf as 1 each, comparisons as 1:
// Identity 0, ReLU 1, ReLU6 2, LeakyReLU 2 (a multiply and a max), PReLU 2,
// ELU 3, SELU 4, Sigmoid 3 (exp, add, divide), Tanh 1, SiLU/Swish 4,
// GELU 5 (`x/2 * (1 + erf(x/sqrt 2))`) or 9 with the tanh approximation,
// Softplus 3, Mish 5, HardSwish 5, Softmax and LogSoftmax 3 (exp, sum, divide/log).

import { msg } from '../../i18n/message.js';
import { type Dim, formatDim, isConst, mul } from '../../shapes/dim.js';
import { normalizeAxis, product } from '../../shapes/shape.js';
import type { LayerContext, LayerSpec, ParamSpec } from '../layer-spec.js';
import { argumentsKnown, expectMinRank } from './common.js';

function activation(name: string, doc: string, cost: number | ((ctx: LayerContext) => number), params: ParamSpec[] = []): LayerSpec {
  return {
    name,
    category: 'activation',
    doc,
    params,
    inputs: { min: 1, max: 1, names: ['x'] },
    shape: (ctx) => (argumentsKnown(ctx), [...ctx.inputs[0]!.shape]),
    weights: () => ({ trainable: 0, nonTrainable: 0 }),
    flops: (ctx, [out]) => mul(typeof cost === 'number' ? cost : cost(ctx), product(out!)),
  };
}

const SHAPE = 'Applied element by element; the shape is unchanged.';

export const Identity = activation('Identity', `Passes its input through unchanged: \`y = x\`. A placeholder where a layer is expected (an empty shortcut branch, a removed head). ${SHAPE}`, 0);

export const ReLU = activation(
  'ReLU',
  `The rectified linear unit \`max(0, x)\`: negatives become 0, positives pass. Cheap, and its gradient is 1 wherever it is active, so deep networks ` +
    `train much faster than with sigmoid or tanh (AlexNet made it the default; VGG and ResNet follow every convolution with it). ${SHAPE}`,
  1,
);

export const ReLU6 = activation(
  'ReLU6',
  `ReLU capped at 6: \`min(max(0, x), 6)\`. The bound keeps activations small enough for low-precision arithmetic; MobileNets use it. ${SHAPE}`,
  2,
);

export const LeakyReLU = activation(
  'LeakyReLU',
  `Like ReLU, but negatives are scaled by a small \`slope\` instead of zeroed: \`x if x > 0 else slope * x\`, so no unit "dies" with a zero gradient. ` +
    `GAN discriminators and generators use \`LeakyReLU(0.2)\`; YOLO uses 0.1. The default 0.01 is PyTorch's. ${SHAPE}`,
  2,
  [{ name: 'slope', type: 'float', default: 0.01, min: 0, doc: 'The slope for negative inputs (PyTorch `negative_slope`).' }],
);

export const ELU = activation(
  'ELU',
  `The exponential linear unit: \`x if x > 0 else alpha * (exp(x) - 1)\`. Smooth, with negative outputs that push mean activations toward 0. ${SHAPE}`,
  3,
  [{ name: 'alpha', type: 'float', default: 1.0, doc: 'The value negative inputs saturate to is `-alpha`.' }],
);

export const SELU = activation(
  'SELU',
  `The scaled ELU \`1.0507 * (x if x > 0 else 1.6733 * (exp(x) - 1))\`: its constants make activations keep zero mean and unit variance through a deep ` +
    `dense network without normalization layers ("self-normalizing"). ${SHAPE}`,
  4,
);

export const GELU = activation(
  'GELU',
  `The Gaussian error linear unit \`x * Phi(x)\`, where Phi is the standard normal CDF: a smooth ReLU that weighs inputs by how likely they are to be positive. ` +
    `BERT, GPT and ViT (and SAM) use it in their MLPs. \`approximate: "tanh"\` uses \`0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))\`. ${SHAPE}`,
  (ctx) => (ctx.string('approximate') === 'tanh' ? 9 : 5),
  [{ name: 'approximate', type: 'string', default: 'none', allowed: ['none', 'tanh'], doc: '`"none"` (the exact erf form) or `"tanh"` (the faster approximation GPT-2 used).' }],
);

export const Sigmoid = activation(
  'Sigmoid',
  `The logistic function \`1 / (1 + exp(-x))\`, squashing any number into (0, 1): the output of a binary classifier (a GAN discriminator's "real" probability) ` +
    `and of gates. Its gradient vanishes for large |x|, which is why hidden layers moved to ReLU. ${SHAPE}`,
  3,
);

export const Tanh = activation(
  'Tanh',
  `The hyperbolic tangent, squashing into (-1, 1) and centred on 0. A GAN generator ends with it to produce images scaled to [-1, 1]; RNNs use it inside. ${SHAPE}`,
  1,
);

export const SiLU = activation(
  'SiLU',
  `The sigmoid linear unit \`x * sigmoid(x)\` (also called Swish): smooth and slightly non-monotonic below 0. EfficientNet and YOLOv5+ use it. ${SHAPE}`,
  4,
);

export const Swish = activation('Swish', `Another name for SiLU: \`x * sigmoid(x)\`. ${SHAPE}`, 4);

export const Softplus = activation(
  'Softplus',
  `A smooth ReLU: \`log(1 + exp(beta * x)) / beta\`, always positive; used where an output must be positive (a predicted variance or scale). ${SHAPE}`,
  3,
  [{ name: 'beta', type: 'float', default: 1.0, doc: 'Sharpness: larger is closer to ReLU.' }],
);

export const Mish = activation('Mish', `\`x * tanh(softplus(x))\`: a smooth, self-gated activation; YOLOv4's backbone uses it. ${SHAPE}`, 5);

export const HardSwish = activation(
  'HardSwish',
  `A cheap piecewise approximation of SiLU: \`x * ReLU6(x + 3) / 6\`, used by MobileNetV3 on phones. ${SHAPE}`,
  5,
);

function softmaxLike(name: string, doc: string): LayerSpec {
  return {
    ...activation(name, doc, 3, [{ name: 'axis', type: 'axis', default: -1, doc: 'The axis that sums to 1; negative counts from the end (-1: the classes).' }]),
    shape(ctx) {
      argumentsKnown(ctx);
      if (!expectMinRank(ctx, 1, '[..., classes]')) return undefined;
      const shape = ctx.inputs[0]!.shape;
      const axis = ctx.int('axis');
      if (!isConst(axis) || normalizeAxis(axis, shape.length) === undefined) {
        return ctx.error('NN2006', msg`${name}: axis ${formatDim(axis)} is out of range for a rank-${shape.length} input (axes ${-shape.length} to ${shape.length - 1})`, { arg: 'axis' });
      }
      return [...shape];
    },
  };
}

export const Softmax = softmaxLike(
  'Softmax',
  'Turns scores into probabilities along an axis (the last by default): `exp(x_i) / sum_j exp(x_j)`, all positive and summing to 1. The last layer of a classifier ' +
    '(`Dense(classes) -> Softmax`), and the core of attention, where it turns query-key scores into weights. The shape is unchanged.',
);

export const LogSoftmax = softmaxLike(
  'LogSoftmax',
  'The logarithm of Softmax, `x_i - log(sum_j exp(x_j))`, computed stably in one step; pair it with a negative log-likelihood loss (their combination is cross-entropy). ' +
    'The shape is unchanged.',
);

export const PReLU: LayerSpec = {
  name: 'PReLU',
  category: 'activation',
  doc:
    'A LeakyReLU whose negative slope is learned: `x if x > 0 else a * x`, one `a` per channel (the last axis) by default, starting at 0.25 ' +
    '(He et al., who used it to pass human accuracy on ImageNet). `per_channel: false` learns a single slope (PyTorch\'s `nn.PReLU()` default). ' +
    'The shape is unchanged; weights `C` (or 1).',
  params: [
    { name: 'per_channel', type: 'bool', default: true, doc: 'One slope per channel (true, Keras-like) or one for the whole tensor (false, PyTorch\'s default).' },
    { name: 'init', type: 'float', default: 0.25, doc: 'The initial slope.' },
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 1, '[..., C]')) return undefined;
    return [...ctx.inputs[0]!.shape];
  },
  weights: (ctx): { trainable: Dim; nonTrainable: Dim } => ({ trainable: ctx.bool('per_channel') ? ctx.inputs[0]!.shape.at(-1)! : 1, nonTrainable: 0 }),
  flops: (ctx, [out]) => mul(2, product(out!)),
};
