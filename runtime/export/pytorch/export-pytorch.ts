// `nn export --to pytorch`: a compiled model with its weights written as a
// small Python package: model.py (generate-module.ts), weights.safetensors
// (each weight moved to the PyTorch module's layout: Dense and convolution
// kernels transposed, BatchNorm's running statistics as buffers), and a
// README. Weights that are not finite are refused first, as for TensorFlow.js.

import { basename, join } from 'node:path';
import type { Graph } from '../../../core/graph/graph.js';
import { writeFileAtomically } from '../../files/atomic-files.js';
import type { LayersModel, LayerVariable, TF } from '../../tf-types.js';
import { assertFiniteModel } from '../export-model.js';
import { generateModule, type GeneratedModule } from './generate-module.js';
import { encodeSafetensors, type SafeTensor } from './safetensors.js';

export interface PytorchExport {
  /** the .nn file the model comes from */
  file: string;
  /** the checkpoint the weights come from; undefined: the initial weights of a seeded build */
  weightsFrom: string | undefined;
}

/** Writes model.py, weights.safetensors and README.md into `dir`; returns their paths. */
export function exportPytorch(tf: TF, model: LayersModel, graph: Graph, dir: string, from: PytorchExport): string[] {
  const generated = generateModule(graph, { file: basename(from.file) });
  assertFiniteModel(tf, model, from.weightsFrom);
  const tensors = convertWeights(tf, model, generated);
  const metadata = { format: 'pt', model: graph.model, source: basename(from.file), weights: from.weightsFrom ?? 'initial (not trained)' };
  const files = [join(dir, 'weights.safetensors'), join(dir, 'model.py'), join(dir, 'README.md')];
  writeFileAtomically(files[0]!, encodeSafetensors(tensors, metadata));
  writeFileAtomically(files[1]!, generated.source);
  writeFileAtomically(files[2]!, readme(graph, generated, from));
  return files;
}

/** Every weight of the PyTorch module, from the compiled model's variables, in PyTorch's layout. */
export function convertWeights(tf: TF, model: LayersModel, generated: GeneratedModule): Map<string, SafeTensor> {
  const tensors = new Map<string, SafeTensor>();
  for (const placement of generated.weights) {
    const layer = model.getLayer(placement.layer) as unknown as { variable(name: string): LayerVariable; weights: LayerVariable[] };
    if (!layer.weights.some((w) => w.originalName.endsWith(`/${placement.weight}`) || w.originalName === placement.weight)) continue; // a weight the layer does not have (bias: false)
    const moved = tf.tidy(() => {
      const value = layer.variable(placement.weight).read();
      return placement.move.perm ? tf.transpose(value, placement.move.perm) : tf.clone(value);
    });
    tensors.set(placement.key, { dtype: 'F32', shape: moved.shape, data: Float32Array.from(moved.dataSync()) });
    moved.dispose();
  }
  for (const key of generated.counters) tensors.set(key, { dtype: 'I64', shape: [], data: new BigInt64Array(1) });
  return tensors;
}

function readme(graph: Graph, generated: GeneratedModule, from: PytorchExport): string {
  const io = (list: { name: string; type: { shape: unknown[]; dtype: string } }[]) => list.map((t) => `- \`${t.name}\`: ${t.type.dtype} [${t.type.shape.map((d) => (typeof d === 'number' ? d : graph.batch)).join(', ')}]`).join('\n');
  return `# ${graph.model} for PyTorch

Exported from \`${basename(from.file)}\` by \`nn export --to pytorch\`.

- \`model.py\`: \`${generated.className}\`, an \`nn.Module\` (${graph.params.trainable.toLocaleString('en-US')} trainable parameters), and \`load()\`.
- \`weights.safetensors\`: ${from.weightsFrom !== undefined ? `the trained weights of the checkpoint \`${from.weightsFrom}\`` : 'the initial weights of a seeded build: the model was not trained yet'}.

\`\`\`python
import torch
from model import load

model = load()            # in eval mode; load(device="cuda") for a GPU
outputs = model(${graph.inputs.map((i) => i.name).join(', ')})
\`\`\`

Inputs, in this order:

${io(graph.inputs)}

Outputs:

${io(graph.outputs.map((o) => ({ name: o.name, type: o.type })))}

The layout is the .nn model's: channels-last (\`[B, H, W, C]\`), whatever
PyTorch computes in. Needs torch and safetensors (\`pip install torch safetensors\`).
`;
}
