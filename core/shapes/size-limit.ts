// The limits of exact size arithmetic. Sizes, counts and coefficients are
// JavaScript numbers, exact for whole numbers up to 2^53 - 1: past that,
// `a + 1 === a`, Euclid's gcd of Infinity never ends, and a summary would
// print a rounded count. So every whole number a dimension holds is a safe
// integer, and a symbolic dimension stays small enough to compute with;
// anything else throws SizeLimitError, which the checker reports at the
// expression that computed it (NN3012).

import { msg } from '../i18n/message.js';

/** The largest whole number sizes may reach: 2^53 - 1 = 9,007,199,254,740,991. */
export const MAX_SIZE = Number.MAX_SAFE_INTEGER;

/** The most terms a symbolic dimension may have (real sizes have a handful: `B*S*d + 2*d`). */
export const MAX_TERMS = 64;

/** The longest canonical text a symbolic dimension may have (deeply nested floors of floors). */
export const MAX_KEY_LENGTH = 4096;

export class SizeLimitError extends Error {
  constructor(
    /** `overflow`: a whole number beyond MAX_SIZE (or infinite, or not a number); `complex`: a symbolic size too large to follow */
    readonly reason: 'overflow' | 'complex',
    /** what was computed, for the message: `10 ** 400`, `1000000000000 * 100000000` */
    readonly detail: string,
  ) {
    super(reason === 'overflow' ? msg`${detail} is beyond ${MAX_SIZE}` : msg`${detail} is too complex`);
  }
}

/** `n` when it is a safe integer; otherwise throws SizeLimitError with `detail()` as what was computed. */
export function safeInteger(n: number, detail: () => string): number {
  if (Number.isSafeInteger(n)) return n;
  throw new SizeLimitError('overflow', detail());
}

