// What a model's output holds, read from its traced graph, for the built-in
// losses that take probabilities: `crossentropy` wants rows that sum to 1
// (a Softmax), `binary_crossentropy` values in [0, 1] (a Sigmoid). A model
// that ends in raw scores (a linear Dense, as PyTorch's CrossEntropyLoss
// expects) trains with such a loss to a small loss and poor accuracy, with
// nothing said. Only what the graph shows for certain is judged: an output
// from an unknown computation is left alone.

import type { Graph, GraphNode, TensorRef } from '../graph/graph.js';
import { msg } from '../i18n/message.js';

export type OutputKind =
  /** rows that sum to 1: Softmax */
  | { kind: 'distribution' }
  /** each value in [0, 1]: Sigmoid */
  | { kind: 'probability' }
  /** scores of any sign or size: a linear Dense, ReLU, a sum */
  | { kind: 'scores'; producer: string; how: string }
  | { kind: 'unknown' };

/** Layers that move values without changing them (the batch's rows keep what they hold). */
const PASS_THROUGH_LAYERS = new Set(['Identity', 'Flatten', 'Reshape', 'Permute', 'Transpose', 'Dropout', 'DropPath']);
const PASS_THROUGH_FUNCTIONS = new Set(['reshape', 'transpose', 'squeeze', 'expand_dims', 'flatten']);

/** The kind of the value that `ref` names. */
export function outputKind(graph: Graph, ref: TensorRef): OutputKind {
  let node: GraphNode | undefined = graph.nodes[ref.node];
  while (node && passesThrough(node)) node = graph.nodes[node.inputs[0]!.node];
  if (!node) return { kind: 'unknown' };
  if (node.op === 'layer') {
    const activation = node.args.activation;
    if (activation?.kind === 'string') return ofActivation(activation.value, node.name, msg`activation "${activation.value}"`);
    if (node.spec.category === 'activation') return ofActivation(node.spec.name.toLowerCase(), node.name, node.spec.name);
    return { kind: 'unknown' };
  }
  if (node.op === 'function') {
    if (node.spec.name === 'softmax') return { kind: 'distribution' };
    if (node.spec.name === 'sigmoid') return { kind: 'probability' };
    if (node.spec.name === 'matmul') return { kind: 'scores', producer: node.name, how: msg`a matrix product` };
    return { kind: 'unknown' };
  }
  if (node.op === 'binary' && ['+', '-', '@'].includes(node.operator)) return { kind: 'scores', producer: node.name, how: `'${node.operator}'` };
  return { kind: 'unknown' };
}

function passesThrough(node: GraphNode): boolean {
  if (node.inputs.length === 0) return false;
  if (node.op === 'slice') return true;
  if (node.op === 'layer') return PASS_THROUGH_LAYERS.has(node.spec.name);
  return node.op === 'function' && PASS_THROUGH_FUNCTIONS.has(node.spec.name);
}

function ofActivation(name: string, producer: string, how: string): OutputKind {
  if (name === 'softmax') return { kind: 'distribution' };
  if (name === 'sigmoid') return { kind: 'probability' };
  return { kind: 'scores', producer, how };
}

/**
 * Why a built-in loss cannot train on the model's first output, or
 * undefined: it can, or the graph does not say.
 */
export function lossOutputProblem(loss: string, graph: Graph): string | undefined {
  const output = graph.outputs[0];
  if (!output) return undefined;
  const kind = outputKind(graph, output.ref);
  if (kind.kind !== 'scores') return undefined;
  if (loss === 'crossentropy' || loss === 'sparse_crossentropy') {
    return msg`the loss ${loss} takes class probabilities, but ${graph.model}'s output comes from ${kind.producer} (${kind.how}), which gives unbounded scores: end the model with Softmax (\`-> Softmax\`)`;
  }
  if (loss === 'binary_crossentropy') {
    return msg`the loss binary_crossentropy takes probabilities in [0, 1], but ${graph.model}'s output comes from ${kind.producer} (${kind.how}), which gives unbounded scores: end the model with Sigmoid (\`-> Sigmoid\`)`;
  }
  return undefined;
}
