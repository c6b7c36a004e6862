// SVG, written as text: the pictures that runs and pipelines draw (boxes,
// labels, axes, legends over images). A browser, the editor's views and
// GitHub show SVG as it is; images go in as PNG data URIs, scaled without
// smoothing so that each pixel stays a visible square.

import { encodePng } from '../images/png.js';

/** Text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export type Attributes = Record<string, string | number | undefined>;

/** `name="value"` pairs; numbers are written with at most 2 decimals, undefined values are left out. */
export function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? round(v) : escapeXml(v)}"`)
    .join('');
}

const round = (v: number): string => String(Math.round(v * 100) / 100);

/** One element, `<tag attrs/>` or `<tag attrs>children</tag>` (children are SVG already). */
export function element(tag: string, attrs: Attributes, children = ''): string {
  return children === '' ? `<${tag}${attributes(attrs)}/>` : `<${tag}${attributes(attrs)}>${children}</${tag}>`;
}

/** A whole SVG document of `width` x `height` user units, on a white background unless told otherwise. */
export function svgDocument(width: number, height: number, body: string, o: { title?: string; background?: string } = {}): string {
  const title = o.title !== undefined ? element('title', {}, escapeXml(o.title)) : '';
  const background = element('rect', { width, height, fill: o.background ?? '#ffffff' });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attributes({ width, height, viewBox: `0 0 ${width} ${height}` })} font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">` +
    `${title}${background}${body}</svg>\n`
  );
}

export interface TextStyle {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  weight?: 'normal' | 'bold';
  /** degrees, about (x, y) */
  rotate?: number;
  baseline?: 'auto' | 'middle' | 'hanging';
}

export function text(x: number, y: number, content: string, style: TextStyle = {}): string {
  return element(
    'text',
    {
      x,
      y,
      'font-size': style.size ?? 12,
      'text-anchor': style.anchor,
      fill: style.fill ?? '#222222',
      'font-weight': style.weight,
      'dominant-baseline': style.baseline,
      transform: style.rotate !== undefined ? `rotate(${round(style.rotate)} ${round(x)} ${round(y)})` : undefined,
    },
    escapeXml(content),
  );
}

export function rect(x: number, y: number, width: number, height: number, attrs: Attributes = {}): string {
  return element('rect', { x, y, width, height, ...attrs });
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: Attributes = {}): string {
  return element('line', { x1, y1, x2, y2, stroke: '#222222', ...attrs });
}

export function circle(cx: number, cy: number, r: number, attrs: Attributes = {}): string {
  return element('circle', { cx, cy, r, ...attrs });
}

/** A line through `points` ([x, y] pairs), unfilled. */
export function polyline(points: readonly (readonly [number, number])[], attrs: Attributes = {}): string {
  return element('polyline', { points: points.map(([x, y]) => `${round(x)},${round(y)}`).join(' '), fill: 'none', stroke: '#222222', ...attrs });
}

export function group(children: string, attrs: Attributes = {}): string {
  return element('g', attrs, children);
}

/**
 * An image of `pixels` (rows of `width * channels` bytes, grey or RGB),
 * placed at (x, y) and scaled to `shownWidth` x `shownHeight` without smoothing.
 */
export function pixelImage(
  x: number,
  y: number,
  shownWidth: number,
  shownHeight: number,
  image: { width: number; height: number; channels: 1 | 3; pixels: Uint8Array },
): string {
  const png = encodePng(image.width, image.height, image.channels, image.pixels);
  return element('image', {
    x,
    y,
    width: shownWidth,
    height: shownHeight,
    preserveAspectRatio: 'none',
    style: 'image-rendering: pixelated',
    href: `data:image/png;base64,${png.toString('base64')}`,
  });
}

/** Values in [low, high] (`height * width * channels` floats, channels-last) as bytes for `pixelImage`. */
export function toPixels(values: ArrayLike<number>, height: number, width: number, channels: number, range: [number, number] = [0, 1]): { width: number; height: number; channels: 1 | 3; pixels: Uint8Array } {
  const shown: 1 | 3 = channels === 3 ? 3 : 1;
  const pixels = new Uint8Array(width * height * shown);
  const [low, high] = range;
  for (let i = 0; i < width * height; i++)
    for (let k = 0; k < shown; k++) {
      const v = values[i * channels + k]!;
      pixels[i * shown + k] = Math.max(0, Math.min(255, Math.round(((v - low) / (high - low || 1)) * 255)));
    }
  return { width, height, channels: shown, pixels };
}

/** Distinct colours for classes and series, readable on white and on dark images (Tableau 10). */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export const colourOf = (i: number): string => PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
