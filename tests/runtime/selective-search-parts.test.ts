// The parts of selective search, each on hand-made data: the Gaussian
// filter, the colour spaces, the regions' histograms (and that merging two
// regions gives what counting their pixels together gives), the
// similarities, and the hierarchical grouping's order of merges.

import { describe, expect, it } from 'vitest';
import { toColourSpace } from '../../runtime/detection/colour-spaces.js';
import { DisjointSets } from '../../runtime/detection/disjoint-sets.js';
import type { Segmentation } from '../../runtime/detection/felzenszwalb.js';
import { gaussianSmooth, gaussianTaps } from '../../runtime/detection/gaussian-smooth.js';
import { groupRegions } from '../../runtime/detection/hierarchical-grouping.js';
import type { ChannelImage, RgbImage } from '../../runtime/detection/image.js';
import { COLOUR_BINS, mergeRegions, pixelFeatures, type Region, segmentRegions, TEXTURE_BINS } from '../../runtime/detection/region-features.js';
import { intersection, similarity } from '../../runtime/detection/region-similarity.js';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

/** An image of one row of pixels, each given as [r, g, b]. */
const row = (colours: [number, number, number][]): RgbImage => ({ pixels: Float32Array.from(colours.flat()), height: 1, width: colours.length });

describe('the Gaussian filter', () => {
  it('has ceil(4 sigma) + 1 taps a side, summing to 1 over the whole filter', () => {
    const taps = gaussianTaps(0.8);
    expect(taps).toHaveLength(5);
    expect(2 * sum(taps) - taps[0]!).toBeCloseTo(1, 6);
    expect(taps[1]! / taps[0]!).toBeCloseTo(Math.exp(-0.5 / 0.64), 5);
  });

  it('leaves one colour as it is, and spreads a dot as the outer product of its taps', () => {
    const flat: ChannelImage = { pixels: new Float32Array(5 * 6 * 2).fill(0.3), height: 5, width: 6, channels: 2 };
    for (const v of gaussianSmooth(flat, 0.8).pixels) expect(v).toBeCloseTo(0.3, 6);
    const dot: ChannelImage = { pixels: new Float32Array(11 * 11), height: 11, width: 11, channels: 1 };
    dot.pixels[5 * 11 + 5] = 1;
    const taps = gaussianTaps(1);
    const smooth = gaussianSmooth(dot, 1).pixels;
    for (const [dy, dx] of [[0, 0], [1, 0], [2, 3], [-4, 1]] as const) expect(smooth[(5 + dy) * 11 + 5 + dx]).toBeCloseTo(taps[Math.abs(dy)]! * taps[Math.abs(dx)]!, 6);
  });
});

describe('the colour spaces', () => {
  it('give hue, saturation and value in [0, 1]', () => {
    const hsv = toColourSpace(row([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0.5], [1, 0, 1]]), 'hsv').pixels;
    const expected = [[0, 1, 1], [1 / 3, 1, 1], [2 / 3, 1, 1], [0, 0, 0.5], [5 / 6, 1, 1]].flat();
    expected.forEach((v, i) => expect(hsv[i]).toBeCloseTo(v, 5));
  });

  it('give CIE Lab mapped to [0, 1]: white, black and sRGB red at their published values', () => {
    const lab = toColourSpace(row([[1, 1, 1], [0, 0, 0], [1, 0, 0]]), 'lab').pixels;
    const mapped = (l: number, a: number, b: number) => [l / 100, (a + 128) / 255, (b + 128) / 255];
    const expected = [mapped(100, 0, 0), mapped(0, 0, 0), mapped(53.24, 80.09, 67.2)].flat();
    expected.forEach((v, i) => expect(Math.abs(lab[i]! - v)).toBeLessThan(0.002));
  });

  it('clamp values outside [0, 1], and NaN to 0', () => {
    expect(Array.from(toColourSpace(row([[1.5, -0.2, Number.NaN]]), 'rgb').pixels)).toEqual([1, 0, 0]);
  });
});

/** A segmentation of a one-row image with the given label per pixel. */
const segmentationOf = (labels: number[]): Segmentation => ({ labels: Int32Array.from(labels), count: Math.max(...labels) + 1, height: 1, width: labels.length });

