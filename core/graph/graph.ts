// A model as a dataflow graph: what the compiler turns into a TensorFlow.js
// model. Plain data, built by tracing the checker over the model
// (`trace.ts`): loops are unrolled, branches decided, every size is a number
// except the batch, which is written as a `RuntimeDim`.

import type { LayerSpec } from '../catalog/layer-spec.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import type { DType } from '../values.js';
import type { SliceAxis } from '../values.js';

/**
 * A size known when the batch size is: `batch * perBatch + plus`. Inside a
 * traced model every size is a number or linear in the batch (`B`, `4*B`).
 */
export type RuntimeDim = number | { perBatch: number; plus: number };

/** A shape whose first axis is usually the batch. */
export type RuntimeShape = RuntimeDim[];

/** An argument as the compiled graph needs it: numbers, strings, lists, or an input tensor by position. */
export type GraphArg =
  | { kind: 'int'; value: RuntimeDim }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: GraphArg[] }
  /** the node's `inputs[index]` */
  | { kind: 'tensor'; index: number };

/** One output of one node. */
export interface TensorRef {
  node: number;
  output: number;
}

export interface TensorType {
  shape: RuntimeShape;
  dtype: DType;
}

interface NodeBase {
  /** index in `Graph.nodes` */
  id: number;
  inputs: TensorRef[];
  outputs: TensorType[];
  /** a readable unique name (`VGGBlock_1/Conv2D_2`, `reshape_3`) */
  name: string;
}

export type GraphNode =
  | (NodeBase & { op: 'input'; input: number })
  /** `layer`: the layer's identity: applications of one layer share its weights */
  | (NodeBase & { op: 'layer'; spec: LayerSpec; layer: number; args: Record<string, GraphArg> })
  | (NodeBase & { op: 'function'; spec: FunctionSpec; args: Record<string, GraphArg> })
  /** an operand is an input tensor or a number */
  | (NodeBase & { op: 'binary'; operator: string; left: GraphArg; right: GraphArg })
  | (NodeBase & { op: 'unary'; operator: '-' | '+' | 'not' })
  | (NodeBase & { op: 'slice'; axes: SliceAxis[] })
  /**
   * `weight`: the weight `weight` of a layer read by name (`embed.embeddings`);
   * `layer` is that layer's identity, as in its applications (tied weights: one variable)
   */
  | (NodeBase & { op: 'weight'; spec: LayerSpec; layer: number; args: Record<string, GraphArg>; weight: string });

export interface Graph {
  model: string;
  /** the batch symbol's name in the source (`B`) */
  batch: string;
  inputs: { name: string; node: number; type: TensorType }[];
  outputs: { name: string; ref: TensorRef; type: TensorType }[];
  /** in dependency order: every node's inputs come before it */
  nodes: GraphNode[];
  /** the checker's weight counts for the whole model */
  params: { trainable: number; nonTrainable: number };
}
