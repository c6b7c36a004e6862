// Attention layers: MultiHeadAttention (PyTorch nn.MultiheadAttention,
// generalised to separate q/k/v sizes and an inner size, which also covers
// SAM's downsampled `Attention`) and RelPosAttention (SAM's / MViTv2's ViT
// attention with decomposed relative position embeddings).
//
// FLOPs: the projections as Dense layers (2 per multiply-add plus 1 per bias
// add), then 2*Tq*Tk*inner for the scores `Q K^T` and 2*Tq*Tk*inner for the
// weighted sum of the values, per example. Softmax, scaling and masking are
// not counted. RelPosAttention adds 2*N*(H + W)*C per example for the
// decomposed relative-position terms (N = H*W tokens).

import { msg } from '../../i18n/message.js';
import { add, type Dim, dimEquals, div, formatDim, isConst, mul, sub } from '../../shapes/dim.js';
import { formatShape } from '../../shapes/shape.js';
import type { LayerContext, LayerSpec } from '../layer-spec.js';
import { argumentsKnown, biasInitParam, biasParam, expectRank, hasArg, initParam, PYTORCH_LINEAR, sizeArg } from './common.js';

/** query, key, value as the layer sees them: one input is self-attention, two share key and value. */
function qkv(ctx: LayerContext) {
  const [q, k = q, v = k] = ctx.inputs;
  return { q: q!.shape, k: k!.shape, v: v!.shape };
}

const innerOf = (ctx: LayerContext): Dim => (hasArg(ctx, 'inner') ? ctx.int('inner') : ctx.int('d'));

