// The benchmark's models in tfjs's layers API, as a tfjs-node user would
// write them and train them with `model.fit`: the same layers, sizes,
// optimizer (Adam, 0.001) and loss as bench/train/models.nn and
// examples/resnet.nn's ResNetSmall.

import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs';
import type { TF } from '../../runtime/tf-types.js';

export function tfjsMlp(tf: TF): LayersModel {
  return compiled(
    tf,
    tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
    }),
  );
}

export function tfjsCnn(tf: TF): LayersModel {
  const conv = (filters: number, first = false) =>
    tf.layers.conv2d({ ...(first ? { inputShape: [28, 28, 1] } : {}), filters, kernelSize: 3, padding: 'same', activation: 'relu' });
  return compiled(
    tf,
    tf.sequential({
      layers: [
        conv(32, true),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        conv(64),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 128, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    }),
  );
}

export function tfjsResNetSmall(tf: TF): LayersModel {
  // nn's BatchNorm defaults are PyTorch's: 0.1 of the new batch, i.e. tfjs's 0.9
  const batchNorm = (x: SymbolicTensor) => tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x) as SymbolicTensor;
  const conv = (x: SymbolicTensor, filters: number, kernelSize: number, strides = 1) =>
    tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false }).apply(x) as SymbolicTensor;
  const relu = (x: SymbolicTensor) => tf.layers.reLU().apply(x) as SymbolicTensor;
  const block = (x: SymbolicTensor, filters: number, stride: number) => {
    const f = batchNorm(conv(relu(batchNorm(conv(x, filters, 3, stride))), filters, 3));
    const channels = x.shape[x.shape.length - 1];
    const shortcut = stride !== 1 || channels !== filters ? batchNorm(conv(x, filters, 1, stride)) : x;
    return relu(tf.layers.add().apply([f, shortcut]) as SymbolicTensor);
  };
  const image = tf.input({ shape: [28, 28, 1] });
  let x = relu(batchNorm(conv(image, 16, 3)));
  x = block(block(block(x, 16, 1), 32, 2), 64, 2);
  const pooled = tf.layers.globalAveragePooling2d({}).apply(x) as SymbolicTensor;
  const output = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(pooled) as SymbolicTensor;
  return compiled(tf, tf.model({ inputs: image, outputs: output }));
}

function compiled(tf: TF, model: LayersModel): LayersModel {
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
