// One emitter per layer kind of the catalog (emitter.ts). The generated
// module computes in the .nn model's channels-last layout; a convolution,
// pooling or batch norm sees its input through `channels_first(x)` (a view:
// PyTorch then runs it in channels_last memory format) and hands back
// `channels_last(y)`. Explicit padding that is not the same on both sides,
// and TensorFlow's "same", are written out as numbers.

import { msg } from '../../../core/i18n/message.js';
import type { TensorType } from '../../../core/graph/graph.js';
import { fixedDim, lastDim } from '../../compile/kernel.js';
import { paddingOf, pairsOf, type Pair } from '../../compile/kernels/padding.js';
import { type EmitContext, type Emitter, UnsupportedError, type WeightMove } from './emitter.js';
import { pyNumber, pyTuple } from './python-text.js';

/** `activation:` of Dense and the convolutions, around an expression. */
export function activate(name: string, x: string): string {
  const forms: Record<string, string> = {
    linear: x,
    relu: `F.relu(${x})`,
    gelu: `F.gelu(${x})`,
    sigmoid: `torch.sigmoid(${x})`,
    tanh: `torch.tanh(${x})`,
    softmax: `torch.softmax(${x}, dim=-1)`,
    leaky_relu: `F.leaky_relu(${x}, 0.01)`,
    elu: `F.elu(${x})`,
    selu: `F.selu(${x})`,
    swish: `F.silu(${x})`,
    softplus: `F.softplus(${x})`,
  };
  const form = forms[name];
  if (form === undefined) throw new UnsupportedError(msg`the activation '${name}'`);
  return form;
}

const inline = (f: (c: EmitContext) => string): Emitter => ({ forward: f });
const x0 = (c: EmitContext) => c.ins[0]!;

/** The spatial sizes of a channels-last input [B, ..., C]. */
const spatial = (t: TensorType): number[] => t.shape.slice(1, -1).map((_, i) => fixedDim(t, i + 1));

/** TensorFlow's "same": total = max((ceil(n/s) - 1)*s + effective kernel - n, 0), the odd one after. */
export function samePads(sizes: number[], kernel: number[], stride: number[], dilation: number[]): Pair[] {
  return sizes.map((n, i) => {
    const effective = (kernel[i]! - 1) * dilation[i]! + 1;
    const total = Math.max((Math.ceil(n / stride[i]!) - 1) * stride[i]! + effective - n, 0);
    return { before: Math.floor(total / 2), after: total - Math.floor(total / 2) };
  });
}

/** The padding of a convolution or pool as pairs per spatial axis. */
function explicitPads(c: EmitContext, rank: number, kernel: number[], stride: number[], dilation: number[]): Pair[] {
  const padding = paddingOf(c.args, rank);
  if (padding === 'valid') return new Array<Pair>(rank).fill({ before: 0, after: 0 });
  if (padding === 'same') return samePads(spatial(c.inputs[0]!), kernel, stride, dilation);
  return padding;
}

const symmetric = (pairs: Pair[]) => pairs.every((p) => p.before === p.after);
const pairsText = (pairs: Pair[]) => pyTuple(pairs.map((p) => `(${p.before}, ${p.after})`));
const isZero = (pairs: Pair[]) => pairs.every((p) => p.before === 0 && p.after === 0);

/** `pad_spatial(x, ...)` when the padding is not the module's own (asymmetric); else x. */
function prePad(c: EmitContext, x: string, pairs: Pair[], value = '0.0'): string {
  if (symmetric(pairs) || isZero(pairs)) return x;
  c.need('pad_spatial');
  return `pad_spatial(${x}, ${pairsText(pairs)}${value === '0.0' ? '' : `, ${value}`})`;
}

function convGeometry(c: EmitContext, rank: number) {
  const kernel = c.args.size('kernel', rank);
  const stride = c.args.size('stride', rank);
  const dilation = c.args.size('dilation', rank);
  const pads = explicitPads(c, rank, kernel, stride, dilation);
  return { kernel, stride, dilation, pads, modulePad: symmetric(pads) ? pads.map((p) => p.before) : pads.map(() => 0) };
}

