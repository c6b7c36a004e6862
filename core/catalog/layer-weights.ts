// The named weights of each layer kind, with their shapes: what `embed.embeddings`
// or `dense.kernel` reads. The names are those the compiler's kernels give
// their variables (Keras's: `kernel`, `bias`, `embeddings`, `gamma`, `beta`,
// `moving_mean`, ...), and a test holds the two equal. A weight whose shape
// depends on the input (a Dense's fan-in) is known once the layer is applied.

import { type Dim, div, mul, sub, add } from '../shapes/dim.js';
import type { Value } from '../values.js';

export interface NamedWeight {
  name: string;
  shape: Dim[];
  trainable: boolean;
}

/** A layer kind's weights for these arguments, or 'needsInput' when their shapes depend on an input not yet seen. */
export type LayerWeights = NamedWeight[] | 'needsInput';

type Args = Readonly<Record<string, Value>>;

/** Reads the arguments a weight rule needs; `undefined` when one is unknown. */
class Reader {
  constructor(private readonly args: Args) {}

  int(name: string): Dim {
    const v = this.args[name];
    if (v?.kind === 'int') return v.value;
    throw new Unknown();
  }

  bool(name: string): boolean {
    const v = this.args[name];
    if (v?.kind === 'bool') return v.value;
    throw new Unknown();
  }

  has(name: string): boolean {
    const v = this.args[name];
    return v !== undefined && v.kind !== 'unknown';
  }

  string(name: string): string {
    const v = this.args[name];
    if (v?.kind === 'string') return v.value;
    if (v?.kind === 'name') return v.name;
    throw new Unknown();
  }

  /** an int or a list of ints, `rank` entries */
  size(name: string, rank: number): Dim[] {
    const v = this.args[name];
    if (v?.kind === 'int') return new Array<Dim>(rank).fill(v.value);
    if (v?.kind === 'list' && v.items.length === rank && v.items.every((i) => i.kind === 'int')) return v.items.map((i) => (i as { value: Dim }).value);
    throw new Unknown();
  }

  ints(name: string): Dim[] {
    const v = this.args[name];
    if (v?.kind === 'list' && v.items.every((i) => i.kind === 'int')) return v.items.map((i) => (i as { value: Dim }).value);
    throw new Unknown();
  }
}

class Unknown extends Error {}

type Rule = (a: Reader, inputs: readonly (readonly Dim[])[] | undefined) => LayerWeights;

const trainable = (name: string, shape: Dim[]): NamedWeight => ({ name, shape, trainable: true });
const buffer = (name: string, shape: Dim[]): NamedWeight => ({ name, shape, trainable: false });

/** The last axis of input `i`, or undefined before the layer is applied. */
const lastOf = (inputs: readonly (readonly Dim[])[] | undefined, i = 0): Dim | undefined => inputs?.[i]?.at(-1);

const projection = (name: string, fanIn: Dim, fanOut: Dim, bias: boolean): NamedWeight[] => [
  trainable(`${name}_kernel`, [fanIn, fanOut]),
  ...(bias ? [trainable(`${name}_bias`, [fanOut])] : []),
];

const affine = (channels: Dim, scale: boolean, shift: boolean): NamedWeight[] => [
  ...(scale ? [trainable('gamma', [channels])] : []),
  ...(shift ? [trainable('beta', [channels])] : []),
];

function conv(a: Reader, inputs: readonly (readonly Dim[])[] | undefined, rank: 1 | 2): LayerWeights {
  const channels = lastOf(inputs);
  if (channels === undefined) return 'needsInput';
  const filters = a.int('filters');
  const kernel = a.size('kernel', rank);
  return [trainable('kernel', [...kernel, div(channels, a.int('groups')), filters]), ...(a.bool('bias') ? [trainable('bias', [filters])] : [])];
}

