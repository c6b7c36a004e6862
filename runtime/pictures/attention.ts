// The picture of an attention layer for one example: a heat map of its
// weights (target positions down, source positions across, each row a
// distribution over the source), averaged over the heads, and each head
// as a small map beside it. For a model that reverses its input, the
// weights gather on the anti-diagonal.

import { shade } from './shades.js';
import { group, rect, svgDocument, text } from './svg.js';

export interface AttentionMapInput {
  title: string;
  /** a subtitle: which layer, which example */
  subtitle: string;
  /** [Tq][Tk]: the weights averaged over the heads, rows summing to 1 */
  weights: readonly (readonly number[])[];
  /** [heads][Tq][Tk] */
  heads?: readonly (readonly (readonly number[])[])[];
  /** one per key position (across) */
  sourceLabels: readonly string[];
  /** one per query position (down) */
  targetLabels: readonly string[];
  sourceTitle?: string;
  targetTitle?: string;
}

const MARGIN = 16;
const HEADER = 52;

export function attentionMap(o: AttentionMapInput): string {
  const tq = o.weights.length;
  const tk = o.weights[0]?.length ?? 0;
  const cell = Math.max(10, Math.min(32, Math.floor(360 / Math.max(tq, tk, 1))));
  const left = MARGIN + 56;
  const top = HEADER + 28;
  const cells: string[] = [];
  o.weights.forEach((row, q) =>
    row.forEach((w, k) => cells.push(rect(left + k * cell, top + q * cell, cell, cell, { fill: shade(w), stroke: '#ffffff', 'stroke-width': 0.5, class: 'cell', 'data-q': q, 'data-k': k, 'data-weight': String(Math.round(w * 1000) / 1000) }))),
  );
  const labels =
    o.sourceLabels.map((s, k) => text(left + k * cell + cell / 2, top - 6, s, { size: 10, anchor: 'middle' })).join('') +
    o.targetLabels.map((s, q) => text(left - 6, top + q * cell + cell / 2, s, { size: 10, anchor: 'end', baseline: 'middle' })).join('') +
    text(left + (tk * cell) / 2, top - 20, o.sourceTitle ?? 'source (keys)', { size: 11, anchor: 'middle', weight: 'bold' }) +
    text(MARGIN + 10, top + (tq * cell) / 2, o.targetTitle ?? 'target (queries)', { size: 11, anchor: 'middle', weight: 'bold', rotate: -90 });
  // a colour bar: 0 to 1
  const barX = left + tk * cell + 16;
  const barH = tq * cell;
  const steps = 20;
  const bar =
    Array.from({ length: steps }, (_, i) => rect(barX, top + (barH * i) / steps, 12, barH / steps + 0.5, { fill: shade(1 - (i + 0.5) / steps) })).join('') +
    rect(barX, top, 12, barH, { fill: 'none', stroke: '#999999' }) +
    text(barX + 16, top + 4, '1', { size: 10, baseline: 'middle' }) +
    text(barX + 16, top + barH - 2, '0', { size: 10, baseline: 'middle' });
  // the heads, small
  const heads = o.heads ?? [];
  const small = Math.max(3, Math.min(8, Math.floor(120 / Math.max(tq, tk, 1))));
  const headsX = barX + 44;
  const headParts = heads.map((h, i) => {
    const y = top + i * (tq * small + 26);
    const parts = h.flatMap((row, q) => row.map((w, k) => rect(headsX + k * small, y + q * small, small, small, { fill: shade(w), class: 'head-cell' })));
    return group(text(headsX, y - 4, `head ${i + 1}`, { size: 10 }) + parts.join('') + rect(headsX, y, tk * small, tq * small, { fill: 'none', stroke: '#999999' }), { class: 'head' });
  });
  const width = Math.max(360, headsX + (heads.length > 0 ? tk * small : 0) + MARGIN, MARGIN * 2 + o.subtitle.length * 6.2, MARGIN * 2 + o.title.length * 8.5);
  const height = Math.max(top + tq * cell, top + heads.length * (tq * small + 26)) + MARGIN;
  const heading = text(MARGIN, 20, o.title, { size: 14, weight: 'bold' }) + text(MARGIN, 38, o.subtitle, { size: 11, fill: '#555555' });
  return svgDocument(width, height, heading + group(cells.join(''), { class: 'cells' }) + labels + bar + headParts.join(''), { title: o.title });
}
