// `nn run FILE [--model NAME] --input x.npy [--input ...] --out y.npy [--out ...]`:
// applies the trained model (its newest checkpoint) to NumPy arrays and
// writes its outputs as NumPy arrays.

import { resolve } from 'node:path';
import { loadTensorflow } from '../runtime/backend.js';
import { DataError } from '../runtime/data/dataset.js';
import { loadTrainedModel } from '../runtime/export/load-trained.js';
import { runModel } from '../runtime/export/run-model.js';
import { TrainError } from '../runtime/train/trace-model.js';
import { parseArgs } from './args.js';
import { EXIT, type Io } from './io.js';
import { nodeHost } from './node-host.js';
import { parseSizes } from './sizes.js';

export const RUN_USAGE = 'usage: nn run FILE [--model NAME] --input X.npy [--input ...] --out Y.npy [--out ...] [--checkpoints DIR] [--size NAME=N ...]';

export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['model', 'checkpoints'], repeatable: ['input', 'out', 'size'] });
  if ('error' in args) return usage(io, args.error);
  if (args.positional.length !== 1) return usage(io, args.positional.length === 0 ? 'no file given' : 'give one file');
  const inputs = args.options.get('input') ?? [];
  const outputs = args.options.get('out') ?? [];
  if (inputs.length === 0) return usage(io, '--input X.npy is required');
  if (outputs.length === 0) return usage(io, '--out Y.npy is required');
  const sizes = parseSizes(args.options.get('size') ?? []);
  if (typeof sizes === 'string') return usage(io, sizes);
  const model = args.options.get('model')?.[0];
  const checkpoints = args.options.get('checkpoints')?.[0];
  const loaded = await loadTensorflow({ device: 'auto', stderr: io.stderr });
  const tf = loaded.tf as never;
  try {
    const trained = await loadTrainedModel(tf, {
      file: resolve(io.cwd, args.positional[0]!),
      host: nodeHost,
      ...(model !== undefined ? { model } : {}),
      sizes,
      ...(checkpoints !== undefined ? { checkpoints: resolve(io.cwd, checkpoints) } : {}),
    });
    if (!trained.weightsFrom) io.stderr.write(`nn: warning: no trained weights for ${trained.graph.model} (train it first with nn train); running its initial weights\n`);
    const { shapes } = runModel(tf, trained, { inputs, outputs, cwd: io.cwd });
    io.stdout.write(outputs.map((path, i) => `${path}: [${shapes[i]!.join(', ')}]\n`).join(''));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof DataError) {
      io.stderr.write(`nn: ${e.message}\n`);
      return EXIT.usage;
    }
    if (!(e instanceof TrainError)) throw e;
    io.stderr.write(`nn: ${e.message}\n${e.diagnostics.map((d) => `  ${d.message}\n`).join('')}`);
    return e.diagnostics.length > 0 ? EXIT.problems : EXIT.usage;
  }
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn run: ${message}\n${RUN_USAGE}\n`);
  return EXIT.usage;
}
