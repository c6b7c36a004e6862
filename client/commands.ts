// The command table: every command id the extension contributes, and its
// handler, in one place. Feature modules export their handlers; this file
// only lists them. Handlers may take the arguments of a code lens
// (`[file, model]`), of a tree item, or none (then they ask or use the
// active editor).

import * as vscode from 'vscode';
import { backendCommands } from './backend/backend-commands.js';
import type { NnContext } from './context.js';
import { graphCommands } from './graph/graph-commands.js';
import { modelCommands } from './model-commands/model-commands.js';
import { trainingCommands } from './runs/training-commands.js';
import { summaryCommands } from './summary/summary-commands.js';
import { viewCommands } from './views/view-commands.js';

export type CommandHandler = (...args: any[]) => unknown;

function languageServerCommands(nn: NnContext): Record<string, CommandHandler> {
  return {
    'nn.restartServer': () => nn.server.restart(),
    'nn.showLogs': () => nn.log.show(true),
  };
}

export function registerCommands(nn: NnContext): void {
  const table: Record<string, CommandHandler> = {
    ...languageServerCommands(nn),
    ...summaryCommands(nn), ...viewCommands(nn),
    ...graphCommands(nn),
    ...backendCommands(nn),
    ...modelCommands(nn),
    ...trainingCommands(nn),
  };
  for (const [id, handler] of Object.entries(table)) {
    nn.own(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          nn.log.error(`${id}: ${message}`);
          void vscode.window.showErrorMessage(message);
          return undefined;
        }
      }),
    );
  }
}
