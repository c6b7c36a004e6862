// Generated images laid out as one picture: a square-ish grid with a
// 2-pixel gap, as pixels (for an SVG picture) or as PNG bytes.

import type { PixelImage } from '../pictures/classification.js';
import { encodePng } from './png.js';

/**
 * `images`: n images of h x w x c values in [low, high], laid out in a
 * square-ish grid with a 2-pixel gap.
 */
export function gridPixels(images: ArrayLike<number>, n: number, h: number, w: number, c: number, range: [number, number]): PixelImage {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const gap = 2;
  const width = cols * (w + gap) + gap;
  const height = rows * (h + gap) + gap;
  const channels = c === 3 ? 3 : 1;
  const pixels = new Uint8Array(width * height * channels).fill(32);
  const [low, high] = range;
  for (let i = 0; i < n; i++) {
    const x0 = gap + (i % cols) * (w + gap);
    const y0 = gap + Math.floor(i / cols) * (h + gap);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < channels; k++) {
          const v = images[((i * h + y) * w + x) * c + k]!;
          pixels[((y0 + y) * width + x0 + x) * channels + k] = Math.max(0, Math.min(255, Math.round(((v - low) / (high - low || 1)) * 255)));
        }
  }
  return { width, height, channels, pixels };
}

/** The grid of `gridPixels` as PNG bytes. */
export function imageGrid(images: ArrayLike<number>, n: number, h: number, w: number, c: number, range: [number, number]): Buffer {
  const grid = gridPixels(images, n, h, w, c, range);
  return encodePng(grid.width, grid.height, grid.channels, grid.pixels);
}
