// workspace/executeCommand. `nn.summary [fileUriOrPath, modelName?]`
// answers the JSON of `nn summary --json`, or `{ error }`.

import type { ExecuteCommandParams } from 'vscode-languageserver';
import { summarize } from '../core/summary.js';
import { uriToPath } from './convert.js';
import type { Workspace } from './workspace.js';

export const COMMANDS = ['nn.summary'];

export function executeCommand(workspace: Workspace, params: ExecuteCommandParams): unknown {
  if (params.command !== 'nn.summary') return { error: `unknown command '${params.command}'` };
  const [target, model] = params.arguments ?? [];
  if (typeof target !== 'string') return { error: 'nn.summary takes a file URI or path, and optionally a model name' };
  if (model !== undefined && model !== null && typeof model !== 'string') return { error: 'the model name must be a string' };
  const result = summarize(uriToPath(target), workspace.host, model ?? undefined);
  if (!result.ok) return { error: result.message };
  return result.summary;
}
