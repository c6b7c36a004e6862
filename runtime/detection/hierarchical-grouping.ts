// Selective search's hierarchical grouping (Uijlings et al. 2013, section
// 3.1, Algorithm 1): start from the segments of an over-segmentation;
// compute the similarity of every pair of neighbouring regions; repeatedly
// merge the most similar pair into one region, drop the pairs that involve
// either part, and add the new region's pairs with its neighbours; until
// one region covers the image. Every region formed on the way (the initial
// segments too) is an object hypothesis.
//
// Two segments are neighbours when two of their pixels touch, 8-connected,
// as in the segmentation's graph. The most similar pair comes from a binary
// heap; a pair whose region has since been merged is skipped when it comes
// up. Equal similarities go to the pair made first, so the result depends
// only on the input.

import type { Segmentation } from './felzenszwalb.js';
import { mergeRegions, type Region } from './region-features.js';
import { similarity, type SimilarityMeasure } from './region-similarity.js';

/** Every region of the hierarchy, in the order formed: the segments first, then one per merge; the last covers the whole (connected) image. */
export function groupRegions(segmentation: Segmentation, segments: Region[], measures: readonly SimilarityMeasure[]): Region[] {
  const imageSize = segmentation.height * segmentation.width;
  const regions = [...segments];
  const alive = segments.map(() => true);
  const neighbours = segmentNeighbours(segmentation);
  const heap = new PairHeap();
  for (let a = 0; a < neighbours.length; a++) {
    for (const b of neighbours[a]!) if (a < b) heap.push(similarity(regions[a]!, regions[b]!, imageSize, measures), a, b);
  }
  for (;;) {
    const pair = heap.pop();
    if (!pair) break;
    const [a, b] = pair;
    if (!alive[a] || !alive[b]) continue;
    const t = regions.length;
    regions.push(mergeRegions(regions[a]!, regions[b]!));
    alive[a] = false;
    alive[b] = false;
    alive.push(true);
    const around = new Set<number>();
    for (const n of [...neighbours[a]!, ...neighbours[b]!]) {
      if (n === a || n === b) continue;
      around.add(n);
      neighbours[n]!.delete(a);
      neighbours[n]!.delete(b);
      neighbours[n]!.add(t);
    }
    neighbours[a] = new Set();
    neighbours[b] = new Set();
    neighbours.push(around);
    for (const n of around) heap.push(similarity(regions[t]!, regions[n]!, imageSize, measures), t, n);
  }
  return regions;
}

/** For each segment, the segments whose pixels touch its own (8-connected). */
function segmentNeighbours(segmentation: Segmentation): Set<number>[] {
  const { labels, count, height, width } = segmentation;
  const neighbours = Array.from({ length: count }, () => new Set<number>());
  const touch = (p: number, q: number) => {
    const a = labels[p]!;
    const b = labels[q]!;
    if (a === b) return;
    neighbours[a]!.add(b);
    neighbours[b]!.add(a);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (x + 1 < width) touch(p, p + 1);
      if (y + 1 < height) touch(p, p + width);
      if (x + 1 < width && y + 1 < height) touch(p, p + width + 1);
      if (x + 1 < width && y > 0) touch(p, p - width + 1);
    }
  }
  return neighbours;
}

/** A max-heap of region pairs by similarity; among equals, the pair pushed first comes first. */
class PairHeap {
  private readonly items: { similarity: number; order: number; a: number; b: number }[] = [];
  private pushed = 0;

  push(similarity: number, a: number, b: number): void {
    const items = this.items;
    items.push({ similarity, order: this.pushed++, a, b });
    let i = items.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(i, up)) break;
      [items[i], items[up]] = [items[up]!, items[i]!];
      i = up;
    }
  }

  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    if (!top) return undefined;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.before(left, best)) best = left;
        if (right < items.length && this.before(right, best)) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return [top.a, top.b];
  }

  private before(i: number, j: number): boolean {
    const a = this.items[i]!;
    const b = this.items[j]!;
    return a.similarity > b.similarity || (a.similarity === b.similarity && a.order < b.order);
  }
}
