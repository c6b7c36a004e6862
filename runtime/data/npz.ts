// npz(path, x, y, split): a NumPy .npz archive (np.savez or
// np.savez_compressed: a zip of .npy files) holding the features and the
// labels as two arrays, named without the .npy suffix. The arrays are read
// as npy(x, y) reads its two files.
//
// A small archive can unpack to gigabytes, so nothing is inflated before
// the two arrays' headers (the first bytes of each member) agree: both are
// .npy arrays whose sizes match their members', with as many examples in
// both, and together within the data limit. Only then is their data
// inflated, each no further than its size.

import { msg } from '../../core/i18n/message.js';
import { DataError, type RawData } from './dataset.js';
import { type DataFile, readBytes } from './files.js';
import { bytesInWords, MAX_DATA_BYTES } from './limits.js';
import { type NpyHeader, npyHeader, NpyFormatError, checkDataSize } from './npy-format.js';
import { checkSameCount, labelledArrays, type NamedArray, parseNamed } from './npy.js';
import { memberData, memberPrefix, ZipFormatError, type ZipMember, zipMembers } from './zip.js';

/** NumPy's headers are a line of a few dozen bytes; a megabyte is no header. */
const MAX_HEADER_BYTES = 1 << 20;

export function loadNpz(o: { file: DataFile; x: string; y: string; split: number }): RawData {
  const shown = o.file.shown;
  const bytes = readBytes(o.file);
  const arrays = zipped(() => npzArrays(bytes), shown);
  const member = (name: string): { name: string; member: ZipMember } => {
    const found = arrays.get(name);
    if (!found) throw new DataError(msg`${shown} has no array '${name}' (arrays: ${[...arrays.keys()].join(', ') || msg`none`})`);
    return { name: `${shown}: ${name}`, member: found };
  };
  const x = member(o.x);
  const y = member(o.y);
  const headers = [x, y].map((m) => ({ ...m, header: memberHeader(bytes, m.member, m.name, shown) }));
  checkSameCount(headers[0]!.name, headers[0]!.header.shape, headers[1]!.name, headers[1]!.header.shape);
  checkUnpackedSize(headers, o.x === o.y ? x.member.size : x.member.size + y.member.size, shown);
  const array = (m: { name: string; member: ZipMember }): NamedArray => ({ name: m.name, array: parseNamed(zipped(() => memberData(bytes, m.member), shown), m.name) });
  return labelledArrays('npz', array(x), array(y), o.split);
}

/** The archive's .npy members by array name ("x.npy" -> "x"). */
export function npzArrays(bytes: Uint8Array): Map<string, ZipMember> {
  const arrays = new Map<string, ZipMember>();
  for (const m of zipMembers(bytes)) if (m.name.endsWith('.npy')) arrays.set(m.name.slice(0, -'.npy'.length), m);
  return arrays;
}

/** The .npy header at the start of a member, inflating no more than it takes; its data size must be the member's. */
function memberHeader(bytes: Uint8Array, member: ZipMember, name: string, shown: string): NpyHeader {
  return named(() => {
    for (let want = 128; ; ) {
      const prefix = zipped(() => memberPrefix(bytes, member, want), shown);
      const header = npyHeader(prefix, prefix.length === member.size);
      if (!('need' in header)) {
        checkDataSize(header, member.size - header.dataStart, msg`the member has`);
        return header;
      }
      if (prefix.length < want) throw new NpyFormatError(msg`is truncated inside its header`);
      if (header.need > MAX_HEADER_BYTES) throw new NpyFormatError(msg`has a header of ${header.need} bytes; nn reads headers of up to ${MAX_HEADER_BYTES} bytes`);
      want = Math.max(header.need, want * 2);
    }
  }, name);
}

/** The arrays unpacked must fit the data limit: said before any of it is inflated. */
function checkUnpackedSize(arrays: { name: string; header: NpyHeader }[], bytes: number, shown: string): void {
  if (bytes <= MAX_DATA_BYTES) return;
  const shapes = arrays.map((a) => `${a.name.slice(shown.length + 2)} [${a.header.shape.join(', ')}] ${a.header.type}`).join(' and ');
  throw new DataError(msg`${shown}: its arrays ${shapes} need ${bytesInWords(bytes)} unpacked; nn reads up to ${bytesInWords(MAX_DATA_BYTES)} of data from one file`);
}

/** `read()`, with .npy format problems as DataErrors naming the array. */
function named<T>(read: () => T, name: string): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof NpyFormatError) throw new DataError(`${name} ${e.message}`);
    throw e;
  }
}

/** `read()`, with zip format problems as DataErrors naming the archive. */
function zipped<T>(read: () => T, shown: string): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ZipFormatError) throw new DataError(`${shown} ${e.message}`);
    throw e;
  }
}
