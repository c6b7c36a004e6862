// .npz archives: the zip reader on archives NumPy wrote (stored, deflated,
// one of each) and on archives the test writer makes, including every
// kind it refuses; npz(path, x, y) picking arrays by name.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { loadNpz } from '../../../runtime/data/npz.js';
import { memberData, zipMembers } from '../../../runtime/data/zip.js';
import { float32Npy, int64Npy } from '../../helpers/npy-writer.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { type ZipInput, type ZipSwitches, zipBytes } from '../../helpers/zip-writer.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/data');
const temp = tempFolder('npz');
afterAll(() => temp.remove());

const FEATURES = Float32Array.from({ length: 10 }, (_, i) => i);
const LABELS = Int32Array.from([0, 1, 2, 1, 0]);

function archive(name: string, members: ZipInput[], switches?: ZipSwitches) {
  temp.write(name, zipBytes(members, switches));
  return dataFile(temp.dir, name);
}

const xy = (method = 0): ZipInput[] => [
  { name: 'x.npy', data: float32Npy([...FEATURES], [5, 2]), method },
  { name: 'y.npy', data: int64Npy([...LABELS]), method },
];

describe('archives written by NumPy', () => {
  it.each([
    ['stored.npz', 'x', 'y'],
    ['compressed.npz', 'features', 'labels'],
    ['mixed.npz', 'x', 'y'],
  ])('%s', (name, x, y) => {
    const raw = loadNpz({ file: dataFile(FIXTURES, name), x, y, split: 0.8 });
    expect(raw.inputs).toEqual([{ values: FEATURES, shape: [2], dtype: 'float32' }]);
    expect(raw.target).toEqual({ values: LABELS, shape: [], dtype: 'int32' });
    expect(raw).toMatchObject({ count: 5, classes: 3, split: 0.8 });
    expect(raw.description).toBe(`npz: ${name}: ${x} [5, 2] float32, ${name}: ${y} [5] int64: 5 examples, 3 classes`);
  });

  it('lists the members with their methods and sizes from the central directory', () => {
    const bytes = readFileSync(join(FIXTURES, 'mixed.npz'));
    const members = zipMembers(bytes);
    expect(members.map((m) => [m.name, m.method, m.size])).toEqual([
      ['x.npy', 0, 168],
      ['y.npy', 8, 168],
    ]);
    expect(memberData(bytes, members[1]!).length).toBe(168);
  });
});

describe('npz(path, x, y, split)', () => {
  it('reads stored and deflated members, and an archive with a comment', () => {
    for (const [name, method, switches] of [['stored.npz', 0, {}], ['deflated.npz', 8, {}], ['comment.npz', 8, { comment: 'made by a test' }]] as const) {
      const raw = loadNpz({ file: archive(name, xy(method), switches), x: 'x', y: 'y', split: 0.6 });
      expect(raw.inputs[0]!.values).toEqual(FEATURES);
      expect(raw.target!.values).toEqual(LABELS);
    }
  });

  it('ignores members that are not arrays', () => {
    const raw = loadNpz({ file: archive('extra.npz', [...xy(), { name: 'README.txt', data: Buffer.from('hello') }]), x: 'x', y: 'y', split: 0.6 });
    expect(raw.count).toBe(5);
  });

  it('lists the arrays when one asked for is missing', () => {
    const file = archive('named.npz', xy());
    expect(() => loadNpz({ file, x: 'images', y: 'y', split: 0.8 })).toThrow("named.npz has no array 'images' (arrays: x, y)");
    expect(() => loadNpz({ file: archive('none.npz', []), x: 'x', y: 'y', split: 0.8 })).toThrow("none.npz has no array 'x' (arrays: none)");
  });

  it('names the archive and the array when an array is not valid .npy', () => {
    const file = archive('badarray.npz', [xy()[0]!, { name: 'y.npy', data: Buffer.from('not numpy') }]);
    expect(() => loadNpz({ file, x: 'x', y: 'y', split: 0.8 })).toThrow('badarray.npz: y is not a .npy file (it does not start with "\\x93NUMPY")');
  });
});

describe('what the zip reader refuses, and why', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['not a zip', () => float32Npy([1]), 'is not a zip archive (no end of central directory record; truncated?)'],
    ['a cut archive', () => zipBytes(xy()).subarray(0, 200), 'is not a zip archive (no end of central directory record; truncated?)'],
    ['zip64', () => zipBytes(xy(), { zip64Locator: true }), 'needs zip64 (over 4 GiB, or over 65,535 members), which is not read'],
    ['65,535 members', () => zipBytes(xy(), { count: 0xffff }), 'needs zip64 (over 4 GiB, or over 65,535 members), which is not read'],
    ['encryption', () => zipBytes([xy()[0]!, { ...xy()[1]!, encrypted: true }]), "member 'y.npy' is encrypted, which is not read"],
    ['bzip2', () => zipBytes([xy()[0]!, { ...xy()[1]!, method: 12 }]), "member 'y.npy' uses compression method 12; stored (0) and deflate (8) are read"],
    ['a wrong CRC', () => zipBytes([xy()[0]!, { ...xy()[1]!, crc: 1234 }]), "member 'y.npy' fails its CRC-32 check (damaged archive)"],
    ['damaged deflate data', () => damage(zipBytes(xy(8)), 60), "member 'x.npy' does not inflate ("],
  ];
  it.each(cases)('%s', (_, bytes, message) => {
    temp.write('bad.npz', bytes());
    const file = dataFile(temp.dir, 'bad.npz');
    expect(() => loadNpz({ file, x: 'x', y: 'y', split: 0.8 })).toThrow(DataError);
    expect(() => loadNpz({ file, x: 'x', y: 'y', split: 0.8 })).toThrow(`bad.npz ${message}`);
  });

  it('refuses a missing archive, naming it', () => {
    expect(() => loadNpz({ file: dataFile(temp.dir, 'absent.npz'), x: 'x', y: 'y', split: 0.8 })).toThrow(/^absent\.npz: no such file or folder/);
  });
});

/** The bytes with those from `at` on overwritten. */
function damage(bytes: Uint8Array, at: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out.fill(0xff, at, at + 20);
  return out;
}
