// The TensorFlow.js module the runtime tests run on.

import * as tf from '@tensorflow/tfjs';
import type { TF } from '../../runtime/tf-types.js';

export function testTf(): TF {
  return tf as unknown as TF;
}
