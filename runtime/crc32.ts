// CRC-32 (the polynomial 0xEDB88320 of zip, gzip and PNG). Node's own
// `zlib.crc32` (20.15 and later) is several times faster; the plain
// JavaScript one serves older Node 20 releases. They agree on every input.

import * as zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The table-driven CRC-32 in JavaScript. */
export function crc32InJs(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const nodeCrc32 = (zlib as { crc32?: (bytes: Uint8Array) => number }).crc32;

/** The CRC-32 of `bytes`: Node's where it has one, else the JavaScript one. */
export const crc32: (bytes: Uint8Array) => number = nodeCrc32 ? (bytes) => nodeCrc32(bytes) >>> 0 : crc32InJs;
