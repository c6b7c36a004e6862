// Which PyTorch checkpoint holds a model's trained weights, for `nn export`
// and `nn run`: train.py's state.json names the module's class (model.py's
// class, the model's name as a Python identifier), so a checkpoint is the
// model's when that name is its. Among the file's runs (`runs/<train
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
  path: string;
  /** when its weights were written (ms): to choose between it and a tfjs checkpoint */
  savedAt: number;
}

/** The model (class name) a PyTorch checkpoint's state.json names, if it names one. */
export function torchCheckpointModel(checkpoint: string): string | undefined {
  try {
    const state = JSON.parse(readFileOrThrow(join(checkpoint, 'state.json'), SMALL_FILE_BYTES).toString('utf8')) as { model?: unknown };
    return typeof state.model === 'string' ? state.model : undefined;
  } catch {
    return undefined;
  }
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
  if (isTorchCheckpoint(dir)) return torchCheckpointModel(dir) === className ? found(dir) : undefined;
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
  const name = torchCheckpointsIn(dir).find((n) => torchCheckpointModel(join(dir, n)) === className);
  return name !== undefined ? found(join(dir, name)) : undefined;
}

function found(path: string): TorchCheckpointFound {
  return { path, savedAt: statSync(join(path, 'weights.safetensors')).mtimeMs };
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