const one = (values: number[]) => (values.every((v) => v === values[0]) ? String(values[0]) : pyTuple(values));

function conv(rank: 1 | 2): Emitter {
  return {
    module(c) {
      const g = convGeometry(c, rank);
      const channels = lastDim(c.inputs[0]!);
      const options = [`stride=${one(g.stride)}`, `padding=${one(g.modulePad)}`];
      if (g.dilation.some((d) => d !== 1)) options.push(`dilation=${one(g.dilation)}`);
      if (c.args.int('groups') !== 1) options.push(`groups=${c.args.int('groups')}`);
      if (!c.args.bool('bias')) options.push('bias=False');
      return `nn.Conv${rank}d(${channels}, ${c.args.int('filters')}, ${one(g.kernel)}, ${options.join(', ')})`;
    },
    // [k1, (k2,) C/groups, F] -> [F, C/groups, k1, (k2)]
    weights: () => ({ kernel: { torch: 'weight', perm: rank === 2 ? [3, 2, 0, 1] : [2, 1, 0] }, bias: { torch: 'bias' } }),
    forward(c) {
      c.need('channels');
      const g = convGeometry(c, rank);
      return activate(c.args.string('activation'), `channels_last(${c.self}(channels_first(${prePad(c, x0(c), g.pads)})))`);
    },
  };
}

/**
 * PyTorch's ConvTranspose2d without padding gives the full output
 * `(H - 1)*stride + kernel`; the node's output is the window of it that
 * starts at `before` (TensorFlow's "same" or the explicit padding), with
 * zeros where it reaches past the end (output_padding).
 */
const Conv2DTranspose: Emitter = {
  module(c) {
    if (c.args.int('groups') !== 1 || c.args.size('dilation', 2).some((d) => d !== 1)) throw new UnsupportedError(msg`Conv2DTranspose with groups or dilation`);
    const stride = c.args.size('stride', 2);
    return `nn.ConvTranspose2d(${lastDim(c.inputs[0]!)}, ${c.args.int('filters')}, ${one(c.args.size('kernel', 2))}, stride=${one(stride)}${c.args.bool('bias') ? '' : ', bias=False'})`;
  },
  // [kh, kw, F, C] -> [C, F, kh, kw]
  weights: () => ({ kernel: { torch: 'weight', perm: [3, 2, 0, 1] }, bias: { torch: 'bias' } }),
  forward(c) {
    c.need('channels');
    const stride = c.args.size('stride', 2);
    const kernel = c.args.size('kernel', 2);
    const sizes = spatial(c.inputs[0]!);
    const out = spatial(c.outputs[0]!);
    const padding = paddingOf(c.args, 2);
    const starts = padding === 'same' ? samePads(out, kernel, stride, [1, 1]).map((p) => p.before) : padding === 'valid' ? [0, 0] : padding.map((p) => p.before);
    const full = sizes.map((n, i) => (n - 1) * stride[i]! + kernel[i]!);
    let y = `channels_last(${c.self}(channels_first(${x0(c)})))`;
    const beyond = out.map((n, i) => Math.max(0, starts[i]! + n - full[i]!));
    if (beyond.some((b) => b > 0)) {
      c.need('pad_spatial');
      y = `pad_spatial(${y}, ${pairsText(beyond.map((b) => ({ before: 0, after: b })))})`;
    }
    if (starts.some((s, i) => s !== 0 || out[i] !== full[i]! + beyond[i]!)) y = `${y}[:, ${starts[0]}:${starts[0]! + out[0]!}, ${starts[1]}:${starts[1]! + out[1]!}, :]`;
    return activate(c.args.string('activation'), y);
  },
};

