// Non-maximum suppression (pure, no tensors), as the `nms` function of a
// pipeline: each box takes its best class; boxes scoring below `score`
// are dropped; then from the highest score down, a box is kept unless it
// overlaps an already kept box of the same class by more than `iou`; at
// most `max` are kept.

import type { Box } from './yolo-decode.js';

export interface Detection {
  box: Box;
  score: number;
  classId: number;
}

export interface NmsOptions {
  /** the overlap above which the lower-scoring box is suppressed (default 0.5) */
  iou?: number;
  /** boxes scoring below this are dropped (default 0) */
  score?: number;
  /** the most boxes kept (default 100) */
  max?: number;
}

/** Intersection over union of two boxes given as corners (0 when they do not overlap or have no area). */
export function boxIou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  const union = Math.max(0, a[2] - a[0]) * Math.max(0, a[3] - a[1]) + Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** `scores`: one per box, or one per box and class (`[N][C]`: the box takes its best class). Kept boxes in descending score. */
export function nonMaxSuppression(boxes: readonly Box[], scores: readonly number[] | readonly (readonly number[])[], o: NmsOptions = {}): Detection[] {
  const threshold = o.iou ?? 0.5;
  const candidates: Detection[] = [];
  boxes.forEach((box, i) => {
    const s = scores[i]!;
    let classId = 0;
    let score: number;
    if (typeof s === 'number') score = s;
    else {
      for (let c = 1; c < s.length; c++) if (s[c]! > s[classId]!) classId = c;
      score = s[classId]!;
    }
    if (score >= (o.score ?? 0) && Number.isFinite(score)) candidates.push({ box, score, classId });
  });
  // a stable sort: equal scores keep the boxes' order
  candidates.sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of candidates) {
    if (kept.length >= (o.max ?? 100)) break;
    if (kept.every((k) => k.classId !== d.classId || boxIou(k.box, d.box) <= threshold)) kept.push(d);
  }
  return kept;
}
