// `nn export FILE [--model NAME] --out DIR [--checkpoints DIR] [--size S=10 ...]`:
// writes the model with its trained weights in TensorFlow.js's format
// (model.json, weights.bin) with nn-layers.mjs, the module that registers
// its layers, so `tf.loadLayersModel` loads it anywhere.

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadTensorflow } from '../runtime/backend.js';
import { exportModel } from '../runtime/export/export-model.js';
import { loadTrainedModel } from '../runtime/export/load-trained.js';
import { TrainError } from '../runtime/train/trace-model.js';
import { parseArgs } from './args.js';
import { EXIT, type Io } from './io.js';
import { nodeHost } from './node-host.js';
import { parseSizes } from './sizes.js';

export const EXPORT_USAGE = 'usage: nn export FILE [--model NAME] --out DIR [--checkpoints DIR] [--size NAME=N ...]';

export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['model', 'out', 'checkpoints'], repeatable: ['size'] });
  if ('error' in args) return usage(io, args.error);
  if (args.positional.length !== 1) return usage(io, args.positional.length === 0 ? 'no file given' : 'give one file');
  const out = args.options.get('out')?.[0];
  if (out === undefined) return usage(io, '--out DIR is required');
  const sizes = parseSizes(args.options.get('size') ?? []);
  if (typeof sizes === 'string') return usage(io, sizes);
  const model = args.options.get('model')?.[0];
  const checkpoints = args.options.get('checkpoints')?.[0];
  const loaded = await loadTensorflow({ device: 'cpu', stderr: io.stderr });
  const tf = loaded.tf as never;
  try {
    const trained = await loadTrainedModel(tf, {
      file: resolve(io.cwd, args.positional[0]!),
      host: nodeHost,
      ...(model !== undefined ? { model } : {}),
      sizes,
      ...(checkpoints !== undefined ? { checkpoints: resolve(io.cwd, checkpoints) } : {}),
    });
    if (!trained.weightsFrom) io.stderr.write(`nn: warning: no trained weights for ${trained.graph.model} (train it first with nn train); exporting its initial weights\n`);
    const layersModule = fileURLToPath(new URL('./nn-layers.mjs', import.meta.url));
    const files = await exportModel(tf, trained.model, resolve(io.cwd, out), layersModule);
    io.stdout.write(`exported ${trained.graph.model}${trained.weightsFrom ? ` (weights from ${trained.weightsFrom})` : ''}:\n${files.map((f) => `  ${f}\n`).join('')}`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof TrainError)) throw e;
    io.stderr.write(`nn: ${e.message}\n${e.diagnostics.map((d) => `  ${d.message}\n`).join('')}`);
    return e.diagnostics.length > 0 ? EXIT.problems : EXIT.usage;
  }
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn export: ${message}\n${EXPORT_USAGE}\n`);
  return EXIT.usage;
}
