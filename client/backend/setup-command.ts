// NN: Set Up Training Backend: the runtime in `<globalStorage>/runtime`
// (setup-plan.ts), with a cancellable progress notification and every line
// of npm's and the native installer's output in the output channel. When a
// runtime is already set up it asks before reinstalling.

import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { requireTrust } from '../context.js';
import { currentRuntime, nodeCommand, nodeFs } from '../runtime.js';
import { GLOBAL_RUNTIME_FOLDER, isGlobalRuntime } from '../runtime-resolve.js';
import { cliLanguageArgs } from '../cli-language.js';
import { runtimeSourceWords } from './backend-appearance.js';
import { refreshBackendStatus } from './backend-status.js';
import { backendWords } from './doctor-answer.js';
import { findNpm, noNpmMessage } from './npm-location.js';
import { READY_FILE, setupPlan } from './setup-plan.js';
import { runSetup, SetupCancelled, SetupFailed } from './setup-runner.js';

let running = false;

export async function setUpBackend(nn: NnContext): Promise<void> {
  if (!requireTrust()) return;
  if (running) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The training backend is being set up already (see the progress notification).'));
    return;
  }
  const runtime = join(nn.extension.globalStorageUri.fsPath, GLOBAL_RUNTIME_FOLDER);
  if (isGlobalRuntime(runtime, nodeFs)) {
    const reinstall = vscode.l10n.t('Reinstall');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('The training backend is already set up ({0}). Reinstall it?', readyWords(runtime)), { modal: true }, reinstall);
    if (pick !== reinstall) return;
    rmSync(runtime, { recursive: true, force: true });
  }
  const node = nodeCommand();
  const npm = findNpm({ pathEnv: process.env.PATH ?? '', platform: process.platform, node: node.command }, nodeFs.isFile);
  if (!npm) {
    const message = noNpmMessage();
    nn.log.error(message);
    const pick = await vscode.window.showErrorMessage(message, vscode.l10n.t('Download Node.js'));
    if (pick) await vscode.env.openExternal(vscode.Uri.parse('https://nodejs.org/en/download'));
    return;
  }
  const bundled = vscode.Uri.joinPath(nn.extension.extensionUri, 'dist').fsPath;
  const steps = setupPlan({ runtime, bundled, installerFiles: readdirSync(join(bundled, 'native')).filter((f) => f.endsWith('.mjs')) }, cliLanguageArgs(vscode.env.language));
  running = true;
  nn.log.info(`Setting up the training backend in ${runtime}`);
  try {
    const done = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Setting up the training backend'), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runSetup(steps, {
          node,
          npm,
          extensionVersion: String((nn.extension.extension.packageJSON as { version?: unknown }).version ?? ''),
          signal: abort.signal,
          log: (line) => nn.log.info(line),
          progress: (update) => progress.report(update),
        });
      },
    );
    nn.log.info(`The training backend is ready (${Math.round(done.seconds)} s): ${backendWords(done.report)}`);
    const found = currentRuntime(nn);
    const ready = vscode.l10n.t('Training backend ready: {0}, TensorFlow {1} (set up in {2} s).', backendWords(done.report), done.report.versions.tensorflow ?? '?', Math.round(done.seconds));
    // a runtime of the setting or the workspace comes before the one just set up
    const note = found.ok && found.runtime.source !== 'global' ? ` ${vscode.l10n.t('This workspace trains with {0}, which comes first.', runtimeSourceWords(found.runtime.source))}` : '';
    void vscode.window.showInformationMessage(`${ready}${note}`);
  } catch (e) {
    rmSync(join(runtime, READY_FILE), { force: true });
    if (e instanceof SetupCancelled) {
      nn.log.warn(e.message);
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} Run NN: Set Up Training Backend again to finish it.', e.message));
    } else {
      const message = e instanceof SetupFailed ? e.message : vscode.l10n.t('The set-up of the training backend failed: {0}', e instanceof Error ? e.message : String(e));
      const details = e instanceof SetupFailed ? e.details : [];
      nn.log.error(message);
      for (const line of details) nn.log.error(`  ${line}`);
      const showLogs = vscode.l10n.t('Show Logs');
      const retry = vscode.l10n.t('Retry');
      void vscode.window.showErrorMessage([message, ...details.slice(0, 3)].join(' '), showLogs, retry).then((pick) => {
        if (pick === showLogs) nn.log.show(true);
        else if (pick === retry) void vscode.commands.executeCommand('nn.setUpBackend');
      });
    }
  } finally {
    running = false;
    refreshBackendStatus();
  }
}

/** `tfjs-node 4.22.0, native CPU, 2 Dec 2026` from ready.json, as far as it says. */
function readyWords(runtime: string): string {
  const ready = nodeFs.readJson(join(runtime, READY_FILE)) as { installedAt?: string; packages?: string[] } | undefined;
  const when = ready?.installedAt ? new Date(ready.installedAt).toLocaleDateString() : new Date(statSync(join(runtime, READY_FILE)).mtimeMs).toLocaleDateString();
  return [...(ready?.packages ?? []).filter((p) => p.includes('tfjs')), vscode.l10n.t('on {0}', when)].join(', ');
}
