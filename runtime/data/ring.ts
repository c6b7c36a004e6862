// ring: 2-D points from `modes` Gaussians evenly spaced on a circle, the
// classic test of whether a GAN covers every mode or collapses onto a few.

import { Random } from '../random.js';
import type { RawData } from './dataset.js';

export interface RingOptions {
  modes: number;
  radius: number;
  std: number;
  count: number;
  seed: number;
}

/** The centre of mode m. */
export function ringCentre(m: number, modes: number, radius: number): [number, number] {
  const angle = (2 * Math.PI * m) / modes;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

export function loadRing(o: RingOptions): RawData {
  const random = new Random(o.seed);
  const points = new Float32Array(o.count * 2);
  for (let n = 0; n < o.count; n++) {
    const [x, y] = ringCentre(random.int(o.modes), o.modes, o.radius);
    points[2 * n] = x + o.std * random.normal();
    points[2 * n + 1] = y + o.std * random.normal();
  }
  return {
    description: `ring: ${o.count.toLocaleString('en-US')} points from ${o.modes} Gaussians`,
    inputs: [{ values: points, shape: [2], dtype: 'float32' }],
    count: o.count,
    split: 1,
  };
}

/**
 * How many modes generated points cover: a mode counts when at least
 * `minShare` of the points lie near its centre (within 3 standard
 * deviations plus a tenth of the radius).
 */
export function modesCovered(points: Float32Array, o: Pick<RingOptions, 'modes' | 'radius' | 'std'>, minShare = 0.02): number {
  const counts = new Array<number>(o.modes).fill(0);
  const n = points.length / 2;
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < o.modes; m++) {
      const [cx, cy] = ringCentre(m, o.modes, o.radius);
      if (Math.hypot(points[2 * i]! - cx, points[2 * i + 1]! - cy) < 3 * o.std + 0.1 * o.radius) counts[m]!++;
    }
  }
  return counts.filter((c) => c >= minShare * n).length;
}
