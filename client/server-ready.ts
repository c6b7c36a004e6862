// A server command that waits for the language server to be running first:
// a view opened while the server starts (or restarts) asks once it is up.

import * as vscode from 'vscode';
import type { NnContext } from './context.js';

const START_TIMEOUT_MS = 30_000;

export async function serverCommand<T>(nn: NnContext, command: string, args: unknown[]): Promise<T> {
  if (nn.server.state === 'starting' || nn.server.state === 'stopped') await runningOrTimeout(nn);
  return nn.server.command<T>(command, args);
}

function runningOrTimeout(nn: NnContext): Promise<void> {
  return new Promise((resolve) => {
    let subscription: vscode.Disposable | undefined;
    const done = (): void => {
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
    };
    const timer = setTimeout(done, START_TIMEOUT_MS);
    subscription = nn.server.onDidChangeState((state) => {
      if (state === 'running' || state === 'failed') done();
    });
  });
}
