// A PyTorch checkpoint's weights (train.py's weights.safetensors, in
// model.py's names and layout) read into a compiled TensorFlow.js model of
// the same graph: what lets `nn run`, `nn export` and a torch run's
// pictures use weights that PyTorch trained.

import { msg } from '../../../core/i18n/message.js';
import type { Graph } from '../../../core/graph/graph.js';
import { LARGEST_BUFFER_BYTES, readFileOrThrow } from '../../files/read-regular-file.js';
import type { LayersModel, TF } from '../../tf-types.js';
import { CheckpointError } from '../../train/checkpoint.js';
import { generateModule, type GeneratedModule } from './generate-module.js';
import { decodeSafetensors, SafetensorsError } from './safetensors.js';
import { restoreTorchWeights } from './torch-to-tfjs-weights.js';

/** Reads a safetensors file of model.py's weights into `model`; `generated` is the graph's module (generated again when not given). */
export function loadTorchWeightsFile(tf: TF, model: LayersModel, graph: Graph, file: string, generated?: GeneratedModule): void {
  let bytes: Buffer;
  try {
    bytes = readFileOrThrow(file, LARGEST_BUFFER_BYTES);
  } catch (e) {
    throw new CheckpointError(msg`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let tensors;
  try {
    tensors = decodeSafetensors(bytes);
  } catch (e) {
    if (!(e instanceof SafetensorsError)) throw e;
    throw new CheckpointError(msg`${file} is not a readable safetensors file: ${e.message}`);
  }
  restoreTorchWeights(tf, model, generated ?? generateModule(graph, { file: graph.model }), tensors, file);
}
