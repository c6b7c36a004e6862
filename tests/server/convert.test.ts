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

  test('a Windows URI as VS Code writes it comes back exactly as VS Code wrote it', () => {
    // VS Code sends `file:///c%3A/...`; Node's pathToFileURL would answer `file:///C:/...`, a different document
    for (const uri of ['file:///c%3A/Users/me/models/m.nn', 'file:///d%3A/a%20b/%C3%A9t%C3%A9.nn']) expect(pathToUri(uriToPath(uri))).toBe(uri);
    expect(uriToPath('file:///c%3A/Users/me/m.nn')).toBe(process.platform === 'win32' ? 'c:\\Users\\me\\m.nn' : 'c:/Users/me/m.nn');
    // Node's form is read too, and answered in VS Code's
    expect(pathToUri(uriToPath('file:///C:/Users/me/m.nn'))).toBe('file:///c%3A/Users/me/m.nn');
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
