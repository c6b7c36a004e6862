// A run that diverges: a loss or a weight that becomes NaN or infinite ends
// the run at the step it happens (an error naming the epoch, the batch and
// the tensor), and weights that are not finite are never saved. A loss that
// explodes but stays finite is worth a warning, once.
//
// The rule for an exploding loss, chosen to stay quiet on healthy runs:
// - a batch's loss at least 1,000 times the run's first (in magnitude): a
//   healthy run starts near its highest loss, and its noise is far below
//   that (a mean over the first batches would not do: a diverging run
//   already grows a thousandfold within them);
// - or (supervised runs only) the mean training loss rising in each of 5
//   epochs in a row, to at least twice its value before. A GAN's losses
//   rise and fall by design, so only the first rule watches them.

import { msg } from '../../core/i18n/message.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';

/** Where training stopped, and the first tensor found not finite. */
export interface DivergedAt {
  /** 1-based; absent when the weights were found not finite outside a run (a checkpoint to export) */
  epoch?: number;
  batch?: number;
  /** the loss by name (`loss`, `d_loss`), a weight (`Dense_1/kernel`, `Generator/Dense_1/kernel` in a GAN), or the batch's data (`input x`, `target`) */
  tensor: string;
}

/** A tensor that may be the cause: its name in events, and in words for messages. */
export interface Suspect {
  tensor: string;
  words: string;
}

/** Training can no longer go on: a loss or weight became NaN or infinite. */
export class DivergedError extends Error {
  constructor(
    message: string,
    readonly at: DivergedAt,
  ) {
    super(message);
  }
}

/** A batch's loss this many times the run's first is an explosion. */
const EXPLOSION_FACTOR = 1000;
/** Epochs in a row of a rising mean loss that, with the loss doubled, are an explosion. */
const RISING_EPOCHS = 5;

const describeNumber = (x: number) => (Number.isNaN(x) ? 'NaN' : x > 0 ? msg`infinite` : msg`-infinite`);
const short = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : String(Math.round(x * 1e4) / 1e4));

/**
 * Watches one loss through a run: `batch` throws DivergedError for a value
 * that is not finite; `batch` and `epoch` return a warning the first time
 * the loss explodes (and never again).
 */
export class LossWatch {
  /** the run's first loss that is not 0, in magnitude */
  private reference: number | undefined;
  private readonly epochMeans: number[] = [];
  private warned = false;

  constructor(
    /** the loss's name in messages: `loss`, `d_loss` */
    private readonly name: string,
    private readonly options: { risingEpochs: boolean } = { risingEpochs: true },
  ) {}

  /** A batch's loss (epoch and batch 1-based). Throws when it is not finite; a warning when it explodes. */
  batch(loss: number, epoch: number, batch: number, suspects?: () => Suspect | undefined): string | undefined {
    assertFiniteLoss(this.name, loss, { epoch, batch }, suspects);
    if (this.reference === undefined) {
      if (loss !== 0) this.reference = Math.abs(loss);
      return undefined;
    }
    if (this.warned || Math.abs(loss) < EXPLOSION_FACTOR * this.reference) return undefined;
    this.warned = true;
    return msg`the ${this.name} is exploding: ${short(loss)} at epoch ${epoch}, batch ${batch}, over ${EXPLOSION_FACTOR.toLocaleString('en-US')} times its first value (${short(this.reference)}); the learning rate may be too high`;
  }

  /** An epoch's mean loss (epoch 1-based): a warning when it has risen epoch after epoch. */
  epoch(mean: number, epoch: number): string | undefined {
    this.epochMeans.push(mean);
    if (!this.options.risingEpochs || this.warned || this.epochMeans.length <= RISING_EPOCHS) return undefined;
    const recent = this.epochMeans.slice(-(RISING_EPOCHS + 1));
    const rising = recent.every((x, i) => i === 0 || x > recent[i - 1]!);
    if (!rising || !(recent[0]! > 0) || mean < 2 * recent[0]!) return undefined;
    this.warned = true;
    return msg`the ${this.name} rose in each of the last ${RISING_EPOCHS} epochs, from ${short(recent[0]!)} to ${short(mean)} at epoch ${epoch}; the learning rate may be too high`;
  }
}

