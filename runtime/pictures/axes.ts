// Axes for charts drawn as SVG: a linear scale from data to picture units,
// "nice" tick values (1, 2 or 5 times a power of ten), and an axis drawn
// with its ticks, their labels and the axis's title.

import { circle, group, line, rect, text } from './svg.js';

/** Maps [domain0, domain1] onto [range0, range1] (a range may run backwards: y grows downwards). */
export interface Scale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  const f = ((v: number) => range[0] + ((v - d0) / (d1 - d0)) * (range[1] - range[0])) as Scale;
  f.domain = [d0, d1];
  f.range = range;
  return f;
}

/** About `count` round values covering [low, high]: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [];
  if (low === high) return [low];
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** [low, high] widened to the nice ticks around it. */
export function niceDomain(low: number, high: number, count = 5): [number, number] {
  if (low === high) return [low - 1, high + 1];
  const step = niceTicks(low, high, count);
  const d = step.length > 1 ? step[1]! - step[0]! : 1;
  return [Math.floor(low / d + 1e-9) * d, Math.ceil(high / d - 1e-9) * d];
}

/** A tick label: integers as they are, others with as few decimals as the step needs. */
export function tickLabel(v: number, step: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(Math.abs(step) || 1))));
  return Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-4 && v !== 0) ? v.toExponential(1) : v.toFixed(decimals);
}

export interface AxisOptions {
  /** the axis's title, beside it */
  title?: string;
  ticks?: number[];
  /** where the axis line is: the y of a bottom axis, the x of a left axis */
  at: number;
  /** grid lines across the plot to this coordinate */
  gridTo?: number;
}

/** A horizontal axis under a plot: its line, ticks, labels and title. */
export function bottomAxis(scale: Scale, o: AxisOptions): string {
  const ticks = o.ticks ?? niceTicks(scale.domain[0], scale.domain[1]);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const [x0, x1] = scale.range;
  const parts = [line(x0, o.at, x1, o.at, { class: 'axis' })];
  for (const t of ticks) {
    const x = scale(t);
    if (o.gridTo !== undefined) parts.push(line(x, o.gridTo, x, o.at, { stroke: '#e6e6e6' }));
    parts.push(line(x, o.at, x, o.at + 4), text(x, o.at + 16, tickLabel(t, step), { size: 10, anchor: 'middle' }));
  }
  if (o.title) parts.push(text((x0 + x1) / 2, o.at + 32, o.title, { size: 11, anchor: 'middle' }));
  return group(parts.join(''), { class: 'x-axis' });
}

/** A vertical axis left of a plot: its line, ticks, labels and title (turned upwards). */
export function leftAxis(scale: Scale, o: AxisOptions): string {
  const ticks = o.ticks ?? niceTicks(scale.domain[0], scale.domain[1]);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const [y0, y1] = scale.range;
  const parts = [line(o.at, y0, o.at, y1, { class: 'axis' })];
  for (const t of ticks) {
    const y = scale(t);
    if (o.gridTo !== undefined) parts.push(line(o.at, y, o.gridTo, y, { stroke: '#e6e6e6' }));
    parts.push(line(o.at - 4, y, o.at, y), text(o.at - 6, y, tickLabel(t, step), { size: 10, anchor: 'end', baseline: 'middle' }));
  }
  if (o.title) parts.push(text(o.at - 40, (y0 + y1) / 2, o.title, { size: 11, anchor: 'middle', rotate: -90 }));
  return group(parts.join(''), { class: 'y-axis' });
}

export interface LegendEntry {
  label: string;
  colour: string;
  /** how the series is drawn: a line, a dot, a cross, a dashed line */
  mark: 'line' | 'dot' | 'cross' | 'dashed';
}

/** A legend box: one row per entry, its mark and its label, with its top-left corner at (x, y). */
export function legend(x: number, y: number, entries: readonly LegendEntry[]): string {
  const rowHeight = 16;
  const width = 28 + Math.max(...entries.map((e) => e.label.length * 6.8), 20);
  const rows = entries.map((e, i) => {
    const cy = y + 10 + i * rowHeight;
    const mark =
      e.mark === 'dot'
        ? circle(x + 14, cy, 3, { fill: e.colour })
        : e.mark === 'cross'
          ? line(x + 10, cy - 4, x + 18, cy + 4, { stroke: e.colour, 'stroke-width': 2 }) + line(x + 10, cy + 4, x + 18, cy - 4, { stroke: e.colour, 'stroke-width': 2 })
          : line(x + 6, cy, x + 22, cy, { stroke: e.colour, 'stroke-width': 2, 'stroke-dasharray': e.mark === 'dashed' ? '4 3' : undefined });
    return mark + text(x + 26, cy, e.label, { size: 11, baseline: 'middle' });
  });
  const box = rect(x, y, Math.round(width), entries.length * rowHeight + 4, { fill: '#ffffff', 'fill-opacity': 0.85, stroke: '#cccccc' });
  return group(box + rows.join(''), { class: 'legend' });
}

/** Legend entries side by side on one row from (x, y), each as wide as its label; returns the SVG and the width used. */
export function legendRow(x: number, y: number, entries: readonly LegendEntry[]): { svg: string; width: number } {
  let at = x;
  const parts = entries.map((e) => {
    const part = legend(at, y, [e]);
    at += 36 + e.label.length * 6.8;
    return part;
  });
  return { svg: parts.join(''), width: at - x };
}
