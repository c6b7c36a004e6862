// Pictures of a GAN's generator: the grid of generated images with a
// title, and for 2-D points (the ring) a scatter plot with axes, the
// true modes marked and a legend.

import type { PixelImage } from './classification.js';
import { bottomAxis, leftAxis, legend, linearScale, niceTicks } from './axes.js';
import { circle, group, line, pixelImage, rect, svgDocument, text } from './svg.js';

const MARGIN = 16;
const HEADER = 48;

/** The generated images (already laid out as one grid of pixels), scaled up to about 480 units wide. */
export function sampleGrid(o: { title: string; subtitle: string; grid: PixelImage; count: number }): string {
  const scale = Math.max(1, Math.floor(480 / Math.max(o.grid.width, o.grid.height)));
  const w = o.grid.width * scale;
  const h = o.grid.height * scale;
  const width = Math.max(360, w + 2 * MARGIN);
  const body =
    text(MARGIN, 20, o.title, { size: 14, weight: 'bold' }) +
    text(MARGIN, 38, o.subtitle, { size: 11, fill: '#555555' }) +
    group(pixelImage(MARGIN, HEADER, w, h, o.grid), { class: 'samples', 'data-count': o.count });
  return svgDocument(width, HEADER + h + MARGIN, body, { title: o.title });
}

export const SAMPLE_COLOUR = '#4e79a7';
export const MODE_COLOUR = '#d62728';

/** Generated 2-D points (`points`: x0, y0, x1, y1, ...) over [-extent, extent]², with the true modes as red crosses. */
export function ringScatter(o: { title: string; subtitle: string; points: ArrayLike<number>; modes: readonly (readonly [number, number])[]; extent: number }): string {
  const plot = 400;
  const left = MARGIN + 48;
  const top = HEADER + 8;
  const x = linearScale([-o.extent, o.extent], [left, left + plot]);
  const y = linearScale([-o.extent, o.extent], [top + plot, top]);
  const ticks = niceTicks(-o.extent, o.extent, 6);
  const inside = (v: number) => v >= -o.extent && v <= o.extent;
  const dots: string[] = [];
  for (let i = 0; i + 1 < o.points.length; i += 2) {
    const px = o.points[i]!;
    const py = o.points[i + 1]!;
    if (inside(px) && inside(py)) dots.push(circle(x(px), y(py), 2, { fill: SAMPLE_COLOUR, 'fill-opacity': 0.6, class: 'sample' }));
  }
  const marks = o.modes.map(([mx, my]) => {
    const [cx, cy] = [x(mx), y(my)];
    return group(line(cx - 6, cy - 6, cx + 6, cy + 6, { stroke: MODE_COLOUR, 'stroke-width': 2.5 }) + line(cx - 6, cy + 6, cx + 6, cy - 6, { stroke: MODE_COLOUR, 'stroke-width': 2.5 }), { class: 'mode', 'data-x': mx, 'data-y': my });
  });
  const frame = rect(left, top, plot, plot, { fill: 'none', stroke: '#999999' });
  const shown = dots.length;
  const all = Math.floor(o.points.length / 2);
  const body =
    text(MARGIN, 20, o.title, { size: 14, weight: 'bold' }) +
    text(MARGIN, 38, `${o.subtitle}${shown < all ? ` (${all - shown} outside the plot)` : ''}`, { size: 11, fill: '#555555' }) +
    bottomAxis(x, { at: top + plot, ticks, title: 'x', gridTo: top }) +
    leftAxis(y, { at: left, ticks, title: 'y', gridTo: left + plot }) +
    frame +
    group(dots.join(''), { class: 'samples' }) +
    group(marks.join(''), { class: 'modes' }) +
    legend(left + plot - 150, top + 8, [
      { label: `generated (${all})`, colour: SAMPLE_COLOUR, mark: 'dot' },
      { label: `true modes (${o.modes.length})`, colour: MODE_COLOUR, mark: 'cross' },
    ]);
  return svgDocument(left + plot + MARGIN + 8, top + plot + 48, body, { title: o.title });
}
