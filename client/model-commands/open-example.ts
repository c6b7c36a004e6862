// NN: Open Example: a pick of the bundled architectures (dist/examples/*.nn),
// the chosen one copied into the workspace's `examples/` folder (an existing
// file is replaced only when the user says so) and opened; with no folder
// open, it opens as an untitled .nn document.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { exampleInfo } from './example-info.js';

/** the order of the pick: the quickest to train first */
const FIRST = ['mlp.nn', 'gan.nn', 'resnet.nn'];

export async function openExample(nn: NnContext): Promise<void> {
  const bundled = vscode.Uri.joinPath(nn.extension.extensionUri, 'dist', 'examples').fsPath;
  const names = existsSync(bundled) ? readdirSync(bundled).filter((f) => f.endsWith('.nn')) : [];
  if (names.length === 0) throw new Error(vscode.l10n.t('The extension has no bundled examples (its dist/examples folder is missing).'));
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const items = names.map((file) => {
    const source = readFileSync(join(bundled, file), 'utf8');
    const info = exampleInfo(file, source);
    return { label: file, description: info.models.join(', '), detail: info.summary, source };
  });
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open an example'), placeHolder: vscode.l10n.t('A bundled architecture, copied into examples/ of the workspace'), matchOnDescription: true, matchOnDetail: true });
  if (!pick) return;

  const folder = targetFolder();
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'nn', content: pick.source });
    await vscode.window.showTextDocument(document);
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, 'examples', pick.label);
  if (existsSync(target.fsPath) && readFileSync(target.fsPath, 'utf8') !== pick.source) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} exists and differs from the bundled example.', vscode.workspace.asRelativePath(target)),
      { modal: true },
      vscode.l10n.t('Open Existing'),
      replace,
    );
    if (!answer) return;
    if (answer === replace) writeFileSync(target.fsPath, pick.source);
  } else if (!existsSync(target.fsPath)) {
    mkdirSync(join(folder.uri.fsPath, 'examples'), { recursive: true });
    writeFileSync(target.fsPath, pick.source);
  }
  await vscode.window.showTextDocument(target);
}

/** The workspace folder of the active editor, else the first one on disk. */
function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (own?.uri.scheme === 'file') return own;
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
}
