// `nn.graph [fileUriOrPath, modelName?]`: the model's traced dataflow graph
// as the graph view draws it (core/ide/graph-view.ts), from the open
// documents overlaid on the disk. A file that cannot be read, a model that
// is not there, a model with errors or one that cannot be traced is a
// JSON-RPC error with a message saying so. The last graph of each model is
// kept with the texts it was traced from: asked again while none of them
// changed (a view shown again, reloaded), it is answered without tracing.

import { buildGraphView } from '../core/ide/graph-view-build.js';
import type { GraphView } from '../core/ide/graph-view.js';
import { traceForView } from '../core/ide/graph-view-trace.js';
import type { Host } from '../core/host.js';
import { commandError, fileAndModel } from './commands.js';
import type { Workspace } from './workspace.js';

/** At most this many graphs are kept. */
const KEPT = 8;
const kept = new Map<string, { texts: Map<string, string | undefined>; graph: GraphView }>();

export function graphCommand(workspace: Workspace, args: unknown[]): GraphView {
  const { file, model } = fileAndModel(workspace, 'nn.graph', args);
  const key = `${file}\n${model ?? ''}`;
  const known = kept.get(key);
  if (known && [...known.texts].every(([path, text]) => workspace.host.readFile(path) === text)) return known.graph;
  const texts = new Map<string, string | undefined>();
  const recording: Host = {
    readFile: (path) => {
      const text = workspace.host.readFile(path);
      texts.set(path, text);
      return text;
    },
    resolveImport: (from, spec) => workspace.host.resolveImport(from, spec),
  };
  const traced = traceForView(file, recording, model);
  if (!traced.ok) throw commandError(traced.message);
  const graph = buildGraphView(traced.trace);
  kept.delete(key);
  kept.set(key, { texts, graph });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return graph;
}
