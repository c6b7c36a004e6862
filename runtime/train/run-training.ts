// One training run, from a .nn file to trained weights: the train block's
// plan, the data, the compiled model (and loss), the optimizer, resuming
// from the last checkpoint when asked, the loop, and the events that
// report it all.

import { msg } from '../../core/i18n/message.js';
import { dirname, join, resolve } from 'node:path';
import type { Graph } from '../../core/graph/graph.js';
import type { Host } from '../../core/host.js';
import { lossPredictions } from '../../core/train/loss-inputs.js';
import { lossOutputProblem } from '../../core/train/output-kind.js';
import { type PlainValue, planTraining, type TrainPlan } from '../../core/train/plan.js';
import type { Value } from '../../core/values.js';
import { compileGraph } from '../compile/compile-graph.js';
import { DataError, type Dataset, disposeDataset, type Examples, type RawData, toDataset } from '../data/dataset.js';
import { loadData } from '../data/load-data.js';
import { checkClassIdTargets } from '../data/labels.js';
import { supervisedPictures } from '../pictures/epoch-pictures.js';
import { runChart } from '../pictures/run-chart.js';
import { Random } from '../random.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { trainAdversarial } from './adversarial.js';
import { holdOut } from './batches.js';
import { type LossOf, outputList } from './evaluate.js';
import type { Emit } from './events.js';
import { builtinLoss } from './losses.js';
import { type Metric, METRICS } from './metrics.js';
import { checkMemory } from './memory-estimate.js';
import { createOptimizer, type TrainOptimizer } from './optimizers.js';
import { checkpointsDirOf, type RunPlace, runCheckpoints } from './run-checkpoints.js';
import { claimRunFolder } from './run-folder.js';
import { type RunIdentity, startEvent } from './start-event.js';
import { type RunEnd, type StopSignal, trainSupervised } from './supervised.js';
import { trace, TrainError } from './trace-model.js';

export interface TrainRequest {
  file: string;
  host: Host;
  /** the train block (by its target's name); may be left out when the file has one */
  target?: string;
  tf: TF;
  backend: { name: string; device: 'cpu' | 'gpu' };
  /** where checkpoints and samples go; default: `runs/<name>` next to the .nn file */
  outDir?: string;
  resume?: boolean;
  /** every step op by op, as tfjs runs it (default: each step as one TensorFlow graph, on the native backend) */
  eager?: boolean;
  /** settings given on the command line, over the train block's */
  overrides?: { epochs?: number; batch?: number; seed?: number };
  emit: Emit;
  stop: StopSignal;
}

export interface TrainResult extends RunEnd {
  /** the models as trained */
  models: Record<string, LayersModel>;
  seconds: number;
}

export async function runTraining(request: TrainRequest): Promise<TrainResult> {
  const started = Date.now();
  const plan = planOf(request);
  // the runs folder holds a folder per run; this run writes only in its own (run-folder.ts)
  const runsDir = runsDirOf(request, plan);
  checkpointsDirOf(plan, runsDir); // a checkpoint folder outside the run is refused before anything is made
  const folder = claimRunFolder(runsDir, new Date(started));
  try {
    // every run ends with its loss-and-metrics chart (../pictures/run-chart.ts)
    const chart = runChart(plan, request.emit);
    const result = await trainInFolder({ ...request, emit: chart.emit }, plan, { runsDir, runId: folder.runId, runDir: folder.runDir, startedAt: new Date(started).toISOString() }, started);
    chart.write(folder.runDir);
    return result;
  } finally {
    folder.release();
  }
}

/** The request's train block, checked, with the command line's settings over it. */
export function planOf(request: Pick<TrainRequest, 'file' | 'host' | 'target' | 'overrides'>): TrainPlan {
  const planned = planTraining(request.file, request.host, request.target);
  if (!planned.ok) throw new TrainError(planned.message, planned.diagnostics);
  return { ...planned.plan, ...request.overrides };
}

/** The folder that holds a folder per run of the train block: `--out`, else `runs/<name>` next to the .nn file. */
export function runsDirOf(request: Pick<TrainRequest, 'file' | 'outDir'>, plan: TrainPlan): string {
  return request.outDir !== undefined ? resolve(request.outDir) : join(dirname(resolve(request.file)), 'runs', plan.name);
}

/** The train block's seed, else a random one. */
export function seedOf(plan: TrainPlan): number {
  return plan.seed ?? Math.floor(Math.random() * 2 ** 31);
}

