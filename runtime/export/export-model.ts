// Writing a compiled model in TensorFlow.js's own format: model.json (the
// topology, with each NnLayer's node as its config, and the weights
// manifest), weights.bin, and nn-layers.mjs, the module that registers the
// NnLayer class so `tf.loadLayersModel` can read it back. Files appear
// atomically. Weights with NaN or infinite values (saved by a run that
// diverged) are refused before anything is written.

import { msg } from '../../core/i18n/message.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayersModel, TF } from '../tf-types.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { notFiniteWeight } from '../train/divergence.js';

export const LAYERS_MODULE = 'nn-layers.mjs';

/** Weights that hold NaN or infinite values: nothing useful can be computed with them. */
export class NotFiniteWeightsError extends Error {}

/** Refuses a model whose weights are not all finite, naming the checkpoint they came from. */
export function assertFiniteModel(tf: TF, model: LayersModel, weightsFrom: string | undefined): void {
  const weight = notFiniteWeight(tf, { model });
  if (weight === undefined) return;
  const source = weightsFrom !== undefined ? `the checkpoint ${weightsFrom}` : 'the model';
  throw new NotFiniteWeightsError(msg`${source} holds weights that are not finite (${weight} has NaN or infinite values): the run that saved it diverged; train again with a lower learning rate`);
}

/** Writes the model; `weightsFrom` (the checkpoint its weights came from) names it when its weights are not finite. */
export async function exportModel(tf: TF, model: LayersModel, dir: string, layersModulePath: string, weightsFrom?: string): Promise<string[]> {
  assertFiniteModel(tf, model, weightsFrom);
  const written: string[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const buffers = data === undefined ? [] : Array.isArray(data) ? data : [data];
      const weights = Buffer.concat(buffers.map((b) => Buffer.from(b)));
      const modelJson = {
        format: 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: 'nn export',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      writeFileAtomically(join(dir, 'weights.bin'), weights);
      writeFileAtomically(join(dir, 'model.json'), JSON.stringify(modelJson));
      written.push(join(dir, 'model.json'), join(dir, 'weights.bin'));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  writeFileAtomically(join(dir, LAYERS_MODULE), readFileSync(layersModulePath));
  written.push(join(dir, LAYERS_MODULE));
  return written;
}
