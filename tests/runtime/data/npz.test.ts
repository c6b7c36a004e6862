// .npz archives: the zip reader on archives NumPy wrote (stored, deflated,
// one of each) and on archives the test writer makes, including every
// kind it refuses; npz(path, x, y) picking arrays by name.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { loadNpz } from '../../../runtime/data/npz.js';
import { memberData, zipMembers } from '../../../runtime/data/zip.js';
import { float32Npy, int64Npy, npyBytes } from '../../helpers/npy-writer.js';
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

  it("finds the end record by its comment's length, not a copy of its signature inside the comment", () => {
    const lookalike = `PK\x05\x06${'\0'.repeat(18)}tail`;
    const raw = loadNpz({ file: archive('lookalike.npz', xy(8), { comment: lookalike }), x: 'x', y: 'y', split: 0.6 });
    expect(raw.inputs[0]!.values).toEqual(FEATURES);
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

describe('the arrays\' headers are read before any data is inflated', () => {
  const MiB = 2 ** 20;
  /** An .npy header alone (no data) for `shape` of `descr`. */
  const header = (descr: string, shape: number[]) => npyBytes({ descr, shape, data: new Uint8Array(0) });
  /** Deflated blocks that a stream can go on after (a full flush: byte-aligned, not final). */
  const block = (bytes: Uint8Array) => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const zerosMiB = block(new Uint8Array(MiB));
  const finalBlock = deflateRawSync(new Uint8Array(0));
  /** A member whose header is followed by `mib` MiB of zeros: about 1 KB per MiB, built without the zeros. */
  const bomb = (name: string, head: Uint8Array, mib: number): ZipInput => ({
    name,
    method: 8,
    data: head,
    stored: Buffer.concat([block(head), ...Array<Buffer>(mib).fill(zerosMiB), finalBlock]),
    size: head.length + mib * MiB,
  });
  const load = (name: string, members: ZipInput[]) => () => loadNpz({ file: archive(name, members), x: 'x', y: 'y', split: 0.8 });

  it('x and y of different counts are refused from their headers: x\'s data is never inflated', () => {
    // past its first MiB, x's data is not deflate data at all: inflating it would fail
    const head = header('<f4', [1000, 1024]);
    const x: ZipInput = { name: 'x.npy', method: 8, data: head, stored: Buffer.concat([block(head), zerosMiB, Buffer.alloc(64, 0xff)]), size: head.length + 4 * 1000 * 1024 };
    expect(load('counts.npz', [x, { name: 'y.npy', data: int64Npy([0, 1, 2, 1, 0]), method: 8 }])).toThrow(
      new DataError('counts.npz: x has 1000 examples (its first axis) but counts.npz: y has 5 labels; they must match'),
    );
  });

  it('a 3 MB archive that would unpack to 3 GiB is refused by its size before inflating', () => {
    const count = 3 * MiB;
    const members = [bomb('x.npy', header('<f4', [count, 256]), 3 * 1024), bomb('y.npy', header('<i8', [count]), 24)];
    expect(load('bomb.npz', members)).toThrow(
      new DataError('bomb.npz: its arrays x [3145728, 256] float32 and y [3145728] int64 need 3 GiB (3,246,391,552 bytes) unpacked; nn reads up to 2 GiB (2,147,483,648 bytes) of data from one file'),
    );
  });

  it('a member that inflates past the size its directory gives is cut there', () => {
    const head = header('<f4', [4, 2]);
    const x = { ...bomb('x.npy', head, 64), size: head.length + 32 };
    expect(load('longer.npz', [x, { name: 'y.npy', data: int64Npy([0, 1, 2, 1]) }])).toThrow(
      new DataError(`longer.npz member 'x.npy' unpacks to more than the ${head.length + 32} bytes the directory says (damaged archive)`),
    );
  });

  it('a header whose shape needs more data than its member holds is refused before inflating', () => {
    const x = bomb('x.npy', header('<f4', [1000, 1000]), 1);
    expect(load('short.npz', [x, { name: 'y.npy', data: int64Npy([0]) }])).toThrow(
      new DataError('short.npz: x is truncated: shape [1000, 1000] of float32 needs 4000000 bytes of data, but the member has 1048576'),
    );
  });

  it('a header longer than a megabyte is refused', () => {
    const head = npyBytes({ descr: '<f4', shape: [1], data: new Uint8Array(4), version: 2, header: `{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }${' '.repeat(2 * MiB)}` });
    expect(load('long-header.npz', [{ name: 'x.npy', data: head, method: 8 }, { name: 'y.npy', data: int64Npy([0]) }])).toThrow(
      new DataError(`long-header.npz: x has a header of ${head.length - 4} bytes; nn reads headers of up to 1048576 bytes`),
    );
  });
});
