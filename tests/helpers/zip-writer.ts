// A tiny zip writer for the tests (PKWARE APPNOTE): local headers, the
// members stored or deflated, the central directory and its end record,
// with switches to write the archives the reader must refuse.

import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../runtime/crc32.js';

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** 0 stored (the default), 8 deflated, anything else as given */
  method?: number;
  encrypted?: boolean;
  /** a CRC-32 to write instead of the data's */
  crc?: number;
  /** the member's stored bytes as given (already deflated), instead of `data` stored or deflated */
  stored?: Uint8Array;
  /** the size to write instead of the data's length */
  size?: number;
}

export interface ZipSwitches {
  /** write a zip64 end-of-central-directory locator before the end record */
  zip64Locator?: boolean;
  /** the end record's member count, instead of the true one */
  count?: number;
  comment?: string;
}

export function zipBytes(inputs: ZipInput[], switches: ZipSwitches = {}): Uint8Array {
  const locals: Buffer[] = [];
  const entries: Buffer[] = [];
  let offset = 0;
  for (const m of inputs) {
    const name = Buffer.from(m.name);
    const method = m.method ?? 0;
    const stored = m.stored ? Buffer.from(m.stored) : method === 8 ? deflateRawSync(m.data) : Buffer.from(m.data);
    const fields = { flags: m.encrypted ? 1 : 0, method, crc: m.crc ?? crc32(m.data), compressed: stored.length, size: m.size ?? m.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeCommon(local, 6, fields);
    locals.push(local, name, stored);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    writeCommon(entry, 8, fields);
    entry.writeUInt32LE(offset, 42);
    entries.push(entry, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(entries);
  const comment = Buffer.from(switches.comment ?? '');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(switches.count ?? inputs.length, 8);
  end.writeUInt16LE(switches.count ?? inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  const locator = Buffer.alloc(switches.zip64Locator ? 20 : 0);
  if (switches.zip64Locator) locator.writeUInt32LE(0x07064b50, 0);
  return Buffer.concat([...locals, directory, locator, end, comment]);
}

/** flags, method, time, date, CRC, sizes, name length, extra length: the same in local and central headers */
function writeCommon(b: Buffer, at: number, f: { flags: number; method: number; crc: number; compressed: number; size: number; nameLength: number }): void {
  b.writeUInt16LE(f.flags, at);
  b.writeUInt16LE(f.method, at + 2);
  b.writeUInt32LE(f.crc, at + 8);
  b.writeUInt32LE(f.compressed, at + 12);
  b.writeUInt32LE(f.size, at + 16);
  b.writeUInt16LE(f.nameLength, at + 20);
}
