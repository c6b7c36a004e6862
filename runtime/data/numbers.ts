// Numbers in data files as the model gets them: decimal text (CSV) and
// values that fit float32, the type every feature and real target becomes.

import { msg } from '../../core/i18n/message.js';

/** The largest finite float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Decimal notation: 12, -0.5, .5, 5., 1e-3. Not 0x10, 0b1, 0o7 or Infinity, which Number() also reads. */
export const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export const fitsFloat32 = (n: number): boolean => Math.abs(n) <= FLOAT32_MAX;

/** Why a number does not fit, for messages: "the value of 'a' is 1e39, beyond the range of float32 (±3.4e38)". */
export const beyondFloat32 = (): string => msg`beyond the range of float32 (±3.4e38)`;
