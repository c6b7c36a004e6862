import { describe, expect, it } from 'vitest';
import { call, checkRow, formatValue, type Row } from './harness.js';

// [function, arguments as written in nn, expected value | `NNxxxx message fragment`]
const ROWS: readonly Row[] = [
  // iou: the YOLO loss compares K predicted boxes per cell with the one true box
  ['iou', 'f32[N, S, S, K, 4], f32[N, S, S, 1, 4]', '[N, S, S, K]'],
  ['iou', 'f32[N, 4], f32[M, 1, 4], "xyxy"', '[M, N]'],
  ['iou', 'f32[4], f32[4], format="xyxy"', '[]'],
  ['iou', 'f32[N, 5], f32[N, 4]', "NN2004 iou expects 'a' [..., 4], but axis -1 of [N, 5] has size 5, not 4"],
  ['iou', 'f32[N, 4], f32[M, 4]', "NN2004 iou: 'b' [M, 4] does not broadcast with 'a' [N, 4]: axis -2 has size M in 'b' but N in 'a'"],
  ['iou', 'f32[N, 4], f32[N, 4], "xyz"', 'NN3001 iou: \'format\' must be one of "xywh", "xyxy", not "xyz"'],
  ['iou', 'f32[], f32[4]', 'NN2001 iou expects \'a\' to be boxes [..., 4], but got a scalar'],
  ['iou', 'bool[N, 4], f32[N, 4]', 'NN2008'],
  // nms: K, the number kept, is a fresh data-dependent dim
  ['nms', 'f32[N, 4], f32[N]', '([K1, 4], [K1], [K1] int32)'],
  ['nms', 'f32[N, 4], f32[N, 20], iou=0.7, max=50', '([K1, 4], [K1], [K1] int32)'],
  ['nms', 'f32[N, 4], f32[M]', 'NN2004 nms expects \'scores\' with one row per box (N boxes in [N, 4]), but axis -1 of [M] has size M, not N'],
  ['nms', 'f32[N, 4], f32[N], iou=1.5', "NN3003 nms: 'iou' must be at most 1"],
  ['nms', 'f32[B, N, 4], f32[N]', "NN2001 nms expects 'boxes' to be a rank-2 tensor [N, 4]"],
  ['nms', 'f32[N, 4], f32[N, 2, 3]', "NN2001 nms expects 'scores' to be a rank-1 or rank-2 tensor"],
  // apply_deltas: R-CNN box regression
  ['apply_deltas', 'f32[N, 4], f32[N, 4]', '[N, 4]'],
  ['apply_deltas', 'f32[N, 4], f32[M, 4]', "NN2004 apply_deltas: 'deltas' [M, 4] does not broadcast with 'boxes' [N, 4]: axis -2"],
  ['apply_deltas', 'f32[N, 4], f32[N, 8]', 'NN2004 axis -1 of [N, 8] has size 8, not 4'],
  // decode_yolo: [B, S, S, K*5 + C]
  ['decode_yolo', 'f32[B, 7, 7, 30]', '([B, 98, 4], [B, 98, 20])'],
  ['decode_yolo', 'f32[B, S, S, 30]', '([B, 2*S*S, 4], [B, 2*S*S, 20])'],
  ['decode_yolo', 'f32[B, 13, 13, 25], boxes=1, classes=20', '([B, 169, 4], [B, 169, 20])'],
  ['decode_yolo', 'f32[B, 7, 7, 31]', 'NN2004 decode_yolo expects \'pred\' [B, S, S, boxes*5 + classes] = [B, S, S, 30] (2 boxes, 20 classes), but axis -1 of [B, 7, 7, 31] has size 31, not 30'],
  ['decode_yolo', 'f32[B, 49, 30]', 'NN2001 decode_yolo expects \'pred\' to be a rank-4 tensor'],
  // R-CNN: proposals, then warping each to the CNN input
  ['selective_search', 'f32[1, H, W, 3]', '[2000, 4]'],
  ['selective_search', 'f32[H, W, 3], 500', '[500, 4]'],
  ['selective_search', 'f32[2, H, W, 3]', 'NN2004 selective_search proposes regions for one image at a time, but image [2, H, W, 3] holds 2'],
  ['selective_search', 'f32[H, W, 1]', 'NN2004 with 3 colour channels'],
  ['selective_search', 'f32[W, 3]', "NN2001 selective_search expects 'image' to be a rank-3 or rank-4 tensor"],
  ['crop_and_resize', 'f32[1, H, W, 3], f32[2000, 4], [227, 227]', '[2000, 227, 227, 3]'],
  ['crop_and_resize', 'f32[H, W, 3], f32[N, 4], [224, 224]', '[N, 224, 224, 3]'],
  ['crop_and_resize', 'f32[1, H, W, 3], f32[N, 5], [224, 224]', "NN2004 crop_and_resize expects 'boxes' [N, 4], but axis -1 of [N, 5] has size 5, not 4"],
  ['crop_and_resize', 'f32[1, H, W, 3], f32[N, 4], [224]', 'NN3003 crop_and_resize: size must be [h, w]'],
  ['crop_and_resize', 'f32[H, W], f32[N, 4], [224, 224]', 'NN2001'],
];

describe('detection functions', () => {
  it.each(ROWS)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });

  it('gives every nms call its own K', () => {
    const fresh = { next: 1 };
    const first = call('nms', 'f32[N, 4], f32[N]', fresh);
    const second = call('nms', 'f32[N, 4], f32[N]', fresh);
    expect(formatValue(first.value)).toBe('([K1, 4], [K1], [K1] int32)');
    expect(formatValue(second.value)).toBe('([K2, 4], [K2], [K2] int32)');
    expect(first.value).toMatchObject({ kind: 'tuple', names: ['boxes', 'scores', 'classes'] });
  });

  it('names the parts of decode_yolo', () => {
    expect(call('decode_yolo', 'f32[B, 7, 7, 30]').value).toMatchObject({ kind: 'tuple', names: ['boxes', 'scores'] });
  });

  it('runs the R-CNN steps in order', () => {
    const boxes = formatValue(call('selective_search', 'f32[1, 480, 640, 3]').value);
    const crops = formatValue(call('crop_and_resize', `f32[1, 480, 640, 3], f32${boxes}, [227, 227]`).value);
    expect(crops).toBe('[2000, 227, 227, 3]');
  });
});
