// Names from PyTorch and Keras that people write out of habit, and what
// this language calls the same thing: the layers and functions (`Linear`
// is `Dense`, `torch.cat` is `concat`) and their parameter names
// (`kernel_size` is `kernel`). Data only: the checker reads it when a name
// is unknown (foreign-calls.ts) and when a call names a parameter the
// layer does not have (bind-args.ts). The notes are messages: each is
// read in the reader's language.

import { msg } from '../i18n/message.js';

/**
 * How the quick fix rewrites a call of the foreign name into ours:
 * - `rename`: the name only (the arguments mean the same)
 * - `dropInputSize`: also drop the first positional argument, PyTorch's
 *   input size (`Linear(784, 128)` -> `Dense(128)`), when at least two are given
 * - `swapHeads`: also swap the first two positional arguments
 *   (`MultiheadAttention(512, 8)` -> `MultiHeadAttention(8, 512)`)
 * - `activation`: the whole call becomes the layer its string names
 *   (Keras `Activation("relu")` -> `ReLU`)
 * - `none`: no fix; the note says what to write instead
 */
export type ForeignFix = 'rename' | 'dropInputSize' | 'swapHeads' | 'activation' | 'none';

export interface ForeignName {
  /** the name as PyTorch or Keras spells it */
  name: string;
  from: 'PyTorch' | 'Keras' | 'PyTorch and Keras';
  /** this language's layer or function; absent where there is no one-name equivalent */
  ours?: string;
  fix: ForeignFix;
  /** what differs, in one clause: the arguments, the layout, or what to write instead */
  note: string;
}

const PT = 'PyTorch' as const;
const KERAS = 'Keras' as const;
const BOTH = 'PyTorch and Keras' as const;

/**
 * A row whose note is read in the reader's language: a getter, since the
 * tables are built when the module loads, before the language is chosen.
 */
function withNote<T extends { note: string }>(fields: Omit<T, 'note'>, note: () => string): T {
  return Object.defineProperty({ ...fields }, 'note', { get: note, enumerable: true }) as T;
}

const foreignRow = (fields: Omit<ForeignName, 'note'>, note: () => string): ForeignName => withNote(fields, note);

const chainLayers = () => msg`chain layers with '->' (x -> Dense(128) -> ReLU -> Dense(10)); a chain used more than once is a block`;
const noRecurrentLayers = () => msg`there are no recurrent layers: sequences are modelled with MultiHeadAttention or Conv1D`;

