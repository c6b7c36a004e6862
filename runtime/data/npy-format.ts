// The NumPy .npy format (numpy.lib.format), read from its specification:
//
//   bytes 0-5    the magic string "\x93NUMPY"
//   bytes 6, 7   the format version, major and minor: 1.0, 2.0 or 3.0
//   then         the header's length: uint16 little-endian (1.0) or uint32
//                little-endian (2.0, 3.0)
//   then         the header: a Python dict literal, latin-1 (UTF-8 in 3.0),
//                padded with spaces and ending in '\n':
//                {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
//   then         the data: product(shape) items of `descr`, nothing after
//
// Read here: little-endian float32, float64, int32, int64, uint8 and bool,
// in C order. float64 becomes float32, int64 becomes int32 (an error when a
// value does not fit); uint8 and bool stay bytes.

import { msg } from '../../core/i18n/message.js';
import { parsePythonLiteral, type PyValue } from './python-literal.js';

export type NpyType = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool';

/** An array as read: float32 for both float types, int32 for both int types, bytes for uint8 and bool. */
export interface NpyArray {
  /** the type in the file */
  type: NpyType;
  shape: number[];
  values: Float32Array | Int32Array | Uint8Array;
}

/** A problem with one .npy file (the caller adds the file's name). */
export class NpyFormatError extends Error {}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** descr without its byte-order character -> the type and its item size */
const TYPES: Record<string, { type: NpyType; bytes: number }> = {
  f4: { type: 'float32', bytes: 4 },
  f8: { type: 'float64', bytes: 8 },
  i4: { type: 'int32', bytes: 4 },
  i8: { type: 'int64', bytes: 8 },
  u1: { type: 'uint8', bytes: 1 },
  b1: { type: 'bool', bytes: 1 },
};

/** What a .npy header says: the item type, the shape, and where the data lies. */
export interface NpyHeader {
  type: NpyType;
  itemBytes: number;
  shape: number[];
  /** the number of items: the product of the shape */
  count: number;
  /** where the data starts, after the header */
  dataStart: number;
  /** how many bytes of data the shape and type call for */
  dataBytes: number;
}

export function parseNpy(bytes: Uint8Array): NpyArray {
  const header = npyHeader(bytes, true) as NpyHeader;
  checkDataSize(header, bytes.length - header.dataStart, msg`the file has`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataStart, header.dataBytes);
  return { type: header.type, shape: header.shape, values: readValues(view, header.type, header.count) };
}

/**
 * The header at the start of `bytes`. `whole`: `bytes` is the entire file;
 * otherwise it is the file's first bytes, and when the header goes on past
 * them the answer is how many bytes it needs (so that an archive's member
 * can be read up to its header alone).
 */
export function npyHeader(bytes: Uint8Array, whole: boolean): NpyHeader | { need: number } {
  const split = splitHeader(bytes, whole);
  if ('need' in split) return split;
  const { type, itemBytes, shape } = readHeader(split.header);
  const count = shape.reduce((a, b) => a * b, 1);
  return { type, itemBytes, shape, count, dataStart: split.dataStart, dataBytes: count * itemBytes };
}

/** An error unless `found` bytes of data are what the header calls for (`has`: "the file has"). */
export function checkDataSize(h: NpyHeader, found: number, has: string): void {
  const shape = msg`shape [${h.shape.join(', ')}] of ${h.type}`;
  if (found < h.dataBytes) throw new NpyFormatError(msg`is truncated: ${shape} needs ${h.dataBytes} bytes of data, but ${has} ${found}`);
  if (found > h.dataBytes) throw new NpyFormatError(msg`has ${found - h.dataBytes} bytes after its data (${shape} is ${h.dataBytes} bytes)`);
}

/** The header text and where the data starts, from the magic string and the version's length field. */
function splitHeader(bytes: Uint8Array, whole: boolean): { header: string; dataStart: number } | { need: number } {
  if (MAGIC.some((b, i) => i < bytes.length && bytes[i] !== b) || (whole && bytes.length < 10)) throw new NpyFormatError(msg`is not a .npy file (it does not start with "\\x93NUMPY")`);
  if (bytes.length < 8) return { need: 12 };
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) throw new NpyFormatError(msg`has format version ${major}.${minor}; versions 1.0, 2.0 and 3.0 are read`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const lengthBytes = major === 1 ? 2 : 4;
  const start = 8 + lengthBytes;
  if (bytes.length < start) {
    if (whole) throw new NpyFormatError(msg`is truncated inside its header`);
    return { need: start };
  }
  const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (start + length > bytes.length) {
    if (whole) throw new NpyFormatError(msg`is truncated: its header says ${length} bytes, but only ${bytes.length - start} follow`);
    return { need: start + length };
  }
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + length));
  return { header, dataStart: start + length };
}