const RULES: Readonly<Record<string, Rule>> = {
  Dense(a, inputs) {
    const units = a.int('units');
    const bias = a.bool('bias') ? [trainable('bias', [units])] : [];
    // a kernel given as an argument (tied weights) belongs to another layer
    if (a.has('kernel')) return bias;
    const fanIn = lastOf(inputs);
    if (fanIn === undefined) return 'needsInput';
    return [trainable('kernel', [fanIn, units]), ...bias];
  },
  Conv1D: (a, inputs) => conv(a, inputs, 1),
  Conv2D: (a, inputs) => conv(a, inputs, 2),
  Conv2DTranspose(a, inputs) {
    const channels = lastOf(inputs);
    if (channels === undefined) return 'needsInput';
    const filters = a.int('filters');
    // TensorFlow.js's layout of a transposed convolution's filter: [kh, kw, F, C]
    return [trainable('kernel', [...a.size('kernel', 2), div(filters, a.int('groups')), channels]), ...(a.bool('bias') ? [trainable('bias', [filters])] : [])];
  },
  BatchNorm(a, inputs) {
    const c = lastOf(inputs);
    if (c === undefined) return 'needsInput';
    const on = a.bool('affine');
    return [...affine(c, on, on), buffer('moving_mean', [c]), buffer('moving_variance', [c])];
  },
  LayerNorm(a, inputs) {
    const d = lastOf(inputs);
    if (d === undefined) return 'needsInput';
    return affine(d, a.bool('scale'), a.bool('bias'));
  },
  GroupNorm(a, inputs) {
    const c = lastOf(inputs);
    if (c === undefined) return 'needsInput';
    const on = a.bool('affine');
    return affine(c, on, on);
  },
  PReLU(a, inputs) {
    if (!a.bool('per_channel')) return [trainable('alpha', [1])];
    const c = lastOf(inputs);
    return c === undefined ? 'needsInput' : [trainable('alpha', [c])];
  },
  Embedding: (a) => [trainable('embeddings', [a.int('vocab'), a.int('d')])],
  PositionalEncoding(a, inputs) {
    if (a.string('kind') !== 'learned') return [];
    const d = lastOf(inputs);
    return d === undefined ? 'needsInput' : [trainable('table', [a.int('max_len'), d])];
  },
  Weight: (a) => [trainable('value', a.ints('shape'))],
  FourierFeatures: (a) => [buffer('gaussian', [2, a.int('num_feats')])],
  MultiHeadAttention(a, inputs) {
    const q = lastOf(inputs);
    if (q === undefined) return 'needsInput';
    const k = lastOf(inputs, 1) ?? q;
    const v = lastOf(inputs, 2) ?? k;
    const d = a.int('d');
    const inner = a.has('inner') ? a.int('inner') : d;
    const bias = a.bool('bias');
    return [...projection('query', q, inner, bias), ...projection('key', k, inner, bias), ...projection('value', v, inner, bias), ...projection('output', inner, d, bias)];
  },
  RelPosAttention(a, inputs) {
    const c = lastOf(inputs);
    if (c === undefined) return 'needsInput';
    const [sh, sw] = a.size('size', 2) as [Dim, Dim];
    const perHead = div(c, a.int('heads'));
    return [
      ...projection('qkv', c, mul(3, c), a.bool('bias')),
      ...projection('proj', c, c, true),
      trainable('rel_pos_h', [sub(mul(2, sh), 1), perHead]),
      trainable('rel_pos_w', [sub(mul(2, sw), 1), perHead]),
    ];
  },
};

/**
 * The weights of a layer of kind `kind` with these arguments, applied (or
 * not yet: `inputs` undefined) to inputs of these shapes. A kind with no rule
 * has no weights. Undefined when an argument it needs is unknown.
 */
export function layerWeights(kind: string, args: Args, inputs: readonly (readonly Dim[])[] | undefined): LayerWeights | undefined {
  const rule = RULES[kind];
  if (!rule) return [];
  try {
    return rule(new Reader(args), inputs);
  } catch (e) {
    if (e instanceof Unknown) return undefined;
    throw e;
  }
}

/** The names a layer kind's weights may have (for messages): every rule's names, whatever the arguments. */
export const WEIGHT_NAMES: Readonly<Record<string, readonly string[]>> = {
  Dense: ['kernel', 'bias'],
  Conv1D: ['kernel', 'bias'],
  Conv2D: ['kernel', 'bias'],
  Conv2DTranspose: ['kernel', 'bias'],
  BatchNorm: ['gamma', 'beta', 'moving_mean', 'moving_variance'],
  LayerNorm: ['gamma', 'beta'],
  GroupNorm: ['gamma', 'beta'],
  PReLU: ['alpha'],
  Embedding: ['embeddings'],
  PositionalEncoding: ['table'],
  Weight: ['value'],
  FourierFeatures: ['gaussian'],
  MultiHeadAttention: ['query_kernel', 'query_bias', 'key_kernel', 'key_bias', 'value_kernel', 'value_bias', 'output_kernel', 'output_bias'],
  RelPosAttention: ['qkv_kernel', 'qkv_bias', 'proj_kernel', 'proj_bias', 'rel_pos_h', 'rel_pos_w'],
};

/**
 * The name here of a weight named as PyTorch names it (`embed.weight`,
 * `bn.running_mean`, `norm.bias`), or undefined when the name is not one of
 * PyTorch's for this layer kind.
 */
export function fromPyTorchName(kind: string, name: string): string | undefined {
  const names = WEIGHT_NAMES[kind] ?? [];
  const wanted = name === 'weight' ? names[0] : name === 'running_mean' ? 'moving_mean' : name === 'running_var' ? 'moving_variance' : name === 'bias' ? 'beta' : undefined;
  return wanted !== undefined && names.includes(wanted) ? wanted : undefined;
}

/** The count of elements of a weight list, trainable and not. */
export function countWeights(weights: readonly NamedWeight[]): { trainable: Dim; nonTrainable: Dim } {
  let t: Dim = 0;
  let n: Dim = 0;
  for (const w of weights) {
    const size = w.shape.reduce<Dim>((p, d) => mul(p, d), 1);
    if (w.trainable) t = add(t, size);
    else n = add(n, size);
  }
  return { trainable: t, nonTrainable: n };
}
