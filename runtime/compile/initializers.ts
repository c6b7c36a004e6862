// The initial values of weights: an initialiser a layer's `init:` or
// `bias_init:` names (read by core/catalog/initializers.ts) resolved for one
// weight with its fans, and drawn with the node's seed.

import { type InitSpec, isInitProblem, parseInitializer } from '../../core/catalog/initializers.js';
import type { Tensor, TF } from '../tf-types.js';
import type { ArgReader } from './graph-args.js';

/** How one weight starts, every number resolved. */
export type Initializer =
  /** Keras's default for kernels: uniform in ±sqrt(6 / (fanIn + fanOut)) */
  | { kind: 'glorotUniform'; fanIn: number; fanOut: number }
  /** He initialisation, for layers followed by ReLU: normal with std sqrt(2 / fanIn) */
  | { kind: 'heNormal'; fanIn: number }
  | { kind: 'zeros' }
  | { kind: 'ones' }
  | { kind: 'constant'; value: number }
  | { kind: 'normal'; mean?: number; std: number }
  /** values further than 2 std from the mean drawn again */
  | { kind: 'truncatedNormal'; mean: number; std: number }
  | { kind: 'uniform'; low: number; high: number }
  /** a random orthogonal matrix over the weight seen as [elements / last axis, last axis], times gain */
  | { kind: 'orthogonal'; gain: number };

/** The fans of a weight: how many inputs and outputs each of its values connects (a conv kernel: kh*kw*C and kh*kw*F). */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/** An initialiser string read back (the checker has already accepted it). */
export function readInitializer(text: string): InitSpec {
  const read = parseInitializer(text);
  if (isInitProblem(read)) throw new Error(`initialiser "${text}": ${read.message}`);
  return read;
}

/**
 * The initialiser a node's argument `name` chooses for a weight with these
 * fans; `fallback` (an initialiser string) when the node has no such
 * argument (a model saved before it existed); `pytorch` is what PyTorch's
 * module of the same kind starts this weight from.
 */
export function chosenInitializer(args: ArgReader, name: string, fallback: string, fans: Fans, pytorch?: Initializer): Initializer {
  const text = args.has(name) ? args.string(name) : fallback;
  return resolveInitializer(readInitializer(text), fans, pytorch);
}

/** An initialiser's numbers for one weight. */
export function resolveInitializer(spec: InitSpec, { fanIn, fanOut }: Fans, pytorch?: Initializer): Initializer {
  const a = spec.args;
  const fin = Math.max(1, fanIn);
  const fout = Math.max(1, fanOut);
  const symmetric = (limit: number): Initializer => ({ kind: 'uniform', low: -limit, high: limit });
  switch (spec.name) {
    case 'zeros':
      return { kind: 'zeros' };
    case 'ones':
      return { kind: 'ones' };
    case 'constant':
      return { kind: 'constant', value: a['value']! };
    case 'normal':
      return { kind: 'normal', mean: a['mean']!, std: a['std']! };
    case 'truncated_normal':
      return { kind: 'truncatedNormal', mean: a['mean']!, std: a['std']! };
    case 'uniform':
      return { kind: 'uniform', low: a['low']!, high: a['high']! };
    case 'glorot_uniform':
      return { kind: 'glorotUniform', fanIn, fanOut };
    case 'glorot_normal':
      return { kind: 'normal', std: Math.sqrt(2 / (fin + fout)) };
    case 'he_uniform':
      return symmetric(Math.sqrt(6 / fin));
    case 'he_normal':
      return { kind: 'heNormal', fanIn };
    case 'lecun_uniform':
      return symmetric(Math.sqrt(3 / fin));
    case 'lecun_normal':
      return { kind: 'normal', std: Math.sqrt(1 / fin) };
    case 'orthogonal':
      return { kind: 'orthogonal', gain: a['gain']! };
    case 'pytorch':
      if (!pytorch) throw new Error('"pytorch" names no initialiser for this weight');
      return pytorch;
    default:
      throw new Error(`unknown initialiser '${spec.name}'`);
  }
}

