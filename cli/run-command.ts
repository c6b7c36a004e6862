// `nn run FILE [--model NAME] --input x.npy [--input ...] --out y.npy [--out ...]`:
// applies the trained model (its newest checkpoint) to NumPy arrays and
// writes its outputs as NumPy arrays. With `--pipeline NAME --image PICTURE`
// it runs a pipeline of the file on a picture instead (run-pipeline-command.ts).

import { msg } from '../core/i18n/message.js';
import { resolve } from 'node:path';
import { runModel } from '../runtime/export/run-model.js';
import { parseArgs } from './args.js';
import { reportFailure } from './failure-message.js';
import { EXIT, type Io, printHelp } from './io.js';
import { runPipelineCommand } from './run-pipeline-command.js';
import { parseSizes } from './sizes.js';
import { withTrainedModel } from './trained-model.js';

export const RUN_USAGE =
  'usage: nn run FILE [--model NAME] --input X.npy [--input ...] --out Y.npy [--out ...] [--checkpoints DIR] [--size NAME=N ...]\n' +
  '       nn run FILE --pipeline NAME --image PICTURE [--point X,Y[,LABEL] ...] [--box X0,Y0,X1,Y1] [--out DIR] [--checkpoints DIR]';

/** The command's help, in the language chosen; the usage lines and option names stay as typed. */
export function runHelp(): string {
  return `${RUN_USAGE}

${msg`Applies a trained model (the newest checkpoint of its runs, or --checkpoints DIR)
to NumPy arrays, one --input per model input, writing one --out .npy per output.`}

${msg`With --pipeline, runs a pipeline of the file (R-CNN, YOLO, SAM) on a PNG, JPEG,
GIF or BMP picture, with the trained weights of the models it applies. The
picture is resized to the pipeline's input size when that is fixed. It writes
<picture>-<pipeline>.json (boxes in the picture's pixels with class and score,
masks as PNG files) and <picture>-<pipeline>.svg (the results drawn over the
picture) in --out DIR (default: the working folder).`}
  --point X,Y[,LABEL]   ${msg`a prompt point in the picture's pixels, label 1 (on the
                        object, the default) or 0 (background); repeatable`}
  --box X0,Y0,X1,Y1     ${msg`a prompt box in the picture's pixels`}
`;
}

export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['model', 'checkpoints', 'pipeline', 'image', 'box'], repeatable: ['input', 'out', 'size', 'point'] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, runHelp());
  if (args.positional.length !== 1) return usage(io, args.positional.length === 0 ? msg`no file given` : msg`give one file`);
  if (args.options.has('pipeline')) return runPipelineCommand(args, io, (message) => usage(io, message));
  for (const option of ['image', 'point', 'box']) if (args.options.has(option)) return usage(io, msg`--${option} is for pipelines: give --pipeline NAME`);
  const inputs = args.options.get('input') ?? [];
  const outputs = args.options.get('out') ?? [];
  if (inputs.length === 0) return usage(io, msg`--input X.npy is required`);
  if (outputs.length === 0) return usage(io, msg`--out Y.npy is required`);
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
