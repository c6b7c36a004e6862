// A traced graph (core/graph) as model.py: one nn.Module whose attributes
// are the model's layers, named after their paths in the .nn file
// (`VGGBlock_1/Conv2D_2` -> `self.VGGBlock_1_Conv2D_2`; a layer applied
// twice is one attribute), and whose forward pass computes the nodes in the
// graph's order (the order of the source), one line each with its shape.
// Inputs and outputs keep the .nn model's order and channels-last layout.
// Also returned: where each weight goes (weights.ts converts them).

import { msg } from '../../../core/i18n/message.js';
import type { Graph, GraphNode, RuntimeDim } from '../../../core/graph/graph.js';
import { ArgReader } from '../../compile/graph-args.js';
import type { EmitContext, Emitter, WeightMove } from './emitter.js';
import { UnsupportedError } from './emitter.js';
import { FUNCTION_EMITTERS, operatorEmitter, sliceEmitter, unaryEmitter } from './function-emitters.js';
import { LAYER_EMITTERS } from './layer-emitters.js';
import { PRELUDE, PRELUDE_ORDER } from './prelude.js';
import { Identifiers, pyDim, pyString, shapeComment } from './python-text.js';

/** One weight of the PyTorch module: its state-dict key, and the TensorFlow.js layer and weight it comes from. */
export interface WeightPlacement {
  key: string;
  /** the NnLayer's name in the compiled model */
  layer: string;
  weight: string;
  move: WeightMove;
}

export interface GeneratedModule {
  className: string;
  source: string;
  weights: WeightPlacement[];
  /** state entries that are int64 counters (BatchNorm's num_batches_tracked) */
  counters: string[];
}

/** What the export cannot write: the kinds (`Conv2DTranspose with groups`, `fn:nms`), each once. */
export class UnsupportedModelError extends Error {
  constructor(
    readonly model: string,
    readonly kinds: string[],
  ) {
    super(msg`the PyTorch export does not support yet: ${kinds.join(', ')} (in ${model})`);
  }
}

type ComputeNode = Exclude<GraphNode, { op: 'input' }>;

/** The node's kind as the compiler names it (`Conv2D`, `fn:reshape`, `binary:+`). */
export function nodeKind(node: ComputeNode): string {
  switch (node.op) {
    case 'layer':
    case 'weight':
      return node.spec.name;
    case 'function':
      return `fn:${node.spec.name}`;
    case 'binary':
    case 'unary':
      return `${node.op}:${node.operator}`;
    case 'slice':
      return 'slice';
  }
}

function emitterOf(node: ComputeNode): Emitter | undefined {
  switch (node.op) {
    case 'layer':
    case 'weight':
      return LAYER_EMITTERS[node.spec.name];
    case 'function':
      return FUNCTION_EMITTERS[node.spec.name];
    case 'binary':
      return operatorEmitter(node.operator, node.left, node.right);
    case 'unary':
      return unaryEmitter(node.operator);
    case 'slice':
      return sliceEmitter;
  }
}

/** Every kind in the graph that has no emitter, each once. */
export function unsupportedKinds(graph: Graph): string[] {
  const missing = new Set<string>();
  for (const node of graph.nodes) if (node.op !== 'input' && !emitterOf(node)) missing.add(nodeKind(node));
  return [...missing];
}

/** The inverse of a permutation, as the Python that moves a PyTorch weight back to TensorFlow.js's layout. */
function backToTfLayout(expr: string, perm: number[] | undefined): string {
  if (!perm) return expr;
  if (perm.length === 2) return `${expr}.t()`;
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return `${expr}.permute(${inverse.join(', ')})`;
}