/** PyTorch's default for nn.Linear and nn.ConvNd, kernel and bias alike: kaiming_uniform(a = sqrt(5)), uniform in ±1/sqrt(fan_in). */
export function pytorchLinear(fanIn: number): Initializer {
  const bound = 1 / Math.sqrt(Math.max(1, fanIn));
  return { kind: 'uniform', low: -bound, high: bound };
}

/**
 * The fans Keras gives a weight of this shape, channels-last: [in, out] for
 * a matrix; a conv kernel [k..., in, out] multiplies both by the window;
 * a vector counts its length both ways.
 */
export function fansOfShape(shape: readonly number[]): Fans {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  const window = shape.slice(0, -2).reduce((p, d) => p * d, 1);
  return { fanIn: shape.at(-2)! * window, fanOut: shape.at(-1)! * window };
}

/** The initial value of a weight; `seed` makes it repeatable. */
export function initialValue(tf: TF, shape: number[], init: Initializer, seed: number | undefined): Tensor {
  switch (init.kind) {
    case 'zeros':
      return tf.zeros(shape);
    case 'ones':
      return tf.ones(shape);
    case 'constant':
      return tf.fill(shape, init.value);
    case 'normal':
      return tf.randomNormal(shape, init.mean ?? 0, init.std, 'float32', seed);
    case 'truncatedNormal':
      return tf.truncatedNormal(shape, init.mean, init.std, 'float32', seed);
    case 'uniform':
      return tf.randomUniform(shape, init.low, init.high, 'float32', seed);
    case 'heNormal':
      return tf.randomNormal(shape, 0, Math.sqrt(2 / Math.max(1, init.fanIn)), 'float32', seed);
    case 'glorotUniform': {
      const limit = Math.sqrt(6 / Math.max(1, init.fanIn + init.fanOut));
      return tf.randomUniform(shape, -limit, limit, 'float32', seed);
    }
    case 'orthogonal':
      return orthogonal(tf, shape, init.gain, seed);
  }
}

/**
 * Saxe et al. 2014: an orthonormal basis of the columns of a Gaussian matrix
 * (the Q of its QR factorisation with R's diagonal positive, so Q is uniform
 * over orthogonal matrices). The weight is seen as [rows, cols] =
 * [elements / last axis, last axis]; the vectors along its shorter side are
 * orthonormal (a vector weight is one row: a unit vector).
 */
function orthogonal(tf: TF, shape: number[], gain: number, seed: number | undefined): Tensor {
  const cols = shape.at(-1)!;
  const rows = shape.reduce((p, d) => p * d, 1) / cols;
  const [tall, wide] = [Math.max(rows, cols), Math.min(rows, cols)];
  const gaussian = tf.tidy(() => tf.transpose(tf.randomNormal([tall, wide], 0, 1, 'float32', seed))); // [wide, tall]: one column per row
  const q = orthonormalRows(Float64Array.from(gaussian.dataSync()), wide, tall); // [wide, tall]
  gaussian.dispose();
  return tf.tidy(() => {
    const basis = tf.tensor2d(Float32Array.from(q, (v) => v * gain), [wide, tall]); // [wide, tall]
    const matrix = rows < cols ? basis : tf.transpose(basis); // [rows, cols]
    return tf.reshape(matrix, shape);
  });
}

/**
 * Modified Gram-Schmidt on the `count` rows of length `length` of a
 * row-major matrix, in place, in double precision (its loss of
 * orthogonality, about 1e-16 times the condition number, stays far below
 * float32's precision for a Gaussian matrix).
 */
function orthonormalRows(m: Float64Array, count: number, length: number): Float64Array {
  for (let i = 0; i < count; i++) {
    const row = i * length;
    for (let j = 0; j < i; j++) {
      const other = j * length;
      let dot = 0;
      for (let k = 0; k < length; k++) dot += m[row + k]! * m[other + k]!;
      for (let k = 0; k < length; k++) m[row + k] = m[row + k]! - dot * m[other + k]!;
    }
    let norm = 0;
    for (let k = 0; k < length; k++) norm += m[row + k]! * m[row + k]!;
    norm = Math.sqrt(norm);
    for (let k = 0; k < length; k++) m[row + k] = m[row + k]! / norm;
  }
  return m;
}
