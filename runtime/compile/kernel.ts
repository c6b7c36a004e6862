// A kernel is what one kind of graph node computes: the weights it owns
// (as data) and its forward pass in TensorFlow.js operations. Every layer
// kind of the catalog, every built-in function and every operator has one.

import type { TensorType } from '../../core/graph/graph.js';
import type { SliceAxis } from '../../core/values.js';
import type { Tensor, TF } from '../tf-types.js';
import type { ArgReader } from './graph-args.js';
import type { Initializer } from './initializers.js';
import type { RandomSource } from './random-source.js';

/** What the compiler does not support yet (a limitation, not a bug): reported as a message. */
export class CompileError extends Error {}

export type { Initializer } from './initializers.js';

export interface WeightSpec {
  name: string;
  shape: number[];
  init: Initializer;
  trainable: boolean;
}

/** What a kernel knows when it creates its weights. */
export interface BuildContext {
  readonly args: ArgReader;
  /** slices only: what happens to each axis */
  readonly axes?: readonly SliceAxis[];
  readonly inputs: readonly TensorType[];
  readonly outputs: readonly TensorType[];
}

/** What a kernel knows when it runs. */
export interface CallContext extends BuildContext {
  readonly tf: TF;
  /** the weights, by name, as declared by `weights` */
  weight(name: string): Tensor;
  /** whether the model is training (dropout on, batch statistics updated) */
  readonly training: boolean;
  /** the batch size of this call */
  readonly batch: number;
  /** assigns a new value to a non-trainable weight (batch norm's running statistics) */
  assign(name: string, value: Tensor): void;
  /** random numbers (dropout, noise): new ones each call, repeatable with the run's seed (../random-source.ts) */
  readonly random: RandomSource;
}

export interface Kernel {
  weights?(k: BuildContext): WeightSpec[];
  /** one tensor per output of the node */
  call(k: CallContext, inputs: Tensor[]): Tensor | Tensor[];
}

/** The last axis size of an input, which must be a number. */
export function lastDim(t: TensorType): number {
  const d = t.shape.at(-1);
  if (typeof d !== 'number') throw new Error('the last axis must have a fixed size');
  return d;
}

export function fixedDim(t: TensorType, axis: number): number {
  const d = t.shape.at(axis);
  if (typeof d !== 'number') throw new Error(`axis ${axis} must have a fixed size`);
  return d;
}
