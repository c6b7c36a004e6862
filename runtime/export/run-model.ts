// `nn run`: a trained model applied to inputs read from .npy files, its
// outputs written as .npy files. Inputs must have the model's shapes (the
// batch axis free) and a dtype that converts to the model's. Weights that
// are not finite (a run that diverged) are refused: every output would be NaN.

import { msg } from '../../core/i18n/message.js';
import { DataError } from '../data/dataset.js';
import { dataFile } from '../data/files.js';
import { readNpyFile } from '../data/npy.js';
import { encodeNpy } from '../data/npy-writer.js';
import type { NpyArray } from '../data/npy-format.js';
import type { Tensor, TF } from '../tf-types.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { assertFiniteModel } from './export-model.js';
import type { TrainedModel } from './load-trained.js';

export interface RunFiles {
  /** one .npy file per model input, in order */
  inputs: string[];
  /** one .npy file per model output, in order */
  outputs: string[];
  cwd: string;
}

export function runModel(tf: TF, trained: TrainedModel, files: RunFiles): { shapes: number[][] } {
  const { graph, model } = trained;
  assertFiniteModel(tf, model, trained.weightsFrom);
  if (files.inputs.length !== graph.inputs.length) {
    const takes = graph.inputs.length === 1 ? msg`${graph.inputs.length} input` : msg`${graph.inputs.length} inputs`;
    const given = files.inputs.length === 1 ? msg`${files.inputs.length} .npy file was given` : msg`${files.inputs.length} .npy files were given`;
    throw new DataError(msg`${graph.model} takes ${takes} (${graph.inputs.map((i) => i.name).join(', ')}), but ${given}`);
  }
  if (files.outputs.length !== graph.outputs.length) {
    const outputs = graph.outputs.length === 1 ? msg`${graph.outputs.length} output` : msg`${graph.outputs.length} outputs`;
    throw new DataError(msg`${graph.model} has ${outputs} (${graph.outputs.map((o) => o.name).join(', ')}): give as many --out files`);
  }
  const tensors = files.inputs.map((path, i) => inputTensor(tf, readNpyFile(dataFile(files.cwd, path)), path, graph.inputs[i]!));
  const outputs = tf.tidy(() => {
    const out = model.predict(tensors.length === 1 ? tensors[0]! : tensors) as Tensor | Tensor[];
    return Array.isArray(out) ? out : [out];
  });
  const shapes = outputs.map((t, i) => {
    const dtype = t.dtype === 'int32' ? 'int32' : t.dtype === 'bool' ? 'bool' : 'float32';
    const values = dtype === 'bool' ? Uint8Array.from(t.dataSync() as Uint8Array) : (t.dataSync() as Float32Array | Int32Array);
    writeFileAtomically(dataFile(files.cwd, files.outputs[i]!).path, encodeNpy(values, t.shape, dtype));
    return t.shape;
  });
  for (const t of [...tensors, ...outputs]) t.dispose();
  return { shapes };
}

/** The array as the model's input: the example shape must match; numbers convert to the input's dtype. */
function inputTensor(tf: TF, array: NpyArray, path: string, input: TrainedModel['graph']['inputs'][number]): Tensor {
  const want = input.type.shape.slice(1);
  const have = array.shape.slice(1);
  const fits = have.length === want.length && want.every((d, i) => typeof d !== 'number' || d === have[i]);
  if (!fits) {
    throw new DataError(msg`${path} holds [${array.shape.join(', ')}], but ${input.name} takes [batch, ${want.map((d) => (typeof d === 'number' ? d : '?')).join(', ')}]`);
  }
  const dtype = input.type.dtype === 'int32' ? 'int32' : input.type.dtype === 'bool' ? 'bool' : 'float32';
  if (dtype === 'int32' && array.values instanceof Float32Array) throw new DataError(msg`${path} holds floats, but ${input.name} takes integers (int32)`);
  return tf.tensor(array.values, array.shape, dtype);
}
