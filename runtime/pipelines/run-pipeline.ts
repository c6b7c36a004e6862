// The pipeline executor: a traced pipeline (trace-pipeline.ts) evaluated
// node by node, eagerly, with the compiler's kernels (runtime/compile/
// kernels). A layer inside an applied model computes with that model's
// trained weights: its path in the pipeline, less the model application's
// prefix, is its name in the model traced alone, which names its weights
// (`ConvLeaky_1/Conv2D_1/kernel`). Sizes only the run decides (the K1 boxes
// nms keeps) are learnt from the first tensor that has them.

import { msg } from '../../core/i18n/message.js';
import type { GraphArg, TensorType } from '../../core/graph/graph.js';
import { type Dim, formatDim, isConst, substitute, symbolName } from '../../core/shapes/dim.js';
import { ArgReader } from '../compile/graph-args.js';
import type { CallContext } from '../compile/kernel.js';
import { findKernel } from '../compile/kernels/index.js';
import { randomSource } from '../compile/random-source.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import type { ModelApplication, PipelineArg, PipelineGraph, PipelineNode } from './pipeline-graph.js';
import { PipelineError } from './trace-pipeline.js';

/** The pipeline's outputs by name, in order. */
export type PipelineOutputs = { name: string; tensor: Tensor }[];

/**
 * Runs the pipeline on `inputs` (one tensor per input, of the traced shapes)
 * with `models`: each applied model, compiled with its trained weights, by
 * its name. The outputs are the caller's to dispose.
 */
export function runPipeline(tf: TF, graph: PipelineGraph, inputs: Tensor[], models: Readonly<Record<string, LayersModel>>): PipelineOutputs {
  const weights = weightsByLayer(graph, models);
  const sizes = new Map<string, Dim>();
  return tf.tidy(() => {
    const values: Tensor[][] = [];
    for (const node of graph.nodes) {
      if (node.op === 'input') {
        values[node.id] = [inputs[node.input]!];
        continue;
      }
      const tensors = node.inputs.map((ref) => values[ref.node]![ref.output]!);
      const out = callNode(tf, node, tensors, weights.get(node.id), sizes);
      values[node.id] = out;
      node.outputs.forEach((type, i) => learnSizes(type.shape, out[i]!.shape, sizes));
    }
    return graph.outputs.map((o) => ({ name: o.name, tensor: values[o.ref.node]![o.ref.output]! }));
  }) as unknown as PipelineOutputs;
}

/** One node's kernel applied to its input tensors. */
function callNode(tf: TF, node: Exclude<PipelineNode, { op: 'input' }>, inputs: Tensor[], weights: LayerWeights | undefined, sizes: ReadonlyMap<string, Dim>): Tensor[] {
  const { kind, args } = kernelOf(node, sizes);
  const reader = new ArgReader(args, kind);
  const context: CallContext = {
    tf,
    args: reader,
    inputs: inputs.map((t) => ({ shape: t.shape, dtype: t.dtype as TensorType['dtype'] })),
    outputs: node.outputs.map((o) => ({ shape: o.shape.map((d) => concrete(d, sizes) ?? -1), dtype: o.dtype })),
    ...(node.op === 'slice' ? { axes: node.axes } : {}),
    training: false,
    batch: 1,
    weight: (name) => {
      const w = weights?.model.get(`${weights.layer}/${name}`);
      if (!w) throw new PipelineError(weights ? msg`the trained weights have no ${weights.layer}/${name}: they were saved from another version of the model` : msg`${node.name} is not inside a model, so it has no trained weights`);
      return w;
    },
    assign: () => undefined,
    random: randomSource(tf, undefined),
  };
  const out = findKernel(kind).call(context, inputs);
  return Array.isArray(out) ? out : [out];
}

/** The kernel's kind and the node's arguments with every size a number. */
function kernelOf(node: Exclude<PipelineNode, { op: 'input' }>, sizes: ReadonlyMap<string, Dim>): { kind: string; args: Record<string, GraphArg> } {
  const resolve = (a: PipelineArg): GraphArg => {
    if (a.kind === 'list') return { kind: 'list', items: a.items.map(resolve) };
    if (a.kind !== 'int') return a;
    const value = concrete(a.value, sizes);
    if (value === undefined) throw new PipelineError(msg`${node.name}: the size ${formatDim(a.value)} is not known yet when it runs`);
    return { kind: 'int', value };
  };
  const all = (args: Record<string, PipelineArg>) => Object.fromEntries(Object.entries(args).map(([k, v]) => [k, resolve(v)]));
  switch (node.op) {
    case 'layer':
      return { kind: node.spec.name, args: all(node.args) };
    case 'function':
      return { kind: `fn:${node.spec.name}`, args: all(node.args) };
    case 'binary':
      return { kind: `binary:${node.operator}`, args: { left: resolve(node.left), right: resolve(node.right) } };
    case 'unary':
      return { kind: `unary:${node.operator}`, args: {} };
    case 'slice':
      return { kind: 'slice', args: {} };
  }
}

/** A size as a number, when it is one with what the run has learnt. */
function concrete(d: Dim, sizes: ReadonlyMap<string, Dim>): number | undefined {
  const v = isConst(d) ? d : substitute(d, sizes);
  return isConst(v) ? v : undefined;
}

/** Binds each size that is a bare name the run has not decided yet to the tensor's size on that axis. */
function learnSizes(declared: readonly Dim[], actual: readonly number[], sizes: Map<string, Dim>): void {
  declared.forEach((d, axis) => {
    if (isConst(d) || concrete(d, sizes) !== undefined) return;
    const symbol = symbolName(d);
    if (symbol !== undefined && actual[axis] !== undefined) sizes.set(symbol, actual[axis]!);
  });
}

/** A layer's trained weights: the weights of the model it belongs to, and its name there. */
interface LayerWeights {
  model: ReadonlyMap<string, Tensor>;
  layer: string;
}

/** The trained weights of each layer node that belongs to an applied model. */
function weightsByLayer(graph: PipelineGraph, models: Readonly<Record<string, LayersModel>>): Map<number, LayerWeights> {
  const byModel = new Map<string, Map<string, Tensor>>();
  for (const [name, model] of Object.entries(models)) byModel.set(name, new Map(model.weights.map((w) => [w.originalName, w.read()])));
  const out = new Map<number, LayerWeights>();
  for (const node of graph.nodes) {
    if (node.op !== 'layer') continue;
    const application = applicationOf(graph.models, node.path);
    // a layer of the pipeline's own has no trained weights (its kernel says so if it needs some)
    if (!application) continue;
    const model = byModel.get(application.model);
    if (!model) throw new PipelineError(msg`${graph.pipeline} applies ${application.model}, whose weights were not loaded`);
    out.set(node.id, { model, layer: node.path.slice(application.path.length) });
  }
  return out;
}

function applicationOf(models: readonly ModelApplication[], path: string): ModelApplication | undefined {
  return models.find((m) => path.startsWith(m.path));
}
