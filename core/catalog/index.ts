// The layer catalog: every layer kind the language knows, by name.

import type { LayerSpec } from './layer-spec.js';
import {
  ELU,
  GELU,
  HardSwish,
  Identity,
  LeakyReLU,
  LogSoftmax,
  Mish,
  PReLU,
  ReLU,
  ReLU6,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softplus,
  Swish,
  Tanh,
} from './layers/activations.js';
import { MultiHeadAttention, RelPosAttention } from './layers/attention.js';
import { Conv1D } from './layers/conv1d.js';
import { Conv2D } from './layers/conv2d.js';
import { Conv2DTranspose } from './layers/conv2d-transpose.js';
import { Dense } from './layers/dense.js';
import { Embedding, FourierFeatures, PositionalEncoding, Weight } from './layers/embeddings.js';
import { Add, Concat, Multiply, Split, Subtract } from './layers/merging.js';
import { BatchNorm, DropPath, Dropout, GroupNorm, LayerNorm, LocalResponseNorm } from './layers/normalization.js';
import { AdaptiveAvgPool2D, AvgPool1D, AvgPool2D, GlobalAvgPool, GlobalMaxPool, MaxPool1D, MaxPool2D } from './layers/pooling.js';
import { Flatten, Permute, Reshape, Transpose } from './layers/reshaping.js';
import { Cropping2D, UpSampling2D, ZeroPadding2D } from './layers/resizing.js';

const ALL: readonly LayerSpec[] = [
  // core and convolution
  Dense,
  Conv1D,
  Conv2D,
  Conv2DTranspose,
  // pooling
  MaxPool1D,
  MaxPool2D,
  AvgPool1D,
  AvgPool2D,
  GlobalAvgPool,
  GlobalMaxPool,
  AdaptiveAvgPool2D,
  // reshaping, merging, resizing
  Flatten,
  Reshape,
  Permute,
  Transpose,
  Concat,
  Add,
  Subtract,
  Multiply,
  Split,
  UpSampling2D,
  ZeroPadding2D,
  Cropping2D,
  // normalization and regularization
  Dropout,
  DropPath,
  BatchNorm,
  LayerNorm,
  GroupNorm,
  LocalResponseNorm,
  // embeddings and attention
  Embedding,
  PositionalEncoding,
  Weight,
  FourierFeatures,
  MultiHeadAttention,
  RelPosAttention,
  // activations
  Identity,
  ReLU,
  ReLU6,
  LeakyReLU,
  PReLU,
  ELU,
  SELU,
  GELU,
  Sigmoid,
  Tanh,
  SiLU,
  Swish,
  Softplus,
  Mish,
  HardSwish,
  Softmax,
  LogSoftmax,
];

export const LAYERS: ReadonlyMap<string, LayerSpec> = new Map(ALL.map((l) => [l.name, l]));

export function findLayer(name: string): LayerSpec | undefined {
  return LAYERS.get(name);
}
