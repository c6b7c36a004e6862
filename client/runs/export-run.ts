// Export a run's model (`nn export FILE --model M --out DIR --checkpoints
// <the run's checkpoints>`) into a folder the user picks, through the same
// runtime as training, in a child process with a cancellable progress
// notification; a failure is an error message with the tail of its stderr.

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { type NnContext, requireTrust } from '../context.js';
import { nodeCommand, requireRuntime } from '../runtime.js';
import { lastLines, TextTail } from './stream-lines.js';
import { exportArgs } from './train-invocation.js';
import type { TrainingRun } from './training-run.js';

export async function exportRun(nn: NnContext, run: TrainingRun): Promise<void> {
  if (!requireTrust()) return;
  const checkpoint = [...run.events].reverse().find((e) => e.type === 'checkpoint');
  if (!checkpoint) {
    void vscode.window.showWarningMessage(`This run of ${run.model} saved no checkpoint yet: there are no trained weights to export.`);
    return;
  }
  const models = run.start?.models.map((m) => m.name) ?? [run.model];
  const model =
    models.length > 1
      ? await vscode.window.showQuickPick(models, { title: `Export which model of ${run.model}?`, placeHolder: 'a model the run trained' })
      : models[0]!;
  if (!model) return;
  const runtime = await requireRuntime(nn);
  if (!runtime) return;
  const picked = await vscode.window.showOpenDialog({
    title: `Export ${model}: choose a folder`,
    openLabel: 'Export Here',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.Uri.file(dirname(run.file)),
  });
  const out = picked?.[0]?.fsPath;
  if (!out) return;
  const { command, env } = nodeCommand();
  const args = exportArgs(runtime.script, run.file, model, out, dirname(checkpoint.path));
  nn.log.info(`exporting ${model}: ${command} ${args.join(' ')}`);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting ${model}…`, cancellable: true }, (_progress, token) =>
    runToEnd(command, env, args, dirname(run.file), token, (line) => nn.log.info(`[export ${model}] ${line}`)),
  );
  if (result.cancelled) return;
  if (result.code === 0) {
    const pick = await vscode.window.showInformationMessage(`Exported ${model} to ${out}.`, 'Reveal');
    if (pick) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(join(out, 'model.json')));
    return;
  }
  const tail = lastLines(result.stderr, 3);
  nn.log.error(`export of ${model} failed (${result.error ?? `exit status ${result.code}`}):\n${lastLines(result.stderr, 40)}`);
  void vscode.window.showErrorMessage(`Export of ${model} failed: ${result.error ?? (tail.replace(/\n/g, ' | ') || `exit status ${result.code}`)}`, 'Show Logs').then((p) => {
    if (p) nn.log.show(true);
  });
}

interface Finished {
  code: number | null;
  stderr: string;
  cancelled: boolean;
  /** why it did not start */
  error?: string;
}

function runToEnd(command: string, env: NodeJS.ProcessEnv, args: string[], cwd: string, token: vscode.CancellationToken, log: (line: string) => void): Promise<Finished> {
  return new Promise((resolve) => {
    const stderr = new TextTail();
    let error: string | undefined;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const lines = (chunk: string) => chunk.split('\n').filter((l) => l.trim() !== '').forEach(log);
    child.stdout.setEncoding('utf8').on('data', lines);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr.push(chunk);
      lines(chunk);
    });
    const cancel = token.onCancellationRequested(() => child.kill('SIGKILL'));
    child.on('error', (e) => {
      error = `could not start ${command}: ${e.message}`;
      if (child.pid === undefined) resolve({ code: null, stderr: '', cancelled: false, error });
    });
    child.on('close', (code) => {
      cancel.dispose();
      resolve({ code, stderr: stderr.value(), cancelled: token.isCancellationRequested, ...(error !== undefined ? { error } : {}) });
    });
  });
}
