// Attention: MultiHeadAttention (queries, keys, values, an optional mask,
// causal masking) and RelPosAttention (SAM's ViT attention over an image
// grid with decomposed relative position embeddings).

import type { Tensor, TF } from '../../tf-types.js';
import type { BuildContext, CallContext, Kernel, WeightSpec } from '../kernel.js';
import { lastDim } from '../kernel.js';
import { chosenInitializer, pytorchLinear } from '../initializers.js';
import { dropout } from '../random-source.js';

const NEG = -1e9;

/** A projection's kernel [in, out] (`init`) and bias [out] (`bias_init`); "pytorch" starts both as an nn.Linear. */
function projection(k: BuildContext, name: string, fanIn: number, fanOut: number, bias: boolean): WeightSpec[] {
  const fans = { fanIn, fanOut };
  return [
    { name: `${name}_kernel`, shape: [fanIn, fanOut], init: chosenInitializer(k.args, 'init', 'glorot_uniform', fans, pytorchLinear(fanIn)), trainable: true },
    ...(bias ? [{ name: `${name}_bias`, shape: [fanOut], init: chosenInitializer(k.args, 'bias_init', 'zeros', fans, pytorchLinear(fanIn)), trainable: true }] : []),
  ];
}

/** What computing attention needs of a call: the backend, the arguments and the weights. */
export type AttentionContext = Pick<CallContext, 'tf' | 'args' | 'weight'>;

/** x W (+ b) over the last axis. */
function project(k: AttentionContext, name: string, x: Tensor, bias: boolean): Tensor {
  const { tf } = k;
  const flat = tf.reshape(x, [-1, x.shape.at(-1)!]);
  let y = tf.matMul(flat, k.weight(`${name}_kernel`));
  if (bias) y = tf.add(y, k.weight(`${name}_bias`));
  return tf.reshape(y, [...x.shape.slice(0, -1), y.shape[1]!]);
}

/** [B, T, heads*hd] -> [B, heads, T, hd] */
function splitHeads(tf: TF, x: Tensor, heads: number): Tensor {
  const [b, t, inner] = x.shape as [number, number, number];
  return tf.transpose(tf.reshape(x, [b, t, heads, inner / heads]), [0, 2, 1, 3]);
}

/**
 * MultiHeadAttention's weights, before dropout: softmax(Q Kᵀ / sqrt(hd))
 * with the causal mask and `mask` added to the scores. [B, heads, Tq, Tk].
 * The pictures of a run draw them too (recomputed from a layer's inputs).
 */
export function attentionWeights(k: AttentionContext, query: Tensor, key: Tensor, mask?: Tensor): Tensor {
  const { tf } = k;
  const heads = k.args.int('heads');
  const bias = k.args.bool('bias');
  const q = splitHeads(tf, project(k, 'query', query, bias), heads); // [B, h, Tq, hd]
  const kk = splitHeads(tf, project(k, 'key', key, bias), heads); // [B, h, Tk, hd]
  const hd = q.shape[3]!;
  let scores = tf.div(tf.matMul(q, kk, false, true), Math.sqrt(hd)); // [B, h, Tq, Tk]
  const [tq, tk] = [q.shape[2]!, kk.shape[2]!];
  if (k.args.bool('causal')) {
    // query t sees keys 0..t: -inf above the diagonal
    const future = tf.sub(1, tf.linalg.bandPart(tf.ones([tq, tk]), -1, 0));
    scores = tf.add(scores, tf.mul(future, NEG));
  }
  if (mask) scores = tf.add(scores, maskBias(tf, mask));
  return tf.softmax(scores);
}

export const MultiHeadAttention: Kernel = {
  weights(k) {
    const [q, key = q, value = key] = k.inputs;
    const d = k.args.int('d');
    const inner = k.args.has('inner') ? k.args.int('inner') : d;
    const bias = k.args.bool('bias');
    return [
      ...projection(k, 'query', lastDim(q!), inner, bias),
      ...projection(k, 'key', lastDim(key!), inner, bias),
      ...projection(k, 'value', lastDim(value!), inner, bias),
      ...projection(k, 'output', inner, d, bias),
    ];
  },
  call(k, inputs) {
    const { tf } = k;
    const [query, key = query, value = key, mask] = inputs as [Tensor, Tensor?, Tensor?, Tensor?];
    const heads = k.args.int('heads');
    const bias = k.args.bool('bias');
    let weights = attentionWeights(k, query, key!, mask); // [B, h, Tq, Tk]
    const rate = k.args.float('dropout');
    if (k.training && rate > 0) weights = dropout(tf, k.random, weights, rate);
    const v = splitHeads(tf, project(k, 'value', value!, bias), heads); // [B, h, Tk, hd]
    const attended = tf.matMul(weights, v); // [B, h, Tq, hd]
    const [b, , tq, hd] = attended.shape as [number, number, number, number];
    const joined = tf.reshape(tf.transpose(attended, [0, 2, 1, 3]), [b, tq, heads * hd]);
    return project(k, 'output', joined, bias);
  },
};

