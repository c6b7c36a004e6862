// Pictures of a classifier: held-out examples with their predicted and
// true labels (mistakes framed in red, labelled "predicted / true"), and
// the confusion matrix (counts, cells shaded by the fraction of their true
// class, the class names on both axes, the accuracy in the title).

import { shade, inkOn } from './shades.js';
import { element, group, pixelImage, rect, svgDocument, text } from './svg.js';

export interface PixelImage {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
}

export interface LabelledExample {
  image: PixelImage;
  /** class ids */
  predicted: number;
  truth: number;
}

export const MISTAKE = '#d62728';

const TILE = 72;
const CAPTION = 18;
const GAP = 10;
const MARGIN = 16;
const HEADER = 48;

const nameOf = (names: readonly string[] | undefined, id: number): string => names?.[id] ?? String(id);

/** A grid of examples, each with its predicted label; a mistake is framed in red and labelled "predicted / true". */
export function predictionGrid(o: { title: string; examples: readonly LabelledExample[]; classNames?: readonly string[] }): string {
  const n = o.examples.length;
  const cols = Math.max(1, Math.min(8, Math.ceil(Math.sqrt(n * 1.5))));
  const rows = Math.ceil(n / cols);
  const width = Math.max(360, MARGIN * 2 + cols * TILE + (cols - 1) * GAP);
  const height = HEADER + rows * (TILE + CAPTION + GAP) + MARGIN;
  const wrong = o.examples.filter((e) => e.predicted !== e.truth).length;
  const tiles = o.examples.map((e, i) => {
    const x = MARGIN + (i % cols) * (TILE + GAP);
    const y = HEADER + Math.floor(i / cols) * (TILE + CAPTION + GAP);
    const mistake = e.predicted !== e.truth;
    const shown = pixelImage(x, y, TILE, TILE, e.image);
    const label = mistake ? `${nameOf(o.classNames, e.predicted)} / ${nameOf(o.classNames, e.truth)}` : nameOf(o.classNames, e.predicted);
    const caption = text(x + TILE / 2, y + TILE + 13, label, { size: 11, anchor: 'middle', fill: mistake ? MISTAKE : '#222222', weight: mistake ? 'bold' : undefined });
    const frame = mistake ? rect(x - 2, y - 2, TILE + 4, TILE + 4, { fill: 'none', stroke: MISTAKE, 'stroke-width': 3, class: 'mistake' }) : '';
    return group(shown + frame + caption, { class: mistake ? 'example wrong' : 'example right' });
  });
  const heading =
    text(MARGIN, 20, o.title, { size: 14, weight: 'bold' }) +
    text(MARGIN, 38, `${n - wrong} of ${n} right; mistakes in red, labelled predicted / true`, { size: 11, fill: '#555555' });
  return svgDocument(width, height, heading + tiles.join(''), { title: o.title });
}

/** Accuracy of a confusion matrix (`counts[true][predicted]`): its diagonal over its total (0 when empty). */
export function accuracyOf(counts: readonly (readonly number[])[]): number {
  let right = 0;
  let all = 0;
  counts.forEach((row, t) => row.forEach((c, p) => ((all += c), (right += t === p ? c : 0))));
  return all === 0 ? 0 : right / all;
}

/** The confusion matrix `counts[true][predicted]`: each cell's count, shaded by its share of the true class's examples. */
export function confusionMatrix(o: { title: string; counts: readonly (readonly number[])[]; classNames?: readonly string[] }): string {
  const k = o.counts.length;
  const names = Array.from({ length: k }, (_, i) => nameOf(o.classNames, i));
  const longest = Math.max(...names.map((s) => s.length), 1);
  const cell = Math.max(28, Math.min(48, Math.floor(480 / Math.max(1, k))));
  const left = MARGIN + 22 + Math.min(120, longest * 7 + 8);
  const top = HEADER + 24;
  const side = k * cell;
  const width = Math.max(360, left + side + MARGIN);
  const height = top + side + 48 + Math.min(120, longest * 6);
  const accuracy = accuracyOf(o.counts);
  const total = o.counts.reduce((a, row) => a + row.reduce((b, c) => b + c, 0), 0);
  const cells: string[] = [];
  o.counts.forEach((row, t) => {
    const rowTotal = row.reduce((a, b) => a + b, 0);
    row.forEach((count, p) => {
      const fraction = rowTotal === 0 ? 0 : count / rowTotal;
      const x = left + p * cell;
      const y = top + t * cell;
      cells.push(
        group(
          rect(x, y, cell, cell, { fill: shade(fraction), stroke: '#dddddd', class: 'cell', 'data-true': t, 'data-predicted': p }) +
            (count > 0 ? text(x + cell / 2, y + cell / 2, String(count), { size: cell >= 40 ? 12 : 10, anchor: 'middle', baseline: 'middle', fill: inkOn(fraction) }) : ''),
        ),
      );
    });
  });
  // the diagonal (right answers) outlined over the cells
  const diagonal = names.map((_, i) => rect(left + i * cell, top + i * cell, cell, cell, { fill: 'none', stroke: '#222222', 'stroke-width': 1.5 })).join('');
  const axisNames = names.map(
    (name, i) =>
      text(left - 6, top + i * cell + cell / 2, name, { size: 11, anchor: 'end', baseline: 'middle' }) +
      text(left + i * cell + cell / 2, top + side + 8, name, { size: 11, anchor: 'end', baseline: 'middle', rotate: -60 }),
  );
  const titles =
    text(MARGIN, 20, `${o.title}: accuracy ${(accuracy * 100).toFixed(1)}%`, { size: 14, weight: 'bold' }) +
    text(MARGIN, 38, `${total.toLocaleString('en-US')} held-out examples; shade: the share of the true class`, { size: 11, fill: '#555555' }) +
    text(left + side / 2, top - 8, 'predicted', { size: 12, anchor: 'middle', weight: 'bold' }) +
    text(MARGIN + 4, top + side / 2, 'true', { size: 12, anchor: 'middle', weight: 'bold', rotate: -90 });
  return svgDocument(width, height, titles + element('g', { class: 'cells' }, cells.join('')) + diagonal + axisNames.join(''), { title: `${o.title}: accuracy ${(accuracy * 100).toFixed(1)}%` });
}
