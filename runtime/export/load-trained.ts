// A model of a .nn file, compiled, with its trained weights: from a
// checkpoint folder given, or the newest intact checkpoint of the file's
// runs that holds this model (a damaged one is passed over, with a
// warning); without one, the initial weights (and the caller says so).

import { msg } from '../../core/i18n/message.js';
import { dirname, join, resolve } from 'node:path';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel, type TraceResult } from '../../core/graph/trace.js';
import type { Host } from '../../core/host.js';
import { compileGraph } from '../compile/compile-graph.js';
import type { LayersModel, TF } from '../tf-types.js';
import { CheckpointError, checkpointsNewestFirst, restoreNewestIntact } from '../train/checkpoint.js';
import { definedIn, TrainError } from '../train/trace-model.js';
import { checkpointFoldersIn, findCheckpointFolders } from './find-weights.js';

export interface LoadRequest {
  file: string;
  host: Host;
  model?: string;
  /** sizes the inputs leave open (`S: 10`) */
  sizes?: Record<string, number>;
  /** a checkpoint folder (with latest.json), a run folder or a runs folder; default: found among the file's runs */
  checkpoints?: string;
}

export interface TrainedModel {
  model: LayersModel;
  graph: Graph;
  /** the checkpoint the weights came from; undefined: initial weights */
  weightsFrom: string | undefined;
  /** damaged checkpoints passed over for an earlier intact one */
  warnings: string[];
}

export async function loadTrainedModel(tf: TF, request: LoadRequest): Promise<TrainedModel> {
  const traced = traceRequestedModel(request);
  if (!traced.ok) throw new TrainError(traced.message, traced.diagnostics);
  const { graph } = traced;
  const model = compileGraph(tf, graph, { seed: 1 });
  const warnings: string[] = [];
  const folders = request.checkpoints !== undefined ? checkpointFoldersIn(request.checkpoints) : findCheckpointFolders(join(dirname(resolve(request.file)), 'runs'), graph.model);
  if (folders.length === 0) {
    if (request.checkpoints !== undefined) throw new CheckpointError(msg`${request.checkpoints} has no checkpoint (no latest.json, no checkpoint-NNNN folder)`);
    return { model, graph, weightsFrom: undefined, warnings };
  }
  const candidates = folders.flatMap((dir) => checkpointsNewestFirst(dir, (w) => warnings.push(w)));
  const restored = await restoreNewestIntact(tf, candidates, { [graph.model]: model }, {}, undefined, (w) => warnings.push(w));
  if (!restored) throw new CheckpointError(msg`${folders[0]} has no checkpoint`);
  return { model, graph, weightsFrom: restored.path, warnings };
}

/**
 * The model the request names, traced in the file that defines it: the
 * request's file, or the one it imports the model from (the resolution
 * `nn train` uses, trace-model.ts). Its runs stay those of the request's file.
 */
export function traceRequestedModel(request: Pick<LoadRequest, 'file' | 'host' | 'model' | 'sizes'>): TraceResult {
  const file = request.model !== undefined ? definedIn(request.file, request.host, request.model) : request.file;
  return traceModel(file, request.host, { ...(request.model !== undefined ? { model: request.model } : {}), ...(request.sizes ? { sizes: request.sizes } : {}) });
}