export const MultiHeadAttention: LayerSpec = {
  name: 'MultiHeadAttention',
  category: 'attention',
  doc:
    'Multi-head scaled dot-product attention. Each query position asks "what am I looking for" (Q), every key position offers "what I contain" (K) ' +
    'and carries a value (V): `softmax(Q K^T / sqrt(d_head)) V`, computed by `heads` heads in parallel on `inner/heads`-sized slices, then concatenated and projected to `d`. ' +
    'Inputs: query `[B, Tq, dq]`, key `[B, Tk, dk]`, value `[B, Tk, dv]` and an optional mask (`[B, Tk]` padding or `[B, Tq, Tk]`, bool: true = may attend); ' +
    'one input is self-attention (`key = value = query`), two inputs share key and value (cross-attention: a decoder attending to the encoder\'s memory). ' +
    'Output `[B, Tq, d]`. `causal: true` hides future positions (a decoder cannot peek at the next word). ' +
    'Weights as PyTorch `nn.MultiheadAttention(d, heads)` (`MultiHeadAttention(8, 512)`: 1,050,624); `inner: 128` on 256-d inputs is SAM\'s downsampled cross-attention (131,712).',
  params: [
    { name: 'heads', type: 'int', min: 1, doc: 'The number of attention heads; `inner` must divide by it.' },
    { name: 'd', type: 'int', min: 1, doc: 'The output size (the model width).' },
    { name: 'inner', type: 'int', min: 1, doc: 'The size queries, keys and values are projected to (all heads together); defaults to `d`. SAM halves it (`downsample_rate: 2`).', optional: true },
    { name: 'causal', type: 'bool', default: false, doc: 'Mask future positions: query t sees keys 0..t only (a decoder\'s self-attention).' },
    { name: 'dropout', type: 'float', default: 0, min: 0, max: 1, doc: 'Dropout on the attention weights during training.' },
    { ...biasParam, doc: 'Whether the four projections have biases.' },
    initParam('the four projection kernels', 'glorot_uniform', ' (Keras\'s, as `nn.MultiheadAttention` starts q, k and v)', `${PYTORCH_LINEAR}, each projection as an \`nn.Linear\` (SAM's attention)`),
    biasInitParam('the four projection biases', `${PYTORCH_LINEAR}, each projection as an \`nn.Linear\``),
  ],
  inputs: { min: 1, max: 4, names: ['query', 'key', 'value', 'mask'] },
  inputDTypes: ['float32', 'bool'],
  shape(ctx) {
    argumentsKnown(ctx);
    for (let i = 0; i < Math.min(ctx.inputs.length, 3); i++) {
      const t = ctx.inputs[i]!;
      if (t.dtype !== 'float32') return ctx.error('NN2011', msg`MultiHeadAttention expects float32 ${ctx.spec.inputs.names[i]}, but it is ${t.dtype}`, { input: i });
      if (!expectRank(ctx, 3, i === 0 ? '[B, Tq, dq]' : '[B, Tk, dk]', i)) return undefined;
    }
    const { q, k, v } = qkv(ctx);
    const [b, tq] = q as [Dim, Dim, Dim];
    const [bk, tk] = k as [Dim, Dim, Dim];
    if (!dimEquals(bk, b) || !dimEquals(v[0]!, b)) {
      return ctx.error('NN2004', msg`MultiHeadAttention: query, key and value need the same batch, but got ${formatShape(q)}, ${formatShape(k)}, ${formatShape(v)}`, { input: !dimEquals(bk, b) ? 1 : 2 });
    }
    if (!dimEquals(v[1]!, tk)) {
      return ctx.error('NN2004', msg`MultiHeadAttention: key and value need the same length (one value per key), but key is ${formatShape(k)} and value ${formatShape(v)}`, { input: 2 });
    }
    const heads = ctx.int('heads');
    const inner = innerOf(ctx);
    if (isConst(inner) && isConst(heads) && inner % heads !== 0) {
      const arg = hasArg(ctx, 'inner') ? 'inner' : 'heads';
      return ctx.error('NN2005', msg`MultiHeadAttention: the projected size ${hasArg(ctx, 'inner') ? 'inner' : 'd'} = ${inner} must divide by heads = ${heads} (each head gets inner/heads features)`, { arg });
    }
    if (ctx.float('dropout') >= 1) return ctx.error('NN3003', msg`MultiHeadAttention: dropout must be below 1`, { arg: 'dropout' });
    if (ctx.inputs.length === 4) {
      const mask = ctx.inputs[3]!;
      if (mask.dtype === 'int32') return ctx.error('NN2011', msg`MultiHeadAttention: the mask must be bool (true = may attend) or float32 (added to the scores), not int32`, { input: 3 });
      const expected = mask.shape.length === 2 ? [b, tk] : [b, tq, tk];
      if (mask.shape.length !== 2 && mask.shape.length !== 3) {
        return ctx.error('NN2001', msg`MultiHeadAttention: the mask must be [B, Tk] (padding) or [B, Tq, Tk], but got rank ${mask.shape.length}: ${formatShape(mask.shape)}`, { input: 3 });
      }
      if (!mask.shape.every((d, i) => dimEquals(d, expected[i]!))) {
        return ctx.error('NN2004', msg`MultiHeadAttention: the mask should be ${formatShape(expected)} for query ${formatShape(q)} and key ${formatShape(k)}, but is ${formatShape(mask.shape)}`, { input: 3 });
      }
    }
    return [b, tq, ctx.int('d')];
  },
  weights(ctx) {
    const { q, k, v } = qkv(ctx);
    const inner = innerOf(ctx);
    const d = ctx.int('d');
    const kernels = add(mul(add(add(q[2]!, k[2]!), v[2]!), inner), mul(inner, d));
    return { trainable: ctx.bool('bias') ? add(kernels, add(mul(3, inner), d)) : kernels, nonTrainable: 0 };
  },
  flops(ctx) {
    const { q, k, v } = qkv(ctx);
    const [b, tq, dq] = q as [Dim, Dim, Dim];
    const [, tk, dk] = k as [Dim, Dim, Dim];
    const dv = v[2]!;
    const inner = innerOf(ctx);
    const d = ctx.int('d');
    // projections: Tq*dq*inner + Tk*(dk + dv)*inner + Tq*inner*d multiply-adds per example
    const projMacs = add(add(mul(mul(tq, dq), inner), mul(mul(tk, add(dk, dv)), inner)), mul(mul(tq, inner), d));
    let perExample = mul(2, projMacs);
    if (ctx.bool('bias')) perExample = add(perExample, add(mul(add(tq, mul(2, tk)), inner), mul(tq, d)));
    perExample = add(perExample, mul(4, mul(mul(tq, tk), inner)));
    return mul(b, perExample);
  },
};

