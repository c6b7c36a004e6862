// Reading the members of a zip archive (an .npz is one), from the
// central directory at its end (PKWARE APPNOTE):
//
//   end of central directory  signature 0x06054b50, 22 bytes + a comment:
//                             the member count, the directory's size and offset
//   central directory         per member, signature 0x02014b50: flags,
//                             method, CRC-32, sizes, name, where its local
//                             header is
//   local header              signature 0x04034b50, 30 bytes + name + extra
//                             field, then the member's data
//
// The sizes are taken from the central directory: NumPy writes its local
// headers with zip64 extra fields even for small arrays. Members are stored
// (method 0) or deflated (method 8). Archives that need zip64 (over 4 GiB,
// over 65,535 members), span several disks or are encrypted are refused.
// A member never inflates past the size the directory gives it, and its
// first bytes can be read alone (an array's header, before its data).

import { msg } from '../../core/i18n/message.js';
import { constants, inflateRawSync } from 'node:zlib';
import { crc32 } from '../crc32.js';

export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeader: number;
  encrypted: boolean;
}

/** A problem with the archive (the caller names the file). */
export class ZipFormatError extends Error {}

const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const DIRECTORY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const needsZip64 = (): string => msg`needs zip64 (over 4 GiB, or over 65,535 members), which is not read; save smaller arrays or several files`;

export function zipMembers(bytes: Uint8Array): ZipMember[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = findEnd(view);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError(needsZip64());
  const disk = view.getUint16(end + 4, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipFormatError(needsZip64());
  if (disk !== 0 || view.getUint16(end + 8, true) !== count) throw new ZipFormatError(msg`spans several disks, which is not read`);
  if (offset + size > end) throw new ZipFormatError(msg`is truncated: its central directory lies past its end`);
  const members: ZipMember[] = [];
  for (let at = offset, i = 0; i < count; i++) {
    const { member, next } = directoryEntry(view, at);
    members.push(member);
    at = next;
  }
  return members;
}

/**
 * The offset of the end-of-central-directory record: the last signature
 * within a comment's reach of the end whose comment length reaches the end
 * exactly (the comment may itself hold the signature's bytes); failing
 * that, the last signature (an archive with bytes appended after it).
 */
function findEnd(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_SIZE - 0xffff);
  let last: number | undefined;
  for (let at = view.byteLength - END_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_SIGNATURE) continue;
    if (at + END_SIZE + view.getUint16(at + 20, true) === view.byteLength) return at;
    last ??= at;
  }
  if (last !== undefined) return last;
  throw new ZipFormatError(msg`is not a zip archive (no end of central directory record; truncated?)`);
}

function directoryEntry(view: DataView, at: number): { member: ZipMember; next: number } {
  if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_SIGNATURE) throw new ZipFormatError(msg`has a damaged central directory (no entry at byte ${at})`);
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const name = new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength));
  const member: ZipMember = {
    name,
    method: view.getUint16(at + 10, true),
    crc: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localHeader: view.getUint32(at + 42, true),
    encrypted: (view.getUint16(at + 8, true) & 1) !== 0,
  };
  if (member.compressedSize === 0xffffffff || member.size === 0xffffffff || member.localHeader === 0xffffffff) throw new ZipFormatError(msg`member '${name}' ${needsZip64()}`);
  return { member, next: at + 46 + nameLength + extraLength + commentLength };
}

/** The uncompressed bytes of one member, checked against its size and CRC-32. */
export function memberData(bytes: Uint8Array, member: ZipMember): Uint8Array {
  const { name } = member;
  const data = unpack(storedData(bytes, member), member, member.size);
  if (data.length !== member.size) throw new ZipFormatError(msg`member '${name}' unpacks to ${data.length} bytes, but the directory says ${member.size} (damaged archive)`);
  if (crc32(data) !== member.crc) throw new ZipFormatError(msg`member '${name}' fails its CRC-32 check (damaged archive)`);
  return data;
}

/**
 * The member's first `want` bytes (all of it when shorter), inflating no
 * more of it than that takes: deflate turns a byte into at most 1,032, so
 * reading the compressed data a little at a time bounds what comes out.
 */
export function memberPrefix(bytes: Uint8Array, member: ZipMember, want: number): Uint8Array {
  const stored = storedData(bytes, member);
  const most = Math.min(want, member.size);
  if (member.method === 0) return stored.subarray(0, most);
  for (let take = 256; ; take *= 2) {
    const part = stored.subarray(0, Math.min(take, stored.length));
    const out = unpack(part, member, member.size, part.length < stored.length);
    if (out.length >= most || part.length === stored.length) return out.subarray(0, most);
  }
}

/** The member's bytes as stored in the archive (compressed or not). */
function storedData(bytes: Uint8Array, member: ZipMember): Uint8Array {
  const { name } = member;
  if (member.encrypted) throw new ZipFormatError(msg`member '${name}' is encrypted, which is not read`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const at = member.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ZipFormatError(msg`member '${name}' has no local header at byte ${at} (damaged archive)`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + member.compressedSize > bytes.length) throw new ZipFormatError(msg`is truncated inside member '${name}'`);
  return bytes.subarray(start, start + member.compressedSize);
}

/** The stored data unpacked, never past `size` bytes; `partial`: the stored data is cut short, unpack what it holds. */
function unpack(stored: Uint8Array, member: ZipMember, size: number, partial = false): Uint8Array {
  if (member.method === 0) return stored;
  if (member.method !== 8) throw new ZipFormatError(msg`member '${member.name}' uses compression method ${member.method}; stored (0) and deflate (8) are read`);
  try {
    // one byte past the size, so that a member that inflates to more shows as more
    return inflateRawSync(stored, { maxOutputLength: size + 1, ...(partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {}) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipFormatError(msg`member '${member.name}' unpacks to more than the ${size} bytes the directory says (damaged archive)`);
    throw new ZipFormatError(msg`member '${member.name}' does not inflate (${(e as Error).message}; damaged archive)`);
  }
}
