// The pictures of a YOLO detector on `shapes` scenes (an output grid
// [S, S, K*5 + C] and a truth grid [S, S, 5 + C]): the first held-out
// images with the boxes it predicts (the grid decoded, then NMS) over the
// true boxes.

import { SHAPE_KINDS } from '../data/shapes.js';
import { nonMaxSuppression } from '../detection/nms.js';
import { decodeYolo, decodeYoloTruth } from '../detection/yolo-decode.js';
import { detectionGrid } from './detection.js';
import { exampleImage, heldOutValues, imageShape, valueRange } from './held-out.js';
import type { PictureMaker } from './picture-run.js';

/** Boxes scoring below this (confidence times class probability) are not drawn. */
export const DETECTION_THRESHOLD = 0.2;
const NMS_IOU = 0.5;
/** Detection pictures show at most this many images (they are larger than digits). */
const MOST_SCENES = 8;

export const detectionPictures: PictureMaker = {
  task: 'detection',
  prepare(run) {
    if (run.plan.data.name !== 'shapes') return undefined;
    const out = run.model.outputs[0]!.shape.slice(1);
    const truth = run.targetShape ?? [];
    const image = run.inputShapes.length === 1 ? imageShape(run.inputShapes[0]!) : undefined;
    const classes = SHAPE_KINDS.length;
    if (out.length !== 3 || truth.length !== 3 || !image) return undefined;
    const [cells, cols, depth] = out as [number, number, number];
    if (cells !== cols || truth[0] !== cells || truth[2] !== 5 + classes || (depth - classes) % 5 !== 0 || depth <= classes) return undefined;
    const boxes = (depth - classes) / 5;
    return (epoch) => {
      const values = heldOutValues(run.tf, run.model, run.heldOut, Math.min(run.count, MOST_SCENES));
      const per = image[0] * image[1] * image[2];
      const range = valueRange(values.inputs[0]!.subarray(0, values.count * per));
      const scenes = Array.from({ length: values.count }, (_, i) => {
        const decoded = decodeYolo({ values: values.output, cells, boxes, classes, offset: i * cells * cells * depth });
        return {
          image: exampleImage(values.inputs[0]!, i, image, range),
          predicted: nonMaxSuppression(decoded.boxes, decoded.scores, { iou: NMS_IOU, score: DETECTION_THRESHOLD }),
          truth: decodeYoloTruth(values.target!, cells, classes, i * cells * cells * (5 + classes)),
        };
      });
      return [{ name: 'detections', kind: 'detections', svg: detectionGrid({ title: `Held-out detections after epoch ${epoch}`, scenes, classNames: [...SHAPE_KINDS], threshold: DETECTION_THRESHOLD }) }];
    };
  },
};
