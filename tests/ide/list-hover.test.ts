// The editor on lists: hover says what a list holds (the shapes of its
// tensors, a long one shortened), a loop variable its value, and inlay
// hints keep to tensors.

import { describe, expect, it } from 'vitest';
import { hover } from '../../core/ide/hover.js';
import { inlayHints } from '../../core/ide/inlay-hints.js';
import { analyzeAt } from './helpers.js';

const UNET = `model UNet(widths: [int] = [16, 32]) {
  input image: [B, 16, 16, 3]
  let x = image
  let skips = []
  for w in widths {
    x = x -> Conv2D(w, 3, padding: 1)
    skips = skips + [x]
    x = x -> MaxPool2D(2)
  }
  let n = len(skips)
  for skip in reverse(skips) {
    x = concat([x -> UpSampling2D(2), skip])
  }
  output x
}
`;

const LONG = `model Long {
  input x: [B, 4]
  let sizes = []
  repeat i in 20 { sizes = sizes + [i] }
  output x -> Dense(len(sizes))
}
`;

/** The hover's Markdown with the cursor just before `marker` (its nth occurrence). */
function hoverAt(source: string, marker: string, nth = 0): string | undefined {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = source.indexOf(marker, i + 1);
  if (i < 0) throw new Error(`no ${marker}`);
  const { analysis, offset } = analyzeAt(source.slice(0, i) + '<|>' + source.slice(i));
  return hover(analysis, offset)?.contents;
}

describe('hover on lists', () => {
  it.each([
    ['an empty list where it starts', UNET, 'skips = []', 0, 'skips: []'],
    ['a list read in the last iteration, before its last item is added', UNET, 'skips + [x]', 0, 'skips: [[B, 16, 16, 16]]'],
    ['the whole list after the loop', UNET, 'skips)\n', 0, 'skips: [[B, 16, 16, 16], [B, 8, 8, 32]]'],
    ['its length', UNET, 'n = len', 0, 'n: int = 2'],
    ['a loop variable over tensors: its value in the last iteration', UNET, 'skip in', 0, 'skip: [B, 16, 16, 16]'],
    ['a list parameter', UNET, 'widths {', 0, 'widths: [16, 32]'],
    ['a long list: its first items, then how many more', LONG, 'sizes)', 0, 'sizes: [0, 1, 2, 3, 4, 5, ... 14 more]'],
  ])('%s', (_name, source, marker, nth, expected) => {
    expect(hoverAt(source, marker, nth)).toContain(expected);
  });
});

describe('inlay hints around lists', () => {
  it('show tensors only: a list binding gets no hint', () => {
    const { analysis, text } = analyzeAt(UNET);
    const hints = inlayHints(analysis, { start: 0, end: text.length }).map((h) => `${text.slice(h.offset - 5, h.offset)}|${h.label}`);
    expect(hints).toEqual(['let x|: [B, 16, 16, 3]']);
  });
});
