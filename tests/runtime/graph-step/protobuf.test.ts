// The protocol-buffer writer against encodings worked out from the wire
// format's specification (developers.google.com/protocol-buffers/docs/encoding):
// its own examples (150 -> 08 96 01, "testing" -> 12 07 74 65 73 74 69 6e 67),
// negative numbers as ten-byte varints, little-endian floats, packed fields
// and nested messages.

import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../../runtime/train/graph-step/protobuf.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the protocol-buffer writer', () => {
  it.each([
    ['a varint of 150 in field 1', (w: ProtoWriter) => w.varint(1, 150), '089601'],
    ['a varint of 0', (w: ProtoWriter) => w.varint(1, 0), '0800'],
    ['a varint of 300 in field 3', (w: ProtoWriter) => w.varint(3, 300), '18ac02'],
    ['true', (w: ProtoWriter) => w.varint(5, true), '2801'],
    ['-1 as ten bytes', (w: ProtoWriter) => w.varint(1, -1), '08ffffffffffffffffff01'],
    ['2^40', (w: ProtoWriter) => w.varint(1, 2 ** 40), '08808080808020'],
    ['a string in field 2', (w: ProtoWriter) => w.string(2, 'testing'), '120774657374696e67'],
    ['a float (1.5) in field 4', (w: ProtoWriter) => w.float(4, 1.5), '250000c03f'],
    ['packed varints [3, 270, 86942] in field 4', (w: ProtoWriter) => w.packedVarints(4, [3, 270, 86942]), '2206038e029ea705'],
    ['packed floats [1, -2] in field 4', (w: ProtoWriter) => w.packedFloats(4, [1, -2]), '22080000803f000000c0'],
    ['a nested message (field 3 holding 150 in field 1)', (w: ProtoWriter) => w.message(3, (m) => m.varint(1, 150)), '1a03089601'],
    ['a field number above 15 (two-byte tag)', (w: ProtoWriter) => w.varint(16, 1), '800101'],
  ])('writes %s', (_, write, expected) => {
    const w = new ProtoWriter();
    write(w);
    expect(hex(w.finish())).toBe(expected);
  });

  it('writes fields one after another, in the order given', () => {
    expect(hex(new ProtoWriter().varint(1, 1).string(2, 'a').finish())).toBe('08011201' + '61');
  });

  it('refuses a number that is not whole', () => {
    expect(() => new ProtoWriter().varint(1, 1.5)).toThrow('protobuf: 1.5 is not an integer');
  });
});
