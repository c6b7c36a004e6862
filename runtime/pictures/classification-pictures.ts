// The pictures of a classifier (an output of one score per class, targets
// that are class ids or one-hot rows): the first held-out examples with
// their predicted and true labels when the inputs are images, and the
// confusion matrix over up to 2,000 held-out examples.

import { SHAPE_KINDS } from '../data/shapes.js';
import { confusionMatrix, predictionGrid } from './classification.js';
import { argmax, exampleImage, heldOutValues, imageShape, valueRange } from './held-out.js';
import type { Picture, PictureMaker, PictureRun } from './picture-run.js';

/** The confusion matrix counts at most this many held-out examples. */
const CONFUSION_EXAMPLES = 2000;

export const classificationPictures: PictureMaker = {
  task: 'classification',
  prepare(run) {
    const out = run.model.outputs[0]!.shape.slice(1);
    const classes = out[0];
    if (out.length !== 1 || typeof classes !== 'number' || classes < 2 || run.classes === undefined || classes < run.classes) return undefined;
    const target = run.targetShape ?? [];
    const oneHot = target.length === 1 && target[0] === classes;
    if (!(target.length === 0 || (target.length === 1 && target[0] === 1) || oneHot)) return undefined;
    const image = run.inputShapes.length === 1 ? imageShape(run.inputShapes[0]!) : undefined;
    const names = classNamesOf(run, classes);
    return (epoch) => draw(run, epoch, { classes, oneHot, image, names });
  },
};

function classNamesOf(run: PictureRun, classes: number): string[] | undefined {
  if (run.classNames) return run.classNames;
  if (run.plan.data.name === 'shapes') return classes === SHAPE_KINDS.length + 1 ? ['background', ...SHAPE_KINDS] : [...SHAPE_KINDS];
  return undefined;
}

function draw(run: PictureRun, epoch: number, o: { classes: number; oneHot: boolean; image: [number, number, number] | undefined; names: string[] | undefined }): Picture[] {
  const values = heldOutValues(run.tf, run.model, run.heldOut, Math.max(CONFUSION_EXAMPLES, run.count));
  const truthOf = (i: number) => (o.oneHot ? argmax(values.target!, i * o.classes, o.classes) : Math.round(values.target![i]!));
  const predictedOf = (i: number) => argmax(values.output, i * o.classes, o.classes);
  const counts = Array.from({ length: o.classes }, () => new Array<number>(o.classes).fill(0));
  for (let i = 0; i < values.count; i++) {
    const t = truthOf(i);
    if (t >= 0 && t < o.classes) counts[t]![predictedOf(i)]! += 1;
  }
  const pictures: Picture[] = [];
  if (o.image) {
    const shown = Math.min(run.count, values.count);
    const per = o.image[0] * o.image[1] * o.image[2];
    const range = valueRange(values.inputs[0]!.subarray(0, shown * per));
    const examples = Array.from({ length: shown }, (_, i) => ({ image: exampleImage(values.inputs[0]!, i, o.image!, range), predicted: predictedOf(i), truth: truthOf(i) }));
    pictures.push({ name: 'predictions', kind: 'predictions', svg: predictionGrid({ title: `Held-out predictions after epoch ${epoch}`, examples, ...(o.names ? { classNames: o.names } : {}) }) });
  }
  pictures.push({ name: 'confusion', kind: 'confusion', svg: confusionMatrix({ title: `Confusion matrix after epoch ${epoch}`, counts, ...(o.names ? { classNames: o.names } : {}) }) });
  return pictures;
}
