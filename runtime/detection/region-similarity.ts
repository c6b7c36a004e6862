// How alike two neighbouring regions are (Uijlings et al. 2013, section
// 3.2), each measure in [0, 1], and their sum for a strategy:
//   colour   histogram intersection of the colour histograms;
//   texture  histogram intersection of the texture histograms;
//   size     1 - (size_i + size_j) / size(image): small regions merge
//            early, so no one region swallows the others one by one;
//   fill     1 - (size(BB_ij) - size_i - size_j) / size(image): regions
//            that fill each other's gaps (BB_ij: their joint bounding box)
//            merge early.

import type { Region } from './region-features.js';

export const SIMILARITY_MEASURES = ['colour', 'texture', 'size', 'fill'] as const;
export type SimilarityMeasure = (typeof SIMILARITY_MEASURES)[number];

/** The paper's "fast" mode's two combinations: colour + texture + size + fill, and texture + size + fill. */
export const FAST_SIMILARITIES: readonly (readonly SimilarityMeasure[])[] = [
  ['colour', 'texture', 'size', 'fill'],
  ['texture', 'size', 'fill'],
];

/** The sum of `measures` between regions `a` and `b` of an image of `imageSize` pixels. */
export function similarity(a: Region, b: Region, imageSize: number, measures: readonly SimilarityMeasure[]): number {
  let sum = 0;
  for (const measure of measures) {
    if (measure === 'colour') sum += intersection(a.colour, b.colour);
    else if (measure === 'texture') sum += intersection(a.texture, b.texture);
    else if (measure === 'size') sum += 1 - (a.size + b.size) / imageSize;
    else sum += fill(a, b, imageSize);
  }
  return sum;
}

/** Histogram intersection: the sum of the bin-wise minima (1 for equal histograms that sum to 1). */
export function intersection(u: Float32Array, v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i]! < v[i]! ? u[i]! : v[i]!;
  return sum;
}

function fill(a: Region, b: Region, imageSize: number): number {
  const box = (Math.max(a.maxX, b.maxX) - Math.min(a.minX, b.minX) + 1) * (Math.max(a.maxY, b.maxY) - Math.min(a.minY, b.minY) + 1);
  return 1 - (box - a.size - b.size) / imageSize;
}
