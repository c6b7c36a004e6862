// The compiler's last step: a traced graph becomes a tf.LayersModel through
// the functional API. Each node is one NnLayer; applications of one layer
// (a `let`-bound layer, a block applied twice) reuse one NnLayer, so they
// share its weights. A layer's weight read by name (`embed.embeddings`) is a
// node that reads the variable of that layer's NnLayer (tied weights: one
// variable, trained from every use); a layer only read, never applied, is
// one NnLayer whose applications return that weight.

import type { Graph, GraphNode } from '../../core/graph/graph.js';
import type { LayersModel, SymbolicTensor, TF } from '../tf-types.js';
import { type NnLayerConfig, registerNnLayer } from './nn-layer.js';

export interface CompileOptions {
  /** a seed for the initial weights: the same seed gives the same model */
  seed?: number;
}

type Layer = import('@tensorflow/tfjs').layers.Layer;

export function compileGraph(tf: TF, graph: Graph, options: CompileOptions = {}): LayersModel {
  const NnLayer = registerNnLayer(tf);
  const outputs: SymbolicTensor[][] = [];
  const shared = new Map<number, Layer>();
  let seed = options.seed;
  const modelInputs: SymbolicTensor[] = [];
  const owners = ownerNames(graph);

  for (const node of graph.nodes) {
    if (node.op === 'input') {
      const type = node.outputs[0]!;
      const input = tf.input({ shape: type.shape.slice(1).map((d) => (typeof d === 'number' ? d : null)), dtype: type.dtype, name: node.name });
      modelInputs.push(input);
      outputs[node.id] = [input];
      continue;
    }
    const owner = node.op === 'weight' ? owners.get(node.layer) : undefined;
    const ownsWeights = node.op === 'layer' || (node.op === 'weight' && owner === undefined);
    let layer = ownsWeights ? shared.get((node as { layer: number }).layer) : undefined;
    if (!layer) {
      const config = layerConfig(node, graph);
      if (node.op === 'weight') {
        if (owner !== undefined) config.sharedWeight = { layer: owner, weight: node.weight };
        else config.read = node.weight;
      }
      if (seed !== undefined) {
        config.seed = seed;
        seed += 1000;
      }
      layer = new NnLayer(config);
      if (ownsWeights) shared.set((node as { layer: number }).layer, layer);
    }
    const inputs = unique(node.inputs.map((ref) => outputs[ref.node]![ref.output]!));
    if (needsBatchInput(node, graph)) inputs.push(modelInputs[0]!);
    const applied = layer.apply(inputs.length === 1 ? inputs[0]! : inputs) as SymbolicTensor | SymbolicTensor[];
    outputs[node.id] = Array.isArray(applied) ? applied : [applied];
  }
  return tf.model({
    inputs: graph.inputs.map((i) => outputs[i.node]![0]!),
    outputs: graph.outputs.map((o) => outputs[o.ref.node]![o.ref.output]!),
    name: graph.model,
  });
}

/** The name of each layer's NnLayer, by the layer's identity: its first application's (layers only read have none). */
function ownerNames(graph: Graph): Map<number, string> {
  const names = new Map<number, string>();
  for (const node of graph.nodes) if (node.op === 'layer' && !names.has(node.layer)) names.set(node.layer, node.name);
  return names;
}

/** Each tensor once: tfjs counts a node's inputs to know when to free them, and a repeated input confuses the count. */
function unique(tensors: SymbolicTensor[]): SymbolicTensor[] {
  return [...new Set(tensors)];
}

/** For a node whose inputs repeat, where each of its inputs is among the unique ones. */
function inputOrder(node: GraphNode): number[] | undefined {
  const keys = node.inputs.map((ref) => `${ref.node}:${ref.output}`);
  const distinct = [...new Set(keys)];
  return distinct.length === keys.length ? undefined : keys.map((k) => distinct.indexOf(k));
}

/** Whether no input of the node has a size that depends on the batch. */
function needsBatchInput(node: GraphNode, graph: Graph): boolean {
  return !node.inputs.some((ref) => graph.nodes[ref.node]!.outputs[ref.output]!.shape.some((d) => typeof d !== 'number'));
}

function layerConfig(node: Exclude<GraphNode, { op: 'input' }>, graph: Graph): NnLayerConfig {
  const base: Omit<NnLayerConfig, 'kind' | 'args'> = {
    name: node.name,
    inputTypes: node.inputs.map((ref) => graph.nodes[ref.node]!.outputs[ref.output]!),
    outputTypes: node.outputs,
    ...(needsBatchInput(node, graph) ? { batchInput: true } : {}),
  };
  const order = inputOrder(node);
  if (order) base.inputOrder = order;
  switch (node.op) {
    case 'layer':
      return { ...base, kind: node.spec.name, args: node.args };
    case 'function':
      return { ...base, kind: `fn:${node.spec.name}`, args: node.args };
    case 'binary':
      return { ...base, kind: `binary:${node.operator}`, args: { left: node.left, right: node.right } };
    case 'unary':
      return { ...base, kind: `unary:${node.operator}`, args: {} };
    case 'slice':
      return { ...base, kind: 'slice', args: {}, axes: node.axes };
    case 'weight':
      return { ...base, kind: node.spec.name, args: node.args };
  }
}
