// Selective search (Uijlings, van de Sande, Gevers and Smeulders, "Selective
// Search for Object Recognition", IJCV 2013): the region proposals R-CNN
// classifies. Pure TypeScript over typed arrays; no TensorFlow.
//
// What follows the paper:
//   - an over-segmentation by Felzenszwalb and Huttenlocher's graph-based
//     method (`felzenszwalb.ts`: Gaussian sigma 0.8, 8-connected grid,
//     threshold k / |C|, small segments merged);
//   - hierarchical grouping (`hierarchical-grouping.ts`): the most similar
//     neighbouring pair merged until one region is left, similarity a sum
//     of colour, texture, size and fill (`region-similarity.ts`), the merged
//     region's histograms size-weighted means (`region-features.ts`);
//     every region ever formed is a proposal;
//   - diversification as the paper's "fast" mode: the colour spaces HSV and
//     Lab, the similarity combinations C+T+S+F and T+S+F, and k = 50 and
//     100: 2 x 2 x 2 = 8 hierarchies;
//   - the ranking, as the authors' code does it: within each hierarchy the
//     region formed by the last merge (the whole image) has level 1, the
//     one before it level 2, and so on; the segments of each segmentation,
//     shared by its hierarchies, come once, at the level after the first
//     merge's. Each proposal's priority is its level times a random number
//     in [0, 1) (seeded); all proposals are sorted by it, smallest first,
//     and a box already proposed is dropped. So large regions tend to come
//     first, and every hierarchy contributes to the top of the list.
// What is simplified:
//   - texture uses central differences of a Gaussian-smoothed (sigma 1)
//     image instead of Gaussian derivative filters (`region-features.ts`);
//   - hue is a distance on a line, not a circle (`colour-spaces.ts`);
//   - minSize is one number for every k (the paper's code uses minSize = k,
//     which on the small images used here would absorb whole objects);
//     its default, 20 pixels, is the reference segmentation's;
//   - the segmentation orders its edges to 1/64 of a colour step;
//   - no box is dropped for being narrow (R-CNN's code drops those under
//     20 pixels, which here would be whole objects).
//
// Boxes are [x1, y1, x2, y2] in pixels with x2, y2 exclusive: a region
// covering columns 3..7 has x1 = 3, x2 = 8, so x2 - x1 is its width, as
// runtime/data/shapes.ts writes the objects' boxes.

import type { Box } from '../data/shapes.js';
import { Random } from '../random.js';
import { COLOUR_SPACES, type ColourSpace, toColourSpace } from './colour-spaces.js';
import { segmentationGraph, segmentGraph } from './felzenszwalb.js';
import { groupRegions } from './hierarchical-grouping.js';
import { checkImageSize, type RgbImage } from './image.js';
import { pixelFeatures, type Region, segmentRegions } from './region-features.js';
import { FAST_SIMILARITIES, SIMILARITY_MEASURES, type SimilarityMeasure } from './region-similarity.js';

export type { Box } from '../data/shapes.js';
export type { RgbImage } from './image.js';

export interface SelectiveSearchOptions {
  /** at most this many boxes (2000, as R-CNN used) */
  count?: number;
  /** the segmentation scales k ([50, 100], the paper's fast mode) */
  scales?: readonly number[];
  /** the smallest segment, in pixels (20) */
  minSize?: number;
  /** the segmentation's Gaussian smoothing, in pixels (0.8) */
  sigma?: number;
  /** the colour spaces (['hsv', 'lab'], the paper's fast mode) */
  colourSpaces?: readonly ColourSpace[];
  /** the similarity combinations (C+T+S+F and T+S+F, the paper's fast mode) */
  similarities?: readonly (readonly SimilarityMeasure[])[];
  /** the seed of the ranking's random numbers (0): the same seed, the same order */
  seed?: number;
}

export const SELECTIVE_SEARCH_DEFAULTS = {
  count: 2000,
  scales: [50, 100] as readonly number[],
  minSize: 20,
  sigma: 0.8,
  colourSpaces: ['hsv', 'lab'] as readonly ColourSpace[],
  similarities: FAST_SIMILARITIES,
  seed: 0,
};

/** Region proposals for `image` ([height, width, 3] in [0, 1]): distinct boxes, most promising first, at most `count`. */
export function selectiveSearch(image: RgbImage, options: SelectiveSearchOptions = {}): Box[] {
  const o = resolveOptions(options);
  checkImageSize('selective search', { ...image, channels: 3 });
  if (image.height === 0 || image.width === 0 || o.count === 0) return [];
  const random = new Random(o.seed);
  const ranked: { box: Box; priority: number }[] = [];
  for (const space of o.colourSpaces) {
    const converted = toColourSpace(image, space);
    const graph = segmentationGraph(converted, o.sigma);
    const features = pixelFeatures(converted);
    for (const k of o.scales) {
      const segmentation = segmentGraph(graph, { k, minSize: o.minSize });
      const segments = segmentRegions(segmentation, features);
      const merges = segments.length - 1;
      for (const measures of o.similarities) {
        const merged = groupRegions(segmentation, segments, measures).slice(segments.length);
        merged.forEach((region, i) => ranked.push({ box: boxOf(region), priority: (merged.length - i) * random.next() }));
      }
      for (const segment of segments) ranked.push({ box: boxOf(segment), priority: (merges + 1) * random.next() });
    }
  }
  ranked.sort((a, b) => a.priority - b.priority);
  const seen = new Set<string>();
  const boxes: Box[] = [];
  for (const { box } of ranked) {
    const key = box.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    boxes.push(box);
    if (boxes.length === o.count) break;
  }
  return boxes;
}

/** The options with the defaults for those not given; throws a one-line message for one that cannot be used. */
function resolveOptions(options: SelectiveSearchOptions): Required<SelectiveSearchOptions> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o: Required<SelectiveSearchOptions> = { ...SELECTIVE_SEARCH_DEFAULTS, ...given };
  const refuse = (what: string) => {
    throw new Error(`selective search: ${what}`);
  };
  if (!Number.isInteger(o.count) || o.count < 0) refuse(`count must be a whole number >= 0, not ${o.count}`);
  if (o.scales.length === 0 || o.scales.some((k) => !(k > 0 && Number.isFinite(k)))) refuse(`scales must be one or more numbers > 0, not [${o.scales.join(', ')}]`);
  if (!(o.minSize >= 0 && Number.isFinite(o.minSize))) refuse(`minSize must be a number of pixels >= 0, not ${o.minSize}`);
  if (!(o.sigma >= 0 && Number.isFinite(o.sigma))) refuse(`sigma must be a number >= 0, not ${o.sigma}`);
  if (!Number.isFinite(o.seed)) refuse(`seed must be a number, not ${o.seed}`);
  if (o.colourSpaces.length === 0 || o.colourSpaces.some((c) => !COLOUR_SPACES.includes(c))) {
    refuse(`colourSpaces must be one or more of ${COLOUR_SPACES.join(', ')}, not [${o.colourSpaces.join(', ')}]`);
  }
  if (o.similarities.length === 0 || o.similarities.some((m) => m.length === 0 || m.some((s) => !SIMILARITY_MEASURES.includes(s)))) {
    refuse(`similarities must be one or more lists of ${SIMILARITY_MEASURES.join(', ')}, not ${JSON.stringify(o.similarities)}`);
  }
  return o;
}

/** A region's box, [x1, y1, x2, y2] with x2, y2 exclusive. */
const boxOf = (r: Region): Box => [r.minX, r.minY, r.maxX + 1, r.maxY + 1];
