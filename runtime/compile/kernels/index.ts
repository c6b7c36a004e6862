// Every kernel by its kind: layer kinds by their catalog name, functions as
// `fn:<name>`, operators as `binary:<op>` / `unary:<op>`, and `slice`.

import { msg } from '../../../core/i18n/message.js';
import { CompileError, type Kernel } from '../kernel.js';
import { ACTIVATION_KERNELS } from './activations.js';
import { MultiHeadAttention, RelPosAttention } from './attention.js';
import { Conv1D, Conv2D, Conv2DTranspose } from './convolution.js';
import { Dense } from './dense.js';
import { DETECTION_KERNELS } from './detection.js';
import { Embedding, FourierFeatures, PositionalEncoding, Weight } from './embeddings.js';
import { FUNCTION_KERNELS } from './functions.js';
import { MERGING_KERNELS } from './merging.js';
import { BatchNorm, DropPath, Dropout, GroupNorm, LayerNorm, LocalResponseNorm } from './normalization.js';
import { operatorKernel } from './operators.js';
import { POOLING_KERNELS } from './pooling.js';
import { RESHAPING_KERNELS } from './reshaping.js';

export const LAYER_KERNELS: Readonly<Record<string, Kernel>> = {
  ...ACTIVATION_KERNELS,
  Dense,
  Conv1D,
  Conv2D,
  Conv2DTranspose,
  ...POOLING_KERNELS,
  BatchNorm,
  LayerNorm,
  GroupNorm,
  LocalResponseNorm,
  Dropout,
  DropPath,
  ...RESHAPING_KERNELS,
  ...MERGING_KERNELS,
  Embedding,
  PositionalEncoding,
  Weight,
  FourierFeatures,
  MultiHeadAttention,
  RelPosAttention,
};

/** Functions by name: those a model may call, and the pipeline steps (run eagerly, by the pipeline executor). */
const ALL_FUNCTION_KERNELS: Readonly<Record<string, Kernel>> = { ...FUNCTION_KERNELS, ...DETECTION_KERNELS };

export function findKernel(kind: string): Kernel {
  const kernel = kind.startsWith('fn:') ? ALL_FUNCTION_KERNELS[kind.slice(3)] : (LAYER_KERNELS[kind] ?? operatorKernel(kind));
  if (!kernel) throw new CompileError(msg`nothing compiles '${kind}' yet`);
  return kernel;
}

export function hasKernel(kind: string): boolean {
  return kind.startsWith('fn:') ? kind.slice(3) in ALL_FUNCTION_KERNELS : kind in LAYER_KERNELS || operatorKernel(kind) !== undefined;
}
