// NN: Doctor: `nn doctor --json` through the resolved runtime, shown as a
// Markdown preview of a generated document (written to the extension's
// global storage, so no unsaved editor is left behind).

import { mkdirSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { config } from '../config.js';
import type { NnContext } from '../context.js';
import { requireTrust } from '../context.js';
import { requireRuntime } from '../runtime.js';
import { askDoctor } from './ask-doctor.js';
import { showBackendAnswer } from './backend-status.js';
import { doctorMarkdown } from './doctor-markdown.js';

export async function showDoctor(nn: NnContext): Promise<void> {
  if (!requireTrust()) return;
  const runtime = await requireRuntime(nn);
  if (!runtime) return;
  const device = config.trainDevice();
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('nn doctor: which backend would training use…') },
    () => askDoctor(nn, runtime, { torch: true }, device),
  );
  showBackendAnswer(runtime.source, answer);
  const folder = nn.extension.globalStorageUri;
  mkdirSync(folder.fsPath, { recursive: true });
  const document = vscode.Uri.joinPath(folder, 'nn-doctor.md');
  writeFileSync(document.fsPath, doctorMarkdown(answer, runtime, new Date(), device));
  await vscode.commands.executeCommand('markdown.showPreview', document);
}
