// A model of a .nn file, compiled, with its trained weights: from a
// checkpoint folder given, or the newest checkpoint of the file's runs
// that holds this model; without one, the initial weights (and the caller
// says so).

import { dirname, join, resolve } from 'node:path';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel } from '../../core/graph/trace.js';
import type { Host } from '../../core/host.js';
import { compileGraph } from '../compile/compile-graph.js';
import type { LayersModel, TF } from '../tf-types.js';
import { loadCheckpoint } from '../train/checkpoint.js';
import { TrainError } from '../train/trace-model.js';
import { findCheckpointDir } from './find-weights.js';

export interface LoadRequest {
  file: string;
  host: Host;
  model?: string;
  /** sizes the inputs leave open (`S: 10`) */
  sizes?: Record<string, number>;
  /** a checkpoints folder (with latest.json); default: found among the file's runs */
  checkpoints?: string;
}

export interface TrainedModel {
  model: LayersModel;
  graph: Graph;
  /** the checkpoint the weights came from; undefined: initial weights */
  weightsFrom: string | undefined;
}

export async function loadTrainedModel(tf: TF, request: LoadRequest): Promise<TrainedModel> {
  const traced = traceModel(request.file, request.host, { ...(request.model !== undefined ? { model: request.model } : {}), ...(request.sizes ? { sizes: request.sizes } : {}) });
  if (!traced.ok) throw new TrainError(traced.message, traced.diagnostics);
  const { graph } = traced;
  const model = compileGraph(tf, graph, { seed: 1 });
  const dir = request.checkpoints ?? findCheckpointDir(join(dirname(resolve(request.file)), 'runs'), graph.model);
  if (!dir) return { model, graph, weightsFrom: undefined };
  const state = await loadCheckpoint(tf, dir, { [graph.model]: model }, {});
  if (!state) throw new TrainError(`${dir} has no checkpoint (no latest.json)`);
  return { model, graph, weightsFrom: dir };
}
