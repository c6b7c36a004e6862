// What selective search knows about a region (Uijlings et al. 2013, section
// 3.2): its size, its bounding box, and two histograms, each normalised to
// sum 1 (L1):
//   colour    25 bins per channel (75 for three channels), over [0, 1];
//   texture   8 orientations x 10 bins per channel (240 for three): for
//             each pixel, channel and orientation theta (0, 45, ..., 315
//             degrees), the derivative along theta, its positive part, in
//             one of 10 bins over [0, the channel's largest response]. The
//             paper takes Gaussian derivatives (sigma 1); here they are
//             central differences of the image smoothed with a Gaussian of
//             sigma 1, the same thing up to discretisation.
// A merged region's histograms are the size-weighted means of its parts'
// (`mergeRegions`), which is what recounting its pixels would give.

import { gaussianSmooth } from './gaussian-smooth.js';
import type { ChannelImage } from './image.js';
import type { Segmentation } from './felzenszwalb.js';

export const COLOUR_BINS = 25;
export const ORIENTATIONS = 8;
export const TEXTURE_BINS = 10;

export interface Region {
  /** pixels */
  size: number;
  /** the pixels it covers, inclusive: x1, y1, x2, y2 */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** [channels * 25], sums to 1 */
  colour: Float32Array;
  /** [channels * 8 * 10], sums to 1 */
  texture: Float32Array;
}

/** Each pixel's histogram bins in an image: measured once per colour space, then counted per segment at every scale. */
export interface PixelFeatures {
  channels: number;
  /** [pixels * channels]: the colour histogram index (channel * 25 + bin) of each pixel's channel */
  colourBins: Uint16Array;
  /** [pixels * channels * 8]: the texture histogram index ((channel * 8 + orientation) * 10 + bin) of each response */
  textureBins: Uint16Array;
}

/** The histogram bins of every pixel of `image` (channels in [0, 1]). */
export function pixelFeatures(image: ChannelImage): PixelFeatures {
  return { channels: image.channels, colourBins: colourBinsOf(image), textureBins: textureBinsOf(image) };
}

/** One region per segment, with its size, box and histograms. */
export function segmentRegions(segmentation: Segmentation, features: PixelFeatures): Region[] {
  const { labels, count, width } = segmentation;
  const { channels, colourBins, textureBins } = features;
  const perPixel = channels * ORIENTATIONS;
  const regions: Region[] = [];
  for (let s = 0; s < count; s++) {
    regions.push({
      size: 0,
      minX: Infinity,
      minY: Infinity,
      maxX: -Infinity,
      maxY: -Infinity,
      colour: new Float32Array(channels * COLOUR_BINS),
      texture: new Float32Array(channels * ORIENTATIONS * TEXTURE_BINS),
    });
  }
  for (let p = 0; p < labels.length; p++) {
    const region = regions[labels[p]!]!;
    const x = p % width;
    const y = (p - x) / width;
    region.size++;
    if (x < region.minX) region.minX = x;
    if (x > region.maxX) region.maxX = x;
    if (y < region.minY) region.minY = y;
    if (y > region.maxY) region.maxY = y;
    const colour = region.colour;
    for (let c = 0; c < channels; c++) colour[colourBins[p * channels + c]!]!++;
    const texture = region.texture;
    for (let i = 0; i < perPixel; i++) texture[textureBins[p * perPixel + i]!]!++;
  }
  for (const region of regions) {
    scale(region.colour, 1 / (region.size * channels));
    scale(region.texture, 1 / (region.size * perPixel));
  }
  return regions;
}

/** The region that is `a` and `b` together: sizes add, boxes join, histograms are size-weighted means. */
export function mergeRegions(a: Region, b: Region): Region {
  const size = a.size + b.size;
  const mean = (u: Float32Array, v: Float32Array) => {
    const out = new Float32Array(u.length);
    for (let i = 0; i < u.length; i++) out[i] = (u[i]! * a.size + v[i]! * b.size) / size;
    return out;
  };
  return {
    size,
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
    colour: mean(a.colour, b.colour),
    texture: mean(a.texture, b.texture),
  };
}

function scale(values: Float32Array, factor: number): void {
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * factor;
}

/** The colour bin of each pixel's channel: 25 equal bins over [0, 1]. */
function colourBinsOf(image: ChannelImage): Uint16Array {
  const { pixels, channels } = image;
  const out = new Uint16Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const bin = Math.min(COLOUR_BINS - 1, Math.max(0, Math.floor(pixels[i]! * COLOUR_BINS)));
    out[i] = (i % channels) * COLOUR_BINS + bin;
  }
  return out;
}

/**
 * The derivative along theta_o = o * 45 degrees is gx cos theta_o + gy sin theta_o;
 * theta_(o+4) is its opposite, so the 8 rectified responses come from 4 derivatives.
 */
function textureBinsOf(image: ChannelImage): Uint16Array {
  const { height, width, channels } = image;
  const smooth = gaussianSmooth(image, 1).pixels;
  const half = ORIENTATIONS / 2;
  const cos = Array.from({ length: half }, (_, o) => Math.cos((o * 2 * Math.PI) / ORIENTATIONS));
  const sin = Array.from({ length: half }, (_, o) => Math.sin((o * 2 * Math.PI) / ORIENTATIONS));
  const responses = new Float32Array(height * width * channels * ORIENTATIONS);
  const largest = new Float32Array(channels);
  for (let y = 0; y < height; y++) {
    // central differences (one-sided at the border; 0 across a side of one pixel)
    const y0 = Math.max(y - 1, 0);
    const y1 = Math.min(y + 1, height - 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(x - 1, 0);
      const x1 = Math.min(x + 1, width - 1);
      for (let c = 0; c < channels; c++) {
        const gx = x1 > x0 ? (smooth[(y * width + x1) * channels + c]! - smooth[(y * width + x0) * channels + c]!) / (x1 - x0) : 0;
        const gy = y1 > y0 ? (smooth[(y1 * width + x) * channels + c]! - smooth[(y0 * width + x) * channels + c]!) / (y1 - y0) : 0;
        const base = ((y * width + x) * channels + c) * ORIENTATIONS;
        for (let o = 0; o < half; o++) {
          const d = gx * cos[o]! + gy * sin[o]!;
          const r = d > 0 ? d : -d;
          responses[base + (d > 0 ? o : o + half)] = r;
          if (r > largest[c]!) largest[c] = r;
        }
      }
    }
  }
  const out = new Uint16Array(responses.length);
  const binsPerResponse = Array.from(largest, (top) => (top > 0 ? TEXTURE_BINS / top : 0));
  let i = 0;
  for (let p = 0; p < height * width; p++) {
    for (let c = 0; c < channels; c++) {
      const toBin = binsPerResponse[c]!;
      for (let o = 0; o < ORIENTATIONS; o++, i++) {
        out[i] = (c * ORIENTATIONS + o) * TEXTURE_BINS + Math.min(TEXTURE_BINS - 1, Math.floor(responses[i]! * toBin));
      }
    }
  }
  return out;
}
