// `npm run bench:train`: training throughput (examples per second) of the
// MLP and a small CNN trained through `nn`, next to the same models written
// directly with tfjs-node's layers API and trained with `model.fit`, in the
// same process, on the same MNIST digits, with the same batch size,
// optimizer and per-epoch test evaluation. Runs alternate (nn, tfjs, nn,
// tfjs, ...) so that load on a shared machine hits both alike; the ratio of
// medians is the language's overhead.

import { join } from 'node:path';
import { nodeHost } from '../cli/node-host.js';
import { loadTensorflow } from '../runtime/backend.js';
import { runTraining } from '../runtime/train/run-training.js';
import type { TrainEvent } from '../runtime/train/events.js';
import { loadMnist } from '../runtime/data/mnist.js';
import type { TF } from '../runtime/tf-types.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const EPOCHS = Number(process.env['BENCH_EPOCHS'] ?? 2);

interface Case {
  name: string;
  file: string;
  model: string;
  /** the same model and optimizer in tfjs's layers API */
  reference(tf: TF): import('@tensorflow/tfjs').LayersModel;
  imageShape: number[];
}

const CASES: Case[] = [
  {
    name: 'MLP (784-128-10, SGD momentum)',
    file: 'examples/mlp.nn',
    model: 'MLP',
    imageShape: [784],
    reference(tf) {
      const m = tf.sequential({
        layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
      });
      m.compile({ optimizer: tf.train.momentum(0.1, 0.9), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      return m;
    },
  },
  {
    name: 'VGGSmall (3 convs, Adam)',
    file: 'examples/vgg.nn',
    model: 'VGGSmall',
    imageShape: [28, 28, 1],
    reference(tf) {
      const conv = (filters: number, first = false) =>
        tf.layers.conv2d({ ...(first ? { inputShape: [28, 28, 1] } : {}), filters, kernelSize: 3, padding: 'same', activation: 'relu' });
      const m = tf.sequential({
        layers: [
          conv(16, true),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          conv(32),
          conv(32),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 64, activation: 'relu' }),
          tf.layers.dropout({ rate: 0.3 }),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      });
      m.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      return m;
    },
  },
];

async function main(): Promise<void> {
  const loaded = await loadTensorflow({ device: 'cpu' });
  const tf = loaded.tf as unknown as TF;
  console.log(`backend: ${loaded.backend} (${loaded.device}), TensorFlow ${loaded.versions.tensorflow ?? '-'}; ${ROUNDS} rounds of ${EPOCHS} epochs each\n`);
  const raw = loadMnist({ split: 0.8 });
  console.log(`${'model'.padEnd(34)}${'nn ex/s'.padStart(10)}${'tfjs ex/s'.padStart(11)}${'overhead'.padStart(10)}`);
  for (const c of CASES) {
    const nn: number[] = [];
    const ref: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      nn.push(await throughNn(tf, c, loaded.backend));
      ref.push(await throughTfjs(tf, c, raw));
    }
    const a = median(nn);
    const b = median(ref);
    console.log(`${c.name.padEnd(34)}${a.toFixed(0).padStart(10)}${b.toFixed(0).padStart(11)}${`${(((b - a) / b) * 100).toFixed(1)}%`.padStart(10)}`);
  }
}

/** Examples per second of the training epochs (each with its test evaluation), from the run's own events. */
async function throughNn(tf: TF, c: Case, backend: string): Promise<number> {
  let started = 0;
  let trainExamples = 0;
  let seconds = 0;
  const emit = (e: TrainEvent) => {
    if (e.type === 'start') (started = performance.now()), (trainExamples = e.examples.train);
    if (e.type === 'epoch' && e.epoch === EPOCHS) seconds = (performance.now() - started) / 1000;
  };
  const result = await runTraining({
    file: join(process.cwd(), c.file),
    host: nodeHost,
    target: c.model,
    tf,
    backend: { name: backend, device: 'cpu' },
    outDir: join(process.cwd(), 'dist', 'bench-train-runs'),
    overrides: { epochs: EPOCHS, batch: 64, seed: 1 },
    emit,
    stop: { requested: false },
  });
  for (const m of Object.values(result.models)) m.dispose();
  return (trainExamples * EPOCHS) / seconds;
}

async function throughTfjs(tf: TF, c: Case, raw: ReturnType<typeof loadMnist>): Promise<number> {
  const trainCount = Math.round(raw.count * raw.split);
  const images = raw.inputs[0]!.values as Float32Array;
  const labels = raw.target!.values as Int32Array;
  const x = tf.tensor(images.subarray(0, trainCount * 784), [trainCount, ...c.imageShape]);
  const y = tf.tensor(Float32Array.from(labels.subarray(0, trainCount)), [trainCount, 1]);
  const xTest = tf.tensor(images.subarray(trainCount * 784), [raw.count - trainCount, ...c.imageShape]);
  const yTest = tf.tensor(Float32Array.from(labels.subarray(trainCount)), [raw.count - trainCount, 1]);
  const model = c.reference(tf);
  const started = performance.now();
  await model.fit(x, y, { epochs: EPOCHS, batchSize: 64, shuffle: true, validationData: [xTest, yTest], verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  model.dispose();
  for (const t of [x, y, xTest, yTest]) t.dispose();
  return (trainCount * EPOCHS) / seconds;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

await main();
