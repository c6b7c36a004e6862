// The TensorFlow.js module the runtime tests run on: the native backend.

import { createRequire } from 'node:module';
import type { TF } from '../../runtime/tf-types.js';

const require = createRequire(import.meta.url);

export function testTf(): TF {
  process.env['TF_CPP_MIN_LOG_LEVEL'] ??= '2';
  return require('@tensorflow/tfjs-node') as TF;
}
