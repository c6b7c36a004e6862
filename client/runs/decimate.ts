// Fewer points for drawing a long series without changing its shape: the
// points are cut into equal buckets and each bucket keeps its lowest and its
// highest point (of the first series), in order; the first and last points
// always stay. So 10,000 batch losses draw as at most 2,000 points, with every
// spike and dip still there.

/** The indices of the points to draw: at most `maxPoints` (at least 4), ascending. */
export function minMaxIndices(values: ArrayLike<number>, maxPoints: number): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((Math.max(4, maxPoints) - 2) / 2));
  const inner = n - 2; // points 1..n-2 go into buckets; 0 and n-1 stay
  const kept = [0];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets); // exclusive
    let low = -1;
    let high = -1;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      if (low < 0 || v < values[low]!) low = i;
      if (high < 0 || v > values[high]!) high = i;
    }
    if (low < 0) continue; // only NaN here: a gap
    if (low === high) kept.push(low);
    else kept.push(Math.min(low, high), Math.max(low, high));
  }
  kept.push(n - 1);
  return kept;
}

/** `series` (all as long as `x`) thinned to the points of minMaxIndices over `series[0]`. */
export function decimate(x: ArrayLike<number>, series: ArrayLike<number>[], maxPoints: number): { x: number[]; series: number[][] } {
  const keep = minMaxIndices(series[0] ?? x, maxPoints);
  return {
    x: keep.map((i) => x[i]!),
    series: series.map((s) => keep.map((i) => s[i]!)),
  };
}
