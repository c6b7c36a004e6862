// `npm run bench:acceptance`: the bundled small models trained through
// `nn` as their train blocks say, and what they reach on data they did not
// learn from:
//   - the MLP and the small CNN (VGGSmall) on the MNIST digits: test accuracy;
//   - the GAN on the ring of 8 Gaussians: modes covered by 1,000 samples;
//   - the small Transformer on sequence reversal: exact-match accuracy of
//     whole sequences decoded greedily, one token at a time (no teacher forcing);
//   - SAMSmall on prompted shapes (segments): held-out mask IoU per prompt
//     kind (one point, a box, a point and a box, a mask);
//   - YoloSmall and RCNNSmall on shapes, then their detection pipelines
//     (YoloSmallDetect, RCNNSmallDetect) on 100 held-out scenes of a seed the
//     training did not use: mAP@0.5;
//   - the deep plain network of examples/backprop.nn and its residual twin,
//     one explained step each: the first layer's gradient norm over the last's.
// Slow (minutes); a report, not a test. Names after `--` run only those rows
// (a train block's model, or `backprop` for the gradient contrast).

import { join } from 'node:path';
import { nodeHost } from '../cli/node-host.js';
import { loadTensorflow } from '../runtime/backend.js';
import { toDataset } from '../runtime/data/dataset.js';
import { loadSequences, START_TOKEN } from '../runtime/data/sequences.js';
import { shapeScenes } from '../runtime/data/shapes.js';
import { detectionMeanAveragePrecision } from '../runtime/pipelines/detection-map.js';
import { tracePipeline } from '../runtime/pipelines/trace-pipeline.js';
import { explainTraining } from '../runtime/explain/explain-training.js';
import type { TrainEvent } from '../runtime/train/events.js';
import { runTraining } from '../runtime/train/run-training.js';
import type { LayersModel, Tensor, TF } from '../runtime/tf-types.js';

interface Run {
  file: string;
  target: string;
  /** what to report from the finished run */
  measure(tf: TF, models: Record<string, LayersModel>, last: Record<string, number>): Promise<string>;
}

const RUNS: Run[] = [
  { file: 'examples/mlp.nn', target: 'MLP', measure: async (_tf, _m, last) => `test accuracy ${percent(last['test_accuracy']!)} (target 95%)` },
  { file: 'examples/vgg.nn', target: 'VGGSmall', measure: async (_tf, _m, last) => `test accuracy ${percent(last['test_accuracy']!)} (target 98%)` },
  { file: 'examples/gan.nn', target: 'RingGAN', measure: async (_tf, _m, last) => `modes covered ${last['modes_covered']} of 8 (target 7)` },
  {
    file: 'examples/transformer.nn',
    target: 'TransformerSmall',
    measure: async (tf, models) => `greedy exact-match sequence accuracy ${percent(greedySequenceAccuracy(tf, models['TransformerSmall']!))} (target 95%)`,
  },
  {
    file: 'examples/sam.nn',
    target: 'SAMSmall',
    measure: async (_tf, _m, last) =>
      `held-out IoU point ${fixed(last['test_iou_point'])}, box ${fixed(last['test_iou_box'])}, point+box ${fixed(last['test_iou_point_box'])}, mask ${fixed(last['test_iou_mask'])} (target box 0.80, point 0.70)`,
  },
  {
    file: 'examples/yolo.nn',
    target: 'YoloSmall',
    measure: async (tf, models, last) => `test mAP@0.5 ${fixed(last['test_map'])}; ${pipelineMap(tf, 'examples/yolo.nn', 'YoloSmallDetect', models)}`,
  },
  {
    file: 'examples/rcnn.nn',
    target: 'RCNNSmall',
    measure: async (tf, models, last) => `test accuracy ${percent(last['test_accuracy']!)}; ${pipelineMap(tf, 'examples/rcnn.nn', 'RCNNSmallDetect', models)}`,
  },
];

/** A detection pipeline's mAP@0.5 on 100 scenes of 1-3 shapes, of a seed no run trains on, with the models just trained. */
function pipelineMap(tf: TF, file: string, pipeline: string, models: Record<string, LayersModel>): string {
  const graph = tracePipeline(join(process.cwd(), file), nodeHost, { pipeline, inputShapes: [[1, 64, 64, 3]] });
  const scenes = [...shapeScenes({ count: 100, size: 64, objects: 3, seed: 777_001, target: { kind: 'grid', cells: 4 } })];
  const { map, perScene } = detectionMeanAveragePrecision(tf, graph, models, scenes, 64, 3);
  return `${pipeline} mAP@0.5 ${map.toFixed(3)} (${perScene.toFixed(1)} boxes kept per scene)`;
}

