// The checkpoints of runs trained by PyTorch (`nn train --engine torch`):
// train.py writes them in its run folder as
//
//   <runDir>/checkpoints/checkpoint-0003/{weights.safetensors, optimizer.pt, state.json}
//
// or, for a GAN's train block, both modules and both optimizers:
//
//   <runDir>/checkpoints/checkpoint-0003/{generator.safetensors, discriminator.safetensors,
//                                        generator-optimizer.pt, discriminator-optimizer.pt, state.json}
//
// each folder renamed into place when complete. `--resume` continues from
// the newest: of the newest run that has one, its highest epoch. Run
// folders of the tfjs engine (their checkpoints hold model-*.json) are
// passed over.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHECKPOINTS_DIR } from '../../core/train/run-paths.js';
import { CHECKPOINT_NAME } from './checkpoint.js';
import { isTorchCheckpoint } from './torch-checkpoint-kind.js';
import { runFoldersIn } from './run-folder.js';

/** The newest complete PyTorch checkpoint among the runs of `runsDir` (absolute), leaving out the run `except`. */
export function newestTorchCheckpoint(runsDir: string, except?: string): string | undefined {
  for (const run of runFoldersIn(runsDir)) {
    if (run === except) continue;
    const dir = join(runsDir, run, DEFAULT_CHECKPOINTS_DIR);
    const found = torchCheckpointsIn(dir)[0];
    if (found !== undefined) return join(dir, found);
  }
  return undefined;
}

/** The names of the complete PyTorch checkpoints in a checkpoint folder, newest first (by epoch, then by the `-2` of a stop within an epoch). */
export function torchCheckpointsIn(dir: string): string[] {
  const order = (name: string) => {
    const m = CHECKPOINT_NAME.exec(name)!;
    return [Number(m[1]), Number(m[2] ?? 1)] as const;
  };
  return list(dir)
    .filter((name) => CHECKPOINT_NAME.test(name) && isTorchCheckpoint(join(dir, name)))
    .sort((a, b) => {
      const [ea, sa] = order(a);
      const [eb, sb] = order(b);
      return eb - ea || sb - sa;
    });
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
