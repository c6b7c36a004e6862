// Pictures of a detector: held-out images, each with the predicted boxes
// (solid, labelled with the class and score) over the true boxes (dashed),
// one colour per class.

import type { Box } from '../detection/yolo-decode.js';
import type { PixelImage } from './classification.js';
import { legendRow } from './axes.js';
import { colourOf, group, pixelImage, rect, svgDocument, text } from './svg.js';

export interface DetectionScene {
  image: PixelImage;
  /** boxes as corners in fractions of the image */
  predicted: readonly { box: Box; score: number; classId: number }[];
  truth: readonly { box: Box; classId: number }[];
}

const TILE = 176;
const GAP = 14;
const MARGIN = 16;
const HEADER = 48;
const LEGEND = 40;

const nameOf = (names: readonly string[] | undefined, id: number): string => names?.[id] ?? `class ${id}`;

/** Where a box (fractions of the image) lands on a tile at (x, y): [x, y, width, height]. */
export function boxOnTile(box: Box, x: number, y: number, tile: number): [number, number, number, number] {
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  const [x0, y0, x1, y1] = [clamp(box[0]), clamp(box[1]), clamp(box[2]), clamp(box[3])];
  return [x + x0 * tile, y + y0 * tile, (x1 - x0) * tile, (y1 - y0) * tile];
}

export function detectionGrid(o: { title: string; scenes: readonly DetectionScene[]; classNames?: readonly string[]; threshold: number }): string {
  const n = o.scenes.length;
  const cols = Math.max(1, Math.min(4, n));
  const rows = Math.ceil(n / cols);
  const width = Math.max(420, MARGIN * 2 + cols * TILE + (cols - 1) * GAP);
  const height = HEADER + rows * (TILE + GAP) + LEGEND + MARGIN;
  const tiles = o.scenes.map((scene, i) => {
    const x = MARGIN + (i % cols) * (TILE + GAP);
    const y = HEADER + Math.floor(i / cols) * (TILE + GAP);
    const truths = scene.truth.map((t) => {
      const [bx, by, bw, bh] = boxOnTile(t.box, x, y, TILE);
      return rect(bx, by, bw, bh, { fill: 'none', stroke: colourOf(t.classId), 'stroke-width': 2, 'stroke-dasharray': '5 4', class: 'truth', 'data-class': t.classId });
    });
    const predictions = scene.predicted.map((d) => {
      const [bx, by, bw, bh] = boxOnTile(d.box, x, y, TILE);
      const label = `${nameOf(o.classNames, d.classId)} ${d.score.toFixed(2)}`;
      const labelWidth = label.length * 6 + 6;
      // the label above the box (inside it at the top edge), and within the tile at its right edge
      const ly = by - 14 >= y ? by - 14 : by;
      const lx = Math.max(x, Math.min(bx, x + TILE - labelWidth));
      return group(
        rect(bx, by, bw, bh, { fill: 'none', stroke: colourOf(d.classId), 'stroke-width': 2.5, class: 'prediction', 'data-class': d.classId }) +
          rect(lx, ly, labelWidth, 14, { fill: colourOf(d.classId), 'fill-opacity': 0.9 }) +
          text(lx + 3, ly + 10.5, label, { size: 10, fill: '#ffffff', weight: 'bold' }),
      );
    });
    return group(pixelImage(x, y, TILE, TILE, scene.image) + truths.join('') + predictions.join(''), { class: 'scene' });
  });
  const classes = new Set(o.scenes.flatMap((s) => [...s.truth.map((t) => t.classId), ...s.predicted.map((d) => d.classId)]));
  const entries = [
    { label: `predicted (score >= ${o.threshold}, after NMS)`, colour: '#444444', mark: 'line' as const },
    { label: 'true box', colour: '#444444', mark: 'dashed' as const },
    ...[...classes].sort((a, b) => a - b).map((c) => ({ label: nameOf(o.classNames, c), colour: colourOf(c), mark: 'line' as const })),
  ];
  const keys = legendRow(MARGIN, HEADER + rows * (TILE + GAP), entries);
  const heading =
    text(MARGIN, 20, o.title, { size: 14, weight: 'bold' }) +
    text(MARGIN, 38, 'predicted boxes solid with class and score; true boxes dashed', { size: 11, fill: '#555555' });
  return svgDocument(Math.max(width, MARGIN * 2 + keys.width), height, heading + tiles.join('') + keys.svg, { title: o.title });
}
