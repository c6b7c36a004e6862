// What `nn train --engine torch` runs: the train block written as a Python
// program in the run's own folder, `<runDir>/torch/`: model.py (the module,
// ../export/pytorch/generate-module.ts) and train.py with the run's data
// and initial weights (../export/pytorch/export-training.ts), from the
// train block with the command line's settings over it. model.py is the
// module of the model traced for the data's shapes, the one train.py
// trains: a size the inputs leave open (a sequence length T) is the data's.
// A GAN's block (`adversarial(...)`) is generator.py, discriminator.py and
// the adversarial train.py instead (../export/pytorch/export-adversarial.ts).

import { msg } from '../../core/i18n/message.js';
import { join } from 'node:path';
import type { Host } from '../../core/host.js';
import type { TrainPlan } from '../../core/train/plan.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { exportAdversarialProgram } from '../export/pytorch/export-adversarial.js';
import { exportTrainingProgram } from '../export/pytorch/export-training.js';
import { UnsupportedModelError } from '../export/pytorch/generate-module.js';
import type { TF } from '../tf-types.js';
import type { TorchGanPictureSource } from './torch-gan-pictures.js';
import type { TorchPictureSource } from './torch-pictures.js';

export interface TorchProgramRequest {
  file: string;
  host: Host;
  /** with its seed fixed: the data's split and the initial weights follow it */
  plan: TrainPlan;
  dir: string;
}

/** The program written, and what the run's pictures are drawn from. */
export interface TorchProgram {
  files: string[];
  /** a supervised block's pictures (none for a GAN's program) */
  pictures?: TorchPictureSource;
  /** a GAN's samples, drawn from its generator */
  ganPictures?: TorchGanPictureSource;
}

/** Writes model.py, train.py, data/ and the initial weights into `dir`. */
export function exportTorchProgram(tf: TF, request: TorchProgramRequest): TorchProgram {
  const { plan, dir } = request;
  if (plan.adversarial) {
    const program = exportAdversarialProgram(tf, request);
    return { files: program.files, ganPictures: { tf, plan, ...program.generator } };
  }
  if (plan.model === undefined) throw new UnsupportedModelError(plan.name, [msg`a train block without a model`]);
  const program = exportTrainingProgram(tf, { file: request.file, host: request.host, plan, dir });
  const modelPy = join(dir, 'model.py');
  writeFileAtomically(modelPy, program.generated.source);
  return {
    files: [modelPy, ...program.files],
    pictures: { tf, plan, graph: program.graph, generated: program.generated, raw: program.raw, heldOut: program.heldOut },
  };
}
