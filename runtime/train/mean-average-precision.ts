// Mean average precision at IoU 0.5 (PASCAL VOC's mAP) for YOLOv1-style
// grids: predictions [N, S, S, K*5 + C] (per cell, K boxes of x, y, w, h,
// confidence, then C class probabilities) against truth [N, S, S, 5 + C]
// (x, y, w, h, object, one-hot class). x and y are offsets within the cell,
// w and h fractions of the image.
//
// Each predicted box scores confidence * its cell's best class probability;
// greedy non-maximum suppression (IoU 0.5, per image and class) removes
// duplicates; then per class, detections in descending score match unmatched
// true boxes of their image with IoU >= 0.5, and AP is the area under the
// precision-recall curve (all points, precision made non-increasing). mAP is
// the mean over the classes that have true boxes.

export type Box = [number, number, number, number]; // x0, y0, x1, y1

interface Detection {
  image: number;
  box: Box;
  score: number;
}

const IOU_THRESHOLD = 0.5;
const MIN_SCORE = 0.01;

export class MeanAveragePrecision {
  private readonly detections: Detection[][] = [];
  private readonly truths: { image: number; box: Box }[][] = [];
  private images = 0;

  /** One batch: predictions [n, S, S, K*5 + C] and truth [n, S, S, 5 + C], flattened. */
  add(prediction: Float32Array, truth: Float32Array, n: number, s: number, predDepth: number, truthDepth: number): void {
    const classes = truthDepth - 5;
    const boxes = (predDepth - classes) / 5;
    for (let c = this.detections.length; c < classes; c++) this.detections.push([]), this.truths.push([]);
    for (let i = 0; i < n; i++, this.images++) {
      const found: Detection[][] = Array.from({ length: classes }, () => []);
      for (let row = 0; row < s; row++) {
        for (let col = 0; col < s; col++) {
          const cell = ((i * s + row) * s + col);
          const p = cell * predDepth;
          const t = cell * truthDepth;
          const best = argmax(prediction, p + boxes * 5, classes);
          for (let k = 0; k < boxes; k++) {
            const b = p + k * 5;
            const score = prediction[b + 4]! * prediction[p + boxes * 5 + best]!;
            if (score >= MIN_SCORE) found[best]!.push({ image: this.images, box: cellBox(prediction, b, row, col, s), score });
          }
          if (truth[t + 4]! > 0.5) this.truths[argmax(truth, t + 5, classes)]!.push({ image: this.images, box: cellBox(truth, t, row, col, s) });
        }
      }
      found.forEach((list, c) => this.detections[c]!.push(...suppress(list)));
    }
  }

  /** mAP over the classes that have true boxes (0 when none has). */
  result(): number {
    const aps = this.truths.flatMap((truths, c) => (truths.length === 0 ? [] : [averagePrecision(this.detections[c]!, truths)]));
    return aps.length === 0 ? 0 : aps.reduce((a, b) => a + b, 0) / aps.length;
  }
}

function argmax(values: Float32Array, from: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (values[from + c]! > values[from + best]!) best = c;
  return best;
}

/** The box at `at` (x, y in the cell, w, h of the image) as image-relative corners. */
function cellBox(values: Float32Array, at: number, row: number, col: number, s: number): Box {
  const cx = (col + values[at]!) / s;
  const cy = (row + values[at + 1]!) / s;
  const w = Math.max(0, values[at + 2]!);
  const h = Math.max(0, values[at + 3]!);
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

export function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** Greedy non-maximum suppression: the best box of each overlapping group. */
function suppress(list: Detection[]): Detection[] {
  const kept: Detection[] = [];
  for (const d of [...list].sort((a, b) => b.score - a.score)) if (kept.every((k) => iou(k.box, d.box) < IOU_THRESHOLD)) kept.push(d);
  return kept;
}

export function averagePrecision(detections: Detection[], truths: { image: number; box: Box }[]): number {
  const matched = new Set<number>();
  let tp = 0;
  let fp = 0;
  const points: { recall: number; precision: number }[] = [];
  for (const d of [...detections].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = IOU_THRESHOLD;
    truths.forEach((t, j) => {
      if (t.image !== d.image || matched.has(j)) return;
      const o = iou(t.box, d.box);
      if (o >= bestIou) (best = j), (bestIou = o);
    });
    if (best >= 0) matched.add(best), tp++;
    else fp++;
    points.push({ recall: tp / truths.length, precision: tp / (tp + fp) });
  }
  // area under the curve with precision made non-increasing from the right
  for (let i = points.length - 2; i >= 0; i--) points[i]!.precision = Math.max(points[i]!.precision, points[i + 1]!.precision);
  let ap = 0;
  let previousRecall = 0;
  for (const p of points) {
    ap += (p.recall - previousRecall) * p.precision;
    previousRecall = p.recall;
  }
  return ap;
}
