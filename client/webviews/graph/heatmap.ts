// The cost heatmap: each box coloured by its weights or its FLOPs (a block
// by its totals) on a logarithmic scale over what is drawn, from cool
// (cheap) to hot (costly), with a legend. Counts that are formulas (they
// depend on a free size such as `T`) are not coloured.

import type { GraphViewCount } from '../../../core/ide/graph-view.js';
import type { ColorBy } from './protocol.js';
import type { VisibleBox } from './visible-graph.js';

export interface HeatScale {
  colorBy: Exclude<ColorBy, 'none'>;
  /** the largest cost drawn (the hot end); 0 when nothing has a numeric cost */
  max: number;
  /** 0 (no cost) .. 1 (the largest), or undefined when the box's cost is not a number */
  level(box: VisibleBox): number | undefined;
}

/** A box's cost: its own for a node, its totals for a collapsed block. */
export function costOf(box: VisibleBox, colorBy: Exclude<ColorBy, 'none'>): GraphViewCount {
  const item = box.type === 'node' ? box.node : box.group;
  return colorBy === 'parameters' ? item.params : item.flops;
}

export function heatScale(boxes: readonly VisibleBox[], colorBy: ColorBy): HeatScale | undefined {
  if (colorBy === 'none') return undefined;
  let max = 0;
  for (const box of boxes) {
    const c = costOf(box, colorBy);
    if (typeof c === 'number' && c > max) max = c;
  }
  const top = Math.log10(1 + max);
  return {
    colorBy,
    max,
    level: (box) => {
      const c = costOf(box, colorBy);
      if (typeof c !== 'number') return undefined;
      return top === 0 ? 0 : Math.log10(1 + Math.max(0, c)) / top;
    },
  };
}

/** The colour of a level: transparent at 0, then blue through yellow to red. */
export function heatColor(level: number): string {
  if (level <= 0) return 'transparent';
  const stops: [number, [number, number, number]][] = [
    [0, [49, 130, 189]],
    [0.5, [254, 204, 92]],
    [1, [222, 45, 38]],
  ];
  const t = Math.min(1, level);
  const i = t <= 0.5 ? 0 : 1;
  const [t0, c0] = stops[i]!;
  const [t1, c1] = stops[i + 1]!;
  const f = (t - t0) / (t1 - t0);
  const mix = c0.map((v, k) => Math.round(v + (c1[k]! - v) * f));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** Legend ticks: the levels and labels of 0, the powers of ten in between (at most `count`) and the largest cost. */
export function legendTicks(scale: HeatScale, count = 4): { level: number; label: string }[] {
  if (scale.max <= 0) return [{ level: 0, label: '0' }];
  const top = Math.log10(1 + scale.max);
  const ticks = [{ level: 0, label: '0' }];
  const maxPower = Math.floor(Math.log10(scale.max));
  const step = Math.max(1, Math.ceil(maxPower / count));
  for (let p = step; p < maxPower; p += step) {
    const level = Math.log10(1 + 10 ** p) / top;
    if (level < 0.82) ticks.push({ level, label: shortCount(10 ** p) }); // room for the largest's label
  }
  ticks.push({ level: 1, label: shortCount(scale.max) });
  return ticks;
}

/** `1,234` -> `1.23k`; `93,735,472` -> `93.7M`. */
export function shortCount(n: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))}${unit}`;
  return String(n);
}

/** A count for a label: `1.23M`, or the formula as it is. */
export function formatCount(c: GraphViewCount): string {
  return typeof c === 'number' ? shortCount(c) : c;
}
