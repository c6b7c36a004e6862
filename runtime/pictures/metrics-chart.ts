// The loss-and-metrics chart of a run: the epoch logs as line charts, one
// panel per quantity (the training loss with the held-out loss; each
// metric with its held-out value), with axes, ticks, labels and a legend.

import { bottomAxis, leftAxis, legend, linearScale, niceDomain, niceTicks } from './axes.js';
import { circle, colourOf, group, polyline, svgDocument, text } from './svg.js';

export interface EpochLog {
  epoch: number;
  logs: Record<string, number>;
}

export interface Panel {
  /** the quantity: `loss`, `accuracy` */
  title: string;
  /** the series drawn in it, by their names in the logs */
  series: string[];
}

/** The panels of a run's logs: every name ending in `loss` in one, then one per metric with its `val_`/`test_` twins. */
export function panelsOf(names: readonly string[]): Panel[] {
  const base = (n: string) => n.replace(/^(val|test)_/, '');
  const losses = names.filter((n) => n.endsWith('loss'));
  const panels: Panel[] = losses.length > 0 ? [{ title: 'loss', series: losses }] : [];
  for (const n of names) {
    if (n.endsWith('loss')) continue;
    const panel = panels.find((p) => p.title === base(n));
    if (panel) panel.series.push(n);
    else panels.push({ title: base(n), series: [n] });
  }
  return panels;
}

const PANEL_W = 360;
const PANEL_H = 220;
const MARGIN = 16;
const HEADER = 44;
const LEFT = 58;
const BOTTOM = 44;

export function metricsChart(o: { title: string; subtitle?: string; epochs: readonly EpochLog[] }): string {
  const names = [...new Set(o.epochs.flatMap((e) => Object.keys(e.logs)))];
  const panels = panelsOf(names);
  const cols = Math.min(2, Math.max(1, panels.length));
  const rows = Math.ceil(panels.length / cols);
  const first = o.epochs[0]?.epoch ?? 1;
  const last = o.epochs.at(-1)?.epoch ?? 1;
  const drawn = panels.map((panel, i) => {
    const px = MARGIN + (i % cols) * (PANEL_W + LEFT + MARGIN);
    const py = HEADER + Math.floor(i / cols) * (PANEL_H + BOTTOM + 30);
    const left = px + LEFT;
    const top = py + 22;
    const values = panel.series.flatMap((s) => o.epochs.map((e) => e.logs[s]).filter((v): v is number => v !== undefined && Number.isFinite(v)));
    const low = Math.min(...values, panel.title === 'loss' ? 0 : Infinity);
    const high = Math.max(...values);
    // a constant series: from 0 (or around it, when negative)
    const yDomain: [number, number] = values.length === 0 ? [0, 1] : low === high ? (low >= 0 ? [0, Math.max(1, niceDomain(0, high, 5)[1])] : [low - 1, high + 1]) : niceDomain(low, high, 5);
    const x = linearScale(first === last ? [first - 1, last + 1] : [first, last], [left, left + PANEL_W]);
    const y = linearScale(yDomain, [top + PANEL_H, top]);
    const xTicks = niceTicks(x.domain[0], x.domain[1], Math.min(8, last - first + 2)).filter((t) => Number.isInteger(t));
    const lines = panel.series.map((s, k) => {
      const points = o.epochs.filter((e) => e.logs[s] !== undefined && Number.isFinite(e.logs[s])).map((e) => [x(e.epoch), y(e.logs[s]!)] as [number, number]);
      const colour = colourOf(k);
      const dashed = /^(val|test)_/.test(s) ? '6 4' : undefined;
      const dots = points.length <= 60 ? points.map(([cx, cy]) => circle(cx, cy, 2.5, { fill: colour })).join('') : '';
      return group(polyline(points, { stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dashed }) + dots, { class: 'series', 'data-name': s });
    });
    // the legend in the top right corner, or the bottom right where the lines end high
    const ends = panel.series.map((s) => o.epochs.map((e) => e.logs[s]).filter((v): v is number => v !== undefined && Number.isFinite(v)).at(-1));
    const endHigh = ends.some((v) => v !== undefined && y(v) < top + PANEL_H / 2);
    const key = legend(
      left + PANEL_W - (28 + Math.max(...panel.series.map((s) => s.length * 6.8), 20)) - 6,
      endHigh ? top + PANEL_H - 10 - panel.series.length * 16 : top + 6,
      panel.series.map((s, k) => ({ label: s, colour: colourOf(k), mark: /^(val|test)_/.test(s) ? ('dashed' as const) : ('line' as const) })),
    );
    return group(
      text(left, py + 12, panel.title, { size: 12, weight: 'bold' }) +
        bottomAxis(x, { at: top + PANEL_H, ticks: xTicks, title: 'epoch', gridTo: top }) +
        leftAxis(y, { at: left, ticks: niceTicks(yDomain[0], yDomain[1], 5), title: panel.title, gridTo: left + PANEL_W }) +
        lines.join('') +
        key,
      { class: 'panel', 'data-title': panel.title },
    );
  });
  const width = MARGIN + cols * (PANEL_W + LEFT + MARGIN);
  const height = HEADER + rows * (PANEL_H + BOTTOM + 30) + MARGIN;
  const heading = text(MARGIN, 20, o.title, { size: 14, weight: 'bold' }) + (o.subtitle ? text(MARGIN, 36, o.subtitle, { size: 11, fill: '#555555' }) : '');
  return svgDocument(Math.max(width, 400), Math.max(height, 120), heading + drawn.join(''), { title: o.title });
}
