// `nn run FILE [--model NAME] --input x.npy [--input ...] --out y.npy [--out ...]`:
// applies the trained model (its newest checkpoint) to NumPy arrays and
// writes its outputs as NumPy arrays.

import { resolve } from 'node:path';
import { runModel } from '../runtime/export/run-model.js';
import { parseArgs } from './args.js';
import { reportFailure } from './failure-message.js';
import { EXIT, type Io } from './io.js';
import { parseSizes } from './sizes.js';
import { withTrainedModel } from './trained-model.js';

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
  return withTrainedModel(io, args, sizes, (tf, trained) => {
    try {
      const { shapes } = runModel(tf, trained, { inputs, outputs, cwd: io.cwd });
      io.stdout.write(outputs.map((path, i) => `${path}: [${shapes[i]!.join(', ')}]\n`).join(''));
      return EXIT.ok;
    } catch (e) {
      // weights that are not finite, a full disk, a read-only folder: one line naming the place
      return reportFailure(io, e, outputs.length === 1 ? resolve(io.cwd, outputs[0]!) : undefined);
    }
  });
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn run: ${message}\n${RUN_USAGE}\n`);
  return EXIT.usage;
}
