// `nn.showSummary [file?, model?]`: from a code lens or the Models view (the
// file and the model), or from the palette or the editor title (the active
// `.nn` editor; a pick when it defines several models).

import * as vscode from 'vscode';
import type { CommandHandler } from '../commands.js';
import type { NnContext } from '../context.js';
import { modelsNearestFirst } from './model-names.js';
import { summaryPanels } from './summary-panel.js';

export function summaryCommands(nn: NnContext): Record<string, CommandHandler> {
  const panels = summaryPanels(nn);
  return {
    'nn.showSummary': async (target?: unknown, model?: unknown) => {
      const chosen = await fileAndModel(target, model);
      if (chosen) panels.show(chosen.file, chosen.model);
    },
  };
}

/**
 * The file and model a view command is about: its arguments (a path, a URI,
 * or a tree item carrying `file` and `model`), else the active `.nn` editor
 * and its model (asked when there are several). Undefined when the user
 * cancels; an Error when there is nothing to show.
 */
export async function fileAndModel(target: unknown, model: unknown): Promise<{ file: string; model: string } | undefined> {
  if (target && typeof target === 'object' && 'file' in target && 'model' in target) {
    const item = target as { file: unknown; model: unknown };
    if (typeof item.file === 'string' && typeof item.model === 'string') return { file: item.file, model: item.model };
  }
  let document: vscode.TextDocument | undefined;
  let offset = 0;
  if (typeof target === 'string' || target instanceof vscode.Uri) {
    const uri = target instanceof vscode.Uri ? target : target.includes('://') || target.startsWith('file:') ? vscode.Uri.parse(target) : vscode.Uri.file(target);
    if (typeof model === 'string') return { file: uri.fsPath, model };
    document = await vscode.workspace.openTextDocument(uri);
    // from the editor title: the model around the cursor of that editor comes first
    const editor = vscode.window.activeTextEditor;
    if (editor?.document === document) offset = document.offsetAt(editor.selection.active);
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'nn') throw new Error(vscode.l10n.t('Open a .nn file first: the command works on the models of the active editor.'));
    document = editor.document;
    offset = document.offsetAt(editor.selection.active);
  }
  const models = modelsNearestFirst(document.getText(), offset);
  const name = vscode.workspace.asRelativePath(document.uri);
  if (models.length === 0) throw new Error(vscode.l10n.t('{0} defines no model.', name));
  if (models.length === 1) return { file: document.uri.fsPath, model: models[0]! };
  const picked = await vscode.window.showQuickPick(models, { title: vscode.l10n.t('A model of {0}', name), placeHolder: vscode.l10n.t('Which model?') });
  return picked ? { file: document.uri.fsPath, model: picked } : undefined;
}
