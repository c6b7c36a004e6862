// One training step, made visible: the notes' forward pass,
// backpropagation, gradient descent and the update, on one batch.
//   forward:  the probe (layer-probe.ts) computes the model's output and
//             every explained layer's output, of which we keep the mean,
//             the standard deviation and the fraction of exact zeros;
//   loss:     the train block's loss of the output against the target;
//   backward: d(loss)/d(w) for every trainable weight w (tf.variableGrads,
//             the chain rule from the loss back through every layer);
//   update:   the optimizer's step, exactly as a run takes it (supervised.ts:
//             clipping when asked, then the optimizer), and ||w_new - w_old||.
// For a tiny model every number is kept too (LayerValues), so that the
// step can be followed by hand.

import type { TrainPlan } from '../../core/train/plan.js';
import type { Batch } from '../train/batches.js';
import type { LossOf } from '../train/evaluate.js';
import type { TrainOptimizer } from '../train/optimizers.js';
import { update } from '../train/supervised.js';
import { trainableVariables } from '../train/variables.js';
import type { LayersModel, LayerVariable, Tensor, TF } from '../tf-types.js';
import type { ExplainedWeight, ExplainLayerEvent, TensorStatistics, WeightTotals } from './explain-events.js';
import { type LayerProbe, probeLayers } from './layer-probe.js';

type Variable = import('@tensorflow/tfjs').Variable;

/** A model is shown number by number when no layer output (for the whole batch) and no weight tensor has more values than this. */
export const TINY_VALUES = 32;

export interface StepParts {
  tf: TF;
  plan: TrainPlan;
  model: LayersModel;
  loss: LossOf;
  optimizer: TrainOptimizer;
}

export interface BatchExplanation {
  /** the loss on the batch, before the update */
  loss: number;
  layers: ExplainLayerEvent[];
  /** the batch itself, when the model is tiny */
  values?: { inputs: unknown[]; target: unknown };
}

/** Takes one training step on `batch` (the model's weights change, as in a run) and reports it layer by layer. */
export function explainBatch(parts: StepParts, batch: Batch): BatchExplanation {
  const { tf, model } = parts;
  const tiny = isTiny(model, batch.size);
  const probe = probeLayers(tf, model, tiny);
  const variables = trainableVariables(model);
  // the weights before the step, to measure the update against
  const before = new Map(variables.list.map((v) => [v.name, tf.clone(v)]));
  const step = forwardAndBackward(parts, probe, batch, variables.list, tiny);
  try {
    const gradientNorms = new Map(Object.entries(step.grads).map(([name, g]) => [name, normOf(tf, g)]));
    const gradientValues = tiny ? new Map(Object.entries(step.grads).map(([name, g]) => [name, g.arraySync()])) : undefined;
    try {
      update(parts, variables, step.grads);
    } finally {
      for (const g of Object.values(step.grads)) g.dispose();
    }
    let depth = 0;
    const layers = probe.layers.map((l, i): ExplainLayerEvent => {
      const [mean, std, zeros] = step.statistics[i]!.map((t) => t.dataSync()[0]!);
      const weights = l.weights.map(({ name, variable }): ExplainedWeight => {
        const id = variableName(variable);
        const old = before.get(id)!;
        const norm = normOf(tf, old);
        const moved = tf.tidy(() => normOf(tf, tf.sub(variable.read(), old)));
        return { name, shape: [...variable.shape] as number[], norm, gradient: gradientNorms.get(id) ?? 0, update: moved, ratio: norm > 0 ? moved / norm : null };
      });
      const output: TensorStatistics = { shape: step.shapes[i]!, mean: mean!, std: std!, zeros: zeros! };
      const event: ExplainLayerEvent = { type: 'explain', index: i + 1, layer: l.path, kind: l.kind, ...(weights.length > 0 ? { depth: ++depth } : {}), output, weights };
      if (weights.length > 0) event.total = totalOf(weights);
      if (tiny) {
        const weightValues = l.weights.map(({ name, variable }) => {
          const id = variableName(variable);
          const old = before.get(id)!.arraySync();
          return [name, { before: old, gradient: gradientValues!.get(id) ?? zerosLike(old), after: variable.read().arraySync() }] as const;
        });
        event.values = {
          inputs: l.inputs.map((at) => ('probe' in at ? step.outputs[at.probe]! : batch.inputs[at.modelInput]!).arraySync()),
          output: step.outputs[l.output]!.arraySync(),
          weights: Object.fromEntries(weightValues),
        };
      }
      return event;
    });
    const values = tiny ? { inputs: batch.inputs.map((t) => t.arraySync()), target: batch.target?.arraySync() } : undefined;
    return { loss: step.loss, layers, ...(values ? { values } : {}) };
  } finally {
    for (const t of [...before.values(), ...step.statistics.flat(), ...step.outputs]) t.dispose();
  }
}

