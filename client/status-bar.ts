// The language server's state in the status bar: a click shows the logs, or
// restarts a server that stopped or failed.

import * as vscode from 'vscode';
import type { NnContext } from './context.js';
import type { ServerState } from './language-client.js';

const ICONS: Record<ServerState, string> = {
  starting: '$(loading~spin) nn',
  running: '$(check) nn',
  stopped: '$(circle-slash) nn',
  failed: '$(error) nn',
};

/** The server's state in words (a function: the words are in the language chosen at activation). */
function stateWords(state: ServerState): string {
  switch (state) {
    case 'starting':
      return vscode.l10n.t('starting');
    case 'running':
      return vscode.l10n.t('running');
    case 'stopped':
      return vscode.l10n.t('stopped');
    case 'failed':
      return vscode.l10n.t('failed');
  }
}

export function serverStatusItem(nn: NnContext): vscode.StatusBarItem {
  const item = nn.own(vscode.window.createStatusBarItem('nn.server', vscode.StatusBarAlignment.Left, 10));
  item.name = vscode.l10n.t('nn Language Server');
  const show = (state: ServerState): void => {
    item.text = ICONS[state];
    const healthy = state === 'running' || state === 'starting';
    const failure = nn.server.failure;
    item.tooltip = healthy
      ? vscode.l10n.t('nn language server: {0}. Click to show the logs.', stateWords(state))
      : failure
        ? vscode.l10n.t('nn language server: {0} ({1}). Click to restart it.', stateWords(state), failure)
        : vscode.l10n.t('nn language server: {0}. Click to restart it.', stateWords(state));
    item.command = healthy ? 'nn.showLogs' : 'nn.restartServer';
    item.backgroundColor = state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  show(nn.server.state);
  nn.own(nn.server.onDidChangeState(show));
  showWithNnEditors(nn, item);
  return item;
}

/** Shows `item` while the active editor holds a .nn file, and hides it otherwise. */
export function showWithNnEditors(nn: NnContext, item: vscode.StatusBarItem): void {
  const update = (): void => {
    if (vscode.window.activeTextEditor?.document.languageId === 'nn') item.show();
    else item.hide();
  };
  nn.own(vscode.window.onDidChangeActiveTextEditor(update));
  update();
}
