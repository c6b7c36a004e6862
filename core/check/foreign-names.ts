// Names from PyTorch and Keras that people write out of habit, and what
// this language calls the same thing: the layers and functions (`Linear`
// is `Dense`, `torch.cat` is `concat`) and their parameter names
// (`kernel_size` is `kernel`). Data only: the checker reads it when a name
// is unknown (foreign-calls.ts) and when a call names a parameter the
// layer does not have (bind-args.ts).

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

const CHAIN = "chain layers with '->' (x -> Dense(128) -> ReLU -> Dense(10)); a chain used more than once is a block";
const NO_RECURRENT = 'there are no recurrent layers: sequences are modelled with MultiHeadAttention or Conv1D';

export const FOREIGN_NAMES: readonly ForeignName[] = [
  // dense and convolution: PyTorch writes the input size first; here it comes from the input
  { name: 'Linear', from: PT, ours: 'Dense', fix: 'dropInputSize', note: 'the input size comes from the input: Linear(in, out) is Dense(out)' },
  { name: 'LazyLinear', from: PT, ours: 'Dense', fix: 'rename', note: 'LazyLinear(out) is Dense(out)' },
  { name: 'Conv1d', from: PT, ours: 'Conv1D', fix: 'dropInputSize', note: 'the input channels come from the input: Conv1d(in, out, k) is Conv1D(out, k), on sequences [B, T, C]' },
  { name: 'Conv2d', from: PT, ours: 'Conv2D', fix: 'dropInputSize', note: 'the input channels come from the input: Conv2d(in, out, k) is Conv2D(out, k), on channels-last images [B, H, W, C]' },
  { name: 'LazyConv2d', from: PT, ours: 'Conv2D', fix: 'rename', note: 'LazyConv2d(out, k) is Conv2D(out, k), on channels-last images [B, H, W, C]' },
  { name: 'ConvTranspose2d', from: PT, ours: 'Conv2DTranspose', fix: 'dropInputSize', note: 'the input channels come from the input: ConvTranspose2d(in, out, k) is Conv2DTranspose(out, k)' },
  { name: 'SeparableConv2D', from: KERAS, ours: 'Conv2D', fix: 'none', note: 'write it as a depthwise Conv2D(C, k, groups: C) followed by a pointwise Conv2D(filters, 1)' },
  { name: 'DepthwiseConv2D', from: KERAS, ours: 'Conv2D', fix: 'none', note: 'a depthwise convolution of C channels is Conv2D(C, k, groups: C)' },
  // pooling
  { name: 'MaxPool1d', from: PT, ours: 'MaxPool1D', fix: 'rename', note: 'the same arguments: MaxPool1D(kernel_size, stride, padding)' },
  { name: 'MaxPool2d', from: PT, ours: 'MaxPool2D', fix: 'rename', note: 'the same arguments: MaxPool2D(kernel_size, stride, padding)' },
  { name: 'AvgPool1d', from: PT, ours: 'AvgPool1D', fix: 'rename', note: 'the same arguments: AvgPool1D(kernel_size, stride, padding)' },
  { name: 'AvgPool2d', from: PT, ours: 'AvgPool2D', fix: 'rename', note: 'the same arguments: AvgPool2D(kernel_size, stride, padding)' },
  { name: 'MaxPooling1D', from: KERAS, ours: 'MaxPool1D', fix: 'rename', note: "pool_size is 'pool' and strides is 'stride'" },
  { name: 'MaxPooling2D', from: KERAS, ours: 'MaxPool2D', fix: 'rename', note: "pool_size is 'pool' and strides is 'stride'" },
  { name: 'AveragePooling1D', from: KERAS, ours: 'AvgPool1D', fix: 'rename', note: "pool_size is 'pool' and strides is 'stride'" },
  { name: 'AveragePooling2D', from: KERAS, ours: 'AvgPool2D', fix: 'rename', note: "pool_size is 'pool' and strides is 'stride'" },
  { name: 'AdaptiveAvgPool2d', from: PT, ours: 'AdaptiveAvgPool2D', fix: 'rename', note: 'the same argument; AdaptiveAvgPool2D(1) keeps [B, 1, 1, C], GlobalAvgPool gives [B, C] directly' },
  { name: 'AdaptiveAvgPool1d', from: PT, ours: 'GlobalAvgPool', fix: 'none', note: 'AdaptiveAvgPool1d(1) then flatten is GlobalAvgPool ([B, T, C] -> [B, C]); other output sizes have no layer' },
  { name: 'AdaptiveMaxPool2d', from: PT, ours: 'GlobalMaxPool', fix: 'none', note: 'AdaptiveMaxPool2d(1) is GlobalMaxPool(keepdims: true); other output sizes have no layer' },
  { name: 'GlobalAveragePooling2D', from: KERAS, ours: 'GlobalAvgPool', fix: 'rename', note: '[B, H, W, C] -> [B, C]' },
  { name: 'GlobalAveragePooling1D', from: KERAS, ours: 'GlobalAvgPool', fix: 'rename', note: '[B, T, C] -> [B, C]' },
  { name: 'GlobalMaxPooling2D', from: KERAS, ours: 'GlobalMaxPool', fix: 'rename', note: '[B, H, W, C] -> [B, C]' },
  { name: 'GlobalMaxPooling1D', from: KERAS, ours: 'GlobalMaxPool', fix: 'rename', note: '[B, T, C] -> [B, C]' },
  // normalization and regularization
  { name: 'BatchNorm1d', from: PT, ours: 'BatchNorm', fix: 'rename', note: 'BatchNorm normalizes the last axis (channels-last): BatchNorm1d(64) is BatchNorm(64)' },
  { name: 'BatchNorm2d', from: PT, ours: 'BatchNorm', fix: 'rename', note: 'BatchNorm normalizes the last axis (channels-last): BatchNorm2d(64) is BatchNorm(64)' },
  { name: 'BatchNormalization', from: KERAS, ours: 'BatchNorm', fix: 'rename', note: "momentum here is PyTorch's (the weight of the new batch, 0.1): Keras's momentum 0.99 is momentum: 0.01" },
  { name: 'LayerNormalization', from: KERAS, ours: 'LayerNorm', fix: 'rename', note: 'it normalizes the last axis' },
  { name: 'InstanceNorm2d', from: PT, ours: 'GroupNorm', fix: 'none', note: 'instance normalization of C channels is GroupNorm(C) (one group per channel)' },
  { name: 'LocalResponseNormalization', from: KERAS, ours: 'LocalResponseNorm', fix: 'rename', note: 'the same parameters as PyTorch: size, alpha, beta, k' },
  { name: 'Dropout1d', from: PT, ours: 'Dropout', fix: 'rename', note: 'Dropout drops single elements; dropping whole channels has no layer' },
  { name: 'Dropout2d', from: PT, ours: 'Dropout', fix: 'rename', note: 'Dropout drops single elements; dropping whole channels has no layer' },
  { name: 'SpatialDropout2D', from: KERAS, ours: 'Dropout', fix: 'rename', note: 'Dropout drops single elements; dropping whole channels has no layer' },
  // reshaping, merging, resizing
  { name: 'Unflatten', from: PT, ours: 'Reshape', fix: 'none', note: 'Reshape([H, W, C]) gives the shape after the batch axis' },
  { name: 'Concatenate', from: KERAS, ours: 'Concat', fix: 'rename', note: 'Concat(axis: -1)(a, b), or the function concat([a, b], -1)' },
  { name: 'Upsample', from: PT, ours: 'UpSampling2D', fix: 'rename', note: "scale_factor is 'size' and mode is 'interpolation' (\"nearest\" or \"bilinear\")" },
  { name: 'UpsamplingNearest2d', from: PT, ours: 'UpSampling2D', fix: 'rename', note: "scale_factor is 'size'" },
  { name: 'UpsamplingBilinear2d', from: PT, ours: 'UpSampling2D', fix: 'none', note: 'UpSampling2D(2, interpolation: "bilinear")' },
  { name: 'ZeroPad2d', from: PT, ours: 'ZeroPadding2D', fix: 'rename', note: 'an int pads every side; a list is [top and bottom, left and right], not PyTorch\'s (left, right, top, bottom)' },
  { name: 'PixelShuffle', from: PT, fix: 'none', note: 'there is no pixel shuffle: use Conv2DTranspose or UpSampling2D' },
  // embeddings and attention
  { name: 'MultiheadAttention', from: PT, ours: 'MultiHeadAttention', fix: 'swapHeads', note: 'heads come first: MultiheadAttention(embed_dim, num_heads) is MultiHeadAttention(num_heads, embed_dim), on batch-first [B, T, d]' },
  { name: 'Attention', from: KERAS, ours: 'MultiHeadAttention', fix: 'none', note: 'dot-product attention is MultiHeadAttention(heads, d)(q, k, v), or softmax(q @ transpose(k, [0, 2, 1]) / sqrt(d)) @ v' },
  { name: 'TransformerEncoderLayer', from: PT, fix: 'none', note: 'write the layer as a block of MultiHeadAttention, LayerNorm and Dense (examples/transformer.nn)' },
  { name: 'TransformerDecoderLayer', from: PT, fix: 'none', note: 'write the layer as a block of MultiHeadAttention, LayerNorm and Dense (examples/transformer.nn)' },
  { name: 'Transformer', from: PT, fix: 'none', note: 'write the encoder and decoder as blocks (examples/transformer.nn)' },
  { name: 'LSTM', from: BOTH, fix: 'none', note: NO_RECURRENT },
  { name: 'GRU', from: BOTH, fix: 'none', note: NO_RECURRENT },
  { name: 'RNN', from: BOTH, fix: 'none', note: NO_RECURRENT },
  { name: 'SimpleRNN', from: KERAS, fix: 'none', note: NO_RECURRENT },
  // activations
  { name: 'Activation', from: KERAS, fix: 'activation', note: 'each activation is a layer of its own: Activation("relu") is ReLU' },
  { name: 'Hardswish', from: PT, ours: 'HardSwish', fix: 'rename', note: 'no arguments' },
  { name: 'Hardtanh', from: PT, ours: 'clip', fix: 'none', note: 'clip(x, -1, 1) is Hardtanh' },
  { name: 'Softmax2d', from: PT, ours: 'Softmax', fix: 'rename', note: 'Softmax takes the last axis, the channels of [B, H, W, C]' },
  // containers and structure
  { name: 'Sequential', from: BOTH, fix: 'none', note: CHAIN },
  { name: 'ModuleList', from: PT, fix: 'none', note: 'repeat n { ... } applies a stage n times; a list of layers is written [A, B]' },
  { name: 'self', from: PT, fix: 'none', note: "layers are not attributes: bind one with 'let fc = Dense(10)' in the body and apply it with 'x -> fc' or 'fc(x)'" },
  { name: 'Module', from: PT, fix: 'none', note: "a module is a 'block' (reusable) or a 'model' (trained)" },
  { name: 'Model', from: KERAS, fix: 'none', note: "write a 'model' definition with 'input' and 'output'" },
  { name: 'Input', from: KERAS, fix: 'none', note: 'declare an input inside a definition: input x: [B, 28, 28, 1]' },
  { name: 'InputLayer', from: KERAS, fix: 'none', note: 'declare an input inside a definition: input x: [B, 28, 28, 1]' },
  { name: 'Lambda', from: KERAS, fix: 'none', note: 'write the expression directly: y = x * 2, or a function call' },
  // functions (torch.* and tensor methods)
  { name: 'cat', from: PT, ours: 'concat', fix: 'rename', note: "dim is 'axis': cat([a, b], 1) is concat([a, b], 1)" },
  { name: 'bmm', from: PT, ours: 'matmul', fix: 'rename', note: 'matmul (or a @ b) multiplies batches of matrices' },
  { name: 'mm', from: PT, ours: 'matmul', fix: 'rename', note: 'matmul (or a @ b)' },
  { name: 'permute', from: PT, ours: 'transpose', fix: 'rename', note: 'transpose(x, [0, 2, 1]) takes the whole permutation as a list' },
  { name: 'view', from: PT, ours: 'reshape', fix: 'rename', note: 'reshape(x, [B, 784]) takes the whole shape as a list' },
  { name: 'unsqueeze', from: PT, ours: 'expand_dims', fix: 'rename', note: 'expand_dims(x, axis)' },
  { name: 'clamp', from: PT, ours: 'clip', fix: 'rename', note: 'clip(x, lo, hi)' },
  { name: 'square', from: PT, ours: 'sq', fix: 'rename', note: 'sq(x) is x * x' },
  { name: 'chunk', from: PT, ours: 'split', fix: 'rename', note: 'split(x, n, axis) cuts into n equal parts' },
  { name: 'masked_fill', from: PT, ours: 'where', fix: 'none', note: 'where(mask, value, x) takes value where mask is true' },
  { name: 'amax', from: PT, ours: 'max', fix: 'rename', note: 'max(x, axis) reduces along axes' },
  { name: 'amin', from: PT, ours: 'min', fix: 'rename', note: 'min(x, axis) reduces along axes' },
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

export const FOREIGN_PARAMS: readonly ForeignParam[] = [
  { name: 'in_features', note: 'the input size comes from the input' },
  { name: 'in_channels', note: 'the input channels come from the input' },
  { name: 'input_shape', note: "the input's shape is its 'input' declaration" },
  { name: 'input_dim', ours: ['vocab'], note: "Keras's input_dim" },
  { name: 'output_dim', ours: ['d'], note: "Keras's output_dim" },
  { name: 'data_format', note: 'images are always channels-last [B, H, W, C]' },
  { name: 'batch_first', note: 'inputs are always batch-first [B, T, d]' },
  { name: 'inplace', note: 'there are no in-place operations' },
  { name: 'out_features', ours: ['units'], note: "PyTorch's out_features" },
  { name: 'out_channels', ours: ['filters'], note: "PyTorch's out_channels" },
  { name: 'kernel_size', ours: ['kernel', 'pool'], note: "PyTorch's and Keras's kernel_size" },
  { name: 'pool_size', ours: ['pool'], note: "Keras's pool_size" },
  { name: 'strides', ours: ['stride'], note: "Keras's strides" },
  { name: 'dilation_rate', ours: ['dilation'], note: "Keras's dilation_rate" },
  { name: 'use_bias', ours: ['bias'], note: "Keras's use_bias" },
  { name: 'kernel_initializer', ours: ['init'], note: "Keras's kernel_initializer" },
  { name: 'embeddings_initializer', ours: ['init'], note: "Keras's embeddings_initializer" },
  { name: 'gamma_initializer', ours: ['init'], note: "Keras's gamma_initializer" },
  { name: 'bias_initializer', ours: ['bias_init'], note: "Keras's bias_initializer" },
  { name: 'beta_initializer', ours: ['bias_init'], note: "Keras's beta_initializer" },
  { name: 'num_features', ours: ['channels'], note: "PyTorch's num_features" },
  { name: 'normalized_shape', ours: ['features'], note: "PyTorch's normalized_shape" },
  { name: 'num_groups', ours: ['groups'], note: "PyTorch's num_groups" },
  { name: 'num_channels', note: 'the channels come from the input' },
  { name: 'eps', ours: ['epsilon'], note: "PyTorch's eps" },
  { name: 'p', ours: ['rate'], note: "PyTorch's p" },
  { name: 'negative_slope', ours: ['slope'], note: "PyTorch's negative_slope" },
  { name: 'alpha', ours: ['slope'], note: "Keras's alpha" },
  { name: 'num_heads', ours: ['heads'], note: "PyTorch's and Keras's num_heads" },
  { name: 'embed_dim', ours: ['d'], note: "PyTorch's embed_dim" },
  { name: 'num_embeddings', ours: ['vocab'], note: "PyTorch's num_embeddings" },
  { name: 'embedding_dim', ours: ['d'], note: "PyTorch's embedding_dim" },
  { name: 'dim', ours: ['axis'], note: "PyTorch's dim" },
  { name: 'scale_factor', ours: ['size'], note: "PyTorch's scale_factor" },
  { name: 'mode', ours: ['interpolation'], note: "PyTorch's mode" },
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
