// Pictures of generated samples: a grid of images, or a scatter plot of
// 2-D points (with the true modes marked), as PNG bytes.

import { encodePng } from './png.js';

/**
 * `images`: n images of h x w x c values in [low, high], laid out in a
 * square-ish grid with a 2-pixel gap.
 */
export function imageGrid(images: Float32Array, n: number, h: number, w: number, c: number, range: [number, number]): Buffer {
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
          pixels[((y0 + y) * width + x0 + x) * channels + k] = Math.max(0, Math.min(255, Math.round(((v - low) / (high - low)) * 255)));
        }
  }
  return encodePng(width, height, channels, pixels);
}

/** A scatter plot of points [n, 2] over [-extent, extent]^2; `marks` are drawn as red crosses. */
export function scatterPlot(points: Float32Array, extent: number, marks: [number, number][] = [], size = 256): Buffer {
  const pixels = new Uint8Array(size * size * 3).fill(255);
  const toPixel = (v: number) => Math.round(((v + extent) / (2 * extent)) * (size - 1));
  const put = (x: number, y: number, rgb: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    pixels.set(rgb, (y * size + x) * 3);
  };
  for (let i = 0; i < points.length / 2; i++) {
    const x = toPixel(points[2 * i]!);
    const y = size - 1 - toPixel(points[2 * i + 1]!);
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) put(x + dx, y + dy, [30, 90, 200]);
  }
  for (const [mx, my] of marks) {
    const x = toPixel(mx);
    const y = size - 1 - toPixel(my);
    for (let d = -4; d <= 4; d++) put(x + d, y, [220, 40, 40]), put(x, y + d, [220, 40, 40]);
  }
  return encodePng(size, size, 3, pixels);
}
