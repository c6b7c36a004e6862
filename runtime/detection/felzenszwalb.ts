// Graph-based image segmentation, after Felzenszwalb and Huttenlocher,
// "Efficient Graph-Based Image Segmentation" (IJCV 2004), as their
// reference implementation does it:
//   1. smooth each channel with a Gaussian (sigma 0.8 by default);
//   2. an 8-connected grid graph: an edge from each pixel to its right,
//      lower, lower-right and upper-right neighbours, weighted by the
//      Euclidean distance of the two pixels' colours, on the 0-255 scale
//      (channels in [0, 1] are multiplied by 255, so k means what it means
//      in the paper and the reference code);
//   3. edges in order of weight (to 1/64 of a colour step, by a counting
//      sort; the reference sorts the exact weights); an edge joins its two
//      components C1, C2 when its weight is at most both Int(C) + k / |C|
//      (Int(C): the largest edge weight inside C, the weight of the edge
//      that last grew it; a single pixel's is 0), so k sets the scale: a
//      larger k prefers larger components;
//   4. then, in the same order, any edge whose component on either side is
//      smaller than minSize pixels joins the two.
// The result is a label per pixel, 0..count-1, numbered in the order their
// first pixel appears row by row.

import { DisjointSets } from './disjoint-sets.js';
import { gaussianSmooth } from './gaussian-smooth.js';
import type { ChannelImage } from './image.js';

export interface SegmentationOptions {
  /** the scale: larger gives larger segments (the paper's k, colours on the 0-255 scale) */
  k: number;
  /** segments smaller than this many pixels are merged into a neighbour */
  minSize: number;
  /** the Gaussian smoothing, in pixels (0.8 in the paper) */
  sigma: number;
}

export interface Segmentation {
  /** [height * width]: each pixel's segment, 0..count-1 */
  labels: Int32Array;
  count: number;
  height: number;
  width: number;
}

/** The edges are ordered by weight to 1/64 of a colour step (a counting sort); within a step, in the order they were made. */
const WEIGHT_STEPS = 64;
/** At most this many steps: weights far beyond the 0-255 scale are ordered more coarsely. */
const MOST_STEPS = 2 ** 22;

/** Segments an image whose channels are in [0, 1]. */
export function segmentImage(image: ChannelImage, o: SegmentationOptions): Segmentation {
  return segmentGraph(segmentationGraph(image, o.sigma), o);
}

/** The image smoothed and made a graph: its edges sorted once for every k. */
export function segmentationGraph(image: ChannelImage, sigma: number): GridGraph {
  return gridGraph(gaussianSmooth(image, sigma));
}

/** Segments the image of `graph` at scale k, then merges the segments smaller than minSize. */
export function segmentGraph(graph: GridGraph, o: { k: number; minSize: number }): Segmentation {
  const { height, width, from, to, weight } = graph;
  const pixels = height * width;
  const sets = new DisjointSets(pixels);
  const threshold = new Float64Array(pixels).fill(o.k);
  for (let e = 0; e < from.length; e++) {
    const a = sets.find(from[e]!);
    const b = sets.find(to[e]!);
    if (a === b) continue;
    const w = weight[e]!;
    if (w <= threshold[a]! && w <= threshold[b]!) {
      const root = sets.join(a, b);
      threshold[root] = w + o.k / sets.size(root);
    }
  }
  for (let e = 0; e < from.length; e++) {
    const a = sets.find(from[e]!);
    const b = sets.find(to[e]!);
    if (a !== b && (sets.size(a) < o.minSize || sets.size(b) < o.minSize)) sets.join(a, b);
  }
  return { ...labelComponents(sets, pixels), height, width };
}

/** The edges in order of weight (the order the segmentation takes them in, kept in memory in that order). */
export interface GridGraph {
  height: number;
  width: number;
  from: Int32Array;
  to: Int32Array;
  /** colour distance on the 0-255 scale */
  weight: Float32Array;
}

/** The 8-connected grid graph of the image, each undirected edge once, in order of weight. */
function gridGraph(image: ChannelImage): GridGraph {
  const { height, width, channels, pixels } = image;
  const capacity = height * width * 4;
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  const weight = new Float32Array(capacity);
  let edges = 0;
  const add = (a: number, b: number) => {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const d = (pixels[a * channels + c]! - pixels[b * channels + c]!) * 255;
      sum += d * d;
    }
    from[edges] = a;
    to[edges] = b;
    weight[edges] = Math.sqrt(sum);
    edges++;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (x + 1 < width) add(p, p + 1);
      if (y + 1 < height) add(p, p + width);
      if (x + 1 < width && y + 1 < height) add(p, p + width + 1);
      if (x + 1 < width && y > 0) add(p, p - width + 1);
    }
  }
  // a counting sort by quantised weight, stable
  let largest = 0;
  for (let e = 0; e < edges; e++) if (weight[e]! > largest) largest = weight[e]!;
  const steps = Math.min(WEIGHT_STEPS, MOST_STEPS / Math.max(largest, 1));
  const starts = new Int32Array(Math.floor(largest * steps) + 2);
  for (let e = 0; e < edges; e++) starts[Math.floor(weight[e]! * steps) + 1]!++;
  for (let q = 1; q < starts.length; q++) starts[q] = starts[q]! + starts[q - 1]!;
  const sorted: GridGraph = { height, width, from: new Int32Array(edges), to: new Int32Array(edges), weight: new Float32Array(edges) };
  for (let e = 0; e < edges; e++) {
    const at = starts[Math.floor(weight[e]! * steps)]!++;
    sorted.from[at] = from[e]!;
    sorted.to[at] = to[e]!;
    sorted.weight[at] = weight[e]!;
  }
  return sorted;
}

/** A label per pixel, numbered by the first pixel of each set in reading order. */
function labelComponents(sets: DisjointSets, pixels: number): { labels: Int32Array; count: number } {
  const labels = new Int32Array(pixels);
  const labelOfRoot = new Int32Array(pixels).fill(-1);
  let count = 0;
  for (let p = 0; p < pixels; p++) {
    const root = sets.find(p);
    if (labelOfRoot[root] === -1) labelOfRoot[root] = count++;
    labels[p] = labelOfRoot[root]!;
  }
  return { labels, count };
}