export const RelPosAttention: LayerSpec = {
  name: 'RelPosAttention',
  category: 'attention',
  doc:
    'The attention of SAM\'s ViT image encoder (from MViTv2): multi-head self-attention over the `H*W` tokens of a feature map `[B, H, W, C] -> [B, H, W, C]`, ' +
    'with one fused `qkv` projection `C -> 3C`, an output projection `C -> C`, and decomposed relative position embeddings: a learned table per axis ' +
    '(`rel_pos_h [2h - 1, C/heads]`, `rel_pos_w [2w - 1, C/heads]`) adds to each score a term for the vertical and one for the horizontal offset between ' +
    'query and key, so the attention knows where tokens are relative to each other. `size` is the grid it attends over: the window (SAM ViT-B: 14) or ' +
    'the whole 64x64 grid in its global blocks; the input\'s H and W must equal it. Weights: `4*C*C + 4*C + (2h - 1 + 2w - 1)*C/heads`.',
  params: [
    { name: 'heads', type: 'int', min: 1, doc: 'The number of attention heads; the channels must divide by it.' },
    { name: 'size', type: 'size', min: 1, doc: 'The token grid `[h, w]` the relative position tables cover (an int: square).' },
    { ...biasParam, doc: 'Whether the fused qkv projection has a bias (SAM: `qkv_bias: true`); the output projection always has one.' },
    initParam('the qkv and output kernels', 'glorot_uniform', ' (Keras\'s; the relative position tables start at zeros, as in SAM)', `${PYTORCH_LINEAR}, each projection as SAM's \`nn.Linear\``),
    { ...biasInitParam('the qkv and output biases', `${PYTORCH_LINEAR}, each projection as SAM's \`nn.Linear\``), initializer: { pytorch: true } },
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 4, '[B, H, W, C]')) return undefined;
    const [, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const heads = ctx.int('heads');
    if (isConst(c) && isConst(heads) && c % heads !== 0) {
      return ctx.error('NN2005', msg`RelPosAttention: the channels (${c}) must divide by heads (${heads})`, { arg: 'heads' });
    }
    const size = sizeArg(ctx, 'size', 2);
    if (!size) return undefined;
    for (const [axis, have, want] of [['H', h, size[0]!], ['W', w, size[1]!]] as const) {
      if (isConst(have) && isConst(want) && have !== want) {
        return ctx.error('NN2004', msg`RelPosAttention: the input ${axis} is ${formatDim(have)}, but its relative position tables were made for size ${formatShape(size)}`, { input: 0 });
      }
    }
    return [...ctx.inputs[0]!.shape];
  },
  weights(ctx) {
    const c = ctx.inputs[0]!.shape[3]!;
    const [sh, sw] = ctx.size('size', 2) as [Dim, Dim];
    const qkvW = add(mul(mul(3, c), c), ctx.bool('bias') ? mul(3, c) : 0);
    const proj = add(mul(c, c), c);
    const rel = mul(sub(add(mul(2, sh), mul(2, sw)), 2), div(c, ctx.int('heads')));
    return { trainable: add(add(qkvW, proj), rel), nonTrainable: 0 };
  },
  flops(ctx) {
    const [b, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const n = mul(h, w);
    let perExample = mul(2, mul(n, mul(mul(4, c), c))); // qkv (3C*C) + proj (C*C) multiply-adds per token
    perExample = add(perExample, mul(n, ctx.bool('bias') ? mul(4, c) : c)); // bias adds
    perExample = add(perExample, mul(4, mul(mul(n, n), c))); // scores and weighted sum
    perExample = add(perExample, mul(2, mul(mul(n, add(h, w)), c))); // decomposed relative positions
    return mul(b, perExample);
  },
};
