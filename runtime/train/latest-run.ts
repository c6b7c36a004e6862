// `runs/<name>/latest.json`: which run of a runs folder is the newest with a
// complete checkpoint, and where that checkpoint is,
//
//   {"run":"20250131-142501-3fa9","dir":"checkpoints","checkpoint":"checkpoint-0003","epoch":3,"savedAt":"...","startedAt":"..."}
//
// written atomically after each checkpoint. Runs of one model may train at
// once, so a run replaces it only when it is not older than the run named
// there (by start, to the millisecond: two runs may start within one second
// of a run id; then by the checkpoint's time), and looks again after
// writing (another run may have replaced it in between). It is a shortcut,
// checked before it is followed: `--resume`, `nn export` and `nn run` also
// find checkpoints without it (checkpointFolders).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHECKPOINTS_DIR, runPathProblem } from '../../core/train/run-paths.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { CHECKPOINT_NAME, isCheckpointFolder } from './checkpoint.js';
import { RUN_ID, runFoldersIn } from './run-folder.js';
import { readFileOrThrow, SMALL_FILE_BYTES } from '../files/read-regular-file.js';

export interface LatestRun {
  /** the run's id: its folder in the runs folder */
  run: string;
  /** its checkpoint folder, relative to the run folder */
  dir: string;
  checkpoint: string;
  epoch: number;
  savedAt: string;
  /** when the run started, to the millisecond (absent in files of earlier versions) */
  startedAt?: string;
}

const LATEST = 'latest.json';

/** The runs folder's latest.json, when it is one this version wrote and names nothing outside a run folder. */
export function readLatestRun(runsDir: string): LatestRun | undefined {
  try {
    const v = JSON.parse(readFileOrThrow(join(runsDir, LATEST), SMALL_FILE_BYTES).toString('utf8')) as Partial<LatestRun>;
    const valid =
      typeof v.run === 'string' &&
      RUN_ID.test(v.run) &&
      typeof v.dir === 'string' &&
      runPathProblem(v.dir) === undefined &&
      typeof v.checkpoint === 'string' &&
      CHECKPOINT_NAME.test(v.checkpoint) &&
      typeof v.epoch === 'number' &&
      typeof v.savedAt === 'string' &&
      (v.startedAt === undefined || typeof v.startedAt === 'string');
    return valid ? (v as LatestRun) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `a` is a newer checkpoint than `b`: of a run started later (to the millisecond where both say), else saved later. */
function newer(a: LatestRun, b: LatestRun): boolean {
  if (a.run === b.run) return a.savedAt > b.savedAt;
  if (a.startedAt !== undefined && b.startedAt !== undefined && a.startedAt !== b.startedAt) return a.startedAt > b.startedAt;
  return a.run > b.run;
}

const same = (a: LatestRun, b: LatestRun): boolean => a.run === b.run && a.dir === b.dir && a.checkpoint === b.checkpoint;

/** Points latest.json at `entry` unless it names a newer checkpoint. */
export function updateLatestRun(runsDir: string, entry: LatestRun): void {
  // a few rounds: an older run that wrote between our look and our write is corrected
  for (let round = 0; round < 3; round++) {
    const current = readLatestRun(runsDir);
    if (current && (same(current, entry) || newer(current, entry))) return;
    writeFileAtomically(join(runsDir, LATEST), JSON.stringify(entry));
  }
}

/**
 * The checkpoint folders of a runs folder, newest first: the one latest.json
 * names, then each run folder's (newest run first; `dir`, then the default),
 * then the earlier layout's `checkpoints/`. Only folders that hold a
 * checkpoint; `except` (the run folder asking) is left out.
 */
export function checkpointFolders(runsDir: string, options: { dir?: string; except?: string } = {}): string[] {
  const out: string[] = [];
  const add = (path: string) => {
    if (!out.includes(path) && isCheckpointFolder(path)) out.push(path);
  };
  const latest = readLatestRun(runsDir);
  if (latest && latest.run !== options.except) add(join(runsDir, latest.run, latest.dir));
  const dirs = [...new Set([options.dir ?? DEFAULT_CHECKPOINTS_DIR, DEFAULT_CHECKPOINTS_DIR])].filter((d) => runPathProblem(d) === undefined);
  for (const run of runFoldersIn(runsDir)) if (run !== options.except) for (const dir of dirs) add(join(runsDir, run, dir));
  if (existsSync(join(runsDir, 'checkpoints'))) add(join(runsDir, 'checkpoints'));
  return out;
}
