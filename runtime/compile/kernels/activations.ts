// Activation layers, and the `activation:` argument of Dense and the
// convolutions. Elementwise: no weights except PReLU's slopes.

import type { Tensor, TF } from '../../tf-types.js';
import type { Kernel } from '../kernel.js';
import { lastDim } from '../kernel.js';
import { float32Attr, nativeBackend } from './native-ops.js';

type Unary = (tf: TF, x: Tensor) => Tensor;

const gelu: Unary = (tf, x) => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
const geluTanh: Unary = (tf, x) => {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(inner)));
};
const silu: Unary = (tf, x) => tf.mul(x, tf.sigmoid(x));

const reluWithOneOpGradient = new WeakMap<object, (x: Tensor) => Tensor>();

/**
 * ReLU whose gradient is one op: TensorFlow's ReluGrad (dy where y > 0, else
 * 0) on the native backend, elsewhere a select. tfjs's own gradient
 * multiplies by `step(x)`, which tfjs-node runs several times slower, and a
 * select is still three ops (Greater, ZerosLike, Select).
 */
export const relu: Unary = (tf, x) => {
  if (x.dtype !== 'float32') return tf.relu(x);
  let f = reluWithOneOpGradient.get(tf);
  if (!f) {
    const native = nativeBackend(tf);
    const gradient = native
      ? (dy: Tensor, y: Tensor) => native.executeSingleOutput('ReluGrad', [float32Attr(native)], [dy, y])
      : (dy: Tensor, y: Tensor) => tf.where(tf.greater(y, 0), dy, tf.zerosLike(dy));
    f = tf.customGrad((...args) => {
      const y = tf.relu(args[0] as Tensor);
      // y > 0 exactly where x > 0: the output is what the gradient needs, as TensorFlow keeps it
      (args[1] as unknown as (saved: Tensor[]) => void)([y]);
      return { value: y, gradFunc: (dy, saved) => gradient(dy as Tensor, saved[0]!) };
    }) as (x: Tensor) => Tensor;
    reluWithOneOpGradient.set(tf, f);
  }
  return f(x);
};

/** The activations `activation:` accepts (the catalog's ACTIVATIONS). */
export const NAMED_ACTIVATIONS: Record<string, Unary> = {
  linear: (_tf, x) => x,
  relu,
  gelu,
  sigmoid: (tf, x) => tf.sigmoid(x),
  tanh: (tf, x) => tf.tanh(x),
  softmax: (tf, x) => tf.softmax(x),
  leaky_relu: (tf, x) => tf.leakyRelu(x, 0.01),
  elu: (tf, x) => tf.elu(x),
  selu: (tf, x) => tf.selu(x),
  swish: silu,
  softplus: (tf, x) => tf.softplus(x),
};

export function applyActivation(tf: TF, name: string, x: Tensor): Tensor {
  const f = NAMED_ACTIVATIONS[name];
  if (!f) throw new Error(`unknown activation '${name}'`);
  return f(tf, x);
}

const elementwise = (f: Unary): Kernel => ({ call: (k, [x]) => f(k.tf, x!) });

export const ACTIVATION_KERNELS: Record<string, Kernel> = {
  Identity: elementwise((_tf, x) => x),
  ReLU: elementwise(relu),
  ReLU6: elementwise((tf, x) => tf.relu6(x)),
  LeakyReLU: { call: (k, [x]) => k.tf.leakyRelu(x!, k.args.float('slope')) },
  ELU: {
    // max(x, 0) + alpha * (exp(min(x, 0)) - 1): no comparison, so a gradient everywhere
    call: (k, [x]) => {
      const { tf } = k;
      const alpha = k.args.float('alpha');
      return alpha === 1 ? tf.elu(x!) : tf.add(tf.relu(x!), tf.mul(alpha, tf.sub(tf.exp(tf.minimum(x!, 0)), 1)));
    },
  },
  SELU: elementwise((tf, x) => tf.selu(x)),
  GELU: { call: (k, [x]) => (k.args.string('approximate') === 'tanh' ? geluTanh : gelu)(k.tf, x!) },
  Sigmoid: elementwise((tf, x) => tf.sigmoid(x)),
  Tanh: elementwise((tf, x) => tf.tanh(x)),
  SiLU: elementwise(silu),
  Swish: elementwise(silu),
  Softplus: {
    call: (k, [x]) => {
      const beta = k.args.float('beta');
      return beta === 1 ? k.tf.softplus(x!) : k.tf.div(k.tf.softplus(k.tf.mul(x!, beta)), beta);
    },
  },
  Mish: elementwise((tf, x) => tf.mul(x, tf.tanh(tf.softplus(x)))),
  HardSwish: elementwise((tf, x) => tf.div(tf.mul(x, tf.relu6(tf.add(x, 3))), 6)),
  Softmax: { call: (k, [x]) => softmaxOn(k.tf, x!, k.args.int('axis')) },
  LogSoftmax: { call: (k, [x]) => logSoftmaxOn(k.tf, x!, k.args.int('axis')) },
  PReLU: {
    weights: (k) => [{ name: 'alpha', shape: [k.args.bool('per_channel') ? lastDim(k.inputs[0]!) : 1], init: { kind: 'constant', value: k.args.float('init') }, trainable: true }],
    call: (k, [x]) => k.tf.prelu(x!, k.weight('alpha')),
  },
};

/** Softmax along any axis (tfjs's softmax works on the last one). */
export function softmaxOn(tf: TF, x: Tensor, axis: number): Tensor {
  const a = axis < 0 ? axis + x.rank : axis;
  if (a === x.rank - 1) return tf.softmax(x);
  const shifted = tf.sub(x, tf.max(x, a, true));
  const e = tf.exp(shifted);
  return tf.div(e, tf.sum(e, a, true));
}

export function logSoftmaxOn(tf: TF, x: Tensor, axis: number): Tensor {
  const a = axis < 0 ? axis + x.rank : axis;
  if (a === x.rank - 1) return tf.logSoftmax(x);
  return tf.sub(x, tf.logSumExp(x, a, true));
}
