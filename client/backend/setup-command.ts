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
import { refreshBackendStatus } from './backend-status.js';
import { backendWords } from './doctor-answer.js';
import { findNpm, NO_NPM_MESSAGE } from './npm-location.js';
import { READY_FILE, setupPlan } from './setup-plan.js';
import { runSetup, SetupCancelled, SetupFailed } from './setup-runner.js';

let running = false;

export async function setUpBackend(nn: NnContext): Promise<void> {
  if (!requireTrust()) return;
  if (running) {
    void vscode.window.showInformationMessage('The training backend is being set up already (see the progress notification).');
    return;
  }
  const runtime = join(nn.extension.globalStorageUri.fsPath, GLOBAL_RUNTIME_FOLDER);
  if (isGlobalRuntime(runtime, nodeFs)) {
    const pick = await vscode.window.showInformationMessage(`The training backend is already set up (${readyWords(runtime)}). Reinstall it?`, { modal: true }, 'Reinstall');
    if (pick !== 'Reinstall') return;
    rmSync(runtime, { recursive: true, force: true });
  }
  const node = nodeCommand();
  const npm = findNpm({ pathEnv: process.env.PATH ?? '', platform: process.platform, node: node.command }, nodeFs.isFile);
  if (!npm) {
    nn.log.error(NO_NPM_MESSAGE);
    const pick = await vscode.window.showErrorMessage(NO_NPM_MESSAGE, 'Download Node.js');
    if (pick) await vscode.env.openExternal(vscode.Uri.parse('https://nodejs.org/en/download'));
    return;
  }
  const bundled = vscode.Uri.joinPath(nn.extension.extensionUri, 'dist').fsPath;
  const steps = setupPlan({ runtime, bundled, installerFiles: readdirSync(join(bundled, 'native')).filter((f) => f.endsWith('.mjs')) });
  running = true;
  nn.log.info(`Setting up the training backend in ${runtime}`);
  try {
    const done = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Setting up the training backend', cancellable: true },
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
    const note = found.ok && found.runtime.source !== 'global' ? ` This workspace trains with ${found.runtime.source === 'setting' ? 'the runtime of the setting nn.runtime.path' : "the workspace's nn-lang"}, which comes first.` : '';
    void vscode.window.showInformationMessage(`Training backend ready: ${backendWords(done.report)}, TensorFlow ${done.report.versions.tensorflow ?? '?'} (set up in ${Math.round(done.seconds)} s).${note}`);
  } catch (e) {
    rmSync(join(runtime, READY_FILE), { force: true });
    if (e instanceof SetupCancelled) {
      nn.log.warn(e.message);
      void vscode.window.showInformationMessage(`${e.message} Run NN: Set Up Training Backend again to finish it.`);
    } else {
      const message = e instanceof SetupFailed ? e.message : `The set-up of the training backend failed: ${e instanceof Error ? e.message : String(e)}`;
      const details = e instanceof SetupFailed ? e.details : [];
      nn.log.error(message);
      for (const line of details) nn.log.error(`  ${line}`);
      void vscode.window.showErrorMessage([message, ...details.slice(0, 3)].join(' '), 'Show Logs', 'Retry').then((pick) => {
        if (pick === 'Show Logs') nn.log.show(true);
        else if (pick === 'Retry') void vscode.commands.executeCommand('nn.setUpBackend');
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
  return [...(ready?.packages ?? []).filter((p) => p.includes('tfjs')), `on ${when}`].join(', ');
}
