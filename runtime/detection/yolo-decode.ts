// YOLOv1's output grid as boxes (pure, no tensors): the image is divided
// into S x S cells; each cell predicts K boxes of (x, y, w, h, confidence)
// (x, y: the centre within the cell, 0-1; w, h: the size as a fraction of
// the image), then C class probabilities. The truth grid is per cell
// (x, y, w, h, object, one-hot class), as the `shapes` data source and
// YoloV1Loss have it. Boxes come out as corners in fractions of the image.

/** [x0, y0, x1, y1]: corners, as fractions of the image's width and height */
export type Box = [number, number, number, number];

export interface YoloGrid {
  /** the network output, `[.., S, S, K*5 + C]` flattened */
  values: ArrayLike<number>;
  /** S: cells per side */
  cells: number;
  /** K: boxes per cell */
  boxes: number;
  /** C: classes */
  classes: number;
  /** where this example's grid starts in `values` (default 0) */
  offset?: number;
}

/** The box at `at` (x, y in the cell at row, col; w, h of the image) as corners. */
export function cellBox(values: ArrayLike<number>, at: number, row: number, col: number, cells: number): Box {
  const cx = (col + values[at]!) / cells;
  const cy = (row + values[at + 1]!) / cells;
  const w = Math.max(0, values[at + 2]!);
  const h = Math.max(0, values[at + 3]!);
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/**
 * decode_yolo: every cell's K boxes (S*S*K, in order of row, column, box)
 * and, for each, a score per class: its confidence times the cell's class
 * probability.
 */
export function decodeYolo(grid: YoloGrid): { boxes: Box[]; scores: number[][] } {
  const { values, cells, boxes: k, classes } = grid;
  const depth = k * 5 + classes;
  const boxes: Box[] = [];
  const scores: number[][] = [];
  for (let row = 0; row < cells; row++)
    for (let col = 0; col < cells; col++) {
      const at = (grid.offset ?? 0) + (row * cells + col) * depth;
      for (let b = 0; b < k; b++) {
        const confidence = values[at + b * 5 + 4]!;
        boxes.push(cellBox(values, at + b * 5, row, col, cells));
        scores.push(Array.from({ length: classes }, (_, c) => confidence * values[at + k * 5 + c]!));
      }
    }
  return { boxes, scores };
}

/** The true boxes of a truth grid `[S, S, 5 + C]` (cells whose object flag is set), with their class. */
export function decodeYoloTruth(values: ArrayLike<number>, cells: number, classes: number, offset = 0): { box: Box; classId: number }[] {
  const depth = 5 + classes;
  const out: { box: Box; classId: number }[] = [];
  for (let row = 0; row < cells; row++)
    for (let col = 0; col < cells; col++) {
      const at = offset + (row * cells + col) * depth;
      if (values[at + 4]! <= 0.5) continue;
      let classId = 0;
      for (let c = 1; c < classes; c++) if (values[at + 5 + c]! > values[at + 5 + classId]!) classId = c;
      out.push({ box: cellBox(values, at, row, col, cells), classId });
    }
  return out;
}