/** What the forward and backward passes leave for the report (tensors the caller disposes). */
interface StepTensors {
  /** the loss before the update */
  loss: number;
  /** d(loss)/d(w) by variable name */
  grads: Record<string, Tensor>;
  /** per explained layer: mean, std, zeros of its output (scalars) */
  statistics: Tensor[][];
  /** per explained layer: its output's shape, batch first */
  shapes: number[][];
  /** every probe output, when the model is tiny */
  outputs: Tensor[];
}

/** The forward pass through the probe (the loss on the model's own outputs), and backpropagation to every trainable variable. */
function forwardAndBackward(parts: StepParts, probe: LayerProbe, batch: Batch, variables: Variable[], tiny: boolean): StepTensors {
  const { tf } = parts;
  let kept: Omit<StepTensors, 'loss' | 'grads'> = { statistics: [], shapes: [], outputs: [] };
  const { value, grads } = tf.variableGrads(() => {
    const applied = probe.model.apply(batch.inputs.length === 1 ? batch.inputs[0]! : batch.inputs, { training: true });
    const outputs = Array.isArray(applied) ? (applied as Tensor[]) : [applied as Tensor]; // the model's outputs, then each layer's [B, ...]
    kept = {
      statistics: probe.layers.map((l) => statisticsOf(tf, outputs[l.output]!).map((t) => tf.keep(t))),
      shapes: probe.layers.map((l) => [...outputs[l.output]!.shape]),
      outputs: tiny ? outputs.map((t) => tf.keep(t)) : [],
    };
    const prediction = probe.modelOutputs === 1 ? outputs[0]! : outputs.slice(0, probe.modelOutputs);
    return parts.loss(batch.target!, prediction as unknown as Tensor) as never; // a scalar
  }, variables);
  const loss = value.dataSync()[0]!;
  value.dispose();
  return { loss, grads, ...kept };
}

/** Mean, standard deviation and the fraction of exact zeros of every value of `t` (scalars; the caller keeps or disposes them). */
function statisticsOf(tf: TF, t: Tensor): Tensor[] {
  const x = t.dtype === 'float32' ? t : tf.cast(t, 'float32');
  const { mean, variance } = tf.moments(x);
  return [mean, tf.sqrt(variance), tf.mean(tf.cast(tf.equal(x, 0), 'float32'))];
}

/** The L2 norm of every value, read back. */
function normOf(tf: TF, t: Tensor): number {
  return tf.tidy(() => tf.sqrt(tf.sum(tf.square(t))).dataSync()[0]!);
}

/** The norms of a layer's tensors together: sqrt of the sum of their squares. */
function totalOf(weights: ExplainedWeight[]): WeightTotals {
  const together = (pick: (w: ExplainedWeight) => number) => Math.sqrt(weights.reduce((s, w) => s + pick(w) ** 2, 0));
  const norm = together((w) => w.norm);
  const step = together((w) => w.update);
  return { norm, gradient: together((w) => w.gradient), update: step, ratio: norm > 0 ? step / norm : null };
}

/** Whether every explained tensor of the model is small enough to print whole. */
function isTiny(model: LayersModel, batch: number): boolean {
  const size = (shape: (number | null)[]) => shape.reduce<number>((a, d) => a * (d ?? batch), 1);
  return model.layers.every((layer) => {
    const shapes = (Array.isArray(layer.outputShape[0]) ? layer.outputShape : [layer.outputShape]) as (number | null)[][];
    return shapes.every((s) => size(s) <= TINY_VALUES) && layer.trainableWeights.every((w) => size(w.shape as number[]) <= TINY_VALUES);
  });
}

/** The name of the variable behind a layer's weight: what gradients are keyed by (variables.ts). */
function variableName(weight: LayerVariable): string {
  return (weight.read() as unknown as { name: string }).name;
}

function zerosLike(values: unknown): unknown {
  return Array.isArray(values) ? values.map(zerosLike) : 0;
}