async function trainInFolder(request: TrainRequest, plan: TrainPlan, place: RunPlace, started: number): Promise<TrainResult> {
  const seed = seedOf(plan);
  const random = new Random(seed);
  // a resumed run is a new run too: its own id, folder and events file
  const run: RunIdentity = { runId: place.runId, file: resolve(request.file), runDir: place.runDir };
  const { tf } = request;
  const checkpoints = runCheckpoints(tf, plan, place, { resume: request.resume === true, emit: request.emit });
  const raw = loadRunData(request, plan, seed);
  if (plan.adversarial) {
    const result = await trainAdversarial({ tf, plan, raw, random, seed, request, run, checkpoints });
    return { ...result, seconds: (Date.now() - started) / 1000 };
  }

  const { model, data, split, train, loss, optimizer } = setUpSupervised(request, plan, raw, seed);
  const metrics = metricFunctions(plan, request.emit);
  const models = { [plan.model!]: model };
  const optimizers = { model: optimizer.optimizer as never };
  const resumed = await checkpoints.resume(models, optimizers);
  const firstEpoch = resumed.epoch;
  request.emit(startEvent(plan, data, train, split?.validation, request.backend, [[plan.model!, model]], firstEpoch, { ...run, ...(resumed.from ? { resumedFrom: resumed.from } : {}) }));
  try {
    const end = await trainSupervised({
      tf,
      plan,
      model,
      loss,
      metrics,
      train,
      heldOut: split ? { name: 'val', examples: split.validation } : { name: 'test', examples: data.test },
      optimizer,
      random,
      emit: request.emit,
      stop: request.stop,
      firstEpoch,
      ...(request.eager ? {} : { graphSteps: { folder: place.runDir } }),
      pictures: supervisedPictures({ tf, plan, model, raw, heldOut: split?.validation ?? data.test }, { runDir: place.runDir, emit: request.emit }),
      checkpoint: async (epoch) => {
        const path = await checkpoints.save(epoch, models, optimizers);
        request.emit({ type: 'checkpoint', epoch, path });
      },
    });
    return { ...end, models, seconds: (Date.now() - started) / 1000 };
  } finally {
    disposeSupervised({ data, split, optimizer });
  }
}

/** The train block's data, as a run loads it (seeded; shaped for the model's output where the source asks). */
export function loadRunData(request: Pick<TrainRequest, 'file' | 'host' | 'tf'>, plan: TrainPlan, seed: number): RawData {
  const baseDir = dirname(resolve(request.file));
  return loadData(plan.data, { baseDir, seed, tf: request.tf, ...(plan.model ? { outputShape: (shapes: number[][]) => outputShape(request, plan.model!, shapes) } : {}) });
}

/** What a supervised run trains with: the traced and compiled model, the data as tensors, the loss and the optimizer. */
export interface SupervisedSetup {
  graph: Graph;
  model: LayersModel;
  data: Dataset;
  /** the validation split, with `validation:` */
  split: { train: Examples; validation: Examples } | undefined;
  /** the examples learnt from */
  train: Examples;
  loss: LossOf;
  optimizer: TrainOptimizer;
}

/** The model fitted to the data and checked against it (classes, memory, targets), compiled with the seed, and the rest of the set-up. */
export function setUpSupervised(request: Pick<TrainRequest, 'file' | 'host' | 'tf' | 'backend'>, plan: TrainPlan, raw: RawData, seed: number): SupervisedSetup {
  const { tf } = request;
  const graph = trace(request, plan.model!, raw.inputs.map((i) => i.shape));
  checkClassesFit(raw, graph, plan);
  const outputProblem = 'builtin' in plan.loss ? lossOutputProblem(plan.loss.builtin, graph) : undefined;
  if (outputProblem) throw new TrainError(outputProblem);
  checkMemory({ name: plan.model!, graphs: [graph], optimizer: plan.optimizer, batch: plan.batch, device: request.backend.device });
  checkTargetsFit(raw, graph, plan);
  const model = compileGraph(tf, graph, { seed });
  const data = toDataset(tf, raw, graph.inputs.map((i) => ({ name: i.name, shape: i.type.shape.slice(1) as number[] })));
  const split = plan.validation > 0 ? holdOut(tf, data.train, plan.validation) : undefined;
  const train: Examples = split?.train ?? data.train;
  const loss = lossFunction(request, plan, graph, raw, seed);
  const optimizer = createOptimizer(tf, plan.optimizer);
  return { graph, model, data, split, train, loss, optimizer };
}

/** Frees the set-up's data tensors and optimizer state (the model is the caller's). */
export function disposeSupervised(setup: Pick<SupervisedSetup, 'data' | 'split' | 'optimizer'>): void {
  if (setup.split) for (const part of [setup.split.train, setup.split.validation]) disposeExamples(part);
  disposeDataset(setup.data);
  setup.optimizer.optimizer.dispose();
}

const CLASS_LOSSES = new Set(['crossentropy', 'sparse_crossentropy', 'hinge']);