const Dense: Emitter = {
  module(c) {
    if (c.args.has('kernel')) {
      if (!c.args.bool('bias')) return '';
      c.need('Bias');
      return `Bias(${c.args.int('units')})`;
    }
    return `nn.Linear(${lastDim(c.inputs[0]!)}, ${c.args.int('units')}${c.args.bool('bias') ? '' : ', bias=False'})`;
  },
  // [in, units] -> [units, in]
  weights: () => ({ kernel: { torch: 'weight', perm: [1, 0] }, bias: { torch: 'bias' } }),
  forward(c) {
    if (c.args.has('kernel')) {
      const kernel = c.ins[c.args.tensorIndex('kernel')]!;
      return activate(c.args.string('activation'), `F.linear(${x0(c)}, ${kernel}.t()${c.args.bool('bias') ? `, ${c.self}.bias` : ''})`);
    }
    return activate(c.args.string('activation'), `${c.self}(${x0(c)})`);
  },
};

/**
 * Pools over channels-first views. The padding is written out and filled
 * (-inf for max, zeros counted in the average: PyTorch's default), ceil_mode
 * as the extra padding that keeps the last partial window, as the compiler does.
 */
function pool(kind: 'max' | 'avg', rank: 1 | 2): Emitter {
  return inline((c) => {
    c.need('channels');
    const kernel = c.args.size('pool', rank);
    const stride = c.args.has('stride') ? c.args.size('stride', rank) : kernel;
    const padding = paddingOf(c.args, rank);
    const sizes = spatial(c.inputs[0]!);
    const call = (x: string, extra = '') => `channels_last(F.${kind}_pool${rank}d(channels_first(${x}), ${one(kernel)}, stride=${one(stride)}${extra}))`;
    if (padding === 'same') {
      const pads = samePads(sizes, kernel, stride, kernel.map(() => 1));
      if (isZero(pads)) return call(x0(c));
      if (kind === 'avg') {
        // TensorFlow's "same" average leaves the padding out of the count
        if (!symmetric(pads) || pads.some((p, i) => p.before * 2 > kernel[i]!)) throw new UnsupportedError(msg`AvgPool with padding "same" that is not the same on both sides`);
        return call(x0(c), `, padding=${one(pads.map((p) => p.before))}, count_include_pad=False`);
      }
      c.need('pad_spatial');
      return call(`pad_spatial(${x0(c)}, ${pairsText(pads)}, -math.inf)`);
    }
    const pairs: Pair[] = padding === 'valid' ? sizes.map(() => ({ before: 0, after: 0 })) : padding.map((p) => ({ ...p }));
    if (c.args.bool('ceil_mode')) {
      const out = spatial(c.outputs[0]!);
      pairs.forEach((p, i) => (p.after += Math.max(0, (out[i]! - 1) * stride[i]! + kernel[i]! - (sizes[i]! + p.before + p.after))));
    }
    if (isZero(pairs)) return call(x0(c));
    c.need('pad_spatial');
    return call(`pad_spatial(${x0(c)}, ${pairsText(pairs)}${kind === 'max' ? ', -math.inf' : ''})`);
  });
}

/** The spatial axes of a channels-last tensor: (1, 2) for [B, H, W, C]. */
const spatialAxes = (t: TensorType) => pyTuple(t.shape.slice(1, -1).map((_, i) => i + 1));

/**
 * Batch norm over the last axis, on [B, C] and on [B, ..., C] through [B, C, ...]: the prelude's BatchNorm,
 * nn.BatchNorm1d/2d/3d with the running variance updated as the compiler does (the biased batch variance).
 */
const BatchNorm: Emitter = {
  module(c) {
    c.need('BatchNorm');
    const affine = c.args.bool('affine') ? '' : ', affine=False';
    return `BatchNorm(${lastDim(c.inputs[0]!)}, eps=${pyNumber(c.args.float('epsilon'))}, momentum=${pyNumber(c.args.float('momentum'))}${affine})`;
  },
  weights: () => ({ gamma: { torch: 'weight' }, beta: { torch: 'bias' }, moving_mean: { torch: 'running_mean', buffer: true }, moving_variance: { torch: 'running_var', buffer: true } }),
  counters: () => ['num_batches_tracked'],
  forward(c) {
    if (c.inputs[0]!.shape.length === 2) return `${c.self}(${x0(c)})`;
    c.need('channels');
    return `channels_last(${c.self}(channels_first(${x0(c)})))`;
  },
};

