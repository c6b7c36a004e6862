// The `nn` runtime for this window (see runtime-resolve.ts), read from the
// settings, the workspace and the global storage each time it is needed.
// Where none is ready, the user is offered the set-up instead of a failure.

import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { config } from './config.js';
import { CLI_FILES } from './backend/setup-plan.js';
import type { NnContext } from './context.js';
import { type NnRuntime, type Resolution, resolveRuntime, type RuntimeFs } from './runtime-resolve.js';

export const nodeFs: RuntimeFs = {
  isFile: (p) => statSync(p, { throwIfNoEntry: false })?.isFile() === true,
  isDirectory: (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true,
  readJson: (p) => {
    try {
      return JSON.parse(readFileSync(p, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  },
};

export function currentRuntime(nn: NnContext): Resolution {
  const found = resolveRuntime(
    {
      // an untrusted workspace cannot point the extension at a program to run
      settingPath: vscode.workspace.isTrusted ? config.runtimePath() : '',
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      globalStorage: nn.extension.globalStorageUri.fsPath,
    },
    nodeFs,
  );
  if (found.ok && found.runtime.source === 'global') updateGlobalCli(nn, found.runtime.root);
  return found;
}

/**
 * The set-up copied the CLI bundle into the global runtime; after the
 * extension is updated (or rebuilt) its own bundle is newer, and the
 * runtime gets the new one, so the extension and the CLI it runs agree.
 */
function updateGlobalCli(nn: NnContext, root: string): void {
  for (const name of CLI_FILES) {
    const bundled = join(nn.extension.extensionUri.fsPath, 'dist', name);
    const copy = join(root, name);
    const from = statSync(bundled, { throwIfNoEntry: false });
    const to = statSync(copy, { throwIfNoEntry: false });
    if (!from?.isFile() || (to && to.mtimeMs >= from.mtimeMs)) continue;
    try {
      copyFileSync(bundled, copy);
      nn.log.info(`updated ${name} of the training runtime from the extension`);
    } catch (e) {
      nn.log.warn(`could not update ${copy}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The runtime, or undefined after telling the user why and offering the set-up (or the setting to fix). */
export async function requireRuntime(nn: NnContext): Promise<NnRuntime | undefined> {
  const found = currentRuntime(nn);
  if (found.ok) return found.runtime;
  nn.log.warn(found.message);
  const action = found.reason === 'setting' ? vscode.l10n.t('Open Settings') : vscode.l10n.t('Set Up Training Backend');
  const pick = await vscode.window.showWarningMessage(found.message, action);
  if (pick === undefined) return undefined;
  if (found.reason === 'setting') await vscode.commands.executeCommand('workbench.action.openSettings', 'nn.runtime.path');
  else await vscode.commands.executeCommand('nn.setUpBackend');
  return undefined;
}

/**
 * The Node that runs the `nn` CLI: `node` from the PATH when there is one (a
 * system Node matches the native backend's build), else the editor's own
 * runtime in Node mode (VS Code's extension host is Electron; code-server's is Node).
 */
export function nodeCommand(): { command: string; env: NodeJS.ProcessEnv } {
  const onPath = findOnPath(process.platform === 'win32' ? 'node.exe' : 'node');
  if (onPath) return { command: onPath, env: { ...process.env } };
  return { command: process.execPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } };
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(process.platform === 'win32' ? ';' : ':')) {
    if (dir === '') continue;
    const candidate = `${dir}${process.platform === 'win32' ? '\\' : '/'}${name}`;
    if (nodeFs.isFile(candidate)) return candidate;
  }
  return undefined;
}
