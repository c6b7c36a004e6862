// The values the checker computes for expressions. Everything is known at
// check time except symbolic dimensions, which stay symbolic (`B`, `H/2`).

import type { Definition, Range } from '../grammar/ast.js';
import type { Dim } from './shapes/dim.js';
import type { LayerSpec } from './catalog/layer-spec.js';
import type { FunctionSpec } from './functions/function-spec.js';
import { msg } from './i18n/message.js';

export type DType = 'float32' | 'int32' | 'bool';

/** Where a value came from, for "expected ..., found ... (from ...)" messages. */
export interface Origin {
  /** the file the range is in (undefined: the file being checked) */
  file?: string;
  range: Range;
  /** a short description: "output of Conv2D", "input image" */
  what: string;
}

export interface TensorValue {
  kind: 'tensor';
  shape: Dim[];
  dtype: DType;
  origin: Origin;
  /** how it was computed: recorded only when the checker traces a model for the compiler */
  source?: TensorSource;
  /** a weight of a layer (`embed.embeddings`), or computed from one alone (transposed): a layer given it shares that layer's weights */
  weightOf?: { layer: LayerInstance; weight: string };
}

/**
 * How a traced tensor was computed from others. Tracing runs the checker
 * over a model with concrete sizes, loops unrolled and branches decided,
 * so following sources back from the outputs gives the model's graph.
 */
export type TensorSource = (
  | { op: 'input'; name: string; index: number }
  /** output number `output` of one layer application */
  | { op: 'layer'; application: LayerApplication; output: number }
  | { op: 'function'; call: FunctionCallRecord; output: number }
  | { op: 'unary'; operator: '-' | '+' | 'not'; operand: TensorValue }
  | { op: 'binary'; operator: string; left: Value; right: Value }
  | { op: 'slice'; target: TensorValue; axes: SliceAxis[] }
  /** the weight `weight` of a layer, read by name (`embed.embeddings`); `path` is the summary's name of the layer */
  | { op: 'weight'; layer: LayerInstance; weight: string; path: string }
) & { site?: TraceSite };

/** Where a traced computation ran: its expression, and the summary path of the block applications around it. */
export interface TraceSite {
  file: string;
  range: Range;
  /** the frame's summary path prefix (`ResNet18_1/BasicStage_1/BasicBlock_2/`) */
  block: string;
}

/** One application of a block while tracing: what a graph view draws as a group. */
export interface TracedBlock {
  /** its summary path prefix (`ResNet18_1/BasicStage_1/`), and that of the block around it */
  path: string;
  parent: string;
  instance: BlockInstance;
  /** the application */
  file: string;
  range: Range;
}

/** One application of a layer, shared by the sources of all its outputs. */
export interface LayerApplication {
  layer: LayerInstance;
  inputs: TensorValue[];
  /** the summary's name of the layer (`VGGBlock_1/Conv2D_2`); a shared layer gives its first one */
  path: string;
  /** every output, including those nothing uses */
  outputs: TensorValue[];
  /** the weights counted here (zero when shared with an earlier application) and the FLOPs of the whole batch */
  counted?: { trainable: Dim; nonTrainable: Dim; flops: Dim };
}

/** One call of a built-in function, shared by the sources of all its outputs. */
export interface FunctionCallRecord {
  spec: FunctionSpec;
  args: Readonly<Record<string, Value>>;
  /** every tensor it returned, in order */
  outputs: TensorValue[];
}

/** What a slice does to one axis of its target, in order (NumPy semantics, positions resolved). */
export type SliceAxis =
  | { kind: 'range'; start: number; stop: number; step: number }
  | { kind: 'index'; at: number }
  | { kind: 'newaxis' }
  | { kind: 'all' };

/** A layer with its arguments resolved; applying it twice shares its weights. */
export interface LayerInstance {
  id: number;
  spec: LayerSpec;
  args: Record<string, Value>;
  /** the name it was bound to with `let`, if any */
  binding?: string;
  /** where it was configured */
  origin: Origin;
  /** the range of the argument bound to each parameter, for messages */
  argRanges: Record<string, Range>;
  /** the weight count of its first application: later ones must match (shared weights) */
  firstWeights?: { trainable: Dim; nonTrainable: Dim; inputs: Dim[][] };
}

