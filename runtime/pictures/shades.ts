// One colour ramp for every heat map (confusion matrices, attention maps):
// white for 0 to a deep blue for 1, and the ink that stays readable on it.

const LOW = [255, 255, 255] as const;
const HIGH = [8, 69, 148] as const;

/** The fill for a value in [0, 1] (clamped): `#rrggbb`. */
export function shade(fraction: number): string {
  const t = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  return `#${LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** Text drawn on `shade(fraction)`: white on the dark half, near-black on the light half. */
export function inkOn(fraction: number): string {
  return fraction > 0.5 ? '#ffffff' : '#222222';
}
