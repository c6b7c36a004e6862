// .npy files: the format read from its specification (arrays written by a
// tiny writer in the test helpers), files NumPy itself wrote
// (tests/fixtures/data), and npy(x, y) as a data source, with every
// refusal naming the file and the problem.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { loadNpy, readNpyFile } from '../../../runtime/data/npy.js';
import { NpyFormatError, parseNpy } from '../../../runtime/data/npy-format.js';
import { bytesOf, float32Npy, int64Npy, npyBytes } from '../../helpers/npy-writer.js';
import { tempFolder } from '../../helpers/temp-files.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/data');
const temp = tempFolder('npy');
afterAll(() => temp.remove());

/** The file written into the temp folder, as a train block would name it. */
function file(name: string, bytes: Uint8Array) {
  temp.write(name, bytes);
  return dataFile(temp.dir, name);
}

const fixture = (name: string) => readNpyFile(dataFile(FIXTURES, name));

describe('the .npy format', () => {
  it('reads float32 in C order with its shape', () => {
    const a = parseNpy(float32Npy([1, 2.5, -3, 4, 5, 6], [2, 3]));
    expect(a).toEqual({ type: 'float32', shape: [2, 3], values: Float32Array.from([1, 2.5, -3, 4, 5, 6]) });
  });

  it('reads float64 as float32', () => {
    const a = parseNpy(npyBytes({ descr: '<f8', shape: [3], data: bytesOf(Float64Array.from([0.1, -1e300, 2])) }));
    expect(a.type).toBe('float64');
    expect(a.values).toEqual(Float32Array.from([0.1, -Infinity, 2]));
  });

  it('reads int32, and int64 as int32 when every value fits', () => {
    expect(parseNpy(npyBytes({ descr: '<i4', shape: [2], data: bytesOf(Int32Array.from([-7, 2 ** 31 - 1])) })).values).toEqual(Int32Array.from([-7, 2 ** 31 - 1]));
    const a = parseNpy(int64Npy([-(2 ** 31), -1, 0, 2 ** 31 - 1]));
    expect(a.type).toBe('int64');
    expect(a.values).toEqual(Int32Array.from([-(2 ** 31), -1, 0, 2 ** 31 - 1]));
  });

  it('reads uint8 and bool as bytes (any non-zero bool byte is true)', () => {
    expect(parseNpy(npyBytes({ descr: '|u1', shape: [3], data: Uint8Array.from([0, 128, 255]) })).values).toEqual(Uint8Array.from([0, 128, 255]));
    const b = parseNpy(npyBytes({ descr: '|b1', shape: [3], data: Uint8Array.from([1, 0, 7]) }));
    expect(b).toEqual({ type: 'bool', shape: [3], values: Uint8Array.from([1, 0, 1]) });
  });

  it('reads header versions 2.0 and 3.0 (uint32 lengths; UTF-8 in 3.0)', () => {
    for (const version of [2, 3] as const) {
      const a = parseNpy(npyBytes({ descr: '<f4', shape: [2], data: bytesOf(Float32Array.from([1, 2])), version }));
      expect(a.values).toEqual(Float32Array.from([1, 2]));
    }
  });

  it('reads a scalar, an empty array, and the `3L` sizes of Python 2 headers', () => {
    expect(parseNpy(npyBytes({ descr: '<f4', shape: [], data: bytesOf(Float32Array.from([9])) })).shape).toEqual([]);
    expect(parseNpy(npyBytes({ descr: '<f4', shape: [0, 3], data: new Uint8Array() })).shape).toEqual([0, 3]);
    const header = "{'descr': '<i4', 'fortran_order': False, 'shape': (2L, 1L), }";
    expect(parseNpy(npyBytes({ descr: '', shape: [], header, data: bytesOf(Int32Array.from([4, 5])) }))).toEqual({ type: 'int32', shape: [2, 1], values: Int32Array.from([4, 5]) });
  });

  it('reads data that does not start on an aligned byte', () => {
    const bytes = float32Npy([1.5, -2]);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(parseNpy(shifted.subarray(1)).values).toEqual(Float32Array.from([1.5, -2]));
  });
});

