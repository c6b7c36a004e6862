// One `nn` command (export, run) behind a cancellable progress notification;
// when it fails, the CLI's own message as an error (with "Show Logs").
// Undefined when it was cancelled or failed, else its result.

import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { runNn } from '../backend/run-nn.js';
import type { ProcessResult } from '../child-process.js';
import { cliLanguageArgs } from '../cli-language.js';
import type { NnContext } from '../context.js';
import type { NnRuntime } from '../runtime-resolve.js';
import { cliFailure } from './cli-failure.js';

export async function runWithProgress(nn: NnContext, runtime: NnRuntime, file: string, args: string[], title: string): Promise<ProcessResult | undefined> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    // the CLI's messages in the editor's language (the command stays args[0], which the failure names)
    return runNn(nn, runtime, [...args, ...cliLanguageArgs(vscode.env.language)], { cwd: dirname(file), signal: abort.signal });
  });
  if (result.cancelled) return undefined;
  if (result.code !== 0) {
    const message = cliFailure(args[0]!, result);
    nn.log.error(message);
    const pick = await vscode.window.showErrorMessage(message, vscode.l10n.t('Show Logs'));
    if (pick) nn.log.show(true);
    return undefined;
  }
  return result;
}
