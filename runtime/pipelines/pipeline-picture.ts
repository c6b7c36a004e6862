// The picture of a pipeline's results, as SVG: the image, each box drawn
// over it in its class's colour with a label (class name, or id, and score),
// or each mask tinted over it, and the prompts that asked for it (points:
// foreground green, background red; a box dashed). A caption says what ran.

import { circle, colourOf, group, pixelImage, rect, svgDocument, text, toPixels } from '../pictures/svg.js';
import type { BoxResult, MaskResult } from './pipeline-results.js';
import type { Picture } from './read-picture.js';

export interface PromptMarks {
  /** x, y in the picture's pixels, label 1 foreground, 0 background */
  points: (readonly [number, number, number])[];
  box?: readonly [number, number, number, number];
}

const CAPTION = 28;
const MASK_COLOUR = [0.12, 0.56, 1];

export function pipelinePicture(picture: Picture, results: { boxes: BoxResult[]; masks: MaskResult[] }, caption: string, prompts: PromptMarks = { points: [] }): string {
  // small pictures (64 x 64 scenes) are shown larger, large ones smaller: the longer side about 512 units
  const scale = 512 / Math.max(picture.width, picture.height);
  const width = Math.round(picture.width * scale);
  const height = Math.round(picture.height * scale);
  const shown = results.masks.length > 0 ? tinted(picture, results.masks) : picture.pixels;
  const image = pixelImage(0, CAPTION, width, height, toPixels(shown, picture.height, picture.width, 3));
  const at = (x: number, y: number): [number, number] => [x * scale, CAPTION + y * scale];
  const boxes = results.boxes.map((b, i) => boxMark(b, i, at)).join('');
  const marks = promptMarks(prompts, at);
  const heading = text(8, CAPTION - 9, caption, { size: 13, weight: 'bold' });
  return svgDocument(width, height + CAPTION, heading + image + group(boxes, { class: 'detections' }) + marks, { title: caption });
}

/** One box with its label above it (inside it when it touches the top). */
function boxMark(b: BoxResult, index: number, at: (x: number, y: number) => [number, number]): string {
  const colour = colourOf(b.classId ?? index);
  const [x1, y1] = at(b.box[0], b.box[1]);
  const [x2, y2] = at(b.box[2], b.box[3]);
  const name = b.class ?? (b.classId !== undefined ? `class ${b.classId}` : `box ${index + 1}`);
  const label = b.score !== undefined ? `${name} ${b.score.toFixed(2)}` : name;
  const size = 12;
  const labelWidth = label.length * size * 0.62 + 6;
  const labelTop = y1 - size - 4 >= CAPTION ? y1 - size - 4 : y1;
  return group(
    rect(x1, y1, x2 - x1, y2 - y1, { fill: 'none', stroke: colour, 'stroke-width': 2.5 }) +
      rect(x1, labelTop, labelWidth, size + 4, { fill: colour }) +
      text(x1 + 3, labelTop + size, label, { size, fill: '#ffffff', weight: 'bold' }),
    { class: 'detection' },
  );
}

/** The picture with each mask's pixels mixed half and half with the mask colour. */
function tinted(picture: Picture, masks: MaskResult[]): Float32Array {
  const out = Float32Array.from(picture.pixels);
  for (const { mask } of masks) {
    for (let p = 0; p < mask.length; p++) {
      if (!mask[p]) continue;
      for (let c = 0; c < 3; c++) out[3 * p + c] = 0.5 * out[3 * p + c]! + 0.5 * MASK_COLOUR[c]!;
    }
  }
  return out;
}

function promptMarks(prompts: PromptMarks, at: (x: number, y: number) => [number, number]): string {
  const points = prompts.points.map(([x, y, label]) => {
    const [cx, cy] = at(x, y);
    return circle(cx, cy, 6, { fill: label === 1 ? '#2ca02c' : '#d62728', stroke: '#ffffff', 'stroke-width': 2 });
  });
  let box = '';
  if (prompts.box) {
    const [x1, y1] = at(prompts.box[0], prompts.box[1]);
    const [x2, y2] = at(prompts.box[2], prompts.box[3]);
    box = rect(x1, y1, x2 - x1, y2 - y1, { fill: 'none', stroke: '#2ca02c', 'stroke-width': 2, 'stroke-dasharray': '6 4' });
  }
  return points.length > 0 || box ? group(box + points.join(''), { class: 'prompts' }) : '';
}
