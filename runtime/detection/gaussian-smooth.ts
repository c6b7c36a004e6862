// Gaussian smoothing of every channel of an image, as Felzenszwalb and
// Huttenlocher's reference implementation does before segmenting: a
// separable filter of ceil(4 sigma) + 1 taps each side of the centre
// (sampled exp(-x² / 2 sigma²), normalised to sum 1), rows then columns,
// with the border pixel repeated beyond the image's edge.

import type { ChannelImage } from './image.js';

/** The normalised half filter: taps[0] is the centre, taps[i] the weight at distance i. */
export function gaussianTaps(sigma: number): Float32Array {
  const s = Math.max(sigma, 0.01);
  const length = Math.ceil(s * 4) + 1;
  const taps = new Float32Array(length);
  for (let i = 0; i < length; i++) taps[i] = Math.exp(-0.5 * (i / s) ** 2);
  let sum = -taps[0]!;
  for (let i = 0; i < length; i++) sum += 2 * taps[i]!;
  for (let i = 0; i < length; i++) taps[i] = taps[i]! / sum;
  return taps;
}

/** The image smoothed with a Gaussian of `sigma` pixels, channel by channel; the same shape. */
export function gaussianSmooth(image: ChannelImage, sigma: number): ChannelImage {
  const { height, width, channels } = image;
  const taps = gaussianTaps(sigma);
  const rows = convolve(image.pixels, height, width, channels, taps, 1); // along x
  const both = convolve(rows, width, height, channels, taps, width); // along y
  return { pixels: both, height, width, channels };
}

/**
 * Convolves along one axis: `lines` lines of `length` pixels, the pixels of
 * a line `step` pixels apart and the lines `(step === 1 ? length : 1)` apart.
 */
function convolve(input: Float32Array, lines: number, length: number, channels: number, taps: Float32Array, step: number): Float32Array {
  const out = new Float32Array(input.length);
  const lineStep = step === 1 ? length : 1;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < length; i++) {
      for (let c = 0; c < channels; c++) {
        let sum = taps[0]! * input[(base + i * step) * channels + c]!;
        for (let t = 1; t < taps.length; t++) {
          const before = Math.max(i - t, 0);
          const after = Math.min(i + t, length - 1);
          sum += taps[t]! * (input[(base + before * step) * channels + c]! + input[(base + after * step) * channels + c]!);
        }
        out[(base + i * step) * channels + c] = sum;
      }
    }
  }
  return out;
}
