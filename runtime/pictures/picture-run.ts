// What a picture maker is given about a supervised run, and what it gives
// back: pictures as SVG text, each with the name its file takes and the
// `kind` its `sample` event says.

import type { TrainPlan } from '../../core/train/plan.js';
import type { Examples } from '../data/dataset.js';
import type { LayersModel, TF } from '../tf-types.js';
import type { SampleKind } from '../train/events.js';

export interface PictureRun {
  tf: TF;
  plan: TrainPlan;
  model: LayersModel;
  /** the examples pictures are drawn from: the validation split, else the test set */
  heldOut: Examples;
  /** each input's shape per example as the data source gives it ([28, 28, 1] for mnist, even when the model takes [784]) */
  inputShapes: number[][];
  /** the per-example shape of the targets */
  targetShape?: number[];
  /** the number of classes, when the targets are class ids */
  classes?: number;
  /** the name of each class id, when the data has names */
  classNames?: string[];
  /** how many examples a picture shows (`samples: { count }`) */
  count: number;
}

export interface Picture {
  /** the file's name after `epoch-0003-`: `predictions`, `confusion` */
  name: string;
  kind: SampleKind;
  /** a whole SVG document */
  svg: string;
}

/** Draws the pictures of one epoch (with the weights as they are now). */
export type DrawPictures = (epoch: number) => Picture[];

/**
 * One task's pictures (classification, detection, attention, ...):
 * `prepare` looks at the run once, before its first epoch, and returns how
 * to draw its pictures, or undefined when the run is not of its task.
 */
export interface PictureMaker {
  task: string;
  prepare(run: PictureRun): DrawPictures | undefined;
}