async function main(): Promise<void> {
  const loaded = await loadTensorflow({ device: 'cpu' });
  const tf = loaded.tf as unknown as TF;
  console.log(`backend: ${loaded.backend} (${loaded.device})\n`);
  // `npm run bench:acceptance -- SAMSmall backprop`: only the rows named (all without names)
  const only = process.argv.slice(2);
  const chosen = (name: string) => only.length === 0 || only.includes(name);
  for (const run of RUNS.filter((r) => chosen(r.target))) {
    let last: Record<string, number> = {};
    const emit = (e: TrainEvent) => {
      if (e.type === 'epoch') last = e.logs;
    };
    const result = await runTraining({
      file: join(process.cwd(), run.file),
      host: nodeHost,
      target: run.target,
      tf,
      backend: { name: loaded.backend, device: loaded.device },
      outDir: join(process.cwd(), 'dist', 'bench-acceptance', run.target),
      overrides: { seed: 1 },
      emit,
      stop: { requested: false },
    });
    console.log(`${run.target.padEnd(18)} ${(await run.measure(tf, result.models, last)).padEnd(62)} ${result.epochs} epochs in ${result.seconds.toFixed(0)} s`);
    for (const m of Object.values(result.models)) m.dispose();
  }
  if (chosen('backprop')) console.log(await gradientContrast(tf, { name: loaded.backend, device: loaded.device }));
}

/** One explained step of the plain network and of its residual twin: the first layer's gradient norm over the last's (examples/backprop.nn). */
async function gradientContrast(tf: TF, backend: { name: string; device: 'cpu' | 'gpu' }): Promise<string> {
  const started = Date.now();
  const ratios: number[] = [];
  for (const target of ['PlainDeep', 'ResidualDeep']) {
    const file = join(process.cwd(), 'examples', 'backprop.nn');
    const { summary } = await explainTraining({ file, host: nodeHost, target, tf, backend, outDir: join(process.cwd(), 'dist', 'bench-acceptance', target), emit: () => {} });
    ratios.push(summary.gradientRatio!.ratio);
  }
  const measured = `gradient norm first/last layer: plain ${ratios[0]!.toExponential(1)}, residual ${ratios[1]!.toPrecision(2)} (target < 1e-6, > 0.1)`;
  return `${'PlainDeep/Residual'.padEnd(18)} ${measured.padEnd(62)} one step each in ${((Date.now() - started) / 1000).toFixed(0)} s`;
}

/**
 * Reverses 1,000 new sequences of the train block's kind: the decoder starts
 * from the start token and is fed its own previous predictions.
 */
function greedySequenceAccuracy(tf: TF, model: LayersModel): number {
  const length = 10;
  const raw = loadSequences({ task: 'reverse', length, vocab: 16, count: 1000, split: 0, seed: 99 });
  const data = toDataset(tf, { ...raw, split: 0 }, [
    { name: 'source', shape: [length] },
    { name: 'target', shape: [length] },
  ]);
  const source = data.test.inputs[0]!;
  const target = data.test.target!;
  const n = source.shape[0]!;
  const decoded = new Int32Array(n * length).fill(START_TOKEN);
  const outputs = new Int32Array(n * length);
  for (let t = 0; t < length; t++) {
    const next = tf.tidy(() => {
      const probabilities = model.predict([source, tf.tensor(decoded, [n, length], 'int32')]) as Tensor; // [n, T, vocab]
      return tf.argMax(probabilities, -1).dataSync() as Int32Array; // [n, T]
    });
    for (let i = 0; i < n; i++) {
      outputs[i * length + t] = next[i * length + t]!;
      if (t + 1 < length) decoded[i * length + t + 1] = next[i * length + t]!;
    }
  }
  const truth = target.dataSync() as Int32Array;
  let right = 0;
  for (let i = 0; i < n; i++) {
    let all = true;
    for (let t = 0; t < length; t++) if (outputs[i * length + t] !== truth[i * length + t]) all = false;
    if (all) right++;
  }
  return right / n;
}

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;
const fixed = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));

await main();