export const FOREIGN_NAMES: readonly ForeignName[] = [
  // dense and convolution: PyTorch writes the input size first; here it comes from the input
  foreignRow({ name: 'Linear', from: PT, ours: 'Dense', fix: 'dropInputSize' }, () => msg`the input size comes from the input: Linear(in, out) is Dense(out)`),
  foreignRow({ name: 'LazyLinear', from: PT, ours: 'Dense', fix: 'rename' }, () => msg`LazyLinear(out) is Dense(out)`),
  foreignRow({ name: 'Conv1d', from: PT, ours: 'Conv1D', fix: 'dropInputSize' }, () => msg`the input channels come from the input: Conv1d(in, out, k) is Conv1D(out, k), on sequences [B, T, C]`),
  foreignRow({ name: 'Conv2d', from: PT, ours: 'Conv2D', fix: 'dropInputSize' }, () => msg`the input channels come from the input: Conv2d(in, out, k) is Conv2D(out, k), on channels-last images [B, H, W, C]`),
  foreignRow({ name: 'LazyConv2d', from: PT, ours: 'Conv2D', fix: 'rename' }, () => msg`LazyConv2d(out, k) is Conv2D(out, k), on channels-last images [B, H, W, C]`),
  foreignRow({ name: 'ConvTranspose2d', from: PT, ours: 'Conv2DTranspose', fix: 'dropInputSize' }, () => msg`the input channels come from the input: ConvTranspose2d(in, out, k) is Conv2DTranspose(out, k)`),
  foreignRow({ name: 'SeparableConv2D', from: KERAS, ours: 'Conv2D', fix: 'none' }, () => msg`write it as a depthwise Conv2D(C, k, groups: C) followed by a pointwise Conv2D(filters, 1)`),
  foreignRow({ name: 'DepthwiseConv2D', from: KERAS, ours: 'Conv2D', fix: 'none' }, () => msg`a depthwise convolution of C channels is Conv2D(C, k, groups: C)`),
  // pooling
  foreignRow({ name: 'MaxPool1d', from: PT, ours: 'MaxPool1D', fix: 'rename' }, () => msg`the same arguments: MaxPool1D(kernel_size, stride, padding)`),
  foreignRow({ name: 'MaxPool2d', from: PT, ours: 'MaxPool2D', fix: 'rename' }, () => msg`the same arguments: MaxPool2D(kernel_size, stride, padding)`),
  foreignRow({ name: 'AvgPool1d', from: PT, ours: 'AvgPool1D', fix: 'rename' }, () => msg`the same arguments: AvgPool1D(kernel_size, stride, padding)`),
  foreignRow({ name: 'AvgPool2d', from: PT, ours: 'AvgPool2D', fix: 'rename' }, () => msg`the same arguments: AvgPool2D(kernel_size, stride, padding)`),
  foreignRow({ name: 'MaxPooling1D', from: KERAS, ours: 'MaxPool1D', fix: 'rename' }, () => msg`pool_size is 'pool' and strides is 'stride'`),
  foreignRow({ name: 'MaxPooling2D', from: KERAS, ours: 'MaxPool2D', fix: 'rename' }, () => msg`pool_size is 'pool' and strides is 'stride'`),
  foreignRow({ name: 'AveragePooling1D', from: KERAS, ours: 'AvgPool1D', fix: 'rename' }, () => msg`pool_size is 'pool' and strides is 'stride'`),
  foreignRow({ name: 'AveragePooling2D', from: KERAS, ours: 'AvgPool2D', fix: 'rename' }, () => msg`pool_size is 'pool' and strides is 'stride'`),
  foreignRow({ name: 'AdaptiveAvgPool2d', from: PT, ours: 'AdaptiveAvgPool2D', fix: 'rename' }, () => msg`the same argument; AdaptiveAvgPool2D(1) keeps [B, 1, 1, C], GlobalAvgPool gives [B, C] directly`),
  foreignRow({ name: 'AdaptiveAvgPool1d', from: PT, ours: 'GlobalAvgPool', fix: 'none' }, () => msg`AdaptiveAvgPool1d(1) then flatten is GlobalAvgPool ([B, T, C] -> [B, C]); other output sizes have no layer`),
  foreignRow({ name: 'AdaptiveMaxPool2d', from: PT, ours: 'GlobalMaxPool', fix: 'none' }, () => msg`AdaptiveMaxPool2d(1) is GlobalMaxPool(keepdims: true); other output sizes have no layer`),
  { name: 'GlobalAveragePooling2D', from: KERAS, ours: 'GlobalAvgPool', fix: 'rename', note: '[B, H, W, C] -> [B, C]' },
  { name: 'GlobalAveragePooling1D', from: KERAS, ours: 'GlobalAvgPool', fix: 'rename', note: '[B, T, C] -> [B, C]' },
  { name: 'GlobalMaxPooling2D', from: KERAS, ours: 'GlobalMaxPool', fix: 'rename', note: '[B, H, W, C] -> [B, C]' },
  { name: 'GlobalMaxPooling1D', from: KERAS, ours: 'GlobalMaxPool', fix: 'rename', note: '[B, T, C] -> [B, C]' },
  // normalization and regularization
  foreignRow({ name: 'BatchNorm1d', from: PT, ours: 'BatchNorm', fix: 'rename' }, () => msg`BatchNorm normalizes the last axis (channels-last): BatchNorm1d(64) is BatchNorm(64)`),
  foreignRow({ name: 'BatchNorm2d', from: PT, ours: 'BatchNorm', fix: 'rename' }, () => msg`BatchNorm normalizes the last axis (channels-last): BatchNorm2d(64) is BatchNorm(64)`),
  foreignRow({ name: 'BatchNormalization', from: KERAS, ours: 'BatchNorm', fix: 'rename' }, () => msg`momentum here is PyTorch's (the weight of the new batch, 0.1): Keras's momentum 0.99 is momentum: 0.01`),
  foreignRow({ name: 'LayerNormalization', from: KERAS, ours: 'LayerNorm', fix: 'rename' }, () => msg`it normalizes the last axis`),
  foreignRow({ name: 'InstanceNorm2d', from: PT, ours: 'GroupNorm', fix: 'none' }, () => msg`instance normalization of C channels is GroupNorm(C) (one group per channel)`),
  foreignRow({ name: 'LocalResponseNormalization', from: KERAS, ours: 'LocalResponseNorm', fix: 'rename' }, () => msg`the same parameters as PyTorch: size, alpha, beta, k`),
  foreignRow({ name: 'Dropout1d', from: PT, ours: 'Dropout', fix: 'rename' }, () => msg`Dropout drops single elements; dropping whole channels has no layer`),
  foreignRow({ name: 'Dropout2d', from: PT, ours: 'Dropout', fix: 'rename' }, () => msg`Dropout drops single elements; dropping whole channels has no layer`),
  foreignRow({ name: 'SpatialDropout2D', from: KERAS, ours: 'Dropout', fix: 'rename' }, () => msg`Dropout drops single elements; dropping whole channels has no layer`),
  // reshaping, merging, resizing
  foreignRow({ name: 'Unflatten', from: PT, ours: 'Reshape', fix: 'none' }, () => msg`Reshape([H, W, C]) gives the shape after the batch axis`),
  foreignRow({ name: 'Concatenate', from: KERAS, ours: 'Concat', fix: 'rename' }, () => msg`Concat(axis: -1)(a, b), or the function concat([a, b], -1)`),
  foreignRow({ name: 'Upsample', from: PT, ours: 'UpSampling2D', fix: 'rename' }, () => msg`scale_factor is 'size' and mode is 'interpolation' ("nearest" or "bilinear")`),
  foreignRow({ name: 'UpsamplingNearest2d', from: PT, ours: 'UpSampling2D', fix: 'rename' }, () => msg`scale_factor is 'size'`),
  { name: 'UpsamplingBilinear2d', from: PT, ours: 'UpSampling2D', fix: 'none', note: 'UpSampling2D(2, interpolation: "bilinear")' },
  foreignRow({ name: 'ZeroPad2d', from: PT, ours: 'ZeroPadding2D', fix: 'rename' }, () => msg`an int pads every side; a list is [top and bottom, left and right], not PyTorch's (left, right, top, bottom)`),
  foreignRow({ name: 'PixelShuffle', from: PT, fix: 'none' }, () => msg`there is no pixel shuffle: use Conv2DTranspose or UpSampling2D`),
  // embeddings and attention
  foreignRow({ name: 'MultiheadAttention', from: PT, ours: 'MultiHeadAttention', fix: 'swapHeads' }, () => msg`heads come first: MultiheadAttention(embed_dim, num_heads) is MultiHeadAttention(num_heads, embed_dim), on batch-first [B, T, d]`),
  foreignRow({ name: 'Attention', from: KERAS, ours: 'MultiHeadAttention', fix: 'none' }, () => msg`dot-product attention is MultiHeadAttention(heads, d)(q, k, v), or softmax(q @ transpose(k, [0, 2, 1]) / sqrt(d)) @ v`),
  foreignRow({ name: 'TransformerEncoderLayer', from: PT, fix: 'none' }, () => msg`write the layer as a block of MultiHeadAttention, LayerNorm and Dense (examples/transformer.nn)`),
  foreignRow({ name: 'TransformerDecoderLayer', from: PT, fix: 'none' }, () => msg`write the layer as a block of MultiHeadAttention, LayerNorm and Dense (examples/transformer.nn)`),
  foreignRow({ name: 'Transformer', from: PT, fix: 'none' }, () => msg`write the encoder and decoder as blocks (examples/transformer.nn)`),
  foreignRow({ name: 'LSTM', from: BOTH, fix: 'none' }, noRecurrentLayers),
  foreignRow({ name: 'GRU', from: BOTH, fix: 'none' }, noRecurrentLayers),
  foreignRow({ name: 'RNN', from: BOTH, fix: 'none' }, noRecurrentLayers),
  foreignRow({ name: 'SimpleRNN', from: KERAS, fix: 'none' }, noRecurrentLayers),
  // activations
  foreignRow({ name: 'Activation', from: KERAS, fix: 'activation' }, () => msg`each activation is a layer of its own: Activation("relu") is ReLU`),
  foreignRow({ name: 'Hardswish', from: PT, ours: 'HardSwish', fix: 'rename' }, () => msg`no arguments`),
  foreignRow({ name: 'Hardtanh', from: PT, ours: 'clip', fix: 'none' }, () => msg`clip(x, -1, 1) is Hardtanh`),
  foreignRow({ name: 'Softmax2d', from: PT, ours: 'Softmax', fix: 'rename' }, () => msg`Softmax takes the last axis, the channels of [B, H, W, C]`),
  // containers and structure
  foreignRow({ name: 'Sequential', from: BOTH, fix: 'none' }, chainLayers),
  foreignRow({ name: 'ModuleList', from: PT, fix: 'none' }, () => msg`repeat n { ... } applies a stage n times; a list of layers is written [A, B]`),
  foreignRow({ name: 'self', from: PT, fix: 'none' }, () => msg`layers are not attributes: bind one with 'let fc = Dense(10)' in the body and apply it with 'x -> fc' or 'fc(x)'`),
  foreignRow({ name: 'Module', from: PT, fix: 'none' }, () => msg`a module is a 'block' (reusable) or a 'model' (trained)`),
  foreignRow({ name: 'Model', from: KERAS, fix: 'none' }, () => msg`write a 'model' definition with 'input' and 'output'`),
  foreignRow({ name: 'Input', from: KERAS, fix: 'none' }, () => msg`declare an input inside a definition: input x: [B, 28, 28, 1]`),
  foreignRow({ name: 'InputLayer', from: KERAS, fix: 'none' }, () => msg`declare an input inside a definition: input x: [B, 28, 28, 1]`),
  foreignRow({ name: 'Lambda', from: KERAS, fix: 'none' }, () => msg`write the expression directly: y = x * 2, or a function call`),
  // functions (torch.* and tensor methods)
  foreignRow({ name: 'cat', from: PT, ours: 'concat', fix: 'rename' }, () => msg`dim is 'axis': cat([a, b], 1) is concat([a, b], 1)`),
  foreignRow({ name: 'bmm', from: PT, ours: 'matmul', fix: 'rename' }, () => msg`matmul (or a @ b) multiplies batches of matrices`),
  foreignRow({ name: 'mm', from: PT, ours: 'matmul', fix: 'rename' }, () => msg`matmul (or a @ b)`),
  foreignRow({ name: 'permute', from: PT, ours: 'transpose', fix: 'rename' }, () => msg`transpose(x, [0, 2, 1]) takes the whole permutation as a list`),
  foreignRow({ name: 'view', from: PT, ours: 'reshape', fix: 'rename' }, () => msg`reshape(x, [B, 784]) takes the whole shape as a list`),
  { name: 'unsqueeze', from: PT, ours: 'expand_dims', fix: 'rename', note: 'expand_dims(x, axis)' },
  { name: 'clamp', from: PT, ours: 'clip', fix: 'rename', note: 'clip(x, lo, hi)' },
  foreignRow({ name: 'square', from: PT, ours: 'sq', fix: 'rename' }, () => msg`sq(x) is x * x`),
  foreignRow({ name: 'chunk', from: PT, ours: 'split', fix: 'rename' }, () => msg`split(x, n, axis) cuts into n equal parts`),
  foreignRow({ name: 'masked_fill', from: PT, ours: 'where', fix: 'none' }, () => msg`where(mask, value, x) takes value where mask is true`),
  foreignRow({ name: 'amax', from: PT, ours: 'max', fix: 'rename' }, () => msg`max(x, axis) reduces along axes`),
  foreignRow({ name: 'amin', from: PT, ours: 'min', fix: 'rename' }, () => msg`min(x, axis) reduces along axes`),
];

