// What `nn train --engine torch` runs: the train block written as a Python
// program in the run's own folder, `<runDir>/torch/`: model.py (the module,
// ../export/pytorch/generate-module.ts) and train.py with the run's data
// and initial weights (../export/pytorch/export-training.ts), from the
// train block with the command line's settings over it. A GAN's block
// (`adversarial(...)`) is generator.py, discriminator.py and the
// adversarial train.py instead (../export/pytorch/export-adversarial.ts).

import { basename, join } from 'node:path';
import { traceModel } from '../../core/graph/trace.js';
import type { Host } from '../../core/host.js';
import type { TrainPlan } from '../../core/train/plan.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { exportAdversarialTraining } from '../export/pytorch/export-adversarial.js';
import { exportTraining } from '../export/pytorch/export-training.js';
import { generateModule, UnsupportedModelError } from '../export/pytorch/generate-module.js';
import type { TF } from '../tf-types.js';
import { TrainError } from './trace-model.js';

export interface TorchProgramRequest {
  file: string;
  host: Host;
  /** with its seed fixed: the data's split and the initial weights follow it */
  plan: TrainPlan;
  dir: string;
}

/** Writes model.py (a GAN: generator.py and discriminator.py), train.py, data/ and the initial weights into `dir`; returns their paths. */
export function exportTorchProgram(tf: TF, request: TorchProgramRequest): string[] {
  const { plan, dir } = request;
  if (plan.adversarial) return exportAdversarialTraining(tf, request);
  if (plan.model === undefined) throw new UnsupportedModelError(plan.name, ['a train block without a model']);
  const traced = traceModel(request.file, request.host, { model: plan.model });
  if (!traced.ok) throw new TrainError(traced.message, traced.diagnostics);
  const modelPy = join(dir, 'model.py');
  writeFileAtomically(modelPy, generateModule(traced.graph, { file: basename(request.file) }).source);
  return [modelPy, ...exportTraining(tf, { file: request.file, host: request.host, plan, dir })];
}