/** The item type and shape the header's dict gives, or an error saying what is not read. */
function readHeader(text: string): { type: NpyType; itemBytes: number; shape: number[] } {
  let dict: PyValue;
  try {
    dict = parsePythonLiteral(text);
  } catch (e) {
    throw new NpyFormatError(msg`has a header that is not a Python dict literal (${(e as Error).message}): ${JSON.stringify(text.trim())}`);
  }
  if (!(dict instanceof Map)) throw new NpyFormatError(msg`has a header that is not a dict: ${JSON.stringify(text.trim())}`);
  const descr = dict.get('descr');
  const fortran = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (descr === undefined || fortran === undefined || shape === undefined) {
    const missing = ['descr', 'fortran_order', 'shape'].filter((k) => !dict.has(k));
    throw new NpyFormatError(msg`has a header without ${missing.map((k) => `'${k}'`).join(', ')}`);
  }
  if (fortran !== false) throw new NpyFormatError(msg`is in Fortran (column-major) order; save it in C order (np.ascontiguousarray)`);
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)) {
    throw new NpyFormatError(msg`has a shape that is not a tuple of sizes: ${JSON.stringify(shape)}`);
  }
  return { ...itemType(descr), shape: shape as number[] };
}

/** '<f4' -> float32, 4 bytes; a clear error for every type not read. */
function itemType(descr: PyValue): { type: NpyType; itemBytes: number } {
  if (typeof descr !== 'string') throw new NpyFormatError(msg`holds a structured array (fields of several types); save each field as its own array`);
  const order = descr[0]!;
  const code = descr.slice(1);
  if (code === 'O') throw new NpyFormatError(msg`holds Python objects (dtype 'object'), which cannot be read without pickle; save numbers instead`);
  const known = TYPES[code];
  if (!known) throw new NpyFormatError(msg`has the dtype '${descr}', which is not read (read: float32, float64, int32, int64, uint8, bool)`);
  if (order === '>' && known.bytes > 1) throw new NpyFormatError(msg`is big-endian ('${descr}'); save it little-endian (arr.astype('<${code}'))`);
  if (!['<', '|', '='].includes(order) && !(order === '>' && known.bytes === 1)) throw new NpyFormatError(msg`has the dtype '${descr}', with an unknown byte order '${order}'`);
  return { type: known.type, itemBytes: known.bytes };
}

function readValues(view: DataView, type: NpyType, count: number): NpyArray['values'] {
  switch (type) {
    case 'float32':
      return fill(new Float32Array(count), (i) => view.getFloat32(4 * i, true));
    case 'float64':
      return fill(new Float32Array(count), (i) => view.getFloat64(8 * i, true));
    case 'int32':
      return fill(new Int32Array(count), (i) => view.getInt32(4 * i, true));
    case 'int64':
      return readInt64(view, count);
    case 'uint8':
      return fill(new Uint8Array(count), (i) => view.getUint8(i));
    case 'bool':
      return fill(new Uint8Array(count), (i) => (view.getUint8(i) === 0 ? 0 : 1));
  }
}

function fill<T extends NpyArray['values']>(out: T, item: (i: number) => number): T {
  for (let i = 0; i < out.length; i++) out[i] = item(i);
  return out;
}

/** int64 as int32: each value's high word must be the sign of its low word. */
function readInt64(view: DataView, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const low = view.getUint32(8 * i, true);
    const high = view.getInt32(8 * i + 4, true);
    if (high !== (low >= 0x80000000 ? -1 : 0)) {
      throw new NpyFormatError(msg`holds int64 values that do not fit in int32: item ${i} is ${view.getBigInt64(8 * i, true)} (int32 is -2147483648 to 2147483647)`);
    }
    out[i] = low | 0;
  }
  return out;
}
