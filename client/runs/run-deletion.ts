// What deleting a run removes, decided before anything is touched. A run
// with a folder of its own (`runs/<name>/<run-id>/`) goes with that folder:
// its events, checkpoints, samples and the lock a killed run left. In the
// earlier layout (`runs/<name>/events/<run-id>.jsonl`) each run had only
// its events file; the folder's checkpoints and samples were shared by its
// runs, so they go only with the folder's last run, and only the folder's
// own `checkpoints/` and `samples/`: a checkpoint folder a train block put
// elsewhere (`checkpoints: { dir }`) may hold other things and is left
// alone. Folders are removed last and only when empty (anything else a
// person put there keeps them). A running run is never deleted. Pure:
// unit-tested.

import { l10n } from '../l10n.js';
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
  if (run.state === 'running') return l10n.t('{0} ({1}) is still running: stop it before deleting it.', run.model, run.runId);
  if (ownsFolder(run)) return { files: [], trees: [run.runDir], emptyFolders: [] };
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

/** Whether the run trained in a folder of its own (named after its id), which it alone wrote. */
function ownsFolder(run: RunRecord): boolean {
  return run.runDir.split(/[\\/]/).filter(Boolean).at(-1) === run.runId;
}

/** What the confirmation says will go. */
export function describePlan(plan: DeletionPlan, relative: (path: string) => string): string {
  if (plan.files.length === 0 && plan.trees.length === 1) return l10n.t('This removes its folder ({0}) with its checkpoints, samples and events.', relative(plan.trees[0]!));
  const events = plan.files.map((f) => relative(f)).join(', ');
  if (plan.trees.length === 0) return l10n.t('This removes its events ({0}).', events);
  return l10n.t("This removes its events ({0}) and the folder's checkpoints and samples (it is the last run of {1}).", events, relative(plan.emptyFolders[plan.emptyFolders.length - 1]!));
}
