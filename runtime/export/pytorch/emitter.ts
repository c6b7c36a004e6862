// What turns one graph node into PyTorch: the module it owns (built in
// `__init__`), how its weights move from TensorFlow.js's layout to that
// module's, and the expression its forward pass computes. One emitter per
// layer kind, function and operator (layer-emitters.ts, function-emitters.ts).

import type { GraphArg, RuntimeDim, TensorType } from '../../../core/graph/graph.js';
import type { SliceAxis } from '../../../core/values.js';
import type { ArgReader } from '../../compile/graph-args.js';

/** A layer or function the export cannot write yet: the export stops and names it. */
export class UnsupportedError extends Error {}

export interface EmitContext {
  readonly args: ArgReader;
  readonly rawArgs: Readonly<Record<string, GraphArg>>;
  readonly inputs: readonly TensorType[];
  readonly outputs: readonly TensorType[];
  readonly axes?: readonly SliceAxis[];
  /** the Python expressions of the node's inputs, by index */
  readonly ins: readonly string[];
  /** `self.<attribute>` of the node's module (layers with a module only) */
  readonly self: string;
  /** a size in the forward pass (`batch` where it depends on the batch) */
  dim(d: RuntimeDim): string;
  /** asks for a helper of the prelude (prelude.ts) by name */
  need(helper: string): void;
}

/** One weight: its name in the PyTorch module and how its axes move (TensorFlow.js's layout -> PyTorch's). */
export interface WeightMove {
  torch: string;
  /** `permute` of the TensorFlow.js array; none: the same layout */
  perm?: number[];
  /** a buffer (running statistics), not a trainable parameter */
  buffer?: boolean;
}

export interface Emitter {
  /** the module's constructor (`nn.Linear(784, 128)`); none: the node is computed inline */
  module?(c: EmitContext): string;
  /** by the TensorFlow.js weight name */
  weights?(c: EmitContext): Record<string, WeightMove>;
  /** extra entries of the module's state (BatchNorm's `num_batches_tracked`), as int64 zeros */
  counters?(c: EmitContext): string[];
  /** the forward expression; several outputs: a tuple */
  forward(c: EmitContext): string;
}
