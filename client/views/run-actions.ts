// What the Runs view's actions do with a run. The training view and the
// training commands belong to the training part of the extension; a run is
// handed to them as `{ runDir, runId, file, model }` (open, stop) or as
// `file, model` (resume, export, like a code lens). Deleting asks first,
// never touches a running run, and removes what client/runs/run-deletion.ts
// decides.

import { rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { deletionPlan, describePlan } from '../runs/run-deletion.js';
import type { RunRecord } from '../runs/run-folders.js';
import type { RunsView } from './runs-view.js';

/** How the training view and `nn.stopTraining` are told which run. */
export interface RunReference {
  runDir: string;
  runId: string;
  /** the `.nn` file ('' when the run's events do not name it) */
  file: string;
  model: string;
}

export function runReference(run: RunRecord): RunReference {
  return { runDir: run.runDir, runId: run.runId, file: run.file ?? '', model: run.model };
}

/** The run a command was given (the tree passes its element), or an Error. */
export function asRun(arg: unknown): RunRecord {
  if (arg && typeof arg === 'object' && 'eventsFile' in arg && 'runDir' in arg) return arg as RunRecord;
  throw new Error(vscode.l10n.t('Pick a run in the Runs view.'));
}

function fileOf(run: RunRecord): string {
  if (!run.file) throw new Error(vscode.l10n.t("This run's events do not name its .nn file (an older nn wrote them): open the file and use the command from its editor."));
  return run.file;
}

export async function openRun(run: RunRecord): Promise<void> {
  await vscode.commands.executeCommand('nn.openTrainingView', runReference(run));
}

export async function stopRun(run: RunRecord): Promise<void> {
  await vscode.commands.executeCommand('nn.stopTraining', runReference(run));
}

export async function resumeRun(run: RunRecord): Promise<void> {
  await vscode.commands.executeCommand('nn.resumeTraining', fileOf(run), run.model);
}

/** Exports the run's model from the run's own checkpoints (a GAN: its first model, the generator). */
export async function exportRun(run: RunRecord): Promise<void> {
  const model = run.models.length === 0 || run.models.includes(run.model) ? run.model : run.models[0]!;
  const last = run.checkpoints[run.checkpoints.length - 1];
  await vscode.commands.executeCommand('nn.exportModel', fileOf(run), model, ...(last ? [dirname(last)] : []));
}

export async function revealRun(run: RunRecord): Promise<void> {
  const uri = vscode.Uri.file(run.runDir);
  // inside the workspace the Explorer shows it (also in a remote window); else the OS's file manager
  if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
  else await vscode.commands.executeCommand('revealFileInOS', uri);
}

export async function deleteRun(run: RunRecord, view: RunsView): Promise<void> {
  // read the folder again: the state and the other runs may have changed since the tree was drawn
  await view.refresh(false);
  const current = view.runs().find((r) => r.eventsFile === run.eventsFile);
  if (!current) return;
  const plan = deletionPlan(current, view.runs());
  if (typeof plan === 'string') throw new Error(plan);
  const relative = (p: string) => vscode.workspace.asRelativePath(p);
  const remove = vscode.l10n.t('Delete');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete the run {0} of {1}?', current.model, current.runId), { modal: true, detail: describePlan(plan, relative) }, remove);
  if (answer !== remove) return;
  for (const file of plan.files) rmSync(file, { force: true });
  for (const tree of plan.trees) rmSync(tree, { recursive: true, force: true });
  for (const folder of plan.emptyFolders) {
    try {
      rmdirSync(folder); // only when empty: whatever else is there stays
    } catch {
      break; // its parent is not empty either
    }
  }
  await view.refresh(false);
}
