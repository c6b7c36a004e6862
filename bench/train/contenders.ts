// The contenders of the training benchmark, each training one workload
// once and saying how fast and how well: nn (`runTraining`, as `nn train`
// does, and as `nn train --eager` does), raw tfjs-node (`model.fit` in this process), and Keras and PyTorch
// (a Python process each, bench/python/). Every contender's samples per
// second count the training epochs with each epoch's test evaluation, as
// nn's runs do them; model building, start-up and imports are not counted.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { nodeHost } from '../../cli/node-host.js';
import type { RawData } from '../../runtime/data/dataset.js';
import type { TrainEvent } from '../../runtime/train/events.js';
import { runTraining } from '../../runtime/train/run-training.js';
import type { TF } from '../../runtime/tf-types.js';
import { BATCH, type Workload } from './workloads.js';

/** One trained run: its pace and the final test accuracy, or why it did not run. */
export type Outcome = { samplesPerSecond: number; accuracy: number } | { missing: string };

export interface Contender {
  /** the table's column */
  name: string;
  train(workload: Workload, epochs: number): Promise<Outcome>;
}

/** nn as `nn train` runs it: each step one TensorFlow graph; with `eager`, as `nn train --eager` does, op by op. */
export function nnContender(tf: TF, backend: string, eager = false): Contender {
  return {
    name: eager ? 'nn --eager' : 'nn',
    async train(workload, epochs) {
      let seconds = 0;
      let trainExamples = 0;
      let accuracy = NaN;
      const emit = (e: TrainEvent) => {
        if (e.type === 'start') trainExamples = e.examples.train;
        // an epoch's seconds: its batches and its test evaluation (not the pictures and checkpoints between epochs)
        if (e.type === 'epoch') (seconds += e.seconds), (accuracy = e.logs['test_accuracy'] ?? NaN);
      };
      const result = await runTraining({
        file: join(process.cwd(), workload.file),
        host: nodeHost,
        target: workload.model,
        tf,
        backend: { name: backend, device: 'cpu' },
        outDir: join(process.cwd(), 'dist', 'bench-train-runs'),
        overrides: { epochs, batch: BATCH, seed: 1 },
        eager,
        emit,
        stop: { requested: false },
      });
      for (const m of Object.values(result.models)) m.dispose();
      return { samplesPerSecond: (trainExamples * epochs) / seconds, accuracy };
    },
  };
}

export function tfjsContender(tf: TF, raw: RawData, trainCount: number): Contender {
  return {
    name: 'raw tfjs-node',
    async train(workload, epochs) {
      const images = raw.inputs[0]!.values as Float32Array;
      const labels = raw.target!.values as Int32Array;
      const pixels = 784;
      const testCount = raw.count - trainCount;
      const x = tf.tensor(images.subarray(0, trainCount * pixels), [trainCount, ...workload.imageShape]);
      const y = tf.tensor(Float32Array.from(labels.subarray(0, trainCount)), [trainCount, 1]);
      const xTest = tf.tensor(images.subarray(trainCount * pixels), [testCount, ...workload.imageShape]);
      const yTest = tf.tensor(Float32Array.from(labels.subarray(trainCount)), [testCount, 1]);
      const model = workload.tfjs(tf);
      try {
        const started = performance.now();
        const history = await model.fit(x, y, { epochs, batchSize: BATCH, shuffle: true, validationData: [xTest, yTest], verbose: 0 });
        const seconds = (performance.now() - started) / 1000;
        const accuracy = history.history['val_acc']?.at(-1);
        return { samplesPerSecond: (trainCount * epochs) / seconds, accuracy: typeof accuracy === 'number' ? accuracy : NaN };
      } finally {
        model.dispose();
        for (const t of [x, y, xTest, yTest]) t.dispose();
      }
    },
  };
}

/**
 * A contender in Python: `script` run by the bench environment's Python
 * with the digits' folder; its last stdout line is JSON. `python` is that
 * Python, or why there is none (then every run is missing, with the reason).
 */
export function pythonContender(name: string, script: string, python: string | { missing: string }, env: Record<string, string> = {}): Contender {
  return {
    name,
    async train(workload, epochs) {
      if (typeof python !== 'string') return python;
      const args = [join(process.cwd(), 'bench', 'python', script), '--workload', workload.id, '--data', dataFolder(), '--epochs', String(epochs), '--batch', String(BATCH)];
      const run = spawnSync(python, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
      const last = run.stdout?.trim().split('\n').at(-1) ?? '';
      if (run.status !== 0 || !last.startsWith('{')) return { missing: `failed (${run.error?.message ?? lastLine(run.stderr) ?? `exit ${run.status}`})` };
      const result = JSON.parse(last) as { samples_per_second: number; test_accuracy: number; versions: string };
      versions.set(name, result.versions);
      return { samplesPerSecond: result.samples_per_second, accuracy: result.test_accuracy };
    },
  };
}

/** What each Python contender reported it is (`Keras 3.15.1 / TF 2.21.0`), for the table's header. */
export const versions = new Map<string, string>();

/** Where bench:train writes the digits as .npy for the Python contenders (mnist-files.ts). */
export const dataFolder = () => join(process.cwd(), 'dist', 'bench-train-data');

function lastLine(text: string | undefined): string | undefined {
  const lines = (text ?? '').trim().split('\n').filter((l) => l.trim() !== '');
  return lines.at(-1)?.trim().slice(0, 200);
}
