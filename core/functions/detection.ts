// Object detection: box overlap (iou, usable anywhere, e.g. in the YOLO
// loss) and the pipeline steps around a detector (nms, apply_deltas,
// decode_yolo), which are not differentiable layers.

import { msg } from '../i18n/message.js';
import { add, type Dim, formatDim, mul } from '../shapes/dim.js';
import { formatShape, product } from '../shapes/shape.js';
import type { TensorValue } from '../values.js';
import type { FunctionContext, FunctionSpec } from './function-spec.js';
import { NO_FLOPS } from './flops.js';
import { broadcastAll, expectDtype, expectRank, expectSize } from './util.js';

/** A tensor of boxes `[..., 4]` (or of one of `ranks`), float or int. */
function boxesArg(ctx: FunctionContext, fn: string, name: string, t: TensorValue, layout = '[..., 4]', ranks?: number[]): boolean {
  if (ranks) {
    if (!expectRank(ctx, fn, name, t, ranks, layout)) return false;
  } else if (t.shape.length === 0) {
    ctx.error('NN2001', msg`${fn} expects '${name}' to be boxes ${layout}, but got a scalar (rank 0)`, name);
    return false;
  }
  return expectSize(ctx, fn, name, t, t.shape.length - 1, 4, layout) && expectDtype(ctx, fn, name, t, ['float32', 'int32']);
}

export const iou: FunctionSpec = {
  name: 'iou',
  category: 'detection',
  doc:
    'Intersection over union of boxes: the area where two boxes overlap divided by the area they cover together, from 0 (disjoint) to 1 (identical). ' +
    'Boxes are `[..., 4]`, as `[x, y, w, h]` (centre and size, the default) or `[x1, y1, x2, y2]` (corners); the leading axes broadcast, so ' +
    '`iou(boxes[..., 0:4], truth[..., newaxis, 0:4])` with `[N, S, S, K, 4]` predictions and `[N, S, S, 1, 4]` truth gives `[N, S, S, K]`, ' +
    'the overlap the YOLO loss uses to pick the responsible box.',
  params: [
    { name: 'a', type: 'tensor', doc: 'Boxes `[..., 4]`.' },
    { name: 'b', type: 'tensor', doc: 'Boxes `[..., 4]`; the leading axes broadcast against those of `a`.' },
    { name: 'format', type: 'string', default: 'xywh', allowed: ['xywh', 'xyxy'], doc: '"xywh": centre x, centre y, width, height; "xyxy": the two corners.' },
  ],
  // per pair: the intersection 9 (2 minima, 2 maxima, 2 differences clamped at 0, a product), the two areas 10, the union 2, the division 1;
  // from xywh, 16 more (each box's corners: a half and an addition per coordinate)
  flops: (ctx, [out]) => mul(ctx.string('format') === 'xyxy' ? 22 : 38, product(out!)),
  call(ctx) {
    const a = ctx.tensor('a');
    const b = ctx.tensor('b');
    if (!boxesArg(ctx, 'iou', 'a', a) || !boxesArg(ctx, 'iou', 'b', b)) return undefined;
    const shape = broadcastAll(ctx, 'iou', [
      { name: 'a', shape: a.shape },
      { name: 'b', shape: b.shape },
    ]);
    return shape && ctx.result(shape.slice(0, -1), 'float32');
  },
};

export const nms: FunctionSpec = {
  name: 'nms',
  category: 'detection',
  pipelineOnly: true,
  // a pipeline step: only models are summarised
  flops: NO_FLOPS,
  doc:
    'Non-maximum suppression: keeps the best of overlapping detections. Boxes are visited from the highest score down; each one is kept unless it ' +
    'overlaps an already kept box (of the same class) by more than `iou`. Boxes scoring below `score` are dropped first, and at most `max` are kept. ' +
    'With `scores [N, classes]` each box takes its best class. The result is a tuple `(boxes [K, 4], scores [K], classes [K])`, where K, the ' +
    'number kept, is only known when it runs.',
  params: [
    { name: 'boxes', type: 'tensor', doc: 'Candidate boxes `[N, 4]`.' },
    { name: 'scores', type: 'tensor', doc: 'Their scores, `[N]`, or per class `[N, classes]`.' },
    { name: 'iou', type: 'float', default: 0.5, min: 0, max: 1, doc: 'The overlap above which the lower-scoring box is suppressed.' },
    { name: 'max', type: 'int', default: 100, min: 1, doc: 'The most boxes to keep.' },
    { name: 'score', type: 'float', default: 0, doc: 'Boxes scoring below this are dropped.' },
  ],
  call(ctx) {
    const boxes = ctx.tensor('boxes');
    const scores = ctx.tensor('scores');
    if (!boxesArg(ctx, 'nms', 'boxes', boxes, '[N, 4]', [2])) return undefined;
    if (!expectRank(ctx, 'nms', 'scores', scores, [1, 2], msg`[N] or [N, classes]`) || !expectDtype(ctx, 'nms', 'scores', scores, ['float32'])) return undefined;
    if (!expectSize(ctx, 'nms', 'scores', scores, 0, boxes.shape[0]!, msg`with one row per box (${formatDim(boxes.shape[0]!)} boxes in ${formatShape(boxes.shape)})`)) return undefined;
    const k = ctx.freshDim('K');
    return {
      kind: 'tuple',
      names: ['boxes', 'scores', 'classes'],
      items: [ctx.result([k, 4], boxes.dtype), ctx.result([k], 'float32'), ctx.result([k], 'int32')],
    };
  },
};

