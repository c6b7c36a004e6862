// `nn train FILE --engine torch [--device cpu|cuda] [--nproc N]`: the train
// block exported to PyTorch and trained there (runtime/train/torch-engine.ts),
// with the same events, run folders, stop and exit statuses as the tfjs
// engine. Which Python runs it: runtime/python/find-python.ts; without
// Python, or without torch in it, one line says what to install.

import { msg } from '../core/i18n/message.js';
import type { TrainPlan } from '../core/train/plan.js';
import { probePython, type PythonReport } from '../runtime/python/find-python.js';
import type { Emit } from '../runtime/train/events.js';
import type { StopSignal } from '../runtime/train/supervised.js';
import { runTorchTraining, type TorchDevice } from '../runtime/train/torch-engine.js';
import type { TorchProgram } from '../runtime/train/torch-export.js';
import { runsDirOf } from '../runtime/train/run-training.js';
import type { Failure } from './failure-message.js';
import { EXIT, type Io } from './io.js';

export interface TorchTrainRequest {
  io: Io;
  emit: Emit;
  /** an error event and its line on stderr */
  fail(failure: Failure): number;
  /** the .nn file (absolute) */
  file: string;
  /** the train block with the command line's settings over it */
  plan: TrainPlan;
  outDir?: string;
  /** `--device`: cpu, cuda (gpu is cuda), or undefined: CUDA when PyTorch sees it */
  device?: TorchDevice;
  nproc: number;
  resume: boolean;
  extraArgs: string[];
  stop: StopSignal;
  /** writes model.py, train.py and data/ for the train block into a folder; what it gives back draws the run's pictures */
  exportProgram(dir: string): Promise<TorchProgram | void>;
  /** the Python asked already (the GPU fallback asked it first) */
  python?: PythonReport;
}

export async function trainWithTorch(request: TorchTrainRequest): Promise<number> {
  // said before Python is asked anything: the adversarial train.py is one process, never torchrun's
  if (request.plan.adversarial && request.nproc > 1) {
    return request.fail({ message: msg`--nproc ${request.nproc}: a GAN's train block trains as one process (its two models take turns on each batch); leave out --nproc`, exit: EXIT.usage, fields: {} });
  }
  const python = request.python ?? probePython();
  if (python.problem !== undefined) return request.fail({ message: python.problem, exit: EXIT.usage, fields: {} });
  if (request.device === 'cuda' && !python.cuda.available) {
    const python3 = python.executable ?? python.python;
    const message =
      python.cuda.build === null
        ? msg`--device cuda: ${python3} has a CPU-only build (torch ${python.packages.torch}); train with --device cpu, or install PyTorch for CUDA (\`nn doctor\` shows what it finds)`
        : msg`--device cuda: ${python3} has torch ${python.packages.torch}, built for CUDA ${python.cuda.build}, but sees no GPU; train with --device cpu, or install PyTorch for CUDA (\`nn doctor\` shows what it finds)`;
    return request.fail({ message, exit: EXIT.usage, fields: {} });
  }
  const { exit } = await runTorchTraining({
    file: request.file,
    plan: request.plan,
    runsDir: runsDirOf({ file: request.file, ...(request.outDir !== undefined ? { outDir: request.outDir } : {}) }, request.plan),
    python: python.executable ?? python.python,
    ...(request.device !== undefined ? { device: request.device } : {}),
    nproc: request.nproc,
    resume: request.resume,
    extraArgs: request.extraArgs,
    exportProgram: request.exportProgram,
    emit: request.emit,
    stop: request.stop,
    log: (line) => request.io.stderr.write(`${line}\n`),
  });
  return exit;
}

/** `--device gpu` where TensorFlow.js has no GPU: PyTorch's CUDA, when it sees one (the Python report), else undefined. */
export function torchInstead(python: PythonReport): string | undefined {
  if (python.problem !== undefined || !python.cuda.available) return undefined;
  const gpus = python.cuda.gpus.map((g) => g.name).join(', ');
  return gpus ? msg`PyTorch ${python.packages.torch} sees CUDA (${gpus}): training with --engine torch` : msg`PyTorch ${python.packages.torch} sees CUDA: training with --engine torch`;
}
