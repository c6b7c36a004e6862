// The training backend in the status bar (`nn.backend`): what `nn doctor
// --json` of the resolved runtime says (native CPU, GPU, or the pure-JS
// warning), or the set-up when there is no runtime. Asked in the background
// once a .nn file is open, and again after a set-up or a change of the
// settings, the workspace folders or the trust; never during activation.
// It asks without the torch engine's side (`--no-torch`), which NN: Doctor
// shows: importing torch would make every check seconds slower.

import * as vscode from 'vscode';
import { onConfigChange } from '../config.js';
import type { NnContext } from '../context.js';
import { currentRuntime } from '../runtime.js';
import type { RuntimeSource } from '../runtime-resolve.js';
import { askDoctor } from './ask-doctor.js';
import { backendAppearance, type BackendState } from './backend-appearance.js';
import type { DoctorAnswer } from './doctor-answer.js';
import { showWithNnEditors } from '../status-bar.js';

/** after activation, the language server starts first */
const FIRST_CHECK_DELAY_MS = 1500;

let monitor: { refresh(): void; answered(source: RuntimeSource, answer: DoctorAnswer): void } | undefined;

/** Asks the runtime again (after a set-up, say); does nothing before the item exists. */
export function refreshBackendStatus(): void {
  monitor?.refresh();
}

/** Shows an answer the doctor command already has, instead of asking again. */
export function showBackendAnswer(source: RuntimeSource, answer: DoctorAnswer): void {
  monitor?.answered(source, answer);
}

export function backendStatusItem(nn: NnContext): vscode.StatusBarItem {
  const item = nn.own(vscode.window.createStatusBarItem('nn.backend', vscode.StatusBarAlignment.Left, 9));
  item.name = vscode.l10n.t('nn Training Backend');
  let asked = 0;
  let started = false;

  const apply = (state: BackendState): void => {
    const look = backendAppearance(state);
    item.text = look.text;
    item.tooltip = look.tooltip;
    item.command = look.args ? { title: look.text, command: look.command, arguments: look.args } : look.command;
    item.backgroundColor = look.background ? new vscode.ThemeColor(`statusBarItem.${look.background}Background`) : undefined;
  };

  const refresh = async (): Promise<void> => {
    started = true;
    const ask = ++asked;
    if (!vscode.workspace.isTrusted) return apply({ kind: 'untrusted' });
    const found = currentRuntime(nn);
    if (!found.ok) return apply({ kind: 'missing', reason: found.reason, message: found.message });
    apply({ kind: 'checking', source: found.runtime.source });
    const answer = await askDoctor(nn, found.runtime, { torch: false }).catch((e: unknown): DoctorAnswer => ({ ok: false, message: e instanceof Error ? e.message : String(e), stderrTail: [] }));
    if (ask === asked) apply({ kind: 'answered', source: found.runtime.source, answer });
  };
  monitor = {
    refresh: () => void refresh(),
    answered: (source, answer) => {
      asked++;
      started = true;
      apply({ kind: 'answered', source, answer });
    },
  };
  nn.own({ dispose: () => (monitor = undefined) });

  // the first check: once a .nn file is open
  const startWhenNnOpen = (): void => {
    if (started || !vscode.workspace.textDocuments.some((d) => d.languageId === 'nn')) return;
    started = true;
    setTimeout(() => void refresh(), FIRST_CHECK_DELAY_MS);
  };
  nn.own(vscode.workspace.onDidOpenTextDocument(startWhenNnOpen));
  startWhenNnOpen();
  const again = (): void => {
    if (started) void refresh();
  };
  nn.own(onConfigChange('runtime.path', again));
  nn.own(onConfigChange('train.device', again));
  nn.own(vscode.workspace.onDidChangeWorkspaceFolders(again));
  nn.own(vscode.workspace.onDidGrantWorkspaceTrust(again));

  apply(vscode.workspace.isTrusted ? { kind: 'checking', source: 'global' } : { kind: 'untrusted' });
  showWithNnEditors(nn, item);
  return item;
}
