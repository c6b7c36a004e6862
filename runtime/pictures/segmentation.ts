// Pictures of promptable segmentation (SAM): for each example, the image
// with its prompt drawn on it (foreground points green, background points
// red, the box dashed, a mask prompt outlined, a text prompt named), and
// beside it the predicted mask filled over the true mask's outline, with
// the prompt kind and the IoU of the two as its caption.

import { circle, group, line, pixelImage, rect, svgDocument, text } from './svg.js';
import type { PixelImage } from './classification.js';

export interface SegmentedExample {
  image: PixelImage;
  /** (x, y, label) in image pixels: 1 foreground, 0 background (padding left out) */
  points: readonly (readonly [number, number, number])[];
  /** x0, y0, x1, y1 in image pixels */
  box?: readonly [number, number, number, number];
  /** a mask prompt, [side * side] 0/1 */
  maskPrompt?: Uint8Array;
  /** the text prompt's class name */
  text?: string;
  /** [side * side] 0/1: the prediction and the truth, at the mask resolution */
  predicted: Uint8Array;
  truth: Uint8Array;
  /** what the prompt is, for the caption: "one point", "box" */
  kind: string;
}

export const FOREGROUND = '#2ca02c';
export const BACKGROUND = '#d62728';
export const BOX = '#ffd400';
export const PREDICTED = '#ff7f0e';
export const TRUTH = '#ffffff';

const PANEL = 160;
const GAP = 12;
const CAPTION = 18;
const MARGIN = 16;
const HEADER = 64;

/** The IoU of two 0/1 masks (1 when both are empty). */
export function maskIou(a: Uint8Array, b: Uint8Array): number {
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] && b[i]) inter++;
    if (a[i] || b[i]) union++;
  }
  return union === 0 ? 1 : inter / union;
}

/** A grid with a row per example: the prompt over the image, then the predicted mask over the truth. */
export function segmentationGrid(o: { title: string; examples: readonly SegmentedExample[] }): string {
  const pairs = Math.max(1, Math.min(2, o.examples.length));
  const rowHeight = PANEL + CAPTION + GAP;
  const pairWidth = 2 * PANEL + GAP;
  const width = MARGIN * 2 + pairs * pairWidth + (pairs - 1) * 2 * GAP;
  const height = HEADER + Math.ceil(o.examples.length / pairs) * rowHeight + MARGIN;
  const tiles = o.examples.map((e, i) => {
    const x = MARGIN + (i % pairs) * (pairWidth + 2 * GAP);
    const y = HEADER + Math.floor(i / pairs) * rowHeight;
    const iou = maskIou(e.predicted, e.truth);
    const prompt = group(pixelImage(x, y, PANEL, PANEL, e.image) + promptMarks(x, y, e), { class: 'prompt' });
    const masks = group(pixelImage(x + PANEL + GAP, y, PANEL, PANEL, e.image) + maskLayer(x + PANEL + GAP, y, e.predicted, e.truth), { class: 'masks' });
    const caption = text(x + pairWidth / 2, y + PANEL + 13, `${e.kind}${e.text ? ` + text "${e.text}"` : ''}: IoU ${iou.toFixed(2)}`, { size: 11, anchor: 'middle' });
    return group(prompt + masks + caption, { class: 'example' });
  });
  return svgDocument(width, height, heading(o.title) + tiles.join(''), { title: o.title });
}

function heading(title: string): string {
  const y = 40;
  const key = (x: number, mark: string, label: string) => mark + text(x + 12, y + 4, label, { size: 11, fill: '#555555' });
  return (
    text(MARGIN, 20, title, { size: 14, weight: 'bold' }) +
    key(MARGIN, circle(MARGIN + 4, y, 4, { fill: FOREGROUND, stroke: '#ffffff' }), 'foreground point') +
    key(MARGIN + 120, circle(MARGIN + 124, y, 4, { fill: BACKGROUND, stroke: '#ffffff' }), 'background point') +
    key(MARGIN + 245, rect(MARGIN + 245, y - 5, 9, 9, { fill: 'none', stroke: '#b59500', 'stroke-dasharray': '2 1' }), 'box') +
    key(MARGIN + 290, rect(MARGIN + 290, y - 5, 9, 9, { fill: PREDICTED, 'fill-opacity': 0.6 }), 'predicted mask') +
    key(MARGIN + 395, rect(MARGIN + 395, y - 5, 9, 9, { fill: '#444444', stroke: TRUTH }), 'true mask (outline)')
  );
}

/** The prompt drawn over the image shown at (x, y), PANEL wide. */
function promptMarks(x: number, y: number, e: SegmentedExample): string {
  const scale = PANEL / e.image.width;
  const parts: string[] = [];
  if (e.maskPrompt) parts.push(outline(x, y, e.maskPrompt, { stroke: BOX, 'stroke-width': 1.5, 'stroke-dasharray': '3 2', class: 'mask-prompt' }));
  if (e.box) {
    const [x0, y0, x1, y1] = e.box;
    parts.push(rect(x + x0 * scale, y + y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale, { fill: 'none', stroke: BOX, 'stroke-width': 2, 'stroke-dasharray': '5 3', class: 'box' }));
  }
  for (const [px, py, label] of e.points) {
    parts.push(circle(x + (px + 0.5) * scale, y + (py + 0.5) * scale, 5, { fill: label === 1 ? FOREGROUND : BACKGROUND, stroke: '#ffffff', 'stroke-width': 1.5, class: label === 1 ? 'foreground' : 'background' }));
  }
  return parts.join('');
}

/** The predicted mask filled, then the true mask's outline, over the panel at (x, y). */
function maskLayer(x: number, y: number, predicted: Uint8Array, truth: Uint8Array): string {
  return group(runs(x, y, predicted), { fill: PREDICTED, 'fill-opacity': 0.6, class: 'predicted' }) + outline(x, y, truth, { stroke: TRUTH, 'stroke-width': 1.5, class: 'truth' });
}

/** A square 0/1 mask as one rectangle per run of ones along each row. */
function runs(x: number, y: number, mask: Uint8Array): string {
  const side = Math.round(Math.sqrt(mask.length));
  const cell = PANEL / side;
  const out: string[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (!mask[r * side + c]) continue;
      let end = c;
      while (end + 1 < side && mask[r * side + end + 1]) end++;
      out.push(rect(x + c * cell, y + r * cell, (end - c + 1) * cell, cell));
      c = end;
    }
  }
  return out.join('');
}

/** The boundary of a square 0/1 mask: a segment on every cell edge between a one and a zero (or the border). */
function outline(x: number, y: number, mask: Uint8Array, attrs: Record<string, string | number>): string {
  const side = Math.round(Math.sqrt(mask.length));
  const cell = PANEL / side;
  const at = (r: number, c: number) => r >= 0 && c >= 0 && r < side && c < side && mask[r * side + c] === 1;
  const { stroke, ...rest } = attrs;
  const edge = (x1: number, y1: number, x2: number, y2: number) => line(x1, y1, x2, y2, { stroke });
  const out: string[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (!at(r, c)) continue;
      const [left, top] = [x + c * cell, y + r * cell];
      if (!at(r - 1, c)) out.push(edge(left, top, left + cell, top));
      if (!at(r + 1, c)) out.push(edge(left, top + cell, left + cell, top + cell));
      if (!at(r, c - 1)) out.push(edge(left, top, left, top + cell));
      if (!at(r, c + 1)) out.push(edge(left + cell, top, left + cell, top + cell));
    }
  }
  return group(out.join(''), rest);
}
