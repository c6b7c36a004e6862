// The colour spaces selective search diversifies over (Uijlings et al.
// 2013, section 3.2: "fast" mode uses HSV and Lab), each channel mapped to
// [0, 1] so that the segmentation's k and the histograms' 25 bins mean the
// same in every space:
//   rgb   as given;
//   hsv   hue (a fraction of the circle), saturation, value; hue's
//         circularity is ignored, as a distance on a line;
//   lab   CIE L*a*b* from sRGB (the sRGB transfer curve undone, the D65
//         white point): L / 100, (a + 128) / 255, (b + 128) / 255.

import type { ChannelImage, RgbImage } from './image.js';

export const COLOUR_SPACES = ['rgb', 'hsv', 'lab'] as const;
export type ColourSpace = (typeof COLOUR_SPACES)[number];

/** The image in `space`, [height, width, 3], each channel in [0, 1]. */
export function toColourSpace(image: RgbImage, space: ColourSpace): ChannelImage {
  const { height, width, pixels } = image;
  const out = new Float32Array(pixels.length);
  const convert = space === 'hsv' ? rgbToHsv : space === 'lab' ? rgbToLab : undefined;
  for (let p = 0; p < pixels.length; p += 3) {
    const r = clamp01(pixels[p]!);
    const g = clamp01(pixels[p + 1]!);
    const b = clamp01(pixels[p + 2]!);
    if (convert) convert(r, g, b, out, p);
    else out.set([r, g, b], p);
  }
  return { pixels: out, height, width, channels: 3 };
}

const clamp01 = (v: number): number => (v > 1 ? 1 : v >= 0 ? v : 0); // NaN becomes 0

function rgbToHsv(r: number, g: number, b: number, out: Float32Array, at: number): void {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  let hue = 0;
  if (chroma > 0) {
    if (max === r) hue = ((g - b) / chroma + 6) % 6;
    else if (max === g) hue = (b - r) / chroma + 2;
    else hue = (r - g) / chroma + 4;
  }
  out[at] = hue / 6;
  out[at + 1] = max > 0 ? chroma / max : 0;
  out[at + 2] = max;
}

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const labF = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);

function rgbToLab(r: number, g: number, b: number, out: Float32Array, at: number): void {
  const lr = linear(r);
  const lg = linear(g);
  const lb = linear(b);
  // XYZ over the D65 white point's
  const x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
  const y = 0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb;
  const z = (0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / 1.08883;
  const fx = labF(x);
  const fy = labF(y);
  const fz = labF(z);
  const l = 116 * fy - 16;
  const a = 500 * (fx - fy);
  const bb = 200 * (fy - fz);
  out[at] = clamp01(l / 100);
  out[at + 1] = clamp01((a + 128) / 255);
  out[at + 2] = clamp01((bb + 128) / 255);
}
