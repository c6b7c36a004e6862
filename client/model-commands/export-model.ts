// NN: Export Model: `nn export FILE --model M --out DIR` (TensorFlow.js's
// model.json and weights, with nn-layers.mjs) into a folder the user picks
// (default `<folder of the file>/export/<model>`), with a cancellable
// progress notification; on success "Reveal", on failure the CLI's message.

import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { requireTrust } from '../context.js';
import { requireRuntime } from '../runtime.js';
import { checkpointsArgs } from './checkpoints.js';
import { runWithProgress } from './run-with-progress.js';
import { cliWarnings } from './cli-failure.js';
import { pickModelTarget } from './model-target.js';
import { revealPath } from './reveal.js';

export async function exportModel(nn: NnContext, fileArg?: unknown, modelArg?: unknown, checkpointsArg?: unknown): Promise<void> {
  if (!requireTrust()) return;
  const target = await pickModelTarget(fileArg, modelArg, 'export');
  if (!target) return;
  const runtime = await requireRuntime(nn);
  if (!runtime) return;
  const out = await pickOutputFolder(join(dirname(target.file), 'export', target.model));
  if (!out) return;
  const args = ['export', target.file, '--model', target.model, '--out', out, ...checkpointsArgs(target.file, target.model, checkpointsArg)];
  const result = await runWithProgress(nn, runtime, target.file, args, vscode.l10n.t('Exporting {0}…', target.model));
  if (!result) return;
  const warnings = cliWarnings(result.stderrTail);
  const where = vscode.workspace.asRelativePath(out);
  const text = warnings.length > 0 ? vscode.l10n.t('Exported {0} to {1}. Warning: {2}', target.model, where, warnings.join(' ')) : vscode.l10n.t('Exported {0} to {1}.', target.model, where);
  const show = warnings.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const reveal = vscode.l10n.t('Reveal');
  const pick = await show(text, reveal);
  if (pick === reveal) await revealPath(join(out, 'model.json'));
}

/** The default folder, or one chosen in a folder dialog. */
async function pickOutputFolder(suggested: string): Promise<string | undefined> {
  const here = { label: `$(folder) ${vscode.workspace.asRelativePath(suggested)}`, description: vscode.l10n.t('default'), path: suggested };
  const choose = { label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}`, description: '', path: '' };
  const pick = await vscode.window.showQuickPick([here, choose], { title: vscode.l10n.t('Export the model into'), placeHolder: vscode.l10n.t('model.json, its weights and nn-layers.mjs go into this folder') });
  if (!pick) return undefined;
  if (pick.path !== '') return pick.path;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Export Here'), defaultUri: vscode.Uri.file(dirname(dirname(suggested))) });
  return chosen?.[0]?.fsPath;
}
