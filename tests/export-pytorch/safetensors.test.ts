// The safetensors format both ways: what encodeSafetensors writes,
// decodeSafetensors reads back unchanged; a damaged file is a
// SafetensorsError that says what is wrong, never a crash.

import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors, SafetensorsError, type SafeTensor } from '../../runtime/export/pytorch/safetensors.js';
import { inversePermutation } from '../../runtime/export/pytorch/torch-to-tfjs-weights.js';

const tensors = new Map<string, SafeTensor>([
  ['dense.weight', { dtype: 'F32', shape: [2, 3], data: Float32Array.from([1.5, -2, 0, 3.25, -0, 1e-30]) }],
  ['bn.num_batches_tracked', { dtype: 'I64', shape: [], data: BigInt64Array.from([7n]) }],
  ['empty', { dtype: 'F32', shape: [0, 4], data: new Float32Array(0) }],
]);
const encoded = encodeSafetensors(tensors, { format: 'pt' });

describe('decodeSafetensors', () => {
  it('reads back what encodeSafetensors wrote', () => {
    const decoded = decodeSafetensors(encoded);
    expect([...decoded.keys()].sort()).toEqual([...tensors.keys()].sort());
    for (const [name, t] of tensors) expect(decoded.get(name)).toEqual(t);
  });

  const header = (json: object) => {
    const text = Buffer.from(JSON.stringify(json));
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(text.length));
    return Buffer.concat([size, text, Buffer.alloc(16)]);
  };
  it.each([
    ['too short', Buffer.alloc(4), /shorter than its 8-byte header length/],
    ['truncated', encoded.subarray(0, 40), /header says \d+ bytes, but the file has 32/],
    ['a header that is not JSON', Buffer.concat([Buffer.from([3, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{x}')]), /header is not JSON/],
    ['bytes outside the file', header({ w: { dtype: 'F32', shape: [8], data_offsets: [0, 32] } }), /w's bytes \[0, 32\) lie outside the file/],
    ['a count that does not fit the shape', header({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }), /w has 8 bytes for 3 float32 values/],
    ['another dtype', header({ w: { dtype: 'BF16', shape: [2], data_offsets: [0, 4] } }), /w is BF16; only F32 and I64 are read/],
    ['no shape', header({ w: { dtype: 'F32', data_offsets: [0, 4] } }), /w has no valid shape/],
  ])('%s: says so', (_, bytes, message) => {
    expect(() => decodeSafetensors(bytes)).toThrow(SafetensorsError);
    expect(() => decodeSafetensors(bytes)).toThrow(message);
  });
});

describe('inversePermutation', () => {
  it.each([
    [[1, 0], [1, 0]],
    [[3, 2, 0, 1], [2, 3, 1, 0]],
    [[2, 0, 1], [1, 2, 0]],
  ])('%j is undone by %j', (perm, inverse) => {
    expect(inversePermutation(perm)).toEqual(inverse);
    // applying one then the other gives the axes back
    expect(inverse.map((i) => perm[i])).toEqual(perm.map((_, i) => i));
  });
});
