// A run's checkpoints: saved in its own run folder (then named in the runs
// folder's latest.json), and, with `--resume`, the newest intact checkpoint
// of the earlier runs restored before the first epoch. A resumed run is a
// new run in a folder of its own: the run it continues is never changed.

import { msg } from '../../core/i18n/message.js';
import { join } from 'node:path';
import type { TrainPlan } from '../../core/train/plan.js';
import { DEFAULT_CHECKPOINTS_DIR, runPathProblem } from '../../core/train/run-paths.js';
import type { LayersModel, TF } from '../tf-types.js';
import { CheckpointError, checkpointsNewestFirst, reason, restoreNewestIntact, saveCheckpoint } from './checkpoint.js';
import type { Emit } from './events.js';
import { checkpointFolders, updateLatestRun } from './latest-run.js';
import { RunFolderError } from './run-folder.js';

type Optimizers = Parameters<typeof saveCheckpoint>[4];

export interface RunCheckpoints {
  /** `--resume`: restores the newest intact checkpoint of the earlier runs; returns the epochs it had done (0: from the start) and where it was */
  resume(models: Record<string, LayersModel>, optimizers: Optimizers): Promise<{ epoch: number; from?: string }>;
  /** saves a checkpoint after `epoch` epochs; returns its folder */
  save(epoch: number, models: Record<string, LayersModel>, optimizers: Optimizers): Promise<string>;
}

export interface RunPlace {
  /** the runs folder: `runs/<name>` or `--out` */
  runsDir: string;
  runId: string;
  runDir: string;
  /** when the run started (ISO, to the millisecond): which of two runs is newer when both started within a second */
  startedAt?: string;
}

/** The run's checkpoint folder, `checkpoints: { dir }` inside its run folder (the checker refuses others; asked again here before writing). */
export function checkpointsDirOf(plan: TrainPlan, runDir: string): string {
  const dir = plan.checkpoints.dir ?? DEFAULT_CHECKPOINTS_DIR;
  const problem = runPathProblem(dir);
  if (problem !== undefined) throw new RunFolderError(msg`checkpoints.dir ${JSON.stringify(dir)} ${problem}: a run writes only inside its own folder (${runDir})`);
  return join(runDir, dir);
}

export function runCheckpoints(tf: TF, plan: TrainPlan, place: RunPlace, options: { resume: boolean; emit: Emit }): RunCheckpoints {
  const dir = checkpointsDirOf(plan, place.runDir);
  const warn = (message: string) => options.emit({ type: 'warning', message });
  return {
    async resume(models, optimizers) {
      if (!options.resume) return { epoch: 0 };
      const folders = checkpointFolders(place.runsDir, { ...(plan.checkpoints.dir !== undefined ? { dir: plan.checkpoints.dir } : {}), except: place.runId });
      const candidates = folders.flatMap((folder) => checkpointsNewestFirst(folder, warn));
      const restored = await restoreNewestIntact(tf, candidates, models, optimizers, plan.name, warn);
      if (!restored) {
        warn(msg`nothing to resume: no checkpoint in ${place.runsDir}; training starts at epoch 1`);
        return { epoch: 0 };
      }
      return { epoch: restored.state.epoch, from: restored.path };
    },
    async save(epoch, models, optimizers) {
      const savedAt = new Date().toISOString();
      const path = await saveCheckpoint(tf, dir, { epoch, name: plan.name, savedAt }, models, optimizers, plan.checkpoints.keep);
      try {
        updateLatestRun(place.runsDir, { run: place.runId, dir: plan.checkpoints.dir ?? DEFAULT_CHECKPOINTS_DIR, checkpoint: path.slice(dir.length + 1), epoch, savedAt, ...(place.startedAt !== undefined ? { startedAt: place.startedAt } : {}) });
      } catch (e) {
        throw new CheckpointError(msg`the checkpoint ${path} is saved, but ${join(place.runsDir, 'latest.json')} cannot be updated: ${reason(e)}`);
      }
      return path;
    },
  };
}