const BY_NAME: ReadonlyMap<string, ForeignName> = new Map(FOREIGN_NAMES.map((f) => [f.name, f]));

export function findForeignName(name: string): ForeignName | undefined {
  return BY_NAME.get(name);
}

/** Keras's `Activation("...")` strings and the layers they are. */
export const ACTIVATION_LAYERS: Readonly<Record<string, string>> = {
  relu: 'ReLU',
  relu6: 'ReLU6',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  selu: 'SELU',
  gelu: 'GELU',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  silu: 'SiLU',
  swish: 'Swish',
  softplus: 'Softplus',
  mish: 'Mish',
  hard_swish: 'HardSwish',
  softmax: 'Softmax',
  log_softmax: 'LogSoftmax',
  linear: 'Identity',
};

/**
 * A parameter name from PyTorch or Keras, and what it is here. `ours` lists
 * the candidates in order (`kernel_size` is a convolution's `kernel` and a
 * pool's `pool`): the first the layer has is meant. No `ours`: the
 * argument is not needed at all, and the fix removes it.
 */
export interface ForeignParam {
  name: string;
  ours?: readonly string[];
  note: string;
}

const paramRow = (fields: Omit<ForeignParam, 'note'>, note: () => string): ForeignParam => withNote(fields, note);

export const FOREIGN_PARAMS: readonly ForeignParam[] = [
  paramRow({ name: 'in_features' }, () => msg`the input size comes from the input`),
  paramRow({ name: 'in_channels' }, () => msg`the input channels come from the input`),
  paramRow({ name: 'input_shape' }, () => msg`the input's shape is its 'input' declaration`),
  paramRow({ name: 'input_dim', ours: ['vocab'] }, () => msg`Keras's input_dim`),
  paramRow({ name: 'output_dim', ours: ['d'] }, () => msg`Keras's output_dim`),
  paramRow({ name: 'data_format' }, () => msg`images are always channels-last [B, H, W, C]`),
  paramRow({ name: 'batch_first' }, () => msg`inputs are always batch-first [B, T, d]`),
  paramRow({ name: 'inplace' }, () => msg`there are no in-place operations`),
  paramRow({ name: 'out_features', ours: ['units'] }, () => msg`PyTorch's out_features`),
  paramRow({ name: 'out_channels', ours: ['filters'] }, () => msg`PyTorch's out_channels`),
  paramRow({ name: 'kernel_size', ours: ['kernel', 'pool'] }, () => msg`PyTorch's and Keras's kernel_size`),
  paramRow({ name: 'pool_size', ours: ['pool'] }, () => msg`Keras's pool_size`),
  paramRow({ name: 'strides', ours: ['stride'] }, () => msg`Keras's strides`),
  paramRow({ name: 'dilation_rate', ours: ['dilation'] }, () => msg`Keras's dilation_rate`),
  paramRow({ name: 'use_bias', ours: ['bias'] }, () => msg`Keras's use_bias`),
  paramRow({ name: 'kernel_initializer', ours: ['init'] }, () => msg`Keras's kernel_initializer`),
  paramRow({ name: 'embeddings_initializer', ours: ['init'] }, () => msg`Keras's embeddings_initializer`),
  paramRow({ name: 'gamma_initializer', ours: ['init'] }, () => msg`Keras's gamma_initializer`),
  paramRow({ name: 'bias_initializer', ours: ['bias_init'] }, () => msg`Keras's bias_initializer`),
  paramRow({ name: 'beta_initializer', ours: ['bias_init'] }, () => msg`Keras's beta_initializer`),
  paramRow({ name: 'num_features', ours: ['channels'] }, () => msg`PyTorch's num_features`),
  paramRow({ name: 'normalized_shape', ours: ['features'] }, () => msg`PyTorch's normalized_shape`),
  paramRow({ name: 'num_groups', ours: ['groups'] }, () => msg`PyTorch's num_groups`),
  paramRow({ name: 'num_channels' }, () => msg`the channels come from the input`),
  paramRow({ name: 'eps', ours: ['epsilon'] }, () => msg`PyTorch's eps`),
  paramRow({ name: 'p', ours: ['rate'] }, () => msg`PyTorch's p`),
  paramRow({ name: 'negative_slope', ours: ['slope'] }, () => msg`PyTorch's negative_slope`),
  paramRow({ name: 'alpha', ours: ['slope'] }, () => msg`Keras's alpha`),
  paramRow({ name: 'num_heads', ours: ['heads'] }, () => msg`PyTorch's and Keras's num_heads`),
  paramRow({ name: 'embed_dim', ours: ['d'] }, () => msg`PyTorch's embed_dim`),
  paramRow({ name: 'num_embeddings', ours: ['vocab'] }, () => msg`PyTorch's num_embeddings`),
  paramRow({ name: 'embedding_dim', ours: ['d'] }, () => msg`PyTorch's embedding_dim`),
  paramRow({ name: 'dim', ours: ['axis'] }, () => msg`PyTorch's dim`),
  paramRow({ name: 'scale_factor', ours: ['size'] }, () => msg`PyTorch's scale_factor`),
  paramRow({ name: 'mode', ours: ['interpolation'] }, () => msg`PyTorch's mode`),
];

const PARAMS_BY_NAME: ReadonlyMap<string, ForeignParam> = new Map(FOREIGN_PARAMS.map((p) => [p.name, p]));

/**
 * What a foreign parameter name is for a callee with `params`: the
 * parameter meant (absent: the argument is not needed), or undefined when
 * the name is not a known foreign one or means nothing for this callee.
 */
export function foreignParam(name: string, params: readonly { name: string }[]): { param: ForeignParam; ours?: string } | undefined {
  const param = PARAMS_BY_NAME.get(name);
  if (!param) return undefined;
  if (!param.ours) return { param };
  const ours = param.ours.find((o) => params.some((p) => p.name === o));
  return ours ? { param, ours } : undefined;
}
