// What `nn export` and `nn run` share: the model of a .nn file with its
// trained weights (the newest checkpoint, or `--checkpoints DIR`), loaded on
// the native backend, and problems reported as messages with exit codes.
// A checkpoint of `nn train --engine torch` counts as the tfjs engine's:
// the newer of the two is used, its weights converted back from PyTorch's
// layout (runtime/export/pytorch/torch-trained-model.ts).

import { msg } from '../core/i18n/message.js';
import { resolve } from 'node:path';
import { loadTensorflow } from '../runtime/backend.js';
import { DataError } from '../runtime/data/dataset.js';
import { CompileError } from '../runtime/compile/kernel.js';
import { CheckpointError } from '../runtime/train/checkpoint.js';
import { checkpointFoldersIn } from '../runtime/export/find-weights.js';
import { loadTrainedModel, type LoadRequest, type TrainedModel } from '../runtime/export/load-trained.js';
import { loadTorchTrainedModel, preferNewerTorchWeights } from '../runtime/export/pytorch/torch-trained-model.js';
import type { TF } from '../runtime/tf-types.js';
import { TrainError } from '../runtime/train/trace-model.js';
import type { ParsedArgs } from './args.js';
import { EXIT, type Io } from './io.js';
import { nodeHost } from './node-host.js';

/** Loads the model `args` name and runs `use` with it; returns the exit status. */
export async function withTrainedModel(io: Io, args: ParsedArgs, sizes: Record<string, number>, use: (tf: TF, trained: TrainedModel) => Promise<number> | number): Promise<number> {
  const model = args.options.get('model')?.[0];
  const checkpoints = args.options.get('checkpoints')?.[0];
  const loaded = await loadTensorflow({ device: 'auto', stderr: io.stderr });
  const tf = loaded.tf as unknown as TF;
  try {
    const trained = await loadEitherEngine(tf, {
      file: resolve(io.cwd, args.positional[0]!),
      host: nodeHost,
      ...(model !== undefined ? { model } : {}),
      sizes,
      ...(checkpoints !== undefined ? { checkpoints: resolve(io.cwd, checkpoints) } : {}),
    });
    for (const warning of trained.warnings) io.stderr.write(`nn: warning: ${warning}\n`);
    if (!trained.weightsFrom) io.stderr.write(`nn: warning: ${msg`no trained weights for ${trained.graph.model} (train it first with nn train); using its initial weights`}\n`);
    return await use(tf, trained);
  } catch (e) {
    if (e instanceof DataError || e instanceof CheckpointError || e instanceof CompileError) {
      io.stderr.write(`nn: ${e.message}\n`);
      return EXIT.usage;
    }
    if (!(e instanceof TrainError)) throw e;
    io.stderr.write(`nn: ${e.message}\n${e.diagnostics.map((d) => `  ${d.message}\n`).join('')}`);
    return e.diagnostics.length > 0 ? EXIT.problems : EXIT.usage;
  }
}

/** The tfjs engine's newest checkpoint, or PyTorch's when it is newer; a folder given that holds only PyTorch checkpoints, those. */
async function loadEitherEngine(tf: TF, request: LoadRequest): Promise<TrainedModel> {
  if (request.checkpoints === undefined) return preferNewerTorchWeights(tf, await loadTrainedModel(tf, request), request.file);
  if (checkpointFoldersIn(request.checkpoints).length > 0) return loadTrainedModel(tf, request);
  return loadTorchTrainedModel(tf, { ...request, checkpoints: request.checkpoints }) ?? loadTrainedModel(tf, request);
}
