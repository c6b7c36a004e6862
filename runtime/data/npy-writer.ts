// Writing NumPy .npy files (format version 1.0, little-endian, C order):
// what `nn run` writes its outputs as, readable with `numpy.load`.

export function encodeNpy(values: Float32Array | Int32Array | Uint8Array, shape: readonly number[], dtype: 'float32' | 'int32' | 'bool'): Buffer {
  const descr = dtype === 'float32' ? '<f4' : dtype === 'int32' ? '<i4' : '|b1';
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in a newline
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  const body = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), body]);
}
