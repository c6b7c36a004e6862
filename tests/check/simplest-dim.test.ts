// The simplest exact text of a dimension (what the editor shows), as data:
// each case is checked against the checker's own dim at many whole values.

import { describe, expect, it } from 'vitest';
import { convOutputLength } from '../../core/shapes/conv-size.js';
import { add, type Dim, div, floorDiv, formatDim, mul, substitute, sym } from '../../core/shapes/dim.js';
import { formatDimSimplest, formatShapeSimplest } from '../../core/shapes/simplest-dim.js';

const H = sym('H');
const W = sym('W');
const pad = (n: number) => ({ before: n, after: n });
const stem = convOutputLength(convOutputLength(H, 7, 2, pad(3)), 3, 2, pad(1)); // ResNet's stem
const alex1 = convOutputLength(H, 11, 4, pad(2));
const alex5 = convOutputLength(convOutputLength(convOutputLength(convOutputLength(alex1, 3, 2, 'valid'), 5, 1, pad(2)), 3, 2, 'valid'), 3, 2, 'valid');

/** Evaluates a simplest text (only the forms it writes: + - * / floor ceil, symbols H and W) at H = n (and W = w). */
function evaluateText(text: string, n: number, w = 0): number {
  const js = text.replace(/\bH\b/g, `(${n})`).replace(/\bW\b/g, `(${w})`).replace(/\bfloor\(/g, 'Math.floor(').replace(/\bceil\(/g, 'Math.ceil(');
  return Function(`return ${js}`)() as number;
}

describe('the simplest exact form of a dim', () => {
  it.each<[string, Dim, string]>([
    ['a stride-2 convolution with padding', convOutputLength(H, 7, 2, pad(3)), 'ceil(H/2)'],
    ['a convolution then a pool: the stem is a quarter, rounded up', stem, 'ceil(H/4)'],
    ['a valid stride-4 convolution', alex1, 'floor((H - 3)/4)'],
    ['AlexNet to pool5', alex5, 'floor((H - 31)/32)'],
    ['"same" padding', convOutputLength(H, 3, 2, 'same'), 'ceil(H/2)'],
    ['a plain pool', floorDiv(H, 2), 'floor(H/2)'],
    ['a valid 3x3 convolution is linear', convOutputLength(H, 3, 1, 'valid'), 'H - 2'],
  ])('%s: %s', (_name, d, text) => {
    expect(formatDimSimplest(d)).toBe(text);
    expect(text.length).toBeLessThanOrEqual(formatDim(d).length);
    for (let n = 1; n <= 300; n++) expect(evaluateText(text, n)).toBe(substitute(d, new Map([['H', n]])));
  });

  it('a symbolic stride: (H - 1)/stride + 1 is ceil(H/stride)', () => {
    const stride = sym('stride');
    expect(formatDim(convOutputLength(H, 1, stride, 'valid'))).toBe('(H - 1)/stride + 1');
    expect(formatDimSimplest(convOutputLength(H, 1, stride, 'valid'))).toBe('ceil(H/stride)');
    expect(formatDimSimplest(convOutputLength(H, 3, stride, pad(1)))).toBe('ceil(H/stride)');
  });

  it.each<[string, Dim, string]>([
    ['a flattened feature map', mul(mul(64, stem), convOutputLength(convOutputLength(W, 7, 2, pad(3)), 3, 2, pad(1))), '64*ceil(H/4)*ceil(W/4)'],
    ['a pool\'s FLOPs', mul(9, mul(convOutputLength(H, 3, 2, pad(1)), convOutputLength(W, 3, 2, pad(1)))), '9*ceil(H/2)*ceil(W/2)'],
  ])('a product of sizes: %s', (_name, d, text) => {
    expect(formatDimSimplest(d)).toBe(text);
    for (let n = 1; n <= 40; n++) for (let w = 1; w <= 40; w += 3) expect(evaluateText(text, n, w)).toBe(substitute(d, new Map([['H', n], ['W', w]])));
  });

  it.each<[string, Dim]>([
    ['a number', 56],
    ['a symbol', H],
    ['an exact fraction (an annotation says H/2)', div(H, 2)],
    ['a product', mul(H, W)],
    ['floors in two symbols, already simplest', mul(floorDiv(H, 2), floorDiv(W, 2))],
    ['a sum of floors with no single-floor form', add(floorDiv(H, 2), floorDiv(H, 3))],
    ['a sum in two symbols that is no product', add(mul(floorDiv(H, 2), floorDiv(W, 2)), 1)],
  ])('%s is written as it is', (_name, d) => {
    expect(formatDimSimplest(d)).toBe(formatDim(d));
  });

  it('a shape: each size simplified, concrete sizes untouched', () => {
    expect(formatShapeSimplest([sym('B'), stem, convOutputLength(convOutputLength(W, 7, 2, pad(3)), 3, 2, pad(1)), 64])).toBe('[B, ceil(H/4), ceil(W/4), 64]');
    expect(formatShapeSimplest([sym('B'), 56, 56, 64])).toBe('[B, 56, 56, 64]');
  });
});
