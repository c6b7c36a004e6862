// Exact rational numbers for the coefficients of symbolic dimensions.
// Dimensions are small integers, so JS numbers (exact below 2^53) suffice;
// a numerator or denominator past that is a SizeLimitError, never a
// rounded value (and gcd only ever sees safe integers, so it ends).

import { SizeLimitError } from './size-limit.js';

export interface Rational {
  /** numerator, any sign */
  readonly n: number;
  /** denominator, always positive; gcd(n, d) = 1 */
  readonly d: number;
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function rational(n: number, d = 1): Rational {
  if (d === 0) throw new Error('rational: zero denominator');
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw new SizeLimitError('overflow', d === 1 ? String(n) : `${n}/${d}`);
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0, d: 1 };
export const ONE: Rational = { n: 1, d: 1 };

export const addQ = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const mulQ = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const divQ = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const negQ = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const isIntegerQ = (a: Rational): boolean => a.d === 1;
export const eqQ = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;

export function formatQ(a: Rational): string {
  return a.d === 1 ? String(a.n) : `${a.n}/${a.d}`;
}
