// The module `nn export` ships next to model.json: it registers the NnLayer
// class with a TensorFlow.js module, so that `tf.loadLayersModel` can load
// an exported model without `nn` installed.
//
//   import * as tf from '@tensorflow/tfjs-node';
//   import { register } from './nn-layers.mjs';
//   register(tf);
//   const model = await tf.loadLayersModel('file://model/model.json');

import type { TF } from '../tf-types.js';
import { registerNnLayer } from './nn-layer.js';

export function register(tf: TF): void {
  registerNnLayer(tf);
}