/** nn.LayerNorm; with a shift and no scale, F.layer_norm with the shift alone (a Bias module). */
const LayerNorm: Emitter = {
  module(c) {
    const [scale, bias] = [c.args.bool('scale'), c.args.bool('bias')];
    const d = lastDim(c.inputs[0]!);
    if (!scale && bias) {
      c.need('Bias');
      return `Bias(${d})`;
    }
    const options = [`eps=${pyNumber(c.args.float('epsilon'))}`, ...(scale ? [] : ['elementwise_affine=False']), ...(scale && !bias ? ['bias=False'] : [])];
    return `nn.LayerNorm(${d}, ${options.join(', ')})`;
  },
  weights: () => ({ gamma: { torch: 'weight' }, beta: { torch: 'bias' } }),
  forward(c) {
    if (c.args.bool('scale') || !c.args.bool('bias')) return `${c.self}(${x0(c)})`;
    return `F.layer_norm(${x0(c)}, (${lastDim(c.inputs[0]!)},), None, ${c.self}.bias, eps=${pyNumber(c.args.float('epsilon'))})`;
  },
};

const GroupNorm: Emitter = {
  module: (c) => `nn.GroupNorm(${c.args.int('groups')}, ${lastDim(c.inputs[0]!)}, eps=${pyNumber(c.args.float('epsilon'))}${c.args.bool('affine') ? '' : ', affine=False'})`,
  weights: () => ({ gamma: { torch: 'weight' }, beta: { torch: 'bias' } }),
  forward(c) {
    c.need('channels');
    return `channels_last(${c.self}(channels_first(${x0(c)})))`;
  },
};

/**
 * TensorFlow's window is 2*floor(size/2) + 1 channels, PyTorch's `size`
 * (averaged): an even size becomes the next odd one, alpha scaled to match.
 */
const LocalResponseNorm = inline((c) => {
  const size = c.args.int('size');
  const window = 2 * Math.floor(size / 2) + 1;
  const alpha = (c.args.float('alpha') * window) / size;
  c.need('channels');
  return `channels_last(F.local_response_norm(channels_first(${x0(c)}), ${window}, alpha=${pyNumber(alpha)}, beta=${pyNumber(c.args.float('beta'))}, k=${pyNumber(c.args.float('k'))}))`;
});

const withModule = (module: (c: EmitContext) => string): Emitter => ({ module, forward: (c) => `${c.self}(${x0(c)})` });

/** Reshapes to the node's checked output shape. */
export function reshapeTo(c: EmitContext, x: string): string {
  return `${x}.reshape(${c.outputs[0]!.shape.map((d) => c.dim(d)).join(', ')})`;
}

function splitSizes(c: EmitContext, axis: number): string {
  const a = axis < 0 ? axis + c.inputs[0]!.shape.length : axis;
  return `[${c.outputs.map((t) => c.dim(t.shape[a]!)).join(', ')}]`;
}

