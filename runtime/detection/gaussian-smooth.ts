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
 * Each line of each channel is copied into a buffer with the border pixels
 * repeated `taps.length - 1` times on each side, then filtered.
 */
function convolve(input: Float32Array, lines: number, length: number, channels: number, taps: Float32Array, step: number): Float32Array {
  const out = new Float32Array(input.length);
  const lineStep = step === 1 ? length : 1;
  const pad = taps.length - 1;
  const padded = new Float32Array(length + 2 * pad);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let c = 0; c < channels; c++) {
      for (let i = 0; i < length; i++) padded[pad + i] = input[(base + i * step) * channels + c]!;
      padded.fill(padded[pad]!, 0, pad);
      padded.fill(padded[pad + length - 1]!, pad + length);
      for (let i = 0; i < length; i++) {
        const centre = pad + i;
        let sum = taps[0]! * padded[centre]!;
        for (let t = 1; t <= pad; t++) sum += taps[t]! * (padded[centre - t]! + padded[centre + t]!);
        out[(base + i * step) * channels + c] = sum;
      }
    }
  }
  return out;
}
