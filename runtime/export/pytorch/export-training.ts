// `nn export --to pytorch` of a train block: besides the module, what
// train.py needs to train it in PyTorch: the run's data as .npy files
// (export-data.ts), the initial weights of a build seeded with the run's
// seed (the same initialisers as the tfjs engine), a `loss` definition as
// loss.py (the same graph -> Python emitter as model.py), and train.py
// itself (generate-train.ts). A GAN's train block (`minimax`) is
// export-adversarial.ts's (adversarialPlanOf finds such a block).

import { msg } from '../../../core/i18n/message.js';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Graph } from '../../../core/graph/graph.js';
import type { Host } from '../../../core/host.js';
import { lossPredictions } from '../../../core/train/loss-inputs.js';
import { planTraining, type TrainPlan } from '../../../core/train/plan.js';
import { compileGraph } from '../../compile/compile-graph.js';
import type { RawData } from '../../data/dataset.js';
import { writeFileAtomically } from '../../files/atomic-files.js';
import type { TF } from '../../tf-types.js';
import { loadRunData, seedOf, valuesOf } from '../../train/run-training.js';
import { trace, TrainError } from '../../train/trace-model.js';
import { exportData } from './export-data.js';
import { convertWeights } from './export-pytorch.js';
import { generateModule, UnsupportedModelError, type GeneratedModule } from './generate-module.js';
import { generateTrain, type TrainConfig } from './generate-train.js';
import { encodeSafetensors } from './safetensors.js';

export interface TrainingExportRequest {
  /** the .nn file */
  file: string;
  host: Host;
  plan: TrainPlan;
  /** the folder model.py was written to */
  dir: string;
}

/** What the export of a train block wrote, and what it was written from. */
export interface TrainingProgram {
  files: string[];
  /** the model traced for the data's shapes (a size the inputs leave open, like T, is the data's) */
  graph: Graph;
  /** model.py for that graph: the module train.py trains */
  generated: GeneratedModule;
  /** the run's data, as train.py's data/ holds it */
  raw: RawData;
  /** the held-out rows of `raw`, [from, to) */
  heldOut: [number, number];
}

/** Writes train.py, loss.py (a `loss` definition), initial-weights.safetensors and data/; returns their paths. */
export function exportTraining(tf: TF, request: TrainingExportRequest): string[] {
  return exportTrainingProgram(tf, request).files;
}

/** As exportTraining, returning also the graph and module train.py trains and the data it was given. */
export function exportTrainingProgram(tf: TF, request: TrainingExportRequest): TrainingProgram {
  const { plan, dir } = request;
  if (plan.adversarial || !plan.model) throw new UnsupportedModelError(plan.name, [msg`the adversarial training loop (minimax) in train.py`]);
  const seed = seedOf(plan);
  const raw = loadRunData({ ...request, tf }, plan, seed);
  const graph = trace(request, plan.model, raw.inputs.map((i) => i.shape));
  const generated = generateModule(graph, { file: basename(request.file) });
  const files: string[] = [];

  // the initial weights of the tfjs engine's build with this seed, in the module's layout
  const model = compileGraph(tf, graph, { seed });
  try {
    const initial = join(dir, 'initial-weights.safetensors');
    writeFileAtomically(initial, encodeSafetensors(convertWeights(tf, model, generated), { format: 'pt', model: graph.model, weights: `initial (seed ${seed})` }));
    files.push(initial);
  } finally {
    model.dispose();
  }

  const data = exportData(raw, graph, plan, join(dir, 'data'));
  files.push(...data.files);

  const loss = lossModule(request, graph, raw.target?.shape);
  if (loss) {
    const path = join(dir, 'loss.py');
    writeFileAtomically(path, loss.source);
    files.push(path);
  }

  const config: TrainConfig = {
    source: basename(request.file),
    name: plan.name,
    className: generated.className,
    models: [{ name: graph.model, parameters: graph.params.trainable + graph.params.nonTrainable, trainableParameters: graph.params.trainable }],
    data: data.summary,
    loss: loss ? { definition: loss.className, predictions: loss.predictions } : { builtin: 'builtin' in plan.loss ? plan.loss.builtin : 'crossentropy' },
    optimizer: plan.optimizer,
    schedule: plan.schedule,
    epochs: plan.epochs,
    batch: plan.batch,
    metrics: plan.metrics,
    seed,
    shuffle: plan.shuffle,
    checkpoints: { every: plan.checkpoints.every, keep: plan.checkpoints.keep },
    ...(plan.clip !== undefined ? { clip: plan.clip } : {}),
    ...(plan.earlyStopping !== undefined ? { earlyStopping: plan.earlyStopping } : {}),
  };
  const trainPy = join(dir, 'train.py');
  writeFileAtomically(trainPy, generateTrain(config));
  files.push(trainPy);
  const readme = join(dir, 'README.md');
  if (existsSync(readme)) writeFileAtomically(readme, readFileSync(readme, 'utf8') + trainingReadme(config));
  return { files, graph, generated, raw, heldOut: data.heldOut };
}

function trainingReadme(config: TrainConfig): string {
  return `
## Training

\`train.py\` trains ${config.name} as the train block of \`${config.source}\` does: ${config.epochs} epochs,
a global batch of ${config.batch}, ${config.optimizer.name}, on \`data/\` (${config.data.description}), from
the initial weights in \`initial-weights.safetensors\`. Needs torch, numpy and safetensors.

\`\`\`sh
python train.py                                # one process: the GPU when there is one (--device cpu|cuda)
torchrun --nproc_per_node=N train.py           # N processes with DDP (--fsdp: FSDP2); --amp bf16 for bfloat16
python train.py --resume runs/checkpoints/checkpoint-0003
\`\`\`

Checkpoints go to \`runs/checkpoints/\` (\`--out DIR\`); \`load(path)\` in \`model.py\` reads their \`weights.safetensors\`.
`;
}

/** A `loss` definition traced for the model's outputs and the data's targets, as a module: forward(predictions..., target) -> the loss. */
function lossModule(request: { file: string; host: Host; plan: TrainPlan }, model: Graph, targetShape: number[] | undefined): { source: string; className: string; predictions: number } | undefined {
  const { plan } = request;
  if ('builtin' in plan.loss) return undefined;
  const predictions = lossPredictions(plan.loss.inputs, model.outputs.length);
  if (predictions === undefined) throw new TrainError(msg`the loss ${plan.loss.definition} takes ${plan.loss.inputs} inputs, but ${model.model}'s outputs and the targets are ${model.outputs.length + 1}`);
  const shapes = model.outputs.slice(0, predictions).map((o) => o.type.shape.slice(1) as number[]);
  const graph = trace(request, plan.loss.definition, [...shapes, targetShape ?? shapes[0]!], valuesOf(plan.loss.args));
  const generated = generateModule(graph, { file: basename(request.file) });
  return { source: generated.source, className: generated.className, predictions };
}

/** The train block that trains `model` in `file` (the model exported), if there is one: then train.py is written too. */
export function trainBlockOf(file: string, host: Host, model: string): TrainPlan | undefined {
  const planned = planTraining(file, host, model);
  return planned.ok && planned.plan.model === model ? planned.plan : undefined;
}

/** A GAN's train block named by `name`, if `name` is one: its export is export-adversarial.ts's. */
export function adversarialPlanOf(file: string, host: Host, name: string): TrainPlan | undefined {
  const planned = planTraining(file, host, name);
  return planned.ok && planned.plan.adversarial ? planned.plan : undefined;
}
