// CRC-32: the check value of the standard, and Node's own implementation
// agreeing with the JavaScript one on random inputs of every length.

import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32InJs } from '../../runtime/crc32.js';
import { prng } from '../helpers/prng.js';

describe('crc32', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926], // the check value of CRC-32/ISO-HDLC
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j) = %i, both ways', (text, expected) => {
    const bytes = Buffer.from(text, 'latin1');
    expect(crc32(bytes)).toBe(expected);
    expect(crc32InJs(bytes)).toBe(expected);
  });

  it('uses Node’s zlib.crc32 where there is one, and it agrees with the JavaScript one', () => {
    const hasNative = typeof (zlib as { crc32?: unknown }).crc32 === 'function';
    const random = prng(7);
    for (let n = 0; n < 300; n++) {
      const bytes = new Uint8Array(Math.floor(random() * 5000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      const value = crc32(bytes);
      expect(value).toBe(crc32InJs(bytes));
      expect(value).toBeGreaterThanOrEqual(0); // unsigned, as zip and PNG store it
      if (hasNative) expect(value).toBe((zlib as unknown as { crc32(b: Uint8Array): number }).crc32(bytes));
    }
  });
});
