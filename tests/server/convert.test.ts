// The server's conversions as plain functions (no process): offsets <->
// positions, paths <-> URIs.

import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../core/text/line-index.js';
import { fromLspRange, LineIndexes, pathToUri, toLspRange, uriToPath } from '../../server/convert.js';
// Importing the entry point keeps all of server/ in the type-checked program (tsconfig includes tests/).
import { main } from '../../server/main.js';

describe('conversions', () => {
  test('offsets and LSP ranges round-trip, in UTF-16 code units, across CRLF', () => {
    const text = 'a🙂b\r\ncd\nef';
    const lines = new LineIndex(text);
    expect(toLspRange(lines, { start: 3, end: 8 })).toEqual({ start: { line: 0, character: 3 }, end: { line: 1, character: 2 } });
    expect(fromLspRange(lines, { start: { line: 0, character: 3 }, end: { line: 1, character: 2 } })).toEqual({ start: 3, end: 8 });
    expect(toLspRange(lines, { start: 0, end: 999 }).end).toEqual({ line: 2, character: 2 });
  });

  test('file paths and URIs', () => {
    expect(pathToUri('/tmp/a b/m.nn')).toBe('file:///tmp/a%20b/m.nn');
    expect(uriToPath('file:///tmp/a%20b/m.nn')).toBe('/tmp/a b/m.nn');
    expect(uriToPath('untitled:Untitled-1')).toBe('untitled:Untitled-1');
    expect(pathToUri('untitled:Untitled-1')).toBe('untitled:Untitled-1');
  });

  test('other files are indexed once, and an unreadable one has no index', () => {
    let reads = 0;
    const indexes = new LineIndexes((f) => (reads++, f === '/a.nn' ? 'x\ny' : undefined));
    expect(indexes.get('/a.nn')!.lineCount).toBe(2);
    expect(indexes.get('/a.nn')!.lineCount).toBe(2);
    expect(indexes.get('/b.nn')).toBeUndefined();
    expect(reads).toBe(2);
    expect(typeof main).toBe('function');
  });
});
