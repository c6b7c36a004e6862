// The picture of `--explain`: the gradient norm of each layer with weights,
// ||d(loss)/d(w)||, against its depth (1 = next to the input), on a log
// scale. In a deep plain network the line falls towards the input (the
// gradient fades on its way back); with skip connections it stays level.
// Several series share the axes (the plain network and its residual twin).
// SVG, from the primitives of ../pictures/svg.ts.

import { colourOf, element, escapeXml, group, line, polyline, rect, svgDocument, text } from '../pictures/svg.js';

export interface GradientSeries {
  name: string;
  /** one point per layer with weights, in depth order */
  points: { depth: number; layer: string; gradient: number }[];
}

const WIDTH = 760;
const HEIGHT = 440;
const PLOT = { left: 84, right: 24, top: 64, bottom: 64 };
/** the legend's row, between the subtitle and the plot, when there are several series */
const LEGEND_ROW = 22;

/** The SVG document: a log-scale y axis of gradient norms, depth along x, a legend when there are several series. */
export function gradientPicture(series: GradientSeries[], title: string, subtitle = ''): string {
  const shown = series.map((s) => ({ ...s, points: s.points.filter((p) => p.gradient > 0 && Number.isFinite(p.gradient)) }));
  const all = shown.flatMap((s) => s.points);
  const maxDepth = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.depth)));
  const [low, high] = decades(all.map((p) => p.gradient));
  const top = PLOT.top + (series.length > 1 ? LEGEND_ROW : 0);
  const w = WIDTH - PLOT.left - PLOT.right;
  const h = HEIGHT - top - PLOT.bottom;
  const x = (depth: number) => PLOT.left + (maxDepth === 1 ? w / 2 : ((depth - 1) / (maxDepth - 1)) * w);
  const y = (g: number) => top + h - ((Math.log10(g) - low) / (high - low)) * h;

  const parts: string[] = [];
  parts.push(text(WIDTH / 2, 26, title, { size: 16, anchor: 'middle', weight: 'bold' }));
  if (subtitle) parts.push(text(WIDTH / 2, 46, subtitle, { size: 12, anchor: 'middle', fill: '#555555' }));
  parts.push(rect(PLOT.left, top, w, h, { fill: 'none', stroke: '#bbbbbb' }));
  // y: one grid line and label per power of ten; over a few decades, 2 and 5 times each too
  for (let d = low; d <= high; d++) {
    for (const m of high - low <= 3 && d < high ? [1, 2, 5] : [1]) {
      const at = y(m * 10 ** d);
      parts.push(line(PLOT.left, at, PLOT.left + w, at, { stroke: m === 1 ? '#e5e5e5' : '#f3f3f3' }));
      parts.push(text(PLOT.left - 8, at, `${m}e${d}`, { size: 11, anchor: 'end', baseline: 'middle', fill: m === 1 ? '#222222' : '#777777' }));
    }
  }
  // x: the depths, every one while they fit
  const every = Math.max(1, Math.ceil(maxDepth / 25));
  for (let d = 1; d <= maxDepth; d += every) {
    parts.push(line(x(d), top + h, x(d), top + h + 5, { stroke: '#888888' }));
    parts.push(text(x(d), top + h + 18, String(d), { size: 11, anchor: 'middle' }));
  }
  parts.push(text(PLOT.left + w / 2, HEIGHT - 18, 'depth: layers with weights, from the input (1) to the output', { size: 12, anchor: 'middle' }));
  parts.push(text(20, top + h / 2, '||d(loss)/d(w)|| per layer (log scale)', { size: 12, anchor: 'middle', rotate: -90 }));

  shown.forEach((s, i) => {
    const colour = colourOf(i);
    const points = s.points.map((p) => [x(p.depth), y(p.gradient)] as const);
    // each dot names its layer and value when hovered
    const dots = s.points.map((p, k) => element('circle', { cx: points[k]![0], cy: points[k]![1], r: 3.5, fill: colour }, element('title', {}, escapeXml(`${p.layer}: ${p.gradient.toExponential(3)}`))));
    parts.push(group(polyline(points, { stroke: colour, 'stroke-width': 2 }) + dots.join(''), { class: 'series' }));
  });
  if (series.length > 1) parts.push(legend(series.map((s) => s.name)));
  const left = series.reduce((n, s) => n + s.points.length, 0) - all.length;
  if (left > 0) parts.push(text(PLOT.left + w, HEIGHT - 4, `${left} layer${left === 1 ? '' : 's'} with a zero gradient not drawn`, { size: 10, anchor: 'end', fill: '#a00000' }));
  return svgDocument(WIDTH, HEIGHT, parts.join(''), { title });
}

/** The series' names in a row above the plot, each after a line of its colour. */
function legend(names: string[]): string {
  let x = PLOT.left;
  const y = PLOT.top + 4;
  return names
    .map((name, i) => {
      const item = line(x, y, x + 22, y, { stroke: colourOf(i), 'stroke-width': 3 }) + text(x + 28, y, name, { size: 12, baseline: 'middle' });
      x += 28 + name.length * 7 + 24;
      return item;
    })
    .join('');
}

/** The powers of ten that hold every value, at least one decade apart: [floor(log10 min), ceil(log10 max)]. */
export function decades(values: number[]): [number, number] {
  if (values.length === 0) return [-1, 0];
  let low = Math.floor(Math.log10(Math.min(...values))) || 0;
  const high = Math.ceil(Math.log10(Math.max(...values))) || 0; // not -0
  if (high === low) low -= 1;
  return [low, high];
}
