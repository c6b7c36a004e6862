// The sample pictures of a run trained by PyTorch: drawn by the same
// makers as the tfjs engine's (runtime/pictures), so both engines' runs
// show the same pictures and `sample` events. train.py, given
// `--sample-weights EVERY`, writes the module's weights as
// `sample-weights-NNNN.safetensors` in its folder before the `epoch` event
// of an epoch whose pictures are due (every EVERY epochs and the last);
// at that event the engine reads them into a compiled tfjs model of the
// same graph (converted back: torch-to-tfjs-weights.ts), draws, emits the
// `sample` events, and removes the file. So the pictures come between the
// epoch's `epoch` and `checkpoint` events, as docs/events.md says.

import { msg } from '../../core/i18n/message.js';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../../core/graph/graph.js';
import type { TrainPlan } from '../../core/train/plan.js';
import { compileGraph } from '../compile/compile-graph.js';
import type { Examples, RawArray, RawData } from '../data/dataset.js';
import { inputShape } from '../export/pytorch/export-data.js';
import type { GeneratedModule } from '../export/pytorch/generate-module.js';
import { loadTorchWeightsFile } from '../export/pytorch/load-torch-checkpoint.js';
import { supervisedPictures } from '../pictures/epoch-pictures.js';
import type { Tensor, TF } from '../tf-types.js';
import type { Emit } from './events.js';

/** What the engine needs to draw a torch run's pictures: the exported program's graph, module and data. */
export interface TorchPictureSource {
  tf: TF;
  plan: TrainPlan;
  graph: Graph;
  generated: GeneratedModule;
  raw: RawData;
  /** the held-out rows of `raw`, [from, to): what train.py measures on */
  heldOut: [number, number];
}

export interface TorchPictures {
  /** train.py's `--sample-weights`: every how many epochs it writes the weights */
  every: number;
  /** At epoch `epoch`'s event: the pictures, when train.py wrote that epoch's weights. */
  afterEpoch(epoch: number): void;
  dispose(): void;
}

/** The file train.py writes an epoch's weights to (save_sample_weights in train-program.ts). */
export const sampleWeightsFile = (programDir: string, epoch: number): string => join(programDir, `sample-weights-${String(epoch).padStart(4, '0')}.safetensors`);

/** The run's pictures, or undefined when none fits it (or `samples: { every: 0 }`). */
export function torchPictures(source: TorchPictureSource, place: { runDir: string; programDir: string; emit: Emit }): TorchPictures | undefined {
  const { tf, graph, raw } = source;
  const every = source.plan.samples?.every ?? 1;
  if (every <= 0) return undefined;
  const model = compileGraph(tf, graph, { seed: 1 });
  const heldOut = heldOutExamples(tf, raw, graph, source.heldOut);
  const dispose = () => {
    model.dispose();
    for (const t of heldOut.inputs) t.dispose();
    heldOut.target?.dispose();
  };
  const draw = supervisedPictures({ tf, plan: source.plan, model, raw, heldOut }, { runDir: place.runDir, emit: place.emit });
  if (!draw) {
    dispose();
    return undefined;
  }
  return fromSampleWeights(every, place, {
    draw(file, epoch) {
      loadTorchWeightsFile(tf, model, graph, file, source.generated);
      draw(epoch);
    },
    failed: (reason) => msg`the pictures cannot be drawn from PyTorch's weights (${reason}); training goes on without them`,
    dispose,
  });
}

/** How a kind of run draws from an epoch's weights file, and what it says when it cannot. */
export interface SampleWeightsDrawing {
  draw(file: string, epoch: number): void;
  /** the warning, given why */
  failed(reason: string): string;
  dispose(): void;
}

/**
 * At an epoch whose weights train.py wrote: draw from them, then remove the
 * file. A picture that cannot be drawn (the weights, a full disk) is one
 * warning, and the run goes on without pictures.
 */
export function fromSampleWeights(every: number, place: { programDir: string; emit: Emit }, drawing: SampleWeightsDrawing): TorchPictures {
  let broken = false;
  return {
    every,
    afterEpoch(epoch) {
      const file = sampleWeightsFile(place.programDir, epoch);
      if (!existsSync(file)) return;
      try {
        if (!broken) drawing.draw(file, epoch);
      } catch (e) {
        broken = true;
        place.emit({ type: 'warning', message: drawing.failed(e instanceof Error ? e.message : String(e)) });
      } finally {
        rmSync(file, { force: true });
      }
    },
    dispose: () => drawing.dispose(),
  };
}

/** The held-out rows as tensors in the model's input shapes (as train.py's data/heldout-*.npy hold them). */
function heldOutExamples(tf: TF, raw: RawData, graph: Graph, [from, to]: [number, number]): Examples {
  const rows = (array: RawArray, shape: number[]): Tensor => {
    const per = array.shape.reduce((a, b) => a * b, 1);
    return tf.tensor(array.values.subarray(from * per, to * per), [to - from, ...shape], array.dtype === 'bool' ? 'bool' : array.dtype);
  };
  return {
    inputs: raw.inputs.map((input, i) => rows(input, inputShape(raw, input, graph, i))),
    target: raw.target ? rows(raw.target, raw.target.shape) : undefined,
    count: to - from,
  };
}