export const apply_deltas: FunctionSpec = {
  name: 'apply_deltas',
  category: 'detection',
  pipelineOnly: true,
  // a pipeline step: only models are summarised
  flops: NO_FLOPS,
  doc:
    'Moves boxes by predicted corrections, as R-CNN\'s bounding-box regression does: for a box with centre (x, y) and size (w, h) and deltas ' +
    '`[dx, dy, dw, dh]`, the new centre is `(x + w*dx, y + h*dy)` and the new size `(w*e^dw, h*e^dh)`. Boxes and deltas are `[N, 4]` ' +
    '(any leading axes, broadcast); the result has the same shape.',
  params: [
    { name: 'boxes', type: 'tensor', doc: 'The proposals `[N, 4]`.' },
    { name: 'deltas', type: 'tensor', doc: 'The predicted corrections `[N, 4]`: dx, dy, dw, dh.' },
  ],
  call(ctx) {
    const boxes = ctx.tensor('boxes');
    const deltas = ctx.tensor('deltas');
    if (!boxesArg(ctx, 'apply_deltas', 'boxes', boxes, '[N, 4]') || !boxesArg(ctx, 'apply_deltas', 'deltas', deltas, '[N, 4]')) return undefined;
    const shape = broadcastAll(ctx, 'apply_deltas', [
      { name: 'boxes', shape: boxes.shape },
      { name: 'deltas', shape: deltas.shape },
    ]);
    return shape && ctx.result(shape, 'float32');
  },
};

export const decode_yolo: FunctionSpec = {
  name: 'decode_yolo',
  category: 'detection',
  pipelineOnly: true,
  // a pipeline step: only models are summarised
  flops: NO_FLOPS,
  doc:
    'Turns the raw YOLO output into boxes and class scores. The image is divided into an S x S grid; every cell predicts `boxes` boxes of 5 numbers ' +
    '(x, y, w, h relative to the cell, and a confidence) and `classes` class probabilities, so `pred` is `[B, S, S, boxes*5 + classes]` ' +
    '(`[B, 7, 7, 30]` for YOLOv1 on VOC). The result is a tuple `(boxes [B, S*S*boxes, 4], scores [B, S*S*boxes, classes])` in image ' +
    'coordinates, each score being confidence times class probability; `nms` then keeps the best.',
  params: [
    { name: 'pred', type: 'tensor', doc: 'The network output `[B, S, S, boxes*5 + classes]`.' },
    { name: 'boxes', type: 'int', default: 2, min: 1, doc: 'Boxes predicted per cell (K).' },
    { name: 'classes', type: 'int', default: 20, min: 1, doc: 'The number of classes (C).' },
  ],
  call(ctx) {
    const pred = ctx.tensor('pred');
    const k = ctx.int('boxes');
    const c = ctx.int('classes');
    const depth = add(mul(k, 5), c);
    const layout = msg`[B, S, S, boxes*5 + classes] = [B, S, S, ${formatDim(depth)}] (${formatDim(k)} boxes, ${formatDim(c)} classes)`;
    if (!expectRank(ctx, 'decode_yolo', 'pred', pred, 4, layout) || !expectSize(ctx, 'decode_yolo', 'pred', pred, 3, depth, layout)) return undefined;
    const [b, h, w] = pred.shape as [Dim, Dim, Dim, Dim];
    const n = product([h, w, k]);
    return {
      kind: 'tuple',
      names: ['boxes', 'scores'],
      items: [ctx.result([b, n, 4], 'float32'), ctx.result([b, n, c], 'float32')],
    };
  },
};

export const DETECTION_FUNCTIONS: readonly FunctionSpec[] = [iou, nms, apply_deltas, decode_yolo];
