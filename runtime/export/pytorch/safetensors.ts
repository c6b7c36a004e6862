// The safetensors format (Hugging Face's, read by `safetensors.torch.load_file`):
// 8 bytes, the header's length as a little-endian u64; the header, JSON
// ({ name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__": {...} }),
// padded with spaces to a multiple of 8; then every tensor's bytes,
// little-endian, one after another with no gap, offsets counted from the
// end of the header. Pure: bytes in, bytes out.

export type SafeTensor =
  | { dtype: 'F32'; shape: number[]; data: Float32Array }
  | { dtype: 'I64'; shape: number[]; data: BigInt64Array };

/** The file's bytes; tensors in the order given, except that 8-byte ones come first (every tensor stays aligned). */
export function encodeSafetensors(tensors: ReadonlyMap<string, SafeTensor>, metadata: Record<string, string> = {}): Buffer {
  const ordered = [...tensors].sort(([, a], [, b]) => bytesPerValue(b) - bytesPerValue(a));
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header['__metadata__'] = metadata;
  let offset = 0;
  for (const [name, t] of ordered) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new Error(`safetensors: ${name} has ${t.data.length} values for the shape [${t.shape.join(', ')}]`);
    const length = t.data.byteLength;
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + length] };
    offset += length;
  }
  const json = JSON.stringify(header);
  const padded = json + ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const head = Buffer.from(padded, 'utf8');
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(head.length));
  return Buffer.concat([size, head, ...ordered.map(([, t]) => littleEndianBytes(t))]);
}

function bytesPerValue(t: SafeTensor): number {
  return t.data.BYTES_PER_ELEMENT;
}

/** The values' bytes in little-endian order, whatever the machine's order. */
function littleEndianBytes(t: SafeTensor): Buffer {
  const out = Buffer.alloc(t.data.byteLength);
  if (t.dtype === 'F32') t.data.forEach((v, i) => out.writeFloatLE(v, i * 4));
  else t.data.forEach((v, i) => out.writeBigInt64LE(v, i * 8));
  return out;
}
