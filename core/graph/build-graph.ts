// From traced tensors back to a graph: a depth-first walk from the outputs
// along `TensorValue.source`, giving each application one node in
// dependency order. A tensor without a source (something tracing does not
// cover yet) makes the whole model fail to compile, naming its place.

import type { Range } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import type { Dim } from '../shapes/dim.js';
import { formatDim, isConst } from '../shapes/dim.js';
import type { TensorSource, TensorValue, Value } from '../values.js';
import type { Graph, GraphArg, GraphNode, TensorRef, TensorType } from './graph.js';
import { toRuntimeDim } from './runtime-dim.js';
import type { TraceResult } from './trace.js';

export interface Traced {
  model: string;
  batch: string;
  inputs: { name: string; tensor: TensorValue }[];
  outputs: { name: string; value: Value }[];
  params: { trainable: Dim; nonTrainable: Dim };
  file: string;
}

class CannotCompile extends Error {
  constructor(
    message: string,
    readonly range?: Range,
    readonly file?: string,
  ) {
    super(message);
  }
}

export function buildGraph(traced: Traced): TraceResult {
  try {
    return { ok: true, graph: new GraphBuilder(traced).build() };
  } catch (e) {
    if (!(e instanceof CannotCompile)) throw e;
    return { ok: false, message: e.message, diagnostics: [], ...(e.range ? { range: e.range } : {}), ...(e.file ? { file: e.file } : {}) };
  }
}

class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  /** one node per application: keyed by what the outputs of one application share */
  private readonly byApplication = new Map<object, number>();
  private readonly nameCounts = new Map<string, number>();

  constructor(private readonly traced: Traced) {}

  build(): Graph {
    const { traced } = this;
    const inputs = traced.inputs.map(({ name, tensor }) => {
      const ref = this.visit(tensor);
      return { name, node: ref.node, type: this.typeOf(tensor) };
    });
    const outputs = traced.outputs.map(({ name, value }) => {
      if (value.kind !== 'tensor') throw new CannotCompile(msg`output ${name} is not a tensor`);
      return { name, ref: this.visit(value), type: this.typeOf(value) };
    });
    const count = (d: Dim, notANumber: (count: string) => string): number => {
      if (!isConst(d)) throw new CannotCompile(notANumber(formatDim(d)));
      return d;
    };
    return {
      model: traced.model,
      batch: traced.batch,
      inputs,
      outputs,
      nodes: this.nodes,
      params: {
        trainable: count(traced.params.trainable, (n) => msg`the model's trainable weight count ${n} is not a number`),
        nonTrainable: count(traced.params.nonTrainable, (n) => msg`the model's non-trainable weight count ${n} is not a number`),
      },
    };
  }

  /** The node output a tensor is: creates its node (and its inputs' nodes) the first time. */
  private visit(t: TensorValue): TensorRef {
    const source = t.source;
    if (!source) throw new CannotCompile(msg`cannot compile ${t.origin.what} yet`, t.origin.range, t.origin.file);
    const key = applicationKey(source);
    const known = this.byApplication.get(key);
    if (known !== undefined) return { node: known, output: outputIndex(source) };
    const node = this.createNode(source, t);
    this.byApplication.set(key, node.id);
    return { node: node.id, output: outputIndex(source) };
  }

  private createNode(source: TensorSource, t: TensorValue): GraphNode {
    const inputs: TensorRef[] = [];
    const arg = (v: Value): GraphArg => this.arg(v, inputs, t);
    let node: GraphNode;
    const base = (name: string) => ({ id: -1, inputs, outputs: [] as TensorType[], name: this.uniqueName(name) });
    switch (source.op) {
      case 'input':
        node = { ...base(source.name), op: 'input', input: source.index };
        break;
      case 'layer': {
        const { layer, path } = source.application;
        for (const x of source.application.inputs) inputs.push(this.visit(x));
        const args = Object.fromEntries(Object.entries(layer.args).map(([k, v]) => [k, arg(v)]));
        const name = path.split('/').slice(1).join('/') || layer.spec.name;
        node = { id: -1, inputs, outputs: [], name, op: 'layer', spec: layer.spec, layer: layer.id, args };
        break;
      }
      case 'function': {
        const { spec } = source.call;
        const args = Object.fromEntries(Object.entries(source.call.args).map(([k, v]) => [k, arg(v)]));
        node = { ...base(spec.name), op: 'function', spec, args };
        break;
      }
      case 'binary': {
        const left = arg(source.left);
        const right = arg(source.right);
        node = { ...base('op'), op: 'binary', operator: source.operator, left, right };
        break;
      }
      case 'unary':
        inputs.push(this.visit(source.operand));
        node = { ...base('op'), op: 'unary', operator: source.operator };
        break;
      case 'slice':
        inputs.push(this.visit(source.target));
        node = { ...base('slice'), op: 'slice', axes: source.axes };
        break;
      case 'weight': {
        const { layer } = source;
        const args = Object.fromEntries(Object.entries(layer.args).map(([k, v]) => [k, arg(v)]));
        const owner = source.path.split('/').slice(1).join('/') || source.path;
        node = { ...base(`${owner}_${source.weight}`), op: 'weight', spec: layer.spec, layer: layer.id, args, weight: source.weight };
        break;
      }
    }
    node.id = this.nodes.length;
    this.nodes.push(node);
    const all = source.op === 'layer' ? source.application.outputs : source.op === 'function' ? source.call.outputs : [t];
    node.outputs = all.map((o) => this.typeOf(o));
    return node;
  }

  /** An argument with its tensors turned into the node's inputs. */
  private arg(v: Value, inputs: TensorRef[], at: TensorValue): GraphArg {
    switch (v.kind) {
      case 'tensor':
        inputs.push(this.visit(v));
        return { kind: 'tensor', index: inputs.length - 1 };
      case 'int':
        return { kind: 'int', value: this.runtimeDim(v.value, at) };
      case 'float':
      case 'bool':
      case 'string':
        return { kind: v.kind, value: v.value } as GraphArg;
      case 'name':
        return { kind: 'string', value: v.name };
      case 'list':
      case 'tuple':
        return { kind: 'list', items: v.items.map((i) => this.arg(i, inputs, at)) };
      default:
        throw new CannotCompile(v.kind === 'unknown' ? msg`cannot compile an argument that is unknown` : msg`cannot compile an argument that is a ${v.kind}`, at.origin.range, at.origin.file);
    }
  }

  private typeOf(t: TensorValue): TensorType {
    return { shape: t.shape.map((d) => this.runtimeDim(d, t)), dtype: t.dtype };
  }

  private runtimeDim(d: Dim, at: TensorValue) {
    const r = toRuntimeDim(d, this.traced.batch);
    if (r === undefined) throw new CannotCompile(msg`the size ${formatDim(d)} of ${at.origin.what} is not known when the batch size is`, at.origin.range, at.origin.file);
    return r;
  }

  private uniqueName(name: string): string {
    const n = (this.nameCounts.get(name) ?? 0) + 1;
    this.nameCounts.set(name, n);
    return `${name}_${n}`;
  }
}

/** What the outputs of one application share. */
function applicationKey(source: TensorSource): object {
  if (source.op === 'layer') return source.application;
  if (source.op === 'function') return source.call;
  return source;
}

function outputIndex(source: TensorSource): number {
  return source.op === 'layer' || source.op === 'function' ? source.output : 0;
}
