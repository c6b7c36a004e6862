// `nn export --to pytorch` of a GAN's train block (`adversarial(...)` with
// `loss: minimax`): generator.py and discriminator.py (the same graph ->
// Python emitter as model.py), the initial weights of each as the tfjs
// engine seeds them (the generator with the run's seed, the discriminator
// with the next), the real examples as data/train-input-0.npy (all of them:
// a GAN holds none out), and train.py with the adversarial loop
// (adversarial-program.ts).

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Graph } from '../../../core/graph/graph.js';
import type { Host } from '../../../core/host.js';
import type { TrainPlan } from '../../../core/train/plan.js';
import { compileGraph } from '../../compile/compile-graph.js';
import { writeFileAtomically } from '../../files/atomic-files.js';
import type { TF } from '../../tf-types.js';
import { loadRunData, seedOf } from '../../train/run-training.js';
import { trace } from '../../train/trace-model.js';
import { exportData } from './export-data.js';
import { convertWeights } from './export-pytorch.js';
import { type GeneratedModule, generateModule } from './generate-module.js';
import { type AdversarialConfig, generateAdversarialTrain } from './generate-train.js';
import { encodeSafetensors } from './safetensors.js';

export interface AdversarialExportRequest {
  /** the .nn file */
  file: string;
  host: Host;
  /** a train block with `adversarial` */
  plan: TrainPlan;
  dir: string;
}

/** The program written, and the generator it trains: what `nn train --engine torch` draws its samples with. */
export interface AdversarialProgram {
  files: string[];
  generator: { graph: Graph; generated: GeneratedModule };
}

/** Writes generator.py, discriminator.py, their initial weights, data/, train.py and README.md into `dir`; returns their paths. */
export function exportAdversarialTraining(tf: TF, request: AdversarialExportRequest): string[] {
  return exportAdversarialProgram(tf, request).files;
}

/** As exportAdversarialTraining, with the generator's graph and module. */
export function exportAdversarialProgram(tf: TF, request: AdversarialExportRequest): AdversarialProgram {
  const { plan, dir } = request;
  const pair = plan.adversarial!;
  const seed = seedOf(plan);
  const raw = loadRunData({ ...request, tf }, plan, seed);
  const generatorGraph = trace(request, pair.generator, [pair.noise.shape]);
  const fakeShape = generatorGraph.outputs[0]!.type.shape.slice(1) as number[];
  const discriminatorGraph = trace(request, pair.discriminator, [raw.inputs[0]?.shape ?? fakeShape]);
  const files: string[] = [];
  const roles = [
    ['generator', generatorGraph, seed],
    ['discriminator', discriminatorGraph, seed + 1],
  ] as const;
  const modules: Partial<Record<(typeof roles)[number][0], GeneratedModule>> = {};
  for (const [role, graph, roleSeed] of roles) {
    const generated = generateModule(graph, { file: basename(request.file) });
    modules[role] = generated;
    const modulePy = join(dir, `${role}.py`);
    writeFileAtomically(modulePy, generated.source);
    const model = compileGraph(tf, graph, { seed: roleSeed });
    try {
      const initial = join(dir, `initial-${role}.safetensors`);
      writeFileAtomically(initial, encodeSafetensors(convertWeights(tf, model, generated), { format: 'pt', model: graph.model, weights: `initial (seed ${roleSeed})` }));
      files.push(modulePy, initial);
    } finally {
      model.dispose();
    }
  }
  const data = exportData({ ...raw, split: 1 }, discriminatorGraph, { ...plan, validation: 0 }, join(dir, 'data'));
  files.push(...data.files);

  const config: AdversarialConfig = {
    source: basename(request.file),
    name: plan.name,
    models: [generatorGraph, discriminatorGraph].map((g) => ({ name: g.model, parameters: g.params.trainable + g.params.nonTrainable, trainableParameters: g.params.trainable })),
    generator: { className: modules.generator!.className },
    discriminator: { className: modules.discriminator!.className },
    noise: pair.noise,
    steps: plan.steps,
    ...(plan.data.name === 'ring' ? { ring: ringOf(plan) } : {}),
    data: data.summary,
    loss: { builtin: 'minimax' },
    optimizer: plan.optimizer,
    schedule: plan.schedule,
    epochs: plan.epochs,
    batch: plan.batch,
    metrics: [],
    seed,
    shuffle: plan.shuffle,
    checkpoints: { every: plan.checkpoints.every, keep: plan.checkpoints.keep },
  };
  const trainPy = join(dir, 'train.py');
  writeFileAtomically(trainPy, generateAdversarialTrain(config));
  files.push(trainPy);
  const readme = join(dir, 'README.md');
  writeFileAtomically(readme, (existsSync(readme) ? readFileSync(readme, 'utf8') : `# ${plan.name}\n`) + adversarialReadme(config));
  files.push(readme);
  return { files, generator: { graph: generatorGraph, generated: modules.generator! } };
}

/** The ring's settings as the tfjs engine reads them (runtime/train/adversarial.ts ringOptions). */
function ringOf(plan: TrainPlan): { modes: number; radius: number; std: number } {
  const a = plan.data.args;
  return { modes: typeof a['modes'] === 'number' ? a['modes'] : 8, radius: typeof a['radius'] === 'number' ? a['radius'] : 2, std: typeof a['std'] === 'number' ? a['std'] : 0.02 };
}

function adversarialReadme(config: AdversarialConfig): string {
  return `
## Training

\`train.py\` trains ${config.name} as the adversarial train block of \`${config.source}\` does: ${config.epochs} epochs,
a batch of ${config.batch}, ${config.optimizer.name} for each of \`generator.py\` (${config.generator.className}) and
\`discriminator.py\` (${config.discriminator.className}), on \`data/\` (${config.data.description}), from the initial
weights in \`initial-generator.safetensors\` and \`initial-discriminator.safetensors\`. Needs torch, numpy and safetensors.

\`\`\`sh
python train.py                                # one process: the GPU when there is one (--device cpu|cuda)
python train.py --resume runs/checkpoints/checkpoint-0003
\`\`\`

Checkpoints go to \`runs/checkpoints/\` (\`--out DIR\`), each with \`generator.safetensors\` and \`discriminator.safetensors\`.
`;
}
