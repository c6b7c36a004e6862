// The symbolic dimension algebra, as data.

import { describe, expect, it } from 'vitest';
import { convOutputLength, deconvOutputLength } from '../../core/shapes/conv-size.js';
import { add, ceilDiv, type Dim, div, equalWhenExact, floor, floorDiv, formatDim, isIntegral, mul, solveFor, sub, substitute, sym } from '../../core/shapes/dim.js';

const B = sym('B');
const H = sym('H');
const C = sym('C');

describe('dims', () => {
  it.each<[string, Dim, string]>([
    ['constants fold', add(mul(2, 3), 1), '7'],
    ['like terms merge', add(H, H), '2*H'],
    ['terms cancel', sub(add(H, 3), H), '3'],
    ['exact division keeps a fraction of a symbol', div(H, 2), 'H/2'],
    ['division cancels a symbolic divisor', div(mul(2, C), C), '2'],
    ['products', mul(B, mul(H, H)), 'B*H*H'],
    ['floor of an integral polynomial is itself', floor(add(mul(2, H), 1)), '2*H + 1'],
    ['floor keeps whole constants outside', floorDiv(sub(H, 2), 2), 'floor(H/2) - 1'],
    ['ceil of a quotient', ceilDiv(H, 2), 'ceil(H/2)'],
    ['division by a symbol that does not divide', div(H, C), 'H/C'],
    ['negative terms print with minus', sub(mul(3, H), 4), '3*H - 4'],
  ])('%s', (_name, d, text) => {
    expect(formatDim(d)).toBe(text);
  });

  it('substitution evaluates floors once the symbol is known', () => {
    expect(substitute(floorDiv(sub(H, 1), 2), new Map([['H', 8]]))).toBe(3);
    expect(substitute(div(H, 2), new Map([['H', 7]]))).not.toBe(3);
    expect(isIntegral(substitute(div(H, 2), new Map([['H', 7]])))).toBe(false);
  });

  it('floor(H/2) equals H/2 when the division is exact', () => {
    expect(equalWhenExact(floorDiv(H, 2), div(H, 2))).toBe(true);
    expect(equalWhenExact(floorDiv(H, 2), div(H, 3))).toBe(false);
  });

  it('solves a linear pattern for its one unknown', () => {
    expect(solveFor(mul(2, C), 'C', 128)).toBe(64);
    expect(formatDim(solveFor(add(H, 1), 'H', sym('T'))!)).toBe('T - 1');
    expect(isIntegral(solveFor(mul(2, C), 'C', 7)!)).toBe(false);
  });
});

describe('convolution sizes (tfjs and PyTorch formulas)', () => {
  it.each<[string, Dim, string]>([
    ['valid k3 s1', convOutputLength(32, 3, 1, 'valid'), '30'],
    ['valid k3 s2 on 7', convOutputLength(7, 3, 2, 'valid'), '3'],
    ['same k3 s2 on 7', convOutputLength(7, 3, 2, 'same'), '4'],
    ['explicit pad 3, k7 s2 on 224 (ResNet stem)', convOutputLength(224, 7, 2, { before: 3, after: 3 }), '112'],
    ['dilation 2 widens the kernel', convOutputLength(32, 3, 1, 'valid', 2), '28'],
    ['ceil mode k2 s2 on 7', convOutputLength(7, 2, 2, 'valid', 1, true), '4'],
    ['ceil mode drops a window that starts in the padding', convOutputLength(6, 2, 2, { before: 1, after: 1 }, 1, true), '4'],
    ['symbolic k3 pad 1 s1 keeps H', convOutputLength(H, 3, 1, { before: 1, after: 1 }), 'H'],
    ['symbolic stride 2', convOutputLength(H, 3, 2, { before: 1, after: 1 }), 'floor(H/2 - 1/2) + 1'],
    ['transposed same doubles', deconvOutputLength(16, 3, 2, 'same'), '32'],
    ['transposed valid', deconvOutputLength(16, 3, 2, 'valid'), '33'],
    ['transposed explicit (PyTorch)', deconvOutputLength(64, 2, 2, { before: 0, after: 0 }), '128'],
  ])('%s', (_name, d, text) => {
    expect(formatDim(d)).toBe(text);
  });
});
