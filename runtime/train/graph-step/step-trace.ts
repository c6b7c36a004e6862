// Records what a function asks of TensorFlow through tfjs-node's native
// binding while it runs eagerly: every op (its name, attributes, input and
// output tensor handles), every tensor made from JavaScript values, and
// every tensor read back. A training step recorded this way is the list of
// TensorFlow ops that graph-def.ts turns into one graph: forward pass, tfjs's
// gradients and the optimizer's update, exactly as tfjs ran them.

import type { Tensor, TF } from '../../tf-types.js';

/** A tfjs-node op attribute, as the binding takes it. */
export interface OpAttr {
  name: string;
  type: number;
  value: unknown;
}

/** A tensor handle of the binding: its id, shape and TensorFlow dtype (a TF_DataType). */
export interface HandleInfo {
  id: number;
  shape: number[];
  dtype: number;
}

export interface TracedOp {
  op: string;
  attrs: OpAttr[];
  /** input handle ids */
  inputs: number[];
  outputs: HandleInfo[];
}

/** A tensor made from JavaScript values while the function ran (a scalar of tfjs's, a constant). */
export interface CreatedTensor extends HandleInfo {
  /** its bytes, as TensorFlow lays them out */
  bytes: Uint8Array;
}

/** A handle read back into JavaScript while the function ran, and how many ops had run by then. */
export interface TracedRead {
  id: number;
  opsBefore: number;
}

export interface StepTrace {
  ops: TracedOp[];
  created: CreatedTensor[];
  reads: TracedRead[];
}

/** The part of tfjs-node's binding that a trace watches. */
export interface NativeBinding {
  executeOp(name: string, attrs: OpAttr[], inputs: number[], outputs: number): HandleInfo[];
  createTensor(shape: number[], dtype: number, values: ArrayLike<unknown>): number;
  tensorDataSync(id: number): ArrayBufferView;
  TF_FLOAT: number;
  TF_INT32: number;
  TF_INT64: number;
  TF_BOOL: number;
  TF_STRING: number;
  TF_UINT8: number;
  TF_COMPLEX64: number;
  TF_ATTR_STRING: number;
  TF_ATTR_INT: number;
  TF_ATTR_FLOAT: number;
  TF_ATTR_BOOL: number;
  TF_ATTR_TYPE: number;
  TF_ATTR_SHAPE: number;
}

/** tfjs-node's backend, as far as tracing and running a graph needs it. */
export interface NodeBackend {
  binding: NativeBinding;
  tensorMap: { get(dataId: object): { id: number; values: unknown } | undefined };
  getInputTensorIds(tensors: Tensor[]): number[];
  loadSavedModelMetaGraph(path: string, tags: string): number;
  runSavedModel(id: number, inputs: Tensor[], inputInfos: { name: string }[], outputNames: string[]): Tensor[];
  deleteSavedModel(id: number): void;
}

/** tfjs-node's backend when `tf` runs on it (CPU or GPU build), else undefined. */
export function nodeBackend(tf: TF): NodeBackend | undefined {
  if (tf.getBackend() !== 'tensorflow') return undefined;
  const backend = tf.backend() as unknown as Partial<NodeBackend>;
  const ok = backend.binding && typeof backend.getInputTensorIds === 'function' && typeof backend.runSavedModel === 'function' && typeof backend.loadSavedModelMetaGraph === 'function' && backend.tensorMap;
  return ok ? (backend as NodeBackend) : undefined;
}

/** The binding's handle id of `tensor`, making the handle first when its values are still in JavaScript. */
export function handleId(backend: NodeBackend, tensor: Tensor): number {
  return backend.getInputTensorIds([tensor])[0]!;
}

/** Runs `fn` eagerly, recording what it asks of the native binding. */
export function traceNative<T>(backend: NodeBackend, fn: () => T): { result: T; trace: StepTrace } {
  const trace: StepTrace = { ops: [], created: [], reads: [] };
  const native = backend.binding;
  // the addon's functions are read-only: the backend gets a binding of its own that inherits them
  const recording = Object.create(native) as NativeBinding;
  // defined, not assigned: the inherited methods are read-only
  const define = <K extends 'executeOp' | 'createTensor' | 'tensorDataSync'>(key: K, value: NativeBinding[K]) => Object.defineProperty(recording, key, { value, writable: true, configurable: true });
  define('executeOp', (name, attrs, inputs, outputs) => {
    const result = native.executeOp(name, attrs, inputs, outputs);
    trace.ops.push({ op: name, attrs: attrs.map(copyAttr), inputs: [...inputs], outputs: result.map((r) => ({ id: r.id, shape: [...r.shape], dtype: r.dtype })) });
    return result;
  });
  define('createTensor', (shape, dtype, values) => {
    const id = native.createTensor(shape, dtype, values);
    trace.created.push({ id, shape: [...shape], dtype, bytes: bytesOf(values, dtype, native) });
    return id;
  });
  define('tensorDataSync', (id) => {
    trace.reads.push({ id, opsBefore: trace.ops.length });
    return native.tensorDataSync(id);
  });
  backend.binding = recording;
  try {
    return { result: fn(), trace };
  } finally {
    backend.binding = native;
  }
}

/**
 * The reads whose values the function could have computed with. tfjs-node's
 * GatherV2 kernel reads its indices only to check their bounds before it
 * runs the op on them, and TensorFlow's GatherV2 checks them too (an index
 * out of bounds fails the graph's run); every other read could steer the
 * ops that follow.
 */
export function valueReads(trace: StepTrace): TracedRead[] {
  return trace.reads.filter((read) => {
    const next = trace.ops[read.opsBefore];
    return !(next?.op === 'GatherV2' && next.inputs[1] === read.id);
  });
}

function copyAttr(attr: OpAttr): OpAttr {
  return { name: attr.name, type: attr.type, value: Array.isArray(attr.value) ? [...attr.value] : attr.value };
}

/** The bytes of values given to `createTensor`, as TensorFlow lays them out (strings are refused). */
export function bytesOf(values: ArrayLike<unknown>, dtype: number, binding: NativeBinding): Uint8Array {
  if (dtype === binding.TF_STRING) throw new Error('a string tensor');
  if (ArrayBuffer.isView(values)) return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  // a plain array: the binding converts it to the dtype's typed array
  const typed = dtype === binding.TF_FLOAT ? Float32Array.from(values as ArrayLike<number>) : dtype === binding.TF_BOOL || dtype === binding.TF_UINT8 ? Uint8Array.from(values as ArrayLike<number>) : Int32Array.from(values as ArrayLike<number>);
  return new Uint8Array(typed.buffer);
}
