// Tracing a model or loss of the run's file (defined there or imported
// into it), as a training error when it fails.

import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Graph } from '../../core/graph/graph.js';
import { loadModule } from '../../core/check/modules.js';
import { CheckState } from '../../core/check/state.js';
import { traceModel } from '../../core/graph/trace.js';
import type { Host } from '../../core/host.js';
import type { Value } from '../../core/values.js';

/** A problem with the run itself, with the places in the .nn source when there are some. */
export class TrainError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** The model traced with the data's example shapes. */
export function trace(request: { file: string; host: Host }, model: string, inputShapes: number[][], overrides: Record<string, Value> = {}): Graph {
  const traced = traceModel(definedIn(request.file, request.host, model), request.host, { model, inputShapes, overrides });
  if (!traced.ok) throw new TrainError(traced.message, traced.diagnostics);
  return traced.graph;
}

/** The file that defines `name` as the run's file sees it: the file itself, or the one it imports it from. */
export function definedIn(file: string, host: Host, name: string): string {
  return loadModule(new CheckState(), host, file)?.definitions.get(name)?.file ?? file;
}
