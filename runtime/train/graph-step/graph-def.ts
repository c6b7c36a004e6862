// A recorded step (step-trace.ts) as a TensorFlow GraphDef: each recorded op
// a node with the attributes tfjs gave it; the fed handles (a batch, the
// weights and optimizer state) placeholders; tensors made from JavaScript
// values, and handles that existed before the step but are not fed,
// constants; each wanted handle an Identity node to fetch. Written in the
// protocol-buffer format (protobuf.ts) with TensorFlow's field numbers.

import { ProtoWriter } from './protobuf.js';
import type { HandleInfo, NativeBinding, OpAttr, StepTrace } from './step-trace.js';

/**
 * Type attributes tfjs-node leaves out of some ops, which eager execution
 * infers from the inputs and a GraphDef must hold: for each such op, the
 * attribute and the input whose dtype it is (tfjs-node's kernels that pass
 * no attributes: ExpandDims, Where; LogicalAnd, LogicalOr and LogicalNot
 * have none to pass).
 */
const INFERRED_TYPE_ATTRS: Readonly<Record<string, readonly [attr: string, input: number][]>> = {
  ExpandDims: [
    ['T', 0],
    ['Tdim', 1],
  ],
  Where: [['T', 0]],
};

/** The graph's version: the GraphDef producer of TensorFlow 2.x's graphs (deprecated ops are refused from theirs on). */
const GRAPH_PRODUCER = 1286;

export interface GraphSpec {
  trace: StepTrace;
  /** handles the graph takes as inputs, in order */
  feeds: HandleInfo[];
  /** handles the graph gives back, in order */
  outputs: number[];
  /** the value of a handle used by the step that existed before it and is not fed */
  constant(id: number): HandleInfo & { bytes: Uint8Array };
}

export interface StepGraphDef {
  /** the serialized GraphDef */
  bytes: Uint8Array;
  /** the placeholders' names, in the order of `feeds` */
  feedNames: string[];
  /** the fetched nodes' names, in the order of `outputs` */
  outputNames: string[];
  /** how many of the recorded ops the graph holds */
  ops: number;
}

export function stepGraphDef(spec: GraphSpec, binding: NativeBinding): StepGraphDef {
  const graph = new ProtoWriter();
  const refs = new Map<number, string>();
  const dtypes = new Map<number, number>();
  const node = (name: string, op: string, inputs: string[], attrs: [string, (w: ProtoWriter) => void][]) =>
    graph.message(1, (n) => {
      n.string(1, name).string(2, op);
      for (const input of inputs) n.string(3, input);
      for (const [key, value] of attrs) n.message(5, (entry) => entry.string(1, key).message(2, value));
    });
  const constant = (name: string, t: HandleInfo & { bytes: Uint8Array }) =>
    node(name, 'Const', [], [
      ['dtype', (a) => a.varint(6, t.dtype)],
      ['value', (a) => a.message(8, (tensor) => tensor.varint(1, t.dtype).message(2, (s) => shapeProto(s, t.shape)).bytes(4, t.bytes))],
    ]);

  spec.feeds.forEach((f, i) => {
    const name = `feed_${i}`;
    node(name, 'Placeholder', [], [
      ['dtype', (a) => a.varint(6, f.dtype)],
      ['shape', (a) => a.message(7, (s) => shapeProto(s, f.shape))],
    ]);
    refs.set(f.id, name);
    dtypes.set(f.id, f.dtype);
  });
  spec.trace.created.forEach((c, i) => {
    const name = `value_${i}`;
    constant(name, c);
    refs.set(c.id, name);
    dtypes.set(c.id, c.dtype);
  });
  let outside = 0;
  const refOf = (id: number): string => {
    const known = refs.get(id);
    if (known !== undefined) return known;
    const value = spec.constant(id);
    const name = `outside_${outside++}`;
    constant(name, value);
    refs.set(id, name);
    dtypes.set(id, value.dtype);
    return name;
  };
  spec.trace.ops.forEach((op, k) => {
    const name = `op_${k}`;
    const inputs = op.inputs.map(refOf);
    const given = op.attrs.map((attr): [string, (a: ProtoWriter) => void] => [attr.name, (a) => attrValue(a, attr, binding)]);
    const inferred = (INFERRED_TYPE_ATTRS[op.op] ?? []).filter(([attr]) => !op.attrs.some((a) => a.name === attr)).map(([attr, input]): [string, (a: ProtoWriter) => void] => [attr, (a) => a.varint(6, dtypes.get(op.inputs[input]!)!)]);
    node(name, op.op, inputs, [...given, ...inferred]);
    op.outputs.forEach((o, j) => {
      refs.set(o.id, j === 0 ? name : `${name}:${j}`);
      dtypes.set(o.id, o.dtype);
    });
  });
  const outputNames = spec.outputs.map((id, i) => {
    const name = `output_${i}`;
    const input = refOf(id);
    node(name, 'Identity', [input], [['T', (a) => a.varint(6, dtypes.get(id)!)]]);
    return name;
  });
  graph.message(4, (v) => v.varint(1, GRAPH_PRODUCER));
  return { bytes: graph.finish(), feedNames: spec.feeds.map((_, i) => `feed_${i}`), outputNames, ops: spec.trace.ops.length };
}

/** A TensorShapeProto: its dims (-1: unknown). */
function shapeProto(w: ProtoWriter, shape: readonly number[]): void {
  for (const size of shape) w.message(2, (d) => d.varint(1, size));
}

/** An AttrValue from a tfjs-node op attribute. */
function attrValue(w: ProtoWriter, attr: OpAttr, binding: NativeBinding): void {
  const v = attr.value;
  switch (attr.type) {
    case binding.TF_ATTR_STRING:
      w.string(2, String(v));
      return;
    case binding.TF_ATTR_INT:
      if (Array.isArray(v)) w.message(1, (list) => list.packedVarints(3, v as number[]));
      else w.varint(3, v as number);
      return;
    case binding.TF_ATTR_FLOAT:
      if (Array.isArray(v)) w.message(1, (list) => list.packedFloats(4, v as number[]));
      else w.float(4, v as number);
      return;
    case binding.TF_ATTR_BOOL:
      if (Array.isArray(v)) w.message(1, (list) => list.packedVarints(5, v as boolean[]));
      else w.varint(5, v as boolean);
      return;
    case binding.TF_ATTR_TYPE:
      w.varint(6, v as number);
      return;
    case binding.TF_ATTR_SHAPE:
      w.message(7, (s) => shapeProto(s, v as number[]));
      return;
    default:
      throw new Error(`attribute '${attr.name}' has a type tfjs-node does not send (${attr.type})`);
  }
}

/** A SavedModel holding one graph, tagged `serve`, with no variables: everything the step changes is fed in and fetched out. */
export function savedModelBytes(graphDef: Uint8Array): Uint8Array {
  return new ProtoWriter()
    .varint(1, 1)
    .message(2, (meta) => meta.message(1, (info) => info.string(4, 'serve')).bytes(2, graphDef))
    .finish();
}
