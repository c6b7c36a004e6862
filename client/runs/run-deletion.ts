// What deleting a run removes, decided before anything is touched. Always
// its own events file. Each run has a folder of its own
// (`runs/<name>/<run-id>/`), so its checkpoints and samples go with it; in
// the earlier layout a folder's checkpoints and samples were shared by its
// runs, so they go only with the folder's last run, and only the folder's
// own `checkpoints/` and
// `samples/`: a checkpoint folder a train block put elsewhere
// (`checkpoints: { dir }`) may hold other things and is left alone. Folders
// are removed last and only when empty (anything else a person put there
// keeps them). A running run is never deleted. Pure: unit-tested.

import { join, type RunRecord } from './run-folders.js';

export interface DeletionPlan {
  /** files removed */
  files: string[];
  /** folders removed with everything in them */
  trees: string[];
  /** folders removed only if they are empty by then, innermost first */
  emptyFolders: string[];
}

/** The plan, or a message saying why the run cannot be deleted. */
export function deletionPlan(run: RunRecord, runsInFolder: readonly RunRecord[]): DeletionPlan | string {
  if (run.state === 'running') return `${run.model} (${run.runId}) is still running: stop it before deleting it.`;
  const others = runsInFolder.filter((r) => r.runId !== run.runId && r.runDir === run.runDir);
  const plan: DeletionPlan = { files: [run.eventsFile], trees: [], emptyFolders: [] };
  if (others.length > 0) return plan;
  // the folder's last run: its own checkpoints and samples go too
  const checkpoints = join(run.runDir, 'checkpoints');
  const samples = join(run.runDir, 'samples');
  plan.trees.push(checkpoints, samples);
  plan.emptyFolders.push(join(run.runDir, 'events'), run.runDir);
  return plan;
}

/** What the confirmation says will go. */
export function describePlan(plan: DeletionPlan, relative: (path: string) => string): string {
  const parts = plan.files.map((f) => `its events (${relative(f)})`);
  if (plan.trees.length > 0) parts.push(`the folder's checkpoints and samples (it is the last run of ${relative(plan.emptyFolders[plan.emptyFolders.length - 1]!)})`);
  return `This removes ${parts.join(' and ')}.`;
}
