// `nn export` and `nn run` of a model that PyTorch trained (`nn train
// --engine torch`): the newest PyTorch checkpoint of the model, converted
// back to the compiled model's layout (torch-to-tfjs-weights.ts), when it
// is newer than the newest tfjs checkpoint or there is none; or the one a
// folder given by hand holds. A GAN's checkpoint gives each of its two
// models (`--model Generator`) from its own file. The two engines' runs may share a runs folder.

import { msg } from '../../../core/i18n/message.js';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileGraph } from '../../compile/compile-graph.js';
import type { TF } from '../../tf-types.js';
import { CheckpointError } from '../../train/checkpoint.js';
import { TrainError } from '../../train/trace-model.js';
import { newestTorchCheckpointOf, torchCheckpointIn } from '../../train/torch-model-checkpoint.js';
import { traceRequestedModel, type LoadRequest, type TrainedModel } from '../load-trained.js';
import { loadTorchWeightsFile } from './load-torch-checkpoint.js';
import { Identifiers } from './python-text.js';

/** model.py's class name for a model, which train.py's state.json records. */
export const torchClassName = (model: string): string => new Identifiers().claim(model);

/** `trained` (from the tfjs checkpoints), or its model with the newest PyTorch checkpoint's weights when that is newer. */
export function preferNewerTorchWeights(tf: TF, trained: TrainedModel, file: string): TrainedModel {
  const torch = newestTorchCheckpointOf(join(dirname(resolve(file)), 'runs'), torchClassName(trained.graph.model));
  if (!torch) return trained;
  if (trained.weightsFrom !== undefined && savedAt(trained.weightsFrom) >= torch.savedAt) return trained;
  loadTorchWeightsFile(tf, trained.model, trained.graph, torch.weights);
  return { ...trained, weightsFrom: torch.path };
}

/** The model with the weights of the PyTorch checkpoint in `request.checkpoints` (a checkpoint, run or runs folder); undefined when it holds none of this model. */
export function loadTorchTrainedModel(tf: TF, request: LoadRequest & { checkpoints: string }): TrainedModel | undefined {
  const traced = traceRequestedModel(request);
  if (!traced.ok) throw new TrainError(traced.message, traced.diagnostics);
  const { graph } = traced;
  const found = torchCheckpointIn(request.checkpoints, torchClassName(graph.model));
  if (!found) return undefined;
  const model = compileGraph(tf, graph, { seed: 1 });
  try {
    loadTorchWeightsFile(tf, model, graph, found.weights);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { model, graph, weightsFrom: found.path, warnings: [] };
}

function savedAt(checkpoint: string): number {
  try {
    return statSync(checkpoint).mtimeMs;
  } catch {
    throw new CheckpointError(msg`the checkpoint ${checkpoint} went away while it was read`);
  }
}
