// A tiny .npy writer for the tests, from the format's specification: the
// magic string, the version, the header length (uint16 in 1.0, uint32 in
// 2.0 and 3.0), the header dict padded with spaces to a multiple of 64
// bytes and ending in '\n', then the data as given.

export interface NpyParts {
  /** the dtype as NumPy writes it: '<f4', '|u1', ... */
  descr: string;
  shape: number[];
  /** the data bytes, little-endian as written */
  data: Uint8Array;
  fortran?: boolean;
  version?: 1 | 2 | 3;
  /** a header to write instead of the dict made from descr, fortran and shape */
  header?: string;
}

export function npyBytes(p: NpyParts): Uint8Array {
  const version = p.version ?? 1;
  const lengthBytes = version === 1 ? 2 : 4;
  const shape = p.shape.length === 1 ? `(${p.shape[0]},)` : `(${p.shape.join(', ')})`;
  const dict = p.header ?? `{'descr': '${p.descr}', 'fortran_order': ${p.fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const unpadded = 8 + lengthBytes + dict.length + 1;
  const header = `${dict}${' '.repeat((64 - (unpadded % 64)) % 64)}\n`;
  const head = new Uint8Array(8 + lengthBytes);
  head.set([0x93, ...Buffer.from('NUMPY'), version, 0]);
  const view = new DataView(head.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  return Buffer.concat([head, Buffer.from(header, version === 3 ? 'utf8' : 'latin1'), p.data]);
}

/** The little-endian bytes of a typed array. */
export const bytesOf = (a: Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export const float32Npy = (values: number[], shape = [values.length]): Uint8Array => npyBytes({ descr: '<f4', shape, data: bytesOf(Float32Array.from(values)) });
export const int64Npy = (values: number[], shape = [values.length]): Uint8Array => npyBytes({ descr: '<i8', shape, data: bytesOf(BigInt64Array.from(values, BigInt)) });
