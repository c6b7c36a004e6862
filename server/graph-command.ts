// `nn.graph [fileUriOrPath, modelName?]`: the model's traced dataflow graph
// as the graph view draws it (core/ide/graph-view.ts), from the open
// documents overlaid on the disk. A file that cannot be read, a model that
// is not there, a model with errors or one that cannot be traced is a
// JSON-RPC error with a message saying so.

import { buildGraphView } from '../core/ide/graph-view-build.js';
import type { GraphView } from '../core/ide/graph-view.js';
import { traceForView } from '../core/ide/graph-view-trace.js';
import { commandError, fileAndModel } from './commands.js';
import type { Workspace } from './workspace.js';

export function graphCommand(workspace: Workspace, args: unknown[]): GraphView {
  const { file, model } = fileAndModel('nn.graph', args);
  const traced = traceForView(file, workspace.host, model);
  if (!traced.ok) throw commandError(traced.message);
  return buildGraphView(traced.trace);
}
