// Where a model's trained weights are: the newest checkpoint that holds
// them, among the runs next to the .nn file (`runs/<name>/`, a folder per
// run: runtime/train/run-folder.ts), or in the folder given.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointFolders } from '../train/latest-run.js';
import { checkpointsNewestFirst, isCheckpointFolder } from '../train/checkpoint.js';

/** The checkpoint folder (with latest.json) whose newest checkpoint has weights for `model`, newest first; undefined when none. */
export function findCheckpointDir(runsRoot: string, model: string): string | undefined {
  return findCheckpointFolders(runsRoot, model)[0];
}

/**
 * Every checkpoint folder under `runsRoot` (the folder of runs folders:
 * `runs/`) whose newest checkpoint has weights for `model`: each runs
 * folder's newest first, the runs folders by their newest checkpoint.
 */
export function findCheckpointFolders(runsRoot: string, model: string): string[] {
  let names: string[];
  try {
    names = readdirSync(runsRoot);
  } catch {
    return [];
  }
  const found = names.map((name) => checkpointFolders(join(runsRoot, name)).filter((dir) => holds(dir, model))).filter((dirs) => dirs.length > 0);
  return found.sort((a, b) => savedTime(b[0]!) - savedTime(a[0]!)).flat();
}

/**
 * The checkpoint folders a folder given by hand (`--checkpoints DIR`)
 * means: a checkpoint folder itself, a run folder (its `checkpoints/`), or
 * a runs folder (its runs' checkpoint folders, newest first).
 */
export function checkpointFoldersIn(dir: string): string[] {
  return isCheckpointFolder(dir) ? [dir] : checkpointFolders(dir);
}

function holds(dir: string, model: string): boolean {
  const newest = checkpointsNewestFirst(dir)[0];
  return newest !== undefined && existsSync(join(newest, `model-${model}.json`));
}

/** When a folder's newest checkpoint was saved: its latest.json's time, else the checkpoint's. */
function savedTime(dir: string): number {
  for (const path of [join(dir, 'latest.json'), checkpointsNewestFirst(dir)[0]]) {
    try {
      if (path) return statSync(path).mtimeMs;
    } catch {
      // not there: the next
    }
  }
  return 0;
}

