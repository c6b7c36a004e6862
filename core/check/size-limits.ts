// Sizes past what nn computes exactly (core/shapes/size-limit.ts): the
// arithmetic throws SizeLimitError, and the checker reports it at the
// expression, stage or statement that computed it (NN3012), then goes on
// with the value unknown, as after any other error.

import type { Range } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { MAX_SIZE, SizeLimitError } from '../shapes/size-limit.js';
import type { CheckState, Frame } from './state.js';

const LIMIT_TEXT = `2^53 - 1 (${MAX_SIZE.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')})`;

export function reportSizeLimit(st: CheckState, fr: Frame, e: SizeLimitError, range: Range): void {
  const message =
    e.reason === 'overflow'
      ? msg`this size is too large: ${e.detail} is beyond ${LIMIT_TEXT}, the largest whole number nn computes exactly`
      : msg`this size is too complex to follow: ${e.detail}`;
  st.error(fr, 'NN3012', message, range);
}

/** Runs `f`; a SizeLimitError in it is reported at `range` and gives `fallback`. */
export function withinSizeLimits<T>(st: CheckState, fr: Frame, range: Range, f: () => T, fallback: T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof SizeLimitError)) throw e;
    reportSizeLimit(st, fr, e, range);
    return fallback;
  }
}

/** An int value that is not a safe integer (a literal like 1e21, `10 ** 400`, `floor(1e300)`): what to say it is. */
export function unsafeInt(value: unknown, text: string): SizeLimitError | undefined {
  if (typeof value !== 'number' || Number.isSafeInteger(value)) return undefined;
  return new SizeLimitError('overflow', text.length <= 40 ? text : `${text.slice(0, 37)}...`);
}