/** Throws DivergedError when the loss `name` is not finite, naming the first suspect that is not finite either (asked only then). */
export function assertFiniteLoss(name: string, loss: number, at: { epoch?: number; batch?: number }, suspects?: () => Suspect | undefined): void {
  if (Number.isFinite(loss)) return;
  const suspect = suspects?.();
  const value = describeNumber(loss);
  throw diverged(suspect ? msg`the ${name} is ${value} (${suspect.words} holds NaN or infinite values)` : msg`the ${name} is ${value}`, at, suspect ?? { tensor: name, words: name });
}

/** The error for a tensor found not finite, with advice. */
function diverged(what: string, at: { epoch?: number; batch?: number }, suspect: Suspect): DivergedError {
  const advice = suspect.tensor === 'target' || suspect.tensor.startsWith('input ') ? msg`check the data for NaN or infinite values` : msg`lower the learning rate, or limit the gradients with \`clip:\``;
  const message =
    at.epoch === undefined
      ? msg`training diverged: ${what}; ${advice}. No checkpoint is written from these weights.`
      : at.batch === undefined
        ? msg`training diverged at epoch ${at.epoch}: ${what}; ${advice}. No checkpoint is written from these weights.`
        : msg`training diverged at epoch ${at.epoch}, batch ${at.batch}: ${what}; ${advice}. No checkpoint is written from these weights.`;
  return new DivergedError(message, { ...at, tensor: suspect.tensor });
}

/** A model's weights by the names they are saved under (`model-<Name>` in a checkpoint): `Name/Dense_1/kernel` when there are several models. */
function namedWeights(models: Record<string, LayersModel>): { name: string; tensor: Tensor }[] {
  const several = Object.keys(models).length > 1;
  return Object.entries(models).flatMap(([model, m]) => m.weights.map((w) => ({ name: several ? `${model}/${w.originalName}` : w.originalName, tensor: w.read() })));
}

/** The first of `tensors` that holds a NaN or an infinity (by name): one reduction per tensor, one read for all. */
export function firstNotFinite(tf: TF, tensors: { name: string; tensor: Tensor }[]): string | undefined {
  const floats = tensors.filter((t) => t.tensor.dtype === 'float32');
  if (floats.length === 0) return undefined;
  const finite = tf.tidy(() => tf.stack(floats.map(({ tensor }) => tf.all(tf.isFinite(tensor)))).dataSync());
  const index = finite.findIndex((ok) => !ok);
  return index < 0 ? undefined : floats[index]!.name;
}

/** The first weight of the models that is not finite, by name; undefined when all are. */
export function notFiniteWeight(tf: TF, models: Record<string, LayersModel>): string | undefined {
  return firstNotFinite(tf, namedWeights(models));
}

/** What made a loss not finite: a weight that is not, else the batch's data (`input x`, `target`), else nothing found (undefined). */
export function suspectOf(tf: TF, models: Record<string, LayersModel>, data: { name: string; tensor: Tensor }[] = []): Suspect | undefined {
  const weight = notFiniteWeight(tf, models);
  if (weight !== undefined) return { tensor: weight, words: msg`the weight ${weight}` };
  const datum = firstNotFinite(tf, data);
  return datum === undefined ? undefined : { tensor: datum, words: datum === 'target' ? msg`the batch's targets` : msg`the batch's ${datum}` };
}

/** Throws DivergedError when a weight of the models is not finite: called before every checkpoint. */
export function assertFiniteWeights(tf: TF, models: Record<string, LayersModel>, at: { epoch?: number; batch?: number } = {}): void {
  const weight = notFiniteWeight(tf, models);
  if (weight !== undefined) throw diverged(msg`the weight ${weight} is no longer finite`, at, { tensor: weight, words: msg`the weight ${weight}` });
}
