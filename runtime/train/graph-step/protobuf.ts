// The protocol-buffer wire format, as much of it as writing a TensorFlow
// GraphDef and SavedModel needs: varints, length-delimited fields (strings,
// bytes, nested messages) and packed repeated numbers. A message is built
// bottom-up: a nested message is encoded first, then written as bytes.

const VARINT = 0;
const FIXED32 = 5;
const LENGTH_DELIMITED = 2;

export class ProtoWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  /** An int32/int64/enum/bool field (negative numbers as ten-byte varints, as protobuf does). */
  varint(field: number, value: number | boolean): this {
    this.tag(field, VARINT);
    this.rawVarint(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    return this;
  }

  /** A float field (fixed 32 bits). */
  float(field: number, value: number): this {
    this.tag(field, FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, LENGTH_DELIMITED);
    this.rawVarint(value.length);
    this.push(value);
    return this;
  }

  message(field: number, write: (w: ProtoWriter) => void): this {
    const nested = new ProtoWriter();
    write(nested);
    return this.bytes(field, nested.finish());
  }

  /** A packed repeated varint field (int64 lists, enum lists, bool lists). */
  packedVarints(field: number, values: readonly (number | boolean)[]): this {
    const nested = new ProtoWriter();
    for (const v of values) nested.rawVarint(typeof v === 'boolean' ? (v ? 1 : 0) : v);
    return this.bytes(field, nested.finish());
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: readonly number[]): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return this.bytes(field, bytes);
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  private tag(field: number, wireType: number): void {
    this.rawVarint(field * 8 + wireType);
  }

  private rawVarint(value: number): void {
    if (!Number.isInteger(value)) throw new Error(`protobuf: ${value} is not an integer`);
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v !== 0n);
    this.push(Uint8Array.from(bytes));
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.size += bytes.length;
  }
}
