// csv(path, label, split) on real files: values, shapes and the label
// mapping; quoting; files read in chunks (line breaks, CRLF and UTF-8
// characters split across chunks); and every error with its file:line.

import { afterAll, describe, expect, it } from 'vitest';
import { loadCsv, splitCsvRecord } from '../../../runtime/data/csv.js';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { readLines } from '../../../runtime/data/lines.js';
import { tempFolder } from '../../helpers/temp-files.js';

const temp = tempFolder('csv');
afterAll(() => temp.remove());

function csv(name: string, text: string, label = 'label', split = 0.8) {
  temp.write(name, text);
  return loadCsv({ file: dataFile(temp.dir, name), label, split });
}

describe('csv(path, label, split)', () => {
  it('gives every column but the label as float features, and integer labels as class ids', () => {
    const raw = csv('ints.csv', 'a,b,label\n1,2,0\n3.5,-4e-1,2\n5,6,1\n');
    expect(raw.inputs).toEqual([{ values: Float32Array.from([1, 2, 3.5, -0.4, 5, 6]), shape: [2], dtype: 'float32' }]);
    expect(raw.target).toEqual({ values: Int32Array.from([0, 2, 1]), shape: [], dtype: 'int32' });
    expect(raw).toMatchObject({ count: 3, classes: 3, split: 0.8 });
    expect(raw.classNames).toBeUndefined();
    expect(raw.description).toBe('csv: ints.csv, 3 rows of 2 features, 3 classes');
  });

  it('takes the label from any column, by the name given', () => {
    const raw = csv('middle.csv', 'x,species,y\n1,7,2\n3,9,4\n', 'species');
    expect(raw.inputs[0]!.values).toEqual(Float32Array.from([1, 2, 3, 4]));
    expect(raw.target!.values).toEqual(Int32Array.from([7, 9]));
    expect(raw.classes).toBe(10);
  });

  it('maps names to class ids in sorted order, and keeps the names', () => {
    const raw = csv('names.csv', 'f,label\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n');
    expect(raw.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(raw.target).toEqual({ values: Int32Array.from([2, 0, 1, 0]), shape: [], dtype: 'int32' });
    expect(raw.classes).toBe(3);
    expect(raw.description).toBe('csv: names.csv, 4 rows of 1 feature, 3 classes (setosa, versicolor, virginica)');
  });

  it('gives real-valued labels as regression targets', () => {
    const raw = csv('prices.csv', 'rooms,price\n3,250000.0\n2,1.5e5\n4,300000\n', 'price');
    expect(raw.target).toEqual({ values: Float32Array.from([250000, 150000, 300000]), shape: [], dtype: 'float32' });
    expect(raw.classes).toBeUndefined();
    expect(raw.description).toBe('csv: prices.csv, 3 rows of 1 feature, real-valued targets');
  });

  it('reads quoted fields with commas, "" quotes and line breaks; CRLF; a byte-order mark; blank lines', () => {
    const text = '\uFEFF"first, feature",label\r\n"1",  "a ""quoted"", name"\r\n\r\n2,"two\nlines"\r\n 3 ,"plain"\r\n';
    const raw = csv('quoted.csv', text);
    expect(raw.inputs[0]!.values).toEqual(Float32Array.from([1, 2, 3]));
    expect(raw.classNames).toEqual(['a "quoted", name', 'plain', 'two\nlines']);
  });

  it('counts lines past blank lines and quoted line breaks in its messages', () => {
    expect(() => csv('lines.csv', 'a,label\n\n1,"x\ny"\n\nz,1\n')).toThrow("lines.csv:6:1: the value of 'a' is 'z', not a number");
  });

  it('reads a file much larger than one chunk', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},${i * 0.5},${i % 7}`);
    const raw = csv('large.csv', `x,y,label\n${rows.join('\n')}`);
    expect(raw.count).toBe(20000);
    expect(raw.classes).toBe(7);
    expect(raw.inputs[0]!.values.subarray(2 * 19999)).toEqual(Float32Array.from([19999, 9999.5]));
  });
});

describe('CSV records', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,', ['a', '', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",2', ['say "hi"', '2']],
    ['1, "spaced" ,3', ['1', 'spaced', '3']],
    ['""', ['']],
  ])('%s', (text, fields) => {
    expect(splitCsvRecord(text)).toEqual({ fields });
  });

  it('is open while a quoted field goes on, and refuses text after a closing quote', () => {
    expect(splitCsvRecord('1,"two')).toEqual({ open: true });
    expect(splitCsvRecord('"ab"c,1')).toEqual({ problem: `field 1 goes on after its closing quote ('c'); write "" for a quote inside a quoted field` });
  });
});

describe('lines read in chunks', () => {
  it('splits lines, CRLF endings and UTF-8 characters across chunk boundaries the same as whole', () => {
    const text = 'é,ü\r\nnaïve,日本語\r\n\r\n€uro\nlast';
    temp.write('utf8.txt', text);
    const whole = [...readLines(dataFile(temp.dir, 'utf8.txt'))];
    expect(whole.map((l) => [l.text, l.end, l.number])).toEqual([['é,ü', '\r\n', 1], ['naïve,日本語', '\r\n', 2], ['', '\r\n', 3], ['€uro', '\n', 4], ['last', '', 5]]);
    for (const size of [1, 2, 3, 5, 7]) expect([...readLines(dataFile(temp.dir, 'utf8.txt'), size)]).toEqual(whole);
  });
});

describe('CSV errors name the file and line', () => {
  const cases: [string, string, string][] = [
    ['no label column', 'a,b,target\n1,2,3\n', "bad.csv:1: no column 'label' for the labels (columns: a, b, target); name it with csv(label: \"...\")"],
    ['only the label', 'label\n1\n', "bad.csv:1: has only the label column 'label', no features"],
    ['too few fields', 'a,b,label\n1,2,0\n1,2\n', 'bad.csv:3: 2 fields, but the header has 3 columns (a, b, label)'],
    ['too many fields', 'a,label\n1,2,3\n', 'bad.csv:2: 3 fields, but the header has 2 columns (a, label)'],
    ['text for a number', 'a,label\n1,0\nabc,1\n', "bad.csv:3:1: the value of 'a' is 'abc', not a number"],
    ['NaN', 'a,label\nNaN,0\n', "bad.csv:2:1: the value of 'a' is NaN"],
    ['an empty value', 'a,b,label\n1,,0\n', "bad.csv:2:3: the value of 'b' is empty"],
    ['infinity', 'a,label\n-Infinity,0\n', "bad.csv:2:1: the value of 'a' is -Infinity, not a finite number"],
    ['an empty label', 'a,label\n1,0\n2,\n', 'bad.csv:3: the label is empty'],
    ['a NaN label', 'a,label\n1,0.5\n2,nan\n', 'bad.csv:3: the label is nan'],
    ['a negative class id', 'a,label\n1,0\n2,-1\n', 'bad.csv:3: the label -1 is negative; class ids start at 0 (write real values, such as -1.0, for regression)'],
    ['an unclosed quote', 'a,label\n1,"open\n2,0\n', 'bad.csv:2:3: a quoted field is not closed before the end of the file'],
    ['text after a quote', 'a,label\n"1"x,0\n', `bad.csv:2:4: field 1 goes on after its closing quote ('x'); write "" for a quote inside a quoted field`],
    ['an empty file', '', 'bad.csv: is empty; a CSV file starts with a header row naming its columns'],
    ['no rows', 'a,label\n\n', 'bad.csv: has a header row but no data rows'],
  ];
  it.each(cases)('%s', (_, text, message) => {
    expect(() => csv('bad.csv', text)).toThrow(DataError);
    expect(() => csv('bad.csv', text)).toThrow(message);
  });

  it('a missing file', () => {
    expect(() => loadCsv({ file: dataFile(temp.dir, 'data/missing.csv'), label: 'label', split: 0.8 })).toThrow(/^data\/missing\.csv: no such file or folder \(looked for .*missing\.csv\)$/);
  });
});

describe('CSV values are decimal numbers within float32', () => {
  it.each([
    ['hexadecimal', 'a,label\n0x10,0\n', "bad.csv:2:1: the value of 'a' is '0x10', not a decimal number"],
    ['binary, in the second column', 'label,a\n0,  0b1\n', "bad.csv:2:3: the value of 'a' is '0b1', not a decimal number"],
    ['beyond float32', 'a,label\n1e39,0\n', "bad.csv:2:1: the value of 'a' is 1e39, beyond the range of float32 (±3.4e38)"],
    ['beyond every float', 'a,label\n-1e999,0\n', "bad.csv:2:1: the value of 'a' is -1e999, beyond the range of float32 (±3.4e38)"],
    ['a real label beyond float32', 'a,label\n1,0.5\n2,1e39\n', 'bad.csv:3: the label is 1e39, beyond the range of float32 (±3.4e38)'],
  ])('%s', (_, text, message) => {
    expect(() => csv('bad.csv', text)).toThrow(new DataError(message));
  });

  it('reads every decimal form: signs, a leading or trailing point, exponents', () => {
    const raw = csv('decimal.csv', 'a,label\n+1,0\n-.5,0\n5.,0\n1e-3,0\n2E+2,0\n');
    expect(raw.inputs[0]!.values).toEqual(Float32Array.from([1, -0.5, 5, 1e-3, 200]));
  });

  it('takes labels written 0x10 as names, never as 16', () => {
    expect(csv('hex-labels.csv', 'a,label\n1,0x10\n2,0x20\n').classNames).toEqual(['0x10', '0x20']);
  });
});

describe('CSV column names', () => {
  it('refuses two columns of one name, naming both', () => {
    expect(() => csv('bad.csv', 'a,b, a,label\n1,2,3,0\n')).toThrow(new DataError("bad.csv:1:5: columns 1 and 3 are both named 'a'; give each column its own name"));
  });
});

describe('CSV line breaks', () => {
  it('keeps the line break written inside quotes: \\r\\n, \\n or \\r', () => {
    const raw = csv('breaks.csv', 'a,label\r\n1,"crlf\r\nend"\r\n2,"lf\nend"\r\n3,"cr\rend"\r\n');
    expect(raw.classNames).toEqual(['cr\rend', 'crlf\r\nend', 'lf\nend']);
  });

  it('reads a file whose lines end in a lone \\r (RFC 4180 readers do), counting its lines', () => {
    const raw = csv('cr.csv', 'a,label\r1,0\r2,1\r');
    expect(raw.count).toBe(2);
    expect(() => csv('cr-bad.csv', 'a,label\r1,0\rz,1\r')).toThrow(new DataError("cr-bad.csv:3:1: the value of 'a' is 'z', not a number"));
  });

  it('scans each line once: a stray quote before 200,000 lines is one message at the quote', () => {
    // re-scanning the open field from its start at every line took minutes here (quadratic)
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${i % 3}`).join('\n');
    expect(() => csv('stray.csv', `a,label\n1,"0\n${rows}\n`)).toThrow(new DataError('stray.csv:2:3: a quoted field is not closed before the end of the file'));
  });

  it('a quoted field over many lines is one field with every line break', () => {
    const inside = Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n');
    const raw = csv('long-field.csv', `a,label\n1,"${inside}"\n2,x\n`);
    expect(raw.classNames).toEqual([inside, 'x']);
    expect(raw.count).toBe(2);
  });
});