/** A mask as scores to add: bool (true = may attend) -> 0 / -inf; float as given. [B, Tk] or [B, Tq, Tk] -> [B, 1, ?, Tk] */
function maskBias(tf: TF, mask: Tensor): Tensor {
  const m = mask.rank === 2 ? tf.expandDims(tf.expandDims(mask, 1), 1) : tf.expandDims(mask, 1);
  return m.dtype === 'bool' ? tf.mul(tf.sub(1, tf.cast(m, 'float32')), NEG) : m;
}

export const RelPosAttention: Kernel = {
  weights(k) {
    const c = lastDim(k.inputs[0]!);
    const heads = k.args.int('heads');
    const [sh, sw] = k.args.size('size', 2) as [number, number];
    return [
      ...projection(k, 'qkv', c, 3 * c, k.args.bool('bias')),
      ...projection(k, 'proj', c, c, true),
      { name: 'rel_pos_h', shape: [2 * sh - 1, c / heads], init: { kind: 'zeros' }, trainable: true },
      { name: 'rel_pos_w', shape: [2 * sw - 1, c / heads], init: { kind: 'zeros' }, trainable: true },
    ];
  },
  call(k, [x]) {
    const { tf } = k;
    const [b, h, w, c] = x!.shape as [number, number, number, number];
    const heads = k.args.int('heads');
    const hd = c / heads;
    const n = h * w;
    // [B, H, W, C] -> [B, N, 3, heads, hd] -> [3, B*heads, N, hd]
    const qkv = tf.transpose(tf.reshape(project(k, 'qkv', x!, k.args.bool('bias')), [b, n, 3, heads, hd]), [2, 0, 3, 1, 4]);
    const [q, kk, v] = tf.unstack(tf.reshape(qkv, [3, b * heads, n, hd])) as [Tensor, Tensor, Tensor];
    let attn = tf.matMul(tf.mul(q, 1 / Math.sqrt(hd)), kk, false, true); // [B*heads, N, N]
    attn = addRelativePositions(tf, attn, q, k.weight('rel_pos_h'), k.weight('rel_pos_w'), h, w);
    const out = tf.matMul(tf.softmax(attn), v); // [B*heads, N, hd]
    // -> [B, heads, H, W, hd] -> [B, H, W, heads, hd] -> [B, H, W, C]
    const merged = tf.reshape(tf.transpose(tf.reshape(out, [b, heads, h, w, hd]), [0, 2, 3, 1, 4]), [b, h, w, c]);
    return project(k, 'proj', merged, true);
  },
};

/** R[q, k] = table[q - k + size - 1]: [size, size, hd] */
function relativeTable(tf: TF, table: Tensor, size: number): Tensor {
  const index: number[] = [];
  for (let q = 0; q < size; q++) for (let key = 0; key < size; key++) index.push(q - key + size - 1);
  return tf.reshape(tf.gather(table, tf.tensor1d(index, 'int32')), [size, size, table.shape[1]!]);
}

/** SAM's add_decomposed_rel_pos: attn[q, k] += q . Rh[qh, kh] + q . Rw[qw, kw] */
function addRelativePositions(tf: TF, attn: Tensor, q: Tensor, tableH: Tensor, tableW: Tensor, h: number, w: number): Tensor {
  const bh = q.shape[0]!;
  const hd = q.shape[2]!;
  const rq = tf.reshape(q, [bh, h, w, hd]);
  const rh = relativeTable(tf, tableH, h); // [H, kH, hd]
  const rw = relativeTable(tf, tableW, w); // [W, kW, hd]
  // einsum bhwc,hkc->bhwk: per row h, [bh*W, hd] @ [hd, kH]
  const byRow = tf.reshape(tf.transpose(rq, [1, 0, 2, 3]), [h, bh * w, hd]);
  const relH = tf.transpose(tf.reshape(tf.matMul(byRow, rh, false, true), [h, bh, w, h]), [1, 0, 2, 3]); // [bh, H, W, kH]
  // einsum bhwc,wkc->bhwk: per column w, [bh*H, hd] @ [hd, kW]
  const byCol = tf.reshape(tf.transpose(rq, [2, 0, 1, 3]), [w, bh * h, hd]);
  const relW = tf.transpose(tf.reshape(tf.matMul(byCol, rw, false, true), [w, bh, h, w]), [1, 2, 0, 3]); // [bh, H, W, kW]
  const grid = tf.reshape(attn, [bh, h, w, h, w]);
  const sum = tf.add(tf.add(grid, tf.reshape(relH, [bh, h, w, h, 1])), tf.reshape(relW, [bh, h, w, 1, w]));
  return tf.reshape(sum, [bh, h * w, h * w]);
}
