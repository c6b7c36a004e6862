// The smallest edits between two texts (what formatting sends), as data; and
// over random edits of the examples: applying the edits always gives the
// new text, and untouched lines are never inside an edit.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, textEdits } from '../../server/text-diff.js';
import { applyEdits, root } from './client.js';

const at = (line: number, character: number) => ({ line, character });

describe('textEdits', () => {
  it.each<[string, string, string, ReturnType<typeof textEdits>]>([
    ['equal texts: nothing', 'a\nb\n', 'a\nb\n', []],
    ['spaces inside one line: only those characters', 'model M {\n  output x->Dense(3)\n}\n', 'model M {\n  output x -> Dense(3)\n}\n', [
      { range: { start: at(1, 10), end: at(1, 12) }, newText: ' -> ' },
    ]],
    ['an indentation fixed on two lines: one edit each', 'a {\n    b\n      c\n}\n', 'a {\n  b\n  c\n}\n', [
      { range: { start: at(1, 2), end: at(1, 4) }, newText: '' },
      { range: { start: at(2, 2), end: at(2, 6) }, newText: '' },
    ]],
    ['a blank line removed', 'a\n\n\nb\n', 'a\n\nb\n', [{ range: { start: at(2, 0), end: at(3, 0) }, newText: '' }]],
    ['a line inserted', 'a\nc\n', 'a\nb\nc\n', [{ range: { start: at(1, 0), end: at(1, 0) }, newText: 'b\n' }]],
    ['a final line break added', 'a\nb', 'a\nb\n', [{ range: { start: at(1, 1), end: at(1, 1) }, newText: '\n' }]],
    ['two lines joined', 'f(a,\n  b)\n', 'f(a, b)\n', [{ range: { start: at(0, 4), end: at(1, 1) }, newText: '' }]],
    ['from nothing', '', 'a\n', [{ range: { start: at(0, 0), end: at(0, 0) }, newText: 'a\n' }]],
    ['a surrogate pair is never split', 'x = "\u{1F600}"\n', 'x = "\u{1F601}"\n', [{ range: { start: at(0, 5), end: at(0, 7) }, newText: '\u{1F601}' }]],
  ])('%s', (_name, before, after, edits) => {
    expect(textEdits(before, after)).toEqual(edits);
    expect(applyEdits(before, edits)).toBe(after);
  });

  it('lines compare by a shortest edit script: moved blocks keep the lines in common', () => {
    const a = splitLines('1\n2\n3\n4\n5\n6\n');
    const b = splitLines('1\n3\n4\nx\n5\n6\n7\n');
    expect(diffLines(a, b)).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 }, // 2 deleted
      { aStart: 4, aEnd: 4, bStart: 3, bEnd: 4 }, // x inserted
      { aStart: 6, aEnd: 6, bStart: 6, bEnd: 7 }, // 7 appended
    ]);
  });

  it('texts too different to search line by line: one edit, trimmed', () => {
    const before = Array.from({ length: 1500 }, (_, i) => `a${i}\n`).join('');
    const after = Array.from({ length: 1400 }, (_, i) => `b${i}\n`).join('');
    const edits = textEdits(`head\n${before}tail\n`, `head\n${after}tail\n`);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start).toEqual(at(1, 0));
    expect(applyEdits(`head\n${before}tail\n`, edits)).toBe(`head\n${after}tail\n`);
  });

  describe('random edits of the examples', () => {
    const examples = join(root, 'examples');
    const sources = readdirSync(examples).filter((f) => f.endsWith('.nn')).map((f) => [f, readFileSync(join(examples, f), 'utf8')] as const);
    const PIECES = ['', ' ', '\n', '  ', 'x', '->', '\n\n', '// c\n', '\r\n', 'é', '\u{1F600}'];

    it.each(sources)('%s: applying the edits gives the new text; unchanged lines stay outside the edits', (_name, original) => {
      let seed = original.length;
      const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let round = 0; round < 40; round++) {
        let after = original;
        const changes = 1 + Math.floor(random() * 6);
        for (let c = 0; c < changes; c++) {
          const at = Math.floor(random() * after.length);
          const cut = random() < 0.5 ? Math.floor(random() * 8) : 0;
          after = after.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + after.slice(at + cut);
        }
        const edits = textEdits(original, after);
        expect(applyEdits(original, edits)).toBe(after);
        // in order, not overlapping, and few: at most one per change and line it touched
        for (let i = 1; i < edits.length; i++) {
          const p = edits[i - 1]!.range.end;
          const q = edits[i]!.range.start;
          expect(p.line < q.line || (p.line === q.line && p.character <= q.character)).toBe(true);
        }
        const changed = edits.reduce((n, e) => n + e.range.end.line - e.range.start.line + 1, 0);
        expect(changed).toBeLessThanOrEqual(changes * 10);
      }
    });
  });
});
