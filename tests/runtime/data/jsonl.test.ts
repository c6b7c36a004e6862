// jsonl(path, x, y, split) on real files: nested features and their shape,
// the label mapping, and every error with its file:line.

import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { loadJsonl } from '../../../runtime/data/jsonl.js';
import { tempFolder } from '../../helpers/temp-files.js';

const temp = tempFolder('jsonl');
afterAll(() => temp.remove());

function jsonl(name: string, lines: (string | object)[], fields: { x?: string; y?: string } = {}) {
  temp.write(name, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return loadJsonl({ file: dataFile(temp.dir, name), x: fields.x ?? 'x', y: fields.y ?? 'y', split: 0.5 });
}

describe('jsonl(path, x, y, split)', () => {
  it('gives nested arrays with their shape, and integer labels as class ids', () => {
    const raw = jsonl('grid.jsonl', [
      { x: [[1, 2], [3, 4]], y: 1 },
      { x: [[5, 6], [7, 8.5]], y: 0 },
    ]);
    expect(raw.inputs).toEqual([{ values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8.5]), shape: [2, 2], dtype: 'float32' }]);
    expect(raw.target).toEqual({ values: Int32Array.from([1, 0]), shape: [], dtype: 'int32' });
    expect(raw).toMatchObject({ count: 2, classes: 2, split: 0.5 });
    expect(raw.description).toBe('jsonl: grid.jsonl, 2 examples of shape [2, 2], 2 classes');
  });

  it('takes a single number as an example of shape [], and names as class ids in sorted order', () => {
    const raw = jsonl('names.jsonl', [{ x: 0.5, y: 'dog' }, '', { x: 1, y: 'cat' }, { x: 2, y: 'dog' }]);
    expect(raw.inputs[0]!.shape).toEqual([]);
    expect(raw.classNames).toEqual(['cat', 'dog']);
    expect(raw.target!.values).toEqual(Int32Array.from([1, 0, 1]));
  });

  it('gives real-valued labels as regression targets, and reads other field names', () => {
    const raw = jsonl('fields.jsonl', [{ features: [1, 2, 3], price: 1.5, id: 'a' }, { features: [4, 5, 6], price: 2, id: 'b' }], { x: 'features', y: 'price' });
    expect(raw.target).toEqual({ values: Float32Array.from([1.5, 2]), shape: [], dtype: 'float32' });
    expect(raw.classes).toBeUndefined();
    expect(raw.inputs[0]!.shape).toEqual([3]);
  });
});

describe('JSONL errors name the file and line', () => {
  const cases: [string, (string | object)[], string][] = [
    ['invalid JSON', [{ x: [1], y: 0 }, '{"x": [1], "y": }'], 'bad.jsonl:2: not valid JSON ('],
    ['an array line', [[1, 2]], 'bad.jsonl:1: not a JSON object but an array; each line is one example, {"x": ..., "y": ...}'],
    ['no x', [{ features: [1], y: 0 }], "bad.jsonl:1: no field 'x' (fields: features, y)"],
    ['no y', [{ x: [1], y: 0 }, { x: [2] }], "bad.jsonl:2: no field 'y' (fields: x)"],
    ['ragged x', [{ x: [[1, 2], [3]], y: 0 }], "bad.jsonl:1: 'x[1]' has shape [1], but 'x[0]' has [2]; arrays must be rectangular"],
    ['shapes that differ between lines', [{ x: [1, 2], y: 0 }, '', { x: [1, 2, 3], y: 1 }], "bad.jsonl:3: 'x' has shape [3], but on line 1 it has [2]"],
    ['a string in x', [{ x: [1, 'two'], y: 0 }], "bad.jsonl:1: 'x[1]' is the string \"two\", not a number or an array of numbers"],
    ['null in x', [{ x: [[1], [null]], y: 0 }], "bad.jsonl:1: 'x[1][0]' is null, not a number or an array of numbers"],
    ['a boolean label', [{ x: [1], y: true }], "bad.jsonl:1: the label 'y' is the boolean true, not a number or a name"],
    ['an empty label', [{ x: [1], y: '' }], "bad.jsonl:1: the label 'y' is empty"],
    ['names and numbers', [{ x: [1], y: 0 }, { x: [2], y: 'cat' }], 'bad.jsonl:2: the label is a string, but the one at bad.jsonl:1 is a number; labels are all numbers or all names'],
    ['a negative class id', [{ x: [1], y: 0 }, { x: [2], y: -3 }], 'bad.jsonl:2: the label -3 is negative; class ids start at 0'],
    ['no examples', ['', '  '], 'bad.jsonl: has no examples (no lines with a JSON object)'],
  ];
  it.each(cases)('%s', (_, lines, message) => {
    expect(() => jsonl('bad.jsonl', lines)).toThrow(DataError);
    expect(() => jsonl('bad.jsonl', lines)).toThrow(message);
  });

  it('a missing file', () => {
    expect(() => loadJsonl({ file: dataFile(temp.dir, 'missing.jsonl'), x: 'x', y: 'y', split: 0.8 })).toThrow(/^missing\.jsonl: no such file or folder/);
  });
});

describe('JSONL numbers fit float32', () => {
  it.each([
    ['1e999 in x (JSON reads Infinity)', ['{"x": [1, 2], "y": 0}', '{"x": [1, 1e999], "y": 1}'], "bad.jsonl:2: 'x[1]' is too large: it reads as Infinity, beyond the range of float32 (±3.4e38)"],
    ['-1e999 deep in x', ['{"x": [[1], [-1e999]], "y": 0}'], "bad.jsonl:1: 'x[1][0]' is too large: it reads as Infinity, beyond the range of float32 (±3.4e38)"],
    ['1e39 in x (finite, but not in float32)', ['{"x": 1e39, "y": 0}'], "bad.jsonl:1: 'x' is 1e+39, beyond the range of float32 (±3.4e38)"],
    ['1e999 as a label', ['{"x": 1, "y": 0.5}', '{"x": 2, "y": 1e999}'], 'bad.jsonl:2: the label is too large: it reads as Infinity, beyond the range of float32 (±3.4e38)'],
  ])('%s', (_, lines, message) => {
    expect(() => jsonl('bad.jsonl', lines)).toThrow(new DataError(message));
  });
});

describe('JSONL nesting', () => {
  it('a line nested 100,000 deep is one message at the bracket past the limit, before it is parsed', () => {
    const deep = `{"x": ${'['.repeat(100_000)}1${']'.repeat(100_000)}, "y": 0}`;
    expect(() => jsonl('deep.jsonl', ['{"x": [1], "y": 0}', deep])).toThrow(new DataError('deep.jsonl:2:70: nests more than 64 arrays and objects deep; an example is at most 63 arrays deep'));
  });

  it('counts brackets outside strings only', () => {
    const raw = jsonl('strings.jsonl', [`{"x": [1], "y": "${'['.repeat(100)}\\"${'{'.repeat(100)}"}`]);
    expect(raw.classNames).toEqual([`${'['.repeat(100)}"${'{'.repeat(100)}`]);
  });

  it('reads an example 63 arrays deep', () => {
    const raw = jsonl('deepest.jsonl', [`{"x": ${'['.repeat(63)}1${']'.repeat(63)}, "y": 0}`]);
    expect(raw.inputs[0]!.shape).toEqual(Array(63).fill(1));
  });
});