/** Class ids must be whole numbers below the number of classes the model outputs (before training starts). */
function checkClassesFit(raw: RawData, graph: Graph, plan: TrainPlan): void {
  if (!('builtin' in plan.loss) || !CLASS_LOSSES.has(plan.loss.builtin)) return;
  checkClassIdTargets(raw, graph.outputs[0]!.type.shape.length, plan.loss.builtin);
  if (raw.classes === undefined) return;
  const outputs = graph.outputs[0]!.type.shape.at(-1);
  if (typeof outputs === 'number' && raw.classes > outputs) {
    throw new DataError(msg`${raw.description} has class ids up to ${raw.classes - 1}, but ${graph.model} outputs ${outputs === 1 ? msg`${outputs} class` : msg`${outputs} classes`}`);
  }
}

/** Losses that compare outputs with targets value by value. */
const ELEMENTWISE_LOSSES = new Set(['mse', 'mae', 'binary_crossentropy']);

/**
 * An element-wise loss needs as many target values as the model outputs
 * per example (checked before training: TensorFlow would fail with a
 * reshape error). The checker says so for the data it knows (mnist); this
 * is for the data read from files.
 */
function checkTargetsFit(raw: RawData, graph: Graph, plan: TrainPlan): void {
  if (!('builtin' in plan.loss) || !ELEMENTWISE_LOSSES.has(plan.loss.builtin) || !raw.target) return;
  const output = graph.outputs[0]!.type.shape.slice(1);
  if (!output.every((d): d is number => typeof d === 'number')) return;
  const outputs = output.reduce((a, b) => a * b, 1);
  const targets = raw.target.shape.reduce((a, b) => a * b, 1);
  if (outputs === targets) return;
  const targetShape = `[${raw.target.shape.join(', ')}]`;
  const what = raw.classes !== undefined ? msg`class ids (shape ${targetShape} per example)` : targets === 1 ? msg`${targets} value per example (shape ${targetShape})` : msg`${targets} values per example (shape ${targetShape})`;
  throw new DataError(
    msg`the loss ${plan.loss.builtin} compares outputs with targets value by value, but ${raw.description} has ${what} and ${graph.model} outputs [${output.join(', ')}] per example: ${raw.classes !== undefined ? msg`use crossentropy for class ids, or give one-hot targets` : msg`make the targets the shape of the output`}`,
  );
}

/** One example's shape of the model's first output, for inputs of these shapes. */
function outputShape(request: Pick<TrainRequest, 'file' | 'host'>, model: string, inputShapes: number[][]): number[] {
  return trace(request, model, inputShapes).outputs[0]!.type.shape.slice(1) as number[];
}

/** A built-in loss, or a `loss` definition compiled like a model (its inputs: the first output or every output, then the targets). */
function lossFunction(request: Pick<TrainRequest, 'file' | 'host' | 'tf'>, plan: TrainPlan, model: Graph, raw: RawData, seed: number): LossOf {
  const { tf } = request;
  if ('builtin' in plan.loss) {
    const f = builtinLoss(plan.loss.builtin);
    return (target, outputs) => f(tf, target, outputList(outputs)[0]!);
  }
  // the first output and the targets, or every output then the targets (the checker said which fits)
  const taken = lossPredictions(plan.loss.inputs, model.outputs.length);
  if (taken === undefined) throw new TrainError(msg`the loss ${plan.loss.definition} takes ${plan.loss.inputs} inputs, but ${model.model}'s outputs and the targets are ${model.outputs.length + 1}`);
  const predictions = model.outputs.slice(0, taken).map((o) => o.type.shape.slice(1) as number[]);
  const graph = trace(request, plan.loss.definition, [...predictions, raw.target?.shape ?? predictions[0]!], valuesOf(plan.loss.args));
  const compiled = compileGraph(tf, graph, { seed });
  return (target, outputs) => compiled.apply([...outputList(outputs).slice(0, taken), target]) as Tensor;
}

/** A train block's arguments (`YoloV1Loss(S: 4)`) as the checker's values. */
export function valuesOf(args: Record<string, PlainValue>): Record<string, Value> {
  const value = (v: PlainValue): Value =>
    typeof v === 'number'
      ? Number.isInteger(v)
        ? { kind: 'int', value: v }
        : { kind: 'float', value: v }
      : typeof v === 'boolean'
        ? { kind: 'bool', value: v }
        : typeof v === 'string'
          ? { kind: 'string', value: v }
          : Array.isArray(v)
            ? { kind: 'list', items: v.map(value) }
            : { kind: 'unknown' };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, value(v)]));
}

function metricFunctions(plan: TrainPlan, emit: Emit): Record<string, Metric> {
  const out: Record<string, Metric> = {};
  for (const name of plan.metrics) {
    const f = METRICS[name];
    if (f) out[name] = f;
    else emit({ type: 'warning', message: msg`the metric '${name}' is not measured yet; training goes on without it` });
  }
  return out;
}

function disposeExamples(e: Examples): void {
  for (const t of e.inputs) t.dispose();
  e.target?.dispose();
}