export const LAYER_EMITTERS: Readonly<Record<string, Emitter>> = {
  // activations
  Identity: inline(x0),
  ReLU: inline((c) => `F.relu(${x0(c)})`),
  ReLU6: inline((c) => `F.relu6(${x0(c)})`),
  LeakyReLU: inline((c) => `F.leaky_relu(${x0(c)}, ${pyNumber(c.args.float('slope'))})`),
  ELU: inline((c) => `F.elu(${x0(c)}, alpha=${pyNumber(c.args.float('alpha'))})`),
  SELU: inline((c) => `F.selu(${x0(c)})`),
  GELU: inline((c) => `F.gelu(${x0(c)}${c.args.string('approximate') === 'tanh' ? ', approximate="tanh"' : ''})`),
  Sigmoid: inline((c) => `torch.sigmoid(${x0(c)})`),
  Tanh: inline((c) => `torch.tanh(${x0(c)})`),
  SiLU: inline((c) => `F.silu(${x0(c)})`),
  Swish: inline((c) => `F.silu(${x0(c)})`),
  Softplus: inline((c) => `F.softplus(${x0(c)}${c.args.float('beta') === 1 ? '' : `, beta=${pyNumber(c.args.float('beta'))}`})`),
  Mish: inline((c) => `F.mish(${x0(c)})`),
  HardSwish: inline((c) => `F.hardswish(${x0(c)})`),
  Softmax: inline((c) => `torch.softmax(${x0(c)}, dim=${c.args.int('axis')})`),
  LogSoftmax: inline((c) => `torch.log_softmax(${x0(c)}, dim=${c.args.int('axis')})`),
  PReLU: {
    module: (c) => `nn.PReLU(${c.args.bool('per_channel') ? lastDim(c.inputs[0]!) : 1})`,
    weights: () => ({ alpha: { torch: 'weight' } }),
    // the slopes run along the last axis (PyTorch's nn.PReLU would take axis 1)
    forward: (c) => `torch.where(${x0(c)} > 0, ${x0(c)}, ${x0(c)} * ${c.self}.weight)`,
  },
  // weights
  Dense,
  Conv1D: conv(1),
  Conv2D: conv(2),
  Conv2DTranspose,
  Embedding: {
    module: (c) => `nn.Embedding(${c.args.int('vocab')}, ${c.args.int('d')})`,
    weights: () => ({ embeddings: { torch: 'weight' } }),
    forward: (c) => `${c.self}(${x0(c)}.long())`,
  },
  PositionalEncoding: {
    module(c) {
      c.need('PositionalEncoding');
      const learned = c.args.string('kind') === 'learned';
      const dropout = c.args.float('dropout');
      return `PositionalEncoding(${lastDim(c.inputs[0]!)}${learned ? `, learned=True, max_len=${c.args.int('max_len')}` : ''}${dropout > 0 ? `, dropout=${pyNumber(dropout)}` : ''})`;
    },
    weights: () => ({ table: { torch: 'table' } }),
    forward: (c) => `${c.self}(${x0(c)})`,
  },
  Weight: {
    module(c) {
      c.need('Weight');
      return `Weight(${c.args.ints('shape').join(', ')})`;
    },
    weights: () => ({ value: { torch: 'value' } }),
    forward: (c) => `${c.self}.value`,
  },
  FourierFeatures: {
    module(c) {
      c.need('FourierFeatures');
      return `FourierFeatures(${c.args.int('num_feats')})`;
    },
    weights: () => ({ gaussian: { torch: 'gaussian', buffer: true } }),
    forward: (c) => `${c.self}(${x0(c)})`,
  },
  MultiHeadAttention: {
    module(c) {
      c.need('MultiHeadAttention');
      const [q, key = q, value = key] = c.inputs;
      const d = c.args.int('d');
      const inner = c.args.has('inner') ? c.args.int('inner') : d;
      const options = [...(c.args.bool('bias') ? [] : ['bias=False']), ...(c.args.bool('causal') ? ['causal=True'] : []), ...(c.args.float('dropout') > 0 ? [`dropout=${pyNumber(c.args.float('dropout'))}`] : [])];
      return `MultiHeadAttention(${c.args.int('heads')}, ${d}, ${lastDim(q!)}, ${lastDim(key!)}, ${lastDim(value!)}, ${inner}${options.map((o) => `, ${o}`).join('')})`;
    },
    weights: () => Object.fromEntries(['query', 'key', 'value', 'output'].flatMap((p) => [[`${p}_kernel`, { torch: `${p}.weight`, perm: [1, 0] }], [`${p}_bias`, { torch: `${p}.bias` }]])),
    forward: (c) => `${c.self}(${c.ins.join(', ')})`,
  },
  RelPosAttention: {
    module(c) {
      c.need('RelPosAttention');
      return `RelPosAttention(${lastDim(c.inputs[0]!)}, ${c.args.int('heads')}, ${pyTuple(c.args.size('size', 2))}${c.args.bool('bias') ? '' : ', bias=False'})`;
    },
    weights: (): Record<string, WeightMove> => ({
      qkv_kernel: { torch: 'qkv.weight', perm: [1, 0] },
      qkv_bias: { torch: 'qkv.bias' },
      proj_kernel: { torch: 'proj.weight', perm: [1, 0] },
      proj_bias: { torch: 'proj.bias' },
      rel_pos_h: { torch: 'rel_pos_h' },
      rel_pos_w: { torch: 'rel_pos_w' },
    }),
    forward: (c) => `${c.self}(${x0(c)})`,
  },
  // normalisation and dropout
  BatchNorm,
  LayerNorm,
  GroupNorm,
  LocalResponseNorm,
  Dropout: withModule((c) => `nn.Dropout(${pyNumber(c.args.float('rate'))})`),
  DropPath: {
    module(c) {
      c.need('DropPath');
      return `DropPath(${pyNumber(c.args.float('rate'))})`;
    },
    forward: (c) => `${c.self}(${x0(c)})`,
  },
  // pooling
  MaxPool2D: pool('max', 2),
  AvgPool2D: pool('avg', 2),
  MaxPool1D: pool('max', 1),
  AvgPool1D: pool('avg', 1),
  GlobalAvgPool: inline((c) => `${x0(c)}.mean(dim=${spatialAxes(c.inputs[0]!)}${c.args.bool('keepdims') ? ', keepdim=True' : ''})`),
  GlobalMaxPool: inline((c) => `${x0(c)}.amax(dim=${spatialAxes(c.inputs[0]!)}${c.args.bool('keepdims') ? ', keepdim=True' : ''})`),
  AdaptiveAvgPool2D: inline((c) => {
    c.need('channels');
    return `channels_last(F.adaptive_avg_pool2d(channels_first(${x0(c)}), ${pyTuple(c.args.size('output_size', 2))}))`;
  }),
  // reshaping
  Flatten: inline((c) => reshapeTo(c, x0(c))),
  Reshape: inline((c) => reshapeTo(c, x0(c))),
  Permute: inline((c) => `${x0(c)}.permute(0, ${c.args.ints('dims').join(', ')})`),
  Transpose: inline((c) => `${x0(c)}.permute(${c.args.ints('perm').join(', ')})`),
  UpSampling2D: inline((c) => {
    c.need('channels');
    const size = pyTuple(c.args.size('size', 2));
    const mode = c.args.string('interpolation') === 'bilinear' ? 'mode="bilinear", align_corners=False' : 'mode="nearest"';
    return `channels_last(F.interpolate(channels_first(${x0(c)}), scale_factor=${size}, ${mode}))`;
  }),
  ZeroPadding2D: inline((c) => {
    c.need('pad_spatial');
    return `pad_spatial(${x0(c)}, ${pairsText(pairsOf(c.args.raw('padding'), 2))})`;
  }),
  Cropping2D: inline((c) => {
    const [ch, cw] = pairsOf(c.args.raw('cropping'), 2) as [Pair, Pair];
    const [h, w] = spatial(c.inputs[0]!) as [number, number];
    return `${x0(c)}[:, ${ch.before}:${h - ch.after}, ${cw.before}:${w - cw.after}, :]`;
  }),
  // merging
  Concat: inline((c) => `torch.cat([${c.ins.join(', ')}], dim=${c.args.int('axis')})`),
  Add: inline((c) => c.ins.join(' + ')),
  Subtract: inline((c) => `${c.ins[0]} - ${c.ins[1]}`),
  Multiply: inline((c) => c.ins.join(' * ')),
  Split: inline((c) => `torch.split(${x0(c)}, ${splitSizes(c, c.args.int('axis'))}, dim=${c.args.int('axis')})`),
};
