// workspace/executeCommand: the commands the server answers, in one table.
// `nn.summary [fileUriOrPath, modelName?]` answers the JSON of
// `nn summary --json`. A command the server does not know, or whose
// arguments are wrong, is answered with a JSON-RPC error, not a result; so
// is a file the commands may not read (command-access.ts).

import { ErrorCodes, type ExecuteCommandParams, ResponseError } from 'vscode-languageserver';
import { msg } from '../core/i18n/message.js';
import { summarize } from '../core/summary.js';
import { commandRefusal } from './command-access.js';
import { uriToPath } from './convert.js';
import { graphCommand } from './graph-command.js';
import { modelsCommand } from './models-command.js';
import type { Workspace } from './workspace.js';

type Command = (workspace: Workspace, args: unknown[]) => unknown;

/** Fails the request with a JSON-RPC error carrying `message`. */
export function commandError(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** The file (URI or path) and optional model name that most commands take; a file they may not read is an error. */
export function fileAndModel(workspace: Workspace, command: string, args: unknown[]): { file: string; model: string | undefined } {
  const [target, model] = args;
  if (typeof target !== 'string') throw commandError(msg`${command} takes a file URI or path, and optionally a model name`);
  if (model !== undefined && model !== null && typeof model !== 'string') throw commandError(msg`the model name must be a string`);
  const file = uriToPath(target);
  const refusal = commandRefusal(workspace, file);
  if (refusal) throw commandError(`${command}: ${refusal}`);
  return { file, model: model ?? undefined };
}

function summaryCommand(workspace: Workspace, args: unknown[]): unknown {
  const { file, model } = fileAndModel(workspace, 'nn.summary', args);
  const result = summarize(file, workspace.host, model);
  if (!result.ok) throw commandError(result.message);
  return result.summary;
}

const TABLE: Record<string, Command> = {
  'nn.summary': summaryCommand,
  'nn.graph': graphCommand,
  'nn.models': modelsCommand,
};

export const COMMANDS = Object.keys(TABLE);

export function executeCommand(workspace: Workspace, params: ExecuteCommandParams): unknown {
  const command = TABLE[params.command];
  if (!command) throw new ResponseError(ErrorCodes.MethodNotFound, msg`unknown command '${params.command}' (this server knows ${COMMANDS.join(', ')})`);
  return command(workspace, params.arguments ?? []);
}