/** A block, model, loss or pipeline with its arguments bound. */
export interface BlockInstance {
  id: number;
  definition: Definition;
  file: string;
  args: Record<string, Value>;
  binding?: string;
  origin: Origin;
  /** layers created inside, by creation site, so that a second application shares them */
  memo: Map<string, LayerInstance | BlockInstance>;
  applications: number;
}

export type Value =
  | { kind: 'int'; value: Dim }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: Value[] }
  | { kind: 'record'; fields: Map<string, Value> }
  | TensorValue
  | { kind: 'tuple'; items: Value[]; names?: string[] }
  /** a layer kind not yet configured: `ReLU`, `Conv2D` */
  | { kind: 'layerKind'; spec: LayerSpec }
  | { kind: 'layer'; instance: LayerInstance }
  /** a definition not yet configured: `VGGBlock` */
  | { kind: 'definition'; definition: Definition; file: string }
  | { kind: 'block'; instance: BlockInstance }
  | { kind: 'function'; spec: FunctionSpec }
  /** a bare name with meaning only in context (`crossentropy`, `accuracy`, `epoch`) */
  | { kind: 'name'; name: string }
  /** the result of an expression that already has an error: checks on it are skipped */
  | { kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };

export function describeKind(v: Value): string {
  switch (v.kind) {
    case 'int':
      return msg`an int`;
    case 'float':
      return msg`a float`;
    case 'bool':
      return msg`a bool`;
    case 'string':
      return msg`a string`;
    case 'list':
      return describeList(v.items);
    case 'record':
      return msg`a record`;
    case 'tensor':
      return msg`a tensor`;
    case 'tuple':
      return msg`${v.items.length} values`;
    case 'layerKind':
    case 'layer':
      return msg`the layer ${v.kind === 'layer' ? v.instance.spec.name : v.spec.name}`;
    case 'definition':
      return describeDefinition(v.definition);
    case 'block':
      return describeDefinition(v.instance.definition);
    case 'function':
      return msg`the function ${v.spec.name}`;
    case 'name':
      return msg`the name ${v.name}`;
    case 'unknown':
      return msg`an unknown value`;
  }
}

/** `the model Encoder`, `the block VGGBlock`, `the loss Dice`, `the pipeline Detect`: one sentence each, so a translation can name the kind in its own words. */
function describeDefinition(def: Definition): string {
  const name = def.name.name;
  switch (def.defKind) {
    case 'model':
      return msg`the model ${name}`;
    case 'block':
      return msg`the block ${name}`;
    case 'loss':
      return msg`the loss ${name}`;
    case 'pipeline':
      return msg`the pipeline ${name}`;
  }
}

/** `an empty list`, `a list of 3 tensors`, `a list of 1 int`, `a list of 4 values` (of mixed kinds). */
function describeList(items: readonly Value[]): string {
  if (items.length === 0) return msg`an empty list`;
  const kinds = new Set(items.map((i) => i.kind));
  const kind = kinds.size === 1 ? items[0]!.kind : kinds.size === 2 && kinds.has('int') && kinds.has('float') ? 'number' : 'value';
  const describe = LIST_OF[kind] ?? LIST_OF['value']!;
  return describe(items.length);
}

/** A list of n items of one kind, each phrase whole (a translation words its count and noun together). */
const LIST_OF: Readonly<Record<string, (n: number) => string>> = {
  tensor: (n) => (n === 1 ? msg`a list of 1 tensor` : msg`a list of ${n} tensors`),
  int: (n) => (n === 1 ? msg`a list of 1 int` : msg`a list of ${n} ints`),
  float: (n) => (n === 1 ? msg`a list of 1 float` : msg`a list of ${n} floats`),
  bool: (n) => (n === 1 ? msg`a list of 1 bool` : msg`a list of ${n} bools`),
  string: (n) => (n === 1 ? msg`a list of 1 string` : msg`a list of ${n} strings`),
  list: (n) => (n === 1 ? msg`a list of 1 list` : msg`a list of ${n} lists`),
  number: (n) => (n === 1 ? msg`a list of 1 number` : msg`a list of ${n} numbers`),
  value: (n) => (n === 1 ? msg`a list of 1 value` : msg`a list of ${n} values`),
};
