// Tracing a model or loss of the run's file, as a training error when it fails.

import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Graph } from '../../core/graph/graph.js';
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
  const traced = traceModel(request.file, request.host, { model, inputShapes, overrides });
  if (!traced.ok) throw new TrainError(traced.message, traced.diagnostics);
  return traced.graph;
}

