// Which PyTorch checkpoint holds a model's trained weights, for `nn export`
// and `nn run`: train.py's state.json names the module's class (model.py's
// class, the model's name as a Python identifier), so a checkpoint is the
// model's when that name is its: `model` for weights.safetensors, or a
// GAN's `models: { generator, discriminator }` for `<role>.safetensors`
// (adversarial-program.ts). Among the file's runs (`runs/<train
// block>/<run>/checkpoints/`) the newest run's latest checkpoint wins; a
// folder given by hand may be a checkpoint, a run folder or a runs folder.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHECKPOINTS_DIR } from '../../core/train/run-paths.js';
import { readFileOrThrow, SMALL_FILE_BYTES } from '../files/read-regular-file.js';
import { isTorchCheckpoint } from './torch-checkpoint-kind.js';
import { torchCheckpointsIn } from './torch-checkpoints.js';
import { runFoldersIn } from './run-folder.js';

export interface TorchCheckpointFound {
  /** the checkpoint folder */
  path: string;
  /** the model's weights file in it */
  weights: string;
  /** when its weights were written (ms): to choose between it and a tfjs checkpoint */
  savedAt: number;
}

/** The file of a PyTorch checkpoint that holds the weights of the module `className`, when its state.json names it. */
export function torchWeightsFileOf(checkpoint: string, className: string): string | undefined {
  let state: { model?: unknown; models?: unknown };
  try {
    state = JSON.parse(readFileOrThrow(join(checkpoint, 'state.json'), SMALL_FILE_BYTES).toString('utf8')) as typeof state;
  } catch {
    return undefined;
  }
  if (state.model === className) return join(checkpoint, 'weights.safetensors');
  const roles = typeof state.models === 'object' && state.models !== null ? Object.entries(state.models) : [];
  const role = roles.find(([name, model]) => model === className && /^[a-z]+$/.test(name))?.[0];
  return role !== undefined ? join(checkpoint, `${role}.safetensors`) : undefined;
}

/** The newest PyTorch checkpoint of `className` among the runs folders in `runsRoot` (`runs/` beside the .nn file). */
export function newestTorchCheckpointOf(runsRoot: string, className: string): TorchCheckpointFound | undefined {
  const found = folders(runsRoot)
    .map((name) => newestIn(join(runsRoot, name), className))
    .filter((f): f is TorchCheckpointFound => f !== undefined);
  return found.sort((a, b) => b.savedAt - a.savedAt)[0];
}

/** In a folder given by hand: a PyTorch checkpoint itself, a run folder, or a runs folder (its newest run with one of `className`). */
export function torchCheckpointIn(dir: string, className: string): TorchCheckpointFound | undefined {
  if (isTorchCheckpoint(dir)) return found(dir, className);
  return newestOfRun(dir, className) ?? newestIn(dir, className);
}

/** The newest run's latest checkpoint of `className` in a train block's runs folder. */
function newestIn(runsDir: string, className: string): TorchCheckpointFound | undefined {
  for (const run of runFoldersIn(runsDir)) {
    const checkpoint = newestOfRun(join(runsDir, run), className);
    if (checkpoint) return checkpoint;
  }
  return undefined;
}

function newestOfRun(runDir: string, className: string): TorchCheckpointFound | undefined {
  const dir = join(runDir, DEFAULT_CHECKPOINTS_DIR);
  for (const name of torchCheckpointsIn(dir)) {
    const checkpoint = found(join(dir, name), className);
    if (checkpoint) return checkpoint;
  }
  return undefined;
}

function found(path: string, className: string): TorchCheckpointFound | undefined {
  const weights = torchWeightsFileOf(path, className);
  if (weights === undefined) return undefined;
  try {
    return { path, weights, savedAt: statSync(weights).mtimeMs };
  } catch {
    return undefined; // state.json names a file that is not there: not this model's checkpoint
  }
}

function folders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}
