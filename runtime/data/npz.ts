// npz(path, x, y, split): a NumPy .npz archive (np.savez or
// np.savez_compressed: a zip of .npy files) holding the features and the
// labels as two arrays, named without the .npy suffix. The arrays are read
// as npy(x, y) reads its two files.

import { DataError, type RawData } from './dataset.js';
import { type DataFile, readBytes } from './files.js';
import { labelledArrays, type NamedArray, parseNamed } from './npy.js';
import { memberData, ZipFormatError, type ZipMember, zipMembers } from './zip.js';

export function loadNpz(o: { file: DataFile; x: string; y: string; split: number }): RawData {
  const bytes = readBytes(o.file);
  const arrays = zipped(() => npzArrays(bytes), o.file.shown);
  const pick = (name: string): NamedArray => {
    const member = arrays.get(name);
    if (!member) throw new DataError(`${o.file.shown} has no array '${name}' (arrays: ${[...arrays.keys()].join(', ') || 'none'})`);
    const shown = `${o.file.shown}: ${name}`;
    return { name: shown, array: parseNamed(zipped(() => memberData(bytes, member), o.file.shown), shown) };
  };
  return labelledArrays('npz', pick(o.x), pick(o.y), o.split);
}

/** The archive's .npy members by array name ("x.npy" -> "x"). */
export function npzArrays(bytes: Uint8Array): Map<string, ZipMember> {
  const arrays = new Map<string, ZipMember>();
  for (const m of zipMembers(bytes)) if (m.name.endsWith('.npy')) arrays.set(m.name.slice(0, -'.npy'.length), m);
  return arrays;
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