describe('what the .npy reader refuses, and why', () => {
  const f4 = (extra: Partial<Parameters<typeof npyBytes>[0]>) => npyBytes({ descr: '<f4', shape: [2], data: bytesOf(Float32Array.from([1, 2])), ...extra });
  const cases: [string, Uint8Array, RegExp][] = [
    ['not .npy', Buffer.from('x,y\n1,2\n'), /is not a \.npy file \(it does not start with "\\x93NUMPY"\)/],
    ['version 4.0', (() => { const b = f4({}); b[6] = 4; return b; })(), /has format version 4\.0; versions 1\.0, 2\.0 and 3\.0 are read/],
    ['a cut header', f4({}).subarray(0, 40), /is truncated: its header says \d+ bytes, but only 30 follow/],
    ['cut data', f4({}).subarray(0, 131), /is truncated: shape \[2\] of float32 needs 8 bytes of data, but the file has 3/],
    ['bytes after the data', Buffer.concat([f4({}), Buffer.from([0, 0])]), /has 2 bytes after its data \(shape \[2\] of float32 is 8 bytes\)/],
    ['big-endian', f4({ descr: '>f4' }), /is big-endian \('>f4'\); save it little-endian \(arr\.astype\('<f4'\)\)/],
    ['Fortran order', f4({ fortran: true }), /is in Fortran \(column-major\) order; save it in C order/],
    ['objects', f4({ descr: '|O' }), /holds Python objects \(dtype 'object'\)/],
    ['a structured dtype', f4({ header: "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }" }), /holds a structured array/],
    ['float16', f4({ descr: '<f2' }), /has the dtype '<f2', which is not read \(read: float32, float64, int32, int64, uint8, bool\)/],
    ['strings', f4({ descr: '<U3' }), /has the dtype '<U3', which is not read/],
    ['int64 beyond int32', int64Npy([1, 2 ** 40]), /holds int64 values that do not fit in int32: item 1 is 1099511627776/],
    ['a header without shape', f4({ header: "{'descr': '<f4', 'fortran_order': False}" }), /has a header without 'shape'/],
    ['a header that is not a literal', f4({ header: "{'descr': '<f4', 'shape': (2,) 'x'}" }), /has a header that is not a Python dict literal \(expected ',' or '}'/],
    ['a negative size', f4({ header: "{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }" }), /has a shape that is not a tuple of sizes: \[-2\]/],
  ];
  it.each(cases)('%s', (_, bytes, message) => {
    expect(() => parseNpy(bytes)).toThrow(NpyFormatError);
    const f = file('bad.npy', bytes);
    expect(() => readNpyFile(f)).toThrow(DataError);
    expect(() => readNpyFile(f)).toThrow(new RegExp(`^bad\\.npy ${message.source}`));
  });
});

describe('files written by NumPy', () => {
  it('float32, 2 dimensions', () => {
    expect(fixture('float32-2d.npy')).toEqual({ type: 'float32', shape: [3, 4], values: Float32Array.from({ length: 12 }, (_, i) => i * 0.5 - 1) });
  });
  it('float64, 1 dimension', () => {
    expect(fixture('float64-1d.npy')).toEqual({ type: 'float64', shape: [5], values: Float32Array.from([0.1, -2.5, 1e10, 3.25, -0]) });
  });
  it('int64, 3 dimensions', () => {
    expect(fixture('int64-3d.npy')).toEqual({ type: 'int64', shape: [2, 3, 2], values: Int32Array.from({ length: 12 }, (_, i) => i - 5) });
  });
  it('int32, uint8 and bool', () => {
    expect(fixture('int32-1d.npy')).toEqual({ type: 'int32', shape: [4], values: Int32Array.from([0, 2, 1, 2]) });
    expect(fixture('uint8-2d.npy')).toEqual({ type: 'uint8', shape: [2, 3], values: Uint8Array.from([0, 127, 255, 1, 2, 3]) });
    expect(fixture('bool-1d.npy')).toEqual({ type: 'bool', shape: [6], values: Uint8Array.from([1, 0, 0, 1, 1, 0]) });
  });
  it('header versions 2.0 and 3.0', () => {
    expect(fixture('version2.npy')).toEqual({ type: 'float32', shape: [2], values: Float32Array.from([1.5, 2.5]) });
    expect(fixture('version3.npy')).toEqual({ type: 'int32', shape: [1, 2], values: Int32Array.from([7, 8]) });
  });
  it('refuses big-endian, Fortran order, objects and int64 beyond int32, naming the file', () => {
    expect(() => fixture('big-endian.npy')).toThrow("big-endian.npy is big-endian ('>f4')");
    expect(() => fixture('fortran.npy')).toThrow('fortran.npy is in Fortran (column-major) order');
    expect(() => fixture('object.npy')).toThrow("object.npy holds Python objects (dtype 'object')");
    expect(() => fixture('int64-too-large.npy')).toThrow('int64-too-large.npy holds int64 values that do not fit in int32: item 1 is 1099511627776');
  });
});

describe('npy(x, y, split)', () => {
  it('gives float features and integer labels as class ids', () => {
    const x = file('x.npy', float32Npy([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]));
    const y = file('y.npy', int64Npy([0, 2, 1, 2]));
    const raw = loadNpy({ x, y, split: 0.75 });
    expect(raw.inputs).toEqual([{ values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), shape: [2], dtype: 'float32' }]);
    expect(raw.target).toEqual({ values: Int32Array.from([0, 2, 1, 2]), shape: [], dtype: 'int32' });
    expect(raw).toMatchObject({ count: 4, classes: 3, split: 0.75 });
    expect(raw.description).toBe('npy: x.npy [4, 2] float32, y.npy [4] int64: 4 examples, 3 classes');
  });

  it('keeps integer features as int32 (token ids), turns uint8 and bool features into float32, float labels into real values', () => {
    const x = file('tokens.npy', npyBytes({ descr: '<i4', shape: [2, 3], data: bytesOf(Int32Array.from([1, 2, 3, 4, 5, 6])) }));
    const y = file('values.npy', float32Npy([0.5, -1.5]));
    const raw = loadNpy({ x, y, split: 0.5 });
    expect(raw.inputs[0]).toEqual({ values: Int32Array.from([1, 2, 3, 4, 5, 6]), shape: [3], dtype: 'int32' });
    expect(raw.target).toEqual({ values: Float32Array.from([0.5, -1.5]), shape: [], dtype: 'float32' });
    expect(raw.classes).toBeUndefined();
    const pixels = file('pixels.npy', npyBytes({ descr: '|u1', shape: [2, 2], data: Uint8Array.from([0, 255, 10, 20]) }));
    const flags = file('flags.npy', npyBytes({ descr: '|b1', shape: [2], data: Uint8Array.from([1, 0]) }));
    const raw2 = loadNpy({ x: pixels, y: flags, split: 0.5 });
    expect(raw2.inputs[0]).toEqual({ values: Float32Array.from([0, 255, 10, 20]), shape: [2], dtype: 'float32' });
    expect(raw2.target).toEqual({ values: Int32Array.from([1, 0]), shape: [], dtype: 'int32' });
    expect(raw2.classes).toBe(2);
  });

  it("resolves paths against the .nn file's folder", () => {
    temp.write('data/x.npy', float32Npy([1, 2]));
    temp.write('data/y.npy', int64Npy([1, 0]));
    const raw = loadNpy({ x: dataFile(temp.dir, 'data/x.npy'), y: dataFile(temp.dir, 'data/y.npy'), split: 0.5 });
    expect(raw.description).toBe('npy: data/x.npy [2] float32, data/y.npy [2] int64: 2 examples, 2 classes');
    expect(raw.inputs[0]!.shape).toEqual([]);
  });

  it('refuses features and labels of different counts, naming both files and both counts', () => {
    const x = file('x3.npy', float32Npy([1, 2, 3]));
    const y = file('y2.npy', int64Npy([0, 1]));
    expect(() => loadNpy({ x, y, split: 0.8 })).toThrow('x3.npy has 3 examples (its first axis) but y2.npy has 2 labels; they must match');
  });

  it('refuses negative class ids, scalars, empty arrays and missing files', () => {
    const x = file('x2.npy', float32Npy([1, 2]));
    expect(() => loadNpy({ x, y: file('neg.npy', int64Npy([0, -1])), split: 0.8 })).toThrow('neg.npy: item 1: the label -1 is negative; class ids start at 0');
    const scalar = file('scalar.npy', npyBytes({ descr: '<f4', shape: [], data: bytesOf(Float32Array.from([1])) }));
    expect(() => loadNpy({ x: scalar, y: scalar, split: 0.8 })).toThrow('scalar.npy holds a single value (shape ()); its first axis must be the examples');
    const empty = file('empty.npy', npyBytes({ descr: '<f4', shape: [0], data: new Uint8Array() }));
    expect(() => loadNpy({ x: empty, y: empty, split: 0.8 })).toThrow('empty.npy has no examples (its first axis is 0)');
    expect(() => loadNpy({ x: dataFile(temp.dir, 'nowhere/x.npy'), y: x, split: 0.8 })).toThrow(/^nowhere\/x\.npy: no such file or folder \(looked for .*nowhere\/x\.npy\)$/);
  });
});
