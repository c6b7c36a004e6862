// The sample pictures of a GAN trained by PyTorch (`nn train --engine
// torch` of an adversarial train block): the tfjs engine's pictures
// (adversarial.ts writeSamples: a ring's scatter plot, or a grid of
// generated images), drawn from train.py's generator. The adversarial
// train.py, given `--sample-weights EVERY`, writes the generator's weights
// as `sample-weights-NNNN.safetensors` before the `epoch` event of an
// epoch whose samples are due; at that event they are read into a compiled
// tfjs generator of the same graph, the picture is drawn and announced by
// a `sample` event, and the file removed: the order of the tfjs run's
// events (epoch, sample, checkpoint).

import { msg } from '../../core/i18n/message.js';
import type { Graph } from '../../core/graph/graph.js';
import type { TrainPlan } from '../../core/train/plan.js';
import { compileGraph } from '../compile/compile-graph.js';
import type { GeneratedModule } from '../export/pytorch/generate-module.js';
import { loadTorchWeightsFile } from '../export/pytorch/load-torch-checkpoint.js';
import type { Tensor, TF } from '../tf-types.js';
import { writeSamples } from './adversarial.js';
import type { Emit } from './events.js';
import { fromSampleWeights, type TorchPictures } from './torch-pictures.js';

/** What the samples are drawn with: the generator's traced graph and its generator.py. */
export interface TorchGanPictureSource {
  tf: TF;
  /** the adversarial train block, its seed fixed */
  plan: TrainPlan;
  graph: Graph;
  generated: GeneratedModule;
}

/** The run's sample pictures, or undefined when the block asks for none (`samples:` left out, `every: 0` or `count: 0`). */
export function torchGanPictures(source: TorchGanPictureSource, place: { runDir: string; programDir: string; emit: Emit }): TorchPictures | undefined {
  const { tf, plan, graph } = source;
  const every = plan.samples?.every ?? 0;
  if (every <= 0 || (plan.samples?.count ?? 0) <= 0 || !plan.adversarial) return undefined;
  const generator = compileGraph(tf, graph, { seed: 1 });
  const noise = noiseOf(tf, plan);
  return fromSampleWeights(every, place, {
    draw(file, epoch) {
      loadTorchWeightsFile(tf, generator, graph, file, source.generated);
      const { path, kind } = writeSamples(tf, plan, generator, noise, place.runDir, epoch);
      place.emit({ type: 'sample', epoch, path, kind });
    },
    failed: (reason) => msg`the samples cannot be drawn from PyTorch's generator (${reason}); training goes on without them`,
    dispose: () => generator.dispose(),
  });
}

/** Fresh draws of the block's noise for each picture, seeded from the run's seed: the same pictures for the same weights. */
function noiseOf(tf: TF, plan: TrainPlan): (n: number) => Tensor {
  const spec = plan.adversarial!.noise;
  let draws = 0;
  return (n) => {
    const seed = (plan.seed ?? 0) * 7919 + ++draws;
    return spec.distribution === 'uniform'
      ? tf.randomUniform([n, ...spec.shape], spec.args['low'] ?? 0, spec.args['high'] ?? 1, 'float32', seed)
      : tf.randomNormal([n, ...spec.shape], spec.args['mean'] ?? 0, spec.args['std'] ?? 1, 'float32', seed);
  };
}