export function generateModule(graph: Graph, source: { file: string }): GeneratedModule {
  const missing = unsupportedKinds(graph);
  if (missing.length > 0) throw new UnsupportedModelError(graph.model, missing);

  const attributes = new Identifiers();
  const variables = new Identifiers();
  const helpers = new Set<string>();
  const moduleLines: string[] = [];
  const forwardLines: string[] = [];
  const weights: WeightPlacement[] = [];
  const counters: string[] = [];
  const problems = new Set<string>();
  let usesBatch = false;

  const className = new Identifiers().claim(graph.model);
  const values: string[][] = [];
  const inputNames = graph.inputs.map((input) => variables.claim(input.name));
  graph.inputs.forEach((input, i) => (values[input.node] = [inputNames[i]!]));

  /** layer identity -> its attribute and the NnLayer holding its weights */
  const owners = new Map<number, { attr: string; emitter: Emitter; context: EmitContext }>();

  const contextFor = (node: ComputeNode, self: string): EmitContext => {
    const args = 'args' in node ? node.args : node.op === 'binary' ? { left: node.left, right: node.right } : {};
    return {
      args: new ArgReader(args, nodeKind(node)),
      rawArgs: args,
      inputs: node.inputs.map((ref) => graph.nodes[ref.node]!.outputs[ref.output]!),
      outputs: node.outputs,
      ...(node.op === 'slice' ? { axes: node.axes } : {}),
      ins: node.inputs.map((ref) => values[ref.node]![ref.output]!),
      self,
      dim(d: RuntimeDim) {
        if (typeof d !== 'number') usesBatch = true;
        return pyDim(d);
      },
      need: (helper) => helpers.add(helper),
    };
  };

  /** Creates the attribute of a layer (its first application, or a weight read of a layer never applied). */
  const addModule = (node: ComputeNode & { layer: number }, emitter: Emitter): string => {
    const attr = attributes.claim(node.name);
    const context = contextFor(node, `self.${attr}`);
    const ctor = emitter.module?.(context) ?? '';
    if (ctor !== '') {
      moduleLines.push(`self.${attr} = ${ctor}`);
      const moves = emitter.weights?.(context) ?? {};
      for (const [weight, move] of Object.entries(moves)) weights.push({ key: `${attr}.${move.torch}`, layer: node.name, weight, move });
      for (const counter of emitter.counters?.(context) ?? []) counters.push(`${attr}.${counter}`);
    }
    owners.set(node.layer, { attr, emitter, context });
    return attr;
  };

  for (const node of graph.nodes) {
    if (node.op === 'input') continue;
    const emitter = emitterOf(node)!;
    try {
      let expr: string;
      if (node.op === 'weight') {
        const owner = owners.get(node.layer) ?? (graph.nodes.some((n) => n.op === 'layer' && n.layer === node.layer && n.id > node.id) ? undefined : { attr: addModule(node, emitter), emitter });
        if (!owner) throw new UnsupportedError(msg`${node.spec.name}.${node.weight} read before the layer is applied`);
        const move = emitter.weights?.(contextFor(node, `self.${owner.attr}`))[node.weight];
        if (!move) throw new UnsupportedError(msg`the weight ${node.spec.name}.${node.weight}`);
        expr = backToTfLayout(`self.${owner.attr}.${move.torch}`, move.perm);
      } else if (node.op === 'layer') {
        const attr = owners.get(node.layer)?.attr ?? addModule(node, emitter);
        expr = emitter.forward(contextFor(node, `self.${attr}`));
      } else {
        expr = emitter.forward(contextFor(node, ''));
      }
      const base = variables.claim(node.name.toLowerCase());
      const names = node.outputs.length === 1 ? [base] : node.outputs.map((_, i) => `${base}_${i}`);
      values[node.id] = names;
      const shapes = node.outputs.map((t) => shapeComment(t, graph.batch)).join(', ');
      forwardLines.push(`${names.join(', ')} = ${expr}  # ${shapes}`);
    } catch (e) {
      if (!(e instanceof UnsupportedError)) throw e;
      problems.add(e.message);
      values[node.id] = node.outputs.map(() => 'None');
    }
  }
  if (problems.size > 0) throw new UnsupportedModelError(graph.model, [...problems]);

  const outputs = graph.outputs.map((o) => values[o.ref.node]![o.ref.output]!);
  const io = (list: { name: string; type: { shape: RuntimeDim[]; dtype: string } }[]) =>
    list.map((t) => `    (${pyString(t.name)}, [${t.type.shape.map((d) => (typeof d === 'number' ? d : 'None')).join(', ')}], ${pyString(t.type.dtype)}),`).join('\n');
  const describe = (list: { name: string; type: Parameters<typeof shapeComment>[0] }[]) => list.map((t) => `        ${t.name}: ${shapeComment(t.type, graph.batch)}`).join('\n');

  const body = [
    `class ${className}(nn.Module):`,
    `    """${graph.model} from ${source.file}: ${graph.params.trainable.toLocaleString('en-US')} trainable parameters.`,
    '',
    '    Inputs (in this order, channels-last as in the .nn file):',
    describe(graph.inputs),
    '    Outputs:',
    describe(graph.outputs.map((o) => ({ name: o.name, type: o.type }))),
    '    """',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...(moduleLines.length > 0 ? moduleLines.map((l) => `        ${l}`) : ['        pass']),
    '',
    `    def forward(self, ${inputNames.join(', ')}):`,
    ...(usesBatch ? [`        batch = ${inputNames[0]}.shape[0]`] : []),
    ...forwardLines.map((l) => `        ${l}`),
    `        return ${outputs.length === 1 ? outputs[0] : outputs.join(', ')}`,
  ];

  const sourceText = [
    `"""${graph.model}, exported from ${source.file} by \`nn export --to pytorch\`.`,
    '',
    'The module computes in the .nn model\'s layout (channels-last: [B, H, W, C]);',
    'convolutions and pools see their inputs through channels_first(...), a view.',
    '`load()` builds it with the weights in weights.safetensors beside this file.',
    '"""',
    '',
    'import math',
    'from pathlib import Path',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn',
    '',
    '# (name, shape with None for the batch, dtype) of each input and output, in order',
    `INPUTS = [\n${io(graph.inputs)}\n]`,
    `OUTPUTS = [\n${io(graph.outputs.map((o) => ({ name: o.name, type: o.type })))}\n]`,
    '',
    ...PRELUDE_ORDER.filter((h) => helpers.has(h)).flatMap((h) => ['', PRELUDE[h]!, '']),
    '',
    ...body,
    '',
    '',
    'def load(path=None, device="cpu"):',
    `    """${graph.model} with its weights (weights.safetensors beside this file, or \`path\`), in eval mode."""`,
    '    from safetensors.torch import load_file',
    '',
    `    model = ${className}()`,
    '    weights = Path(__file__).with_name("weights.safetensors") if path is None else Path(path)',
    '    model.load_state_dict(load_file(str(weights), device=device))',
    '    return model.to(device).eval()',
    '',
  ];
  return { className, source: sourceText.join('\n'), weights, counters };
}