describe('the regions', () => {
  const image = toColourSpace(row([[0.1, 0.2, 0.3], [0.1, 0.2, 0.3], [0.9, 0.2, 0.3], [0.5, 0.6, 0.7], [0.5, 0.6, 0.1], [0.2, 0.2, 0.2]]), 'rgb');
  const features = pixelFeatures(image);

  it('have their size, box, and histograms that sum to 1', () => {
    const [a, b] = segmentRegions(segmentationOf([0, 0, 0, 1, 1, 1]), features);
    expect([a!.size, a!.minX, a!.maxX, a!.minY, a!.maxY]).toEqual([3, 0, 2, 0, 0]);
    expect([b!.size, b!.minX, b!.maxX]).toEqual([3, 3, 5]);
    for (const r of [a!, b!]) {
      expect(sum(r.colour)).toBeCloseTo(1, 5);
      expect(sum(r.texture)).toBeCloseTo(1, 5);
    }
    // the first pixel's red (0.1) is in bin 2 of 25 of the red channel: a third of the three pixels' red
    expect(a!.colour[Math.floor(0.1 * COLOUR_BINS)]).toBeCloseTo(2 / 9, 5);
  });

  it('merged, have the histograms of their pixels counted together', () => {
    const [a, b, c] = segmentRegions(segmentationOf([0, 0, 1, 1, 1, 2]), features);
    const merged = mergeRegions(a!, b!);
    const [together] = segmentRegions(segmentationOf([0, 0, 0, 0, 0, 1]), features);
    expect(merged.size).toBe(together!.size);
    expect([merged.minX, merged.maxX]).toEqual([together!.minX, together!.maxX]);
    merged.colour.forEach((v, i) => expect(v).toBeCloseTo(together!.colour[i]!, 6));
    merged.texture.forEach((v, i) => expect(v).toBeCloseTo(together!.texture[i]!, 6));
    expect(c!.size).toBe(1);
  });

  it('of one colour have all their texture in the lowest response bin; an edge puts some higher', () => {
    const flat = toColourSpace({ pixels: new Float32Array(4 * 4 * 3).fill(0.5), height: 4, width: 4 }, 'rgb');
    const [region] = segmentRegions({ labels: new Int32Array(16), count: 1, height: 4, width: 4 }, pixelFeatures(flat));
    const lowest = Array.from(region!.texture).filter((_, i) => i % TEXTURE_BINS === 0);
    expect(sum(lowest)).toBeCloseTo(1, 5);
    const [edged] = segmentRegions(segmentationOf([0, 0, 0, 0, 0, 0]), features);
    expect(sum(Array.from(edged!.texture).filter((_, i) => i % TEXTURE_BINS !== 0))).toBeGreaterThan(0);
  });
});

/** A region of `size` pixels in the box, with histograms of one bin. */
function region(size: number, [minX, minY, maxX, maxY]: [number, number, number, number], colourBin: number): Region {
  const colour = new Float32Array(4);
  colour[colourBin] = 1;
  return { size, minX, minY, maxX, maxY, colour, texture: Float32Array.of(1, 0) };
}

describe('the similarities', () => {
  it('intersect histograms: 1 for the same, 0 for disjoint, the overlap between', () => {
    expect(intersection(Float32Array.of(0.5, 0.5), Float32Array.of(0.5, 0.5))).toBe(1);
    expect(intersection(Float32Array.of(1, 0), Float32Array.of(0, 1))).toBe(0);
    expect(intersection(Float32Array.of(0.75, 0.25), Float32Array.of(0.25, 0.75))).toBe(0.5);
  });

  it('measure size and fill over the image, and add the measures asked for', () => {
    // two 2x2 squares side by side in a 10 x 10 image: their joint box is filled; far apart, it is not
    const a = region(4, [0, 0, 1, 1], 0);
    const b = region(4, [2, 0, 3, 1], 1);
    const far = region(4, [8, 8, 9, 9], 0);
    expect(similarity(a, b, 100, ['size'])).toBeCloseTo(1 - 8 / 100, 6);
    expect(similarity(a, b, 100, ['fill'])).toBeCloseTo(1, 6);
    expect(similarity(a, far, 100, ['fill'])).toBeCloseTo(1 - (100 - 8) / 100, 6);
    expect(similarity(a, b, 100, ['colour'])).toBe(0);
    expect(similarity(a, far, 100, ['colour'])).toBe(1);
    expect(similarity(a, b, 100, ['colour', 'texture', 'size', 'fill'])).toBeCloseTo(0 + 1 + 0.92 + 1, 6);
  });
});

describe('the hierarchical grouping', () => {
  const grouped = (colours: [number, number, number][], labels: number[]) => {
    const segmentation = segmentationOf(labels);
    return groupRegions(segmentation, segmentRegions(segmentation, pixelFeatures(toColourSpace(row(colours), 'rgb'))), ['colour']);
  };
  const span = (r: Region) => [r.minX, r.maxX];

  it('merges the most similar neighbours first, until one region covers the image: 2n - 1 regions', () => {
    const red: [number, number, number] = [0.9, 0.1, 0.1];
    const blue: [number, number, number] = [0.1, 0.1, 0.9];
    const regions = grouped([red, red, blue, blue, red, red], [0, 1, 2, 3, 4, 5]);
    expect(regions).toHaveLength(11);
    expect(regions.slice(6).map(span)).toEqual([[0, 1], [2, 3], [4, 5], [0, 3], [0, 5]]);
    expect(regions[10]!.size).toBe(6);
  });

  it('merges only regions that touch, however alike others are', () => {
    const regions = grouped([[0.9, 0.1, 0.1], [0.1, 0.9, 0.1], [0.9, 0.1, 0.1]], [0, 1, 2]);
    expect(regions.slice(3).map(span)).toEqual([[0, 1], [0, 2]]);
  });
});

describe('the disjoint sets', () => {
  it('join sets, find their roots and keep their sizes', () => {
    const sets = new DisjointSets(5);
    const ab = sets.join(sets.find(0), sets.find(1));
    const abc = sets.join(sets.find(2), ab);
    expect(sets.find(0)).toBe(abc);
    expect(sets.find(2)).toBe(sets.find(1));
    expect(sets.find(3)).not.toBe(abc);
    expect(sets.size(abc)).toBe(3);
    expect(sets.count).toBe(3);
  });
});
