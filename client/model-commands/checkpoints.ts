// The trained weights export and run use: with the setting nn.train.outDir,
// runs live in `<workspace folder>/<setting>/<model>/<run-id>/checkpoints`, where the
// CLI does not look by itself, so the newest checkpoint of the model there
// is passed as `--checkpoints`; without the setting the CLI finds it in
// `runs/` next to the file.

import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { findCheckpointDir } from '../../runtime/export/find-weights.js';
import { config } from '../config.js';

export function checkpointsArgs(file: string, model: string, given?: unknown): string[] {
  if (typeof given === 'string' && given !== '') return ['--checkpoints', given];
  const uri = vscode.Uri.file(file);
  const setting = config.trainOutDir(uri);
  if (setting === '') return [];
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  const found = findCheckpointDir(resolve(folder ?? resolve(file, '..'), setting), model);
  return found ? ['--checkpoints', found] : [];
}
