// Which file and model a command acts on: from its arguments (a code lens's
// `[filePath, modelName]`, a Uri, or a tree item's `{ file, model }`), else
// the active .nn editor and, when the file defines several models, a pick.
// An open file with unsaved changes is saved first: the CLI reads the disk.

import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { modelNames } from './model-names.js';

export interface ModelTarget {
  file: string;
  model: string;
}

/** What the model is picked for: the messages name it in whole sentences. */
export type ModelAction = 'export' | 'run';

export async function pickModelTarget(fileArg: unknown, modelArg: unknown, action: ModelAction): Promise<ModelTarget | undefined> {
  const fromItem = itemTarget(fileArg);
  const file = fromItem?.file ?? filePath(fileArg) ?? activeNnFile();
  if (!file) {
    void vscode.window.showWarningMessage(action === 'export' ? vscode.l10n.t('Open a .nn file to export one of its models.') : vscode.l10n.t('Open a .nn file to run one of its models.'));
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (open?.isDirty && !(await open.save())) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Save {0} first: nn reads it from the disk.', vscode.workspace.asRelativePath(file)));
    return undefined;
  }
  const model = fromItem?.model ?? (typeof modelArg === 'string' && modelArg !== '' ? modelArg : await pickModel(file, open?.getText(), action));
  return model ? { file, model } : undefined;
}

function itemTarget(arg: unknown): { file: string; model: string | undefined } | undefined {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return undefined;
  const { file, model } = arg as { file?: unknown; model?: unknown };
  const path = filePath(file);
  return path ? { file: path, model: typeof model === 'string' ? model : undefined } : undefined;
}

function filePath(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.scheme === 'file' ? arg.fsPath : undefined;
  if (typeof arg !== 'string' || arg === '') return undefined;
  return arg.startsWith('file:') ? vscode.Uri.parse(arg).fsPath : arg;
}

function activeNnFile(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'nn' && document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
}

async function pickModel(file: string, text: string | undefined, action: ModelAction): Promise<string | undefined> {
  let source = text;
  if (source === undefined) {
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(vscode.l10n.t('cannot read {0}: {1}', file, e instanceof Error ? e.message : String(e)));
    }
  }
  const models = modelNames(source);
  const shown = vscode.workspace.asRelativePath(file);
  if (models.length === 0) throw new Error(action === 'export' ? vscode.l10n.t('{0} defines no model to export.', shown) : vscode.l10n.t('{0} defines no model to run.', shown));
  if (models.length === 1) return models[0];
  return vscode.window.showQuickPick(models, { title: action === 'export' ? vscode.l10n.t('Which model to export?') : vscode.l10n.t('Which model to run?'), placeHolder: shown });
}
