// What every part of the extension is given: the VS Code extension context,
// the output channel, the language client, and the workspace's trust. One
// object owns their lifecycles (after rust-analyzer's `Ctx`); feature modules
// take it instead of reaching for globals.

import * as vscode from 'vscode';
import type { NnLanguageClient } from './language-client.js';

export interface NnContext {
  readonly extension: vscode.ExtensionContext;
  /** the "nn" output channel: the extension's own log (runs, set-up, errors) */
  readonly log: vscode.LogOutputChannel;
  readonly server: NnLanguageClient;
  /** whether the workspace is trusted: training, export, run and set-up need it */
  trusted(): boolean;
  /** subscriptions that end with the extension */
  own<T extends vscode.Disposable>(d: T): T;
}

/** Why an action that runs programs is disabled (a function: the language is known only once the extension runs). */
export function untrustedMessage(): string {
  return vscode.l10n.t('This workspace is not trusted: training, export, running a model and setting up the backend are disabled, because they run programs. Trust the workspace (Manage Workspace Trust) to enable them.');
}

/** Shows why an action that runs programs is disabled; returns false in an untrusted workspace. */
export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(untrustedMessage(), vscode.l10n.t('Manage Workspace Trust')).then((pick) => {
    if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
