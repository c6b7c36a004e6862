// The extension's settings, typed, read fresh on every use (a change applies
// at once, no reload). Only this file knows the setting names.

import * as vscode from 'vscode';
import type { TrainEngine } from './runs/train-invocation.js';

export type TrainDevice = 'auto' | 'cpu' | 'gpu';
export type GraphColorBy = 'parameters' | 'flops' | 'none';

function section(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('nn', scope);
}

export const config = {
  trainDevice: (scope?: vscode.Uri): TrainDevice => section(scope).get<TrainDevice>('train.device', 'auto'),
  /** tfjs, or torch: the model exported to PyTorch and trained there (`nn train --engine torch`) */
  trainEngine: (scope?: vscode.Uri): TrainEngine => (section(scope).get<string>('train.engine', 'tfjs') === 'torch' ? 'torch' : 'tfjs'),
  /** the runs folder relative to the workspace folder; '' means `runs/` next to the .nn file */
  trainOutDir: (scope?: vscode.Uri): string => section(scope).get<string>('train.outDir', '').trim(),
  /** a path to an `nn` CLI (bin/nn.js, or the folder of an nn-lang install); '' when unset */
  runtimePath: (): string => section().get<string>('runtime.path', '').trim(),
  inlayHintShapes: (): boolean => section().get<boolean>('inlayHints.shapes', true),
  graphColorBy: (): GraphColorBy => section().get<GraphColorBy>('graph.colorBy', 'parameters'),
};

/** Calls `listener` when a setting under `nn.<key>` changes. */
export function onConfigChange(key: string, listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`nn.${key}`)) listener();
  });
}
