// A pipeline as a dataflow graph: what the pipeline executor evaluates, node
// by node. Like a model's graph (core/graph/graph.ts), but every size is a
// number or a name that only the run decides: `nms` keeps K1 boxes, and the
// steps after it see K1 as a size. The executor learns such a name from the
// first tensor that has it, and from then on it is a number.

import type { LayerSpec } from '../../core/catalog/layer-spec.js';
import type { FunctionSpec } from '../../core/functions/function-spec.js';
import type { Dim } from '../../core/shapes/dim.js';
import type { DType, SliceAxis, Value } from '../../core/values.js';

/** An argument: numbers, strings, lists, or an input tensor by position; an int may be a size the run decides. */
export type PipelineArg =
  | { kind: 'int'; value: Dim }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: PipelineArg[] }
  /** the node's `inputs[index]` */
  | { kind: 'tensor'; index: number };

export interface PipelineTensorType {
  shape: Dim[];
  dtype: DType;
}

/** One output of one node. */
export interface PipelineRef {
  node: number;
  output: number;
}

interface NodeBase {
  /** index in `PipelineGraph.nodes` */
  id: number;
  inputs: PipelineRef[];
  outputs: PipelineTensorType[];
  /** a readable unique name (`RCNNSmall_1/Conv2D_1`, `nms_1`) */
  name: string;
}

export type PipelineNode =
  | (NodeBase & { op: 'input'; input: number })
  /**
   * `layer`: the layer's identity (applications of one layer share its
   * weights); `path`: its summary path in the pipeline
   * (`YoloSmallDetect_1/YoloSmall_1/ConvLeaky_1/Conv2D_1`), which says which
   * model application it belongs to
   */
  | (NodeBase & { op: 'layer'; spec: LayerSpec; layer: number; path: string; args: Record<string, PipelineArg> })
  | (NodeBase & { op: 'function'; spec: FunctionSpec; args: Record<string, PipelineArg> })
  /** an operand is an input tensor or a number */
  | (NodeBase & { op: 'binary'; operator: string; left: PipelineArg; right: PipelineArg })
  | (NodeBase & { op: 'unary'; operator: '-' | '+' | 'not' })
  | (NodeBase & { op: 'slice'; axes: SliceAxis[] });

/** A model applied inside the pipeline: its layers get that model's trained weights. */
export interface ModelApplication {
  /** the model definition's name (`YoloSmall`) */
  model: string;
  /** its summary path prefix in the pipeline (`YoloSmallDetect_1/YoloSmall_1/`) */
  path: string;
  /** the arguments it was applied with, as the model's parameters (`S: 4`) */
  args: Record<string, Value>;
}

export interface PipelineGraph {
  pipeline: string;
  inputs: { name: string; node: number; type: PipelineTensorType }[];
  outputs: { name: string; ref: PipelineRef; type: PipelineTensorType }[];
  /** in dependency order: every node's inputs come before it */
  nodes: PipelineNode[];
  /** the models applied in it, outermost applications only */
  models: ModelApplication[];
  /** the sizes its inputs gave the names their declarations leave open (`N: 2` points) */
  sizes: Record<string, number>;
}
