// What one built-in function is: `reshape`, `softmax`, `sum`, `iou`, `nms`.
// Functions are tensor math inside a model, a loss or a pipeline; unlike
// layers they have no weights. In a pipeline stage the piped tensor is the
// first argument: `x -> reshape([B, 784])` is `reshape(x, [B, 784])`.

import type { Dim } from '../shapes/dim.js';
import type { BindableParam } from '../check/bind-args.js';
import type { TensorValue, Value } from '../values.js';
import type { FlopCount } from './flops.js';

export interface FunctionContext {
  /** every parameter, defaults filled in (optional ones may be absent) */
  readonly args: Readonly<Record<string, Value>>;
  tensor(name: string): TensorValue;
  /** tensors of a `tensors` parameter */
  tensors(name: string): TensorValue[];
  int(name: string): Dim;
  float(name: string): number;
  bool(name: string): boolean;
  string(name: string): string;
  ints(name: string): Dim[];
  has(name: string): boolean;
  /** a tensor produced by this call (its origin is the call) */
  result(shape: Dim[], dtype?: TensorValue['dtype']): TensorValue;
  /** a new symbolic dimension for a data-dependent size (the number of boxes NMS keeps) */
  freshDim(prefix: string): Dim;
  /** reports a problem at the named argument (or the call); returns undefined */
  error(code: string, message: string, arg?: string): undefined;
}

export interface FunctionSpec {
  name: string;
  /** 'shape', 'math', 'reduction', 'activation', 'random', 'detection', ... */
  category: string;
  /** one paragraph shown on hover */
  doc: string;
  /** parameters in order; the first is the piped value in a pipeline stage */
  params: readonly (BindableParam & { doc: string })[];
  /** only allowed inside a `pipeline` (steps that are not differentiable layers) */
  pipelineOnly?: boolean;
  /** computes only at check time, on lists (`len`, `reverse`): never a step of a compiled model, so it has no kernel */
  checkTimeOnly?: boolean;
  /** the result, or undefined after reporting an error */
  call(ctx: FunctionContext): Value | undefined;
  /**
   * The FLOPs of a call that made tensors, for the whole batch (flops.ts
   * says how they are counted); absent: 0, for functions that make no
   * tensors of their own (they rearrange lists, or compute numbers).
   */
  flops?: FlopCount;
}
