// A checkpoint's manifest: the size and CRC-32 of each of its files,
// written last into the checkpoint before it is renamed into place. A
// checkpoint is complete when every file it lists is there with that size
// and checksum: a file cut short by a full disk, or damaged since, is
// found before a single weight is restored.

import { msg } from '../../core/i18n/message.js';
import { join } from 'node:path';
import { crc32 } from '../crc32.js';
import { LARGEST_BUFFER_BYTES, readFileOrThrow, SMALL_FILE_BYTES } from '../files/read-regular-file.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  files: Record<string, { bytes: number; crc32: number }>;
}

export function manifestOf(files: Record<string, string | Uint8Array>): Manifest {
  const out: Manifest = { files: {} };
  for (const [name, data] of Object.entries(files)) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    out.files[name] = { bytes: bytes.byteLength, crc32: crc32(bytes) };
  }
  return out;
}

/**
 * Reads the files of the checkpoint at `path` that its manifest lists, each
 * checked; throws a message naming the first bad file. Undefined when the
 * checkpoint has no manifest (saved before manifests were written).
 */
export function readVerified(path: string): Map<string, Buffer> | undefined {
  let text: string;
  try {
    text = readFileOrThrow(join(path, MANIFEST), SMALL_FILE_BYTES).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(msg`${join(path, MANIFEST)} cannot be read (${(e as Error).message})`);
  }
  const manifest = parseManifest(text);
  if (!manifest) throw new Error(msg`${join(path, MANIFEST)} is damaged`);
  const out = new Map<string, Buffer>();
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = join(path, name);
    let bytes: Buffer;
    try {
      bytes = readFileOrThrow(file, Math.min(expected.bytes, LARGEST_BUFFER_BYTES));
    } catch {
      throw new Error(msg`${file} is missing`);
    }
    if (bytes.byteLength !== expected.bytes) throw new Error(msg`${file} has ${bytes.byteLength} bytes instead of ${expected.bytes} (cut short)`);
    if (crc32(bytes) !== expected.crc32) throw new Error(msg`${file} is damaged (its CRC-32 differs)`);
    out.set(name, bytes);
  }
  return out;
}

function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Manifest;
    if (!value || typeof value.files !== 'object' || value.files === null) return undefined;
    for (const [name, f] of Object.entries(value.files)) {
      if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return undefined;
      if (typeof f?.bytes !== 'number' || typeof f.crc32 !== 'number') return undefined;
    }
    return value;
  } catch {
    return undefined;
  }
}
