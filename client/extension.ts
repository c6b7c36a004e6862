// activate(): wires the pieces together and nothing else. Everything that
// runs programs (training, export, run, set-up) runs in child processes;
// nothing here loads TensorFlow.

import * as vscode from 'vscode';
import { localeFrom, setLocale } from '../core/i18n/locale.js';
import { backendStatusItem } from './backend/backend-status.js';
import { registerCommands } from './commands.js';
import type { NnContext } from './context.js';
import { fromBundle, useTranslator } from './l10n.js';
import { NnLanguageClient } from './language-client.js';
import { serverStatusItem } from './status-bar.js';

// when the bundle started loading (a banner the build puts first in extension.cjs): activation time counts from here
declare const __nnLoadStart: number | undefined;
const loadedAt = typeof __nnLoadStart === 'number' ? __nnLoadStart : performance.now();

let active: { nn: NnContext; dispose: () => Promise<void> } | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  const activating = performance.now();
  // the parts that run without VS Code too (run states, labels, the runtime's messages) read VS Code's strings of the display language
  useTranslator(fromBundle(vscode.l10n.bundle));
  // the CLI's code the extension shares (NN: Doctor's NVIDIA and PyTorch rows, .npy errors) writes its `msg`s in that language too
  setLocale(localeFrom(vscode.env.language));
  const log = vscode.window.createOutputChannel('nn', { log: true });
  const serverOutput = vscode.window.createOutputChannel('nn Language Server', { log: true });
  const server = new NnLanguageClient(extension, serverOutput);
  const owned: vscode.Disposable[] = [log, serverOutput];
  const nn: NnContext = {
    extension,
    log,
    server,
    trusted: () => vscode.workspace.isTrusted,
    own: (d) => {
      owned.push(d);
      return d;
    },
  };
  registerCommands(nn);
  serverStatusItem(nn);
  backendStatusItem(nn);
  active = {
    nn,
    dispose: async () => {
      await server.dispose();
      // a disposal may be asynchronous (live training runs stop with a checkpoint first): wait for it
      for (const d of owned.reverse()) await d.dispose();
    },
  };
  void server.start(); // activation does not wait for the server (it reports its state in the status bar)
  const now = performance.now();
  log.info(`activated in ${Math.round(now - loadedAt)} ms (loading the bundle ${Math.round(activating - loadedAt)} ms, activate() ${Math.round(now - activating)} ms)`);
}

export async function deactivate(): Promise<void> {
  const current = active;
  active = undefined;
  await current?.dispose();
}
