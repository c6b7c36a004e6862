// Text files line by line: \n, \r\n and a lone \r end lines (each line with
// its ending and number), and the limits hold while reading: no line past
// the line limit and no file past the file limit is ever held whole.

import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { readLines } from '../../../runtime/data/lines.js';
import { tempFolder } from '../../helpers/temp-files.js';

const temp = tempFolder('lines');
afterAll(() => temp.remove());

const lines = (name: string, chunk?: number, limits?: { line: number; file: number }) => [...readLines(dataFile(temp.dir, name), chunk, limits)].map((l) => [l.text, l.end, l.number]);

describe('line endings', () => {
  it('a lone \\r ends a line as \\n and \\r\\n do, in chunks of any size', () => {
    temp.write('mixed.txt', 'a\rb\r\nc\nd\r\re');
    const whole = lines('mixed.txt');
    expect(whole).toEqual([['a', '\r', 1], ['b', '\r\n', 2], ['c', '\n', 3], ['d', '\r', 4], ['', '\r', 5], ['e', '', 6]]);
    for (const size of [1, 2, 3]) expect(lines('mixed.txt', size)).toEqual(whole);
  });

  it('a file that ends in \\r, or in \\r split from its \\n by a chunk', () => {
    temp.write('cr-end.txt', 'x\r');
    expect(lines('cr-end.txt', 1)).toEqual([['x', '\r', 1]]);
    temp.write('crlf.txt', 'x\r\ny');
    expect(lines('crlf.txt', 2)).toEqual([['x', '\r\n', 1], ['y', '', 2]]);
  });
});

describe('lines of any text, in chunks of any size', () => {
  /** The lines as a reference splitter sees them, whole. */
  const reference = (text: string) =>
    [...text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)].filter((m) => m[0] !== '' || m.index! < text.length).map((m, i) => [m[1], m[2], i + 1]);

  it('agree with a whole-text split for random mixes of \n, \r, \r\n and UTF-8', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const alphabet = ['a', 'b', '\r', '\n', '\r\n', 'é', '日'];
    for (let trial = 0; trial < 200; trial++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      temp.write('random.txt', text);
      for (const chunk of [1, 2, 3, 5, 64]) expect(lines('random.txt', chunk), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('limits, enforced while reading', () => {
  it('a line longer than the line limit is an error at its line, whatever the chunk size', () => {
    temp.write('long.txt', `short\n${'x'.repeat(100)}\n`);
    for (const chunk of [7, 1 << 16]) {
      expect(() => lines('long.txt', chunk, { line: 99, file: 1000 })).toThrow(new DataError('long.txt:2: the line is longer than 99 characters, the most nn reads in one line'));
    }
    expect(lines('long.txt', 7, { line: 100, file: 1000 })).toHaveLength(2);
  });

  it('a file over the file limit is an error once the limit is passed', () => {
    temp.write('many.txt', 'line\n'.repeat(100));
    expect(() => lines('many.txt', 64, { line: 100, file: 200 })).toThrow(new DataError('many.txt: is over 200 bytes; nn reads data files of up to 200 bytes'));
  });

  it('a 1 GB file of one line stops at the 16 Mi-character line limit, having read little more', () => {
    // sparse: 1 GB of zero bytes, one line, no disk used
    const fd = openSync(join(temp.dir, 'one-line.csv'), 'w');
    ftruncateSync(fd, 1_000_000_000);
    closeSync(fd);
    expect(() => lines('one-line.csv')).toThrow(new DataError('one-line.csv:1: the line is longer than 16,777,216 characters, the most nn reads in one line'));
  });
});
