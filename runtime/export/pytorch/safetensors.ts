// The safetensors format (Hugging Face's, read by `safetensors.torch.load_file`):
// 8 bytes, the header's length as a little-endian u64; the header, JSON
// ({ name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__": {...} }),
// padded with spaces to a multiple of 8; then every tensor's bytes,
// little-endian, one after another with no gap, offsets counted from the
// end of the header. Pure: bytes in, bytes out.

import { msg } from '../../../core/i18n/message.js';

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

/** Why a safetensors file cannot be read: a damaged file, or a dtype the converter does not take. */
export class SafetensorsError extends Error {}

/**
 * The tensors of a safetensors file (the inverse of encodeSafetensors): F32
 * and I64 only, which is what train.py saves (its weights stay float32
 * under `--amp bf16`: autocast changes the computation, not the parameters).
 */
export function decodeSafetensors(bytes: Buffer): Map<string, SafeTensor> {
  if (bytes.length < 8) throw new SafetensorsError(msg`shorter than its 8-byte header length`);
  const headerLength = bytes.readBigUInt64LE(0);
  if (headerLength > BigInt(bytes.length - 8)) throw new SafetensorsError(msg`its header says ${headerLength} bytes, but the file has ${bytes.length - 8} after the length`);
  const start = 8 + Number(headerLength);
  let header: Record<string, { dtype?: unknown; shape?: unknown; data_offsets?: unknown }>;
  try {
    header = JSON.parse(bytes.subarray(8, start).toString('utf8')) as typeof header;
  } catch {
    throw new SafetensorsError(msg`its header is not JSON`);
  }
  const tensors = new Map<string, SafeTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets: offsets } = entry;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw new SafetensorsError(msg`${name} has no valid shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) throw new SafetensorsError(msg`${name} has no valid data_offsets`);
    const [begin, end] = offsets as [number, number];
    if (start + end > bytes.length || begin > end) throw new SafetensorsError(msg`${name}'s bytes [${begin}, ${end}) lie outside the file`);
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    const data = bytes.subarray(start + begin, start + end);
    if (dtype === 'F32') {
      if (data.length !== count * 4) throw new SafetensorsError(msg`${name} has ${data.length} bytes for ${count} float32 values`);
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = data.readFloatLE(i * 4);
      tensors.set(name, { dtype, shape: shape as number[], data: values });
    } else if (dtype === 'I64') {
      if (data.length !== count * 8) throw new SafetensorsError(msg`${name} has ${data.length} bytes for ${count} int64 values`);
      const values = new BigInt64Array(count);
      for (let i = 0; i < count; i++) values[i] = data.readBigInt64LE(i * 8);
      tensors.set(name, { dtype, shape: shape as number[], data: values });
    } else {
      throw new SafetensorsError(msg`${name} is ${String(dtype)}; only F32 and I64 are read`);
    }
  }
  return tensors;
}
