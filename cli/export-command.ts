// `nn export FILE [--model NAME] --out DIR [--to tfjs|pytorch] [--checkpoints DIR] [--size S=10 ...]`:
// writes the model with its trained weights in TensorFlow.js's format
// (model.json, weights.bin) with nn-layers.mjs, the module that registers
// its layers, so `tf.loadLayersModel` loads it anywhere; or, `--to pytorch`,
// as a PyTorch module (model.py, weights.safetensors: docs/pytorch.md).

import { msg } from '../core/i18n/message.js';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { exportModel } from '../runtime/export/export-model.js';
import { exportPytorch } from '../runtime/export/pytorch/export-pytorch.js';
import { exportAdversarialTraining } from '../runtime/export/pytorch/export-adversarial.js';
import { adversarialPlanOf, exportTraining, trainBlockOf } from '../runtime/export/pytorch/export-training.js';
import { UnsupportedModelError } from '../runtime/export/pytorch/generate-module.js';
import { DataError } from '../runtime/data/dataset.js';
import { TrainError } from '../runtime/train/trace-model.js';
import { seedOf } from '../runtime/train/run-training.js';
import { loadTensorflow } from '../runtime/backend.js';
import type { TF } from '../runtime/tf-types.js';
import type { TrainPlan } from '../core/train/plan.js';
import { parseArgs } from './args.js';
import { reportFailure } from './failure-message.js';
import { unknownModelName } from './export-model-name.js';
import { EXIT, type Io, printHelp } from './io.js';
import { nodeHost } from './node-host.js';
import { parseSizes } from './sizes.js';
import { withTrainedModel } from './trained-model.js';

export const EXPORT_USAGE = 'usage: nn export FILE [--model NAME] --out DIR [--to tfjs|pytorch] [--checkpoints DIR] [--size NAME=N ...]';

/** The command's help, in the language chosen; the usage line and option names stay as typed. */
export function exportHelp(): string {
  return `${EXPORT_USAGE}

${msg`Writes a model with its trained weights (the newest checkpoint of its runs, or
--checkpoints DIR) for TensorFlow.js: model.json, weights.bin and nn-layers.mjs;
or for PyTorch: model.py (an nn.Module), weights.safetensors and README.md,
and for a model with a train block train.py with the block's data (data/*.npy);
a GAN's train block (--model GAN) gives generator.py, discriminator.py and
the adversarial train.py, from the models' initial weights.`}
  --model NAME        ${msg`the train block or model to export`}
  --out DIR           ${msg`the folder to write (required)`}
  --to FORMAT         ${msg`tfjs (the default) or pytorch`}
  --checkpoints DIR   ${msg`the checkpoint folder to take the weights from`}
  --size NAME=N       ${msg`a value for a size left open in the model (repeatable)`}
`;
}

export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['model', 'out', 'checkpoints', 'to'], repeatable: ['size'] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, exportHelp());
  if (args.positional.length !== 1) return usage(io, args.positional.length === 0 ? msg`no file given` : msg`give one file`);
  const out = args.options.get('out')?.[0];
  if (out === undefined) return usage(io, msg`--out DIR is required`);
  const to = args.options.get('to')?.[0] ?? 'tfjs';
  if (to !== 'tfjs' && to !== 'pytorch') return usage(io, msg`--to ${to}: the formats are tfjs and pytorch`);
  const sizes = parseSizes(args.options.get('size') ?? []);
  if (typeof sizes === 'string') return usage(io, sizes);
  const model = args.options.get('model')?.[0];
  const file = resolve(io.cwd, args.positional[0]!);
  // a model imported from another file is found where nn train finds it (runtime/export/load-trained.ts); a name that is nowhere, at once
  const unknown = model !== undefined ? unknownModelName(file, nodeHost, model) : undefined;
  if (unknown !== undefined) {
    io.stderr.write(`nn: ${unknown}\n`);
    return EXIT.usage;
  }
  // a GAN's train block: its two models and the adversarial train.py, from their initial weights
  const adversarial = to === 'pytorch' && model !== undefined ? adversarialPlanOf(file, nodeHost, model) : undefined;
  if (adversarial) return exportGanProgram(io, file, adversarial, resolve(io.cwd, out));
  return withTrainedModel(io, args, sizes, async (tf, trained) => {
    const layersModule = fileURLToPath(new URL('./nn-layers.mjs', import.meta.url));
    const dir = resolve(io.cwd, out);
    try {
      const files =
        to === 'pytorch'
          ? exportPytorch(tf, trained.model, trained.graph, dir, { file: args.positional[0]!, weightsFrom: trained.weightsFrom })
          : await exportModel(tf, trained.model, dir, layersModule, trained.weightsFrom);
      // a model with a train block: train.py, its data and initial weights too (docs/pytorch.md, Training)
      const plan = to === 'pytorch' ? trainBlockOf(file, nodeHost, trained.graph.model) : undefined;
      if (plan) files.push(...exportTraining(tf, { file, host: nodeHost, plan, dir }));
      const exported = trained.weightsFrom ? msg`exported ${trained.graph.model} (weights from ${trained.weightsFrom}):` : msg`exported ${trained.graph.model}:`;
      io.stdout.write(`${exported}\n${files.map((f) => `  ${f}\n`).join('')}`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof UnsupportedModelError) {
        io.stderr.write(`nn: ${e.message}\n`);
        return EXIT.usage;
      }
      if (e instanceof DataError || e instanceof TrainError) throw e; // the train block's data or loss: reported as nn train does
      // weights that are not finite, a full disk, a read-only folder: one line naming the place
      return reportFailure(io, e, dir);
    }
  });
}

/** Writes a GAN's train block as a PyTorch program (docs/pytorch.md, "A GAN's train block"). */
async function exportGanProgram(io: Io, file: string, plan: TrainPlan, dir: string): Promise<number> {
  const loaded = await loadTensorflow({ device: 'auto', stderr: io.stderr });
  try {
    const files = exportAdversarialTraining(loaded.tf as unknown as TF, { file, host: nodeHost, plan: { ...plan, seed: seedOf(plan) }, dir });
    io.stdout.write(`${msg`exported ${plan.name} (its models' initial weights; train.py trains them):`}\n${files.map((f) => `  ${f}\n`).join('')}`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UnsupportedModelError) {
      io.stderr.write(`nn: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof DataError || e instanceof TrainError) throw e;
    return reportFailure(io, e, dir);
  }
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn export: ${message}\n${EXPORT_USAGE}\n`);
  return EXIT.usage;
}
