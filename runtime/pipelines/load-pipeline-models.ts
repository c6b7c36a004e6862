// The trained models a pipeline applies: each model traced alone with the
// arguments the pipeline gives it (and values for the sizes its inputs leave
// open, such as SAM's N points: the weights do not depend on them),
// compiled, and given the weights of its newest intact checkpoint (found
// among the runs next to the .nn file, or in the folder given, as `nn run`
// finds a model's).

import { msg } from '../../core/i18n/message.js';
import { dirname, join, resolve } from 'node:path';
import { traceModel } from '../../core/graph/trace.js';
import type { Host } from '../../core/host.js';
import { compileGraph } from '../compile/compile-graph.js';
import { checkpointFoldersIn, findCheckpointFolders } from '../export/find-weights.js';
import type { LayersModel, TF } from '../tf-types.js';
import { CheckpointError, checkpointsNewestFirst, reason, restoreNewestIntact } from '../train/checkpoint.js';
import type { PipelineGraph } from './pipeline-graph.js';
import { openInputSizes, PipelineError } from './trace-pipeline.js';

/** Trained weights that were not found: the message says which model and how to train it. */
export class NoWeightsError extends Error {}

export interface PipelineModels {
  /** each applied model by name, with its trained weights */
  models: Record<string, LayersModel>;
  /** the checkpoint each model's weights came from */
  weightsFrom: Record<string, string>;
  /** damaged checkpoints passed over for an earlier intact one */
  warnings: string[];
}

export async function loadPipelineModels(tf: TF, request: { file: string; /** the file as the user wrote it */ shownFile: string; host: Host; graph: PipelineGraph; checkpoints?: string }): Promise<PipelineModels> {
  const out: PipelineModels = { models: {}, weightsFrom: {}, warnings: [] };
  for (const application of request.graph.models) {
    const name = application.model;
    if (out.models[name]) continue;
    // the model's open sizes other than the batch (SAM's N points) take the values the pipeline's inputs gave those names, else 1
    const sizes = Object.fromEntries(openInputSizes(request.file, request.host, name).map((n) => [n, request.graph.sizes[n] ?? 1]));
    const traced = traceModel(request.file, request.host, { model: name, overrides: application.args, sizes });
    if (!traced.ok) throw new PipelineError(msg`${request.graph.pipeline} applies ${name}, which cannot be compiled: ${traced.message}`, traced.diagnostics);
    const model = compileGraph(tf, traced.graph, { seed: 1 });
    const folders = request.checkpoints !== undefined ? checkpointFoldersIn(request.checkpoints) : findCheckpointFolders(join(dirname(resolve(request.file)), 'runs'), name);
    const candidates = folders.flatMap((dir) => checkpointsNewestFirst(dir, (w) => out.warnings.push(w)));
    let restored;
    try {
      restored = await restoreNewestIntact(tf, candidates, { [name]: model }, {}, undefined, (w) => out.warnings.push(w));
    } catch (e) {
      model.dispose();
      // a checkpoint of another model, or weights of other shapes (the model's parameters changed since)
      throw new CheckpointError(e instanceof CheckpointError ? e.message : msg`the checkpoint of ${name} does not fit it as ${request.graph.pipeline} applies it: ${reason(e)}`);
    }
    if (!restored) {
      model.dispose();
      const where = request.checkpoints !== undefined ? `${request.checkpoints} has no checkpoint of ${name}` : `no trained weights for ${name}`;
      throw new NoWeightsError(msg`${where}: train it first with nn train ${request.shownFile} --model ${name}`);
    }
    out.models[name] = model;
    out.weightsFrom[name] = restored.path;
  }
  return out;
}
