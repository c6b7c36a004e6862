// Positions <-> offsets exactly as LSP clients and
// `vscode-languageserver-textdocument` have them: a character past its
// line's end stays on the line, a line past the last is the end of the
// text, an offset between `\r` and `\n` belongs before the break. Checked
// against TextDocument itself over random texts and positions.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../core/text/line-index.js';
import { prng } from '../helpers/prng.js';

const PIECES = ['a', 'bc', ' ', '\n', '\r\n', '\r', '😀', '\n\n'];

function randomText(random: () => number): string {
  let text = '';
  const n = Math.floor(random() * 12);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe('LineIndex', () => {
  it('clamps a character past the end of its line to that line (the example of the specification)', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.offset({ line: 0, character: 10 })).toBe(2);
    expect(index.offset({ line: 5, character: 0 })).toBe(5);
    expect(index.offset({ line: -1, character: 3 })).toBe(0);
    expect(new LineIndex('ab\r\ncd').position(3)).toEqual({ line: 0, character: 2 });
  });

  it('agrees with TextDocument on random texts, positions and offsets', () => {
    const random = prng(13);
    let compared = 0;
    for (let round = 0; round < 2000; round++) {
      const text = randomText(random);
      const document = TextDocument.create('file:///t.nn', 'nn', 1, text);
      const index = new LineIndex(text);
      for (let k = 0; k < 8; k++) {
        const position = { line: Math.floor(random() * 6) - 1, character: Math.floor(random() * 8) - 1 };
        expect(index.offset(position), JSON.stringify({ text, position })).toBe(document.offsetAt(position));
        const offset = Math.floor(random() * (text.length + 3)) - 1;
        expect(index.position(offset), JSON.stringify({ text, offset })).toEqual(document.positionAt(offset));
        compared += 2;
      }
    }
    expect(compared).toBe(32_000);
  });
});
