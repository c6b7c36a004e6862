// Hover on a built-in function where it is called on tensors: its reference
// entry, then the shapes it takes and gives there and its FLOPs per example,
// as the summary counts them.

import { describe, expect, it } from 'vitest';
import { hover } from '../../core/ide/hover.js';
import { analyzeAt } from './helpers.js';

const ATTENTION = `model Scores(d: int = 32) {
  input q: [B, T, d]
  input k: [B, T, d]
  let s = q @ tran<|>spose(k, [0, 2, 1]) / sqrt(d)
  output s -> soft<|>max(axis: -1) -> sig<|>moid
}
`;

/** The hover at the n-th cursor mark of `source` (the others removed). */
function hoverAt(source: string, n: number): string | undefined {
  const parts = source.split('<|>');
  const text = parts.slice(0, n + 1).join('') + '<|>' + parts.slice(n + 1).join('');
  const { analysis, offset } = analyzeAt(text);
  return hover(analysis, offset)?.contents;
}

describe('hover on function math', () => {
  it('shows a call\'s shapes and FLOPs per example under the reference entry', () => {
    const h = hoverAt('model M {\n  input a: [B, 10, 32]\n  input b: [B, 32, 12]\n  output mat<|>mul(a, b)\n}\n', 0)!;
    expect(h).toContain('### matmul');
    expect(h).toContain('---\n\n`[B, 10, 32], [B, 32, 12]` → `[B, 10, 12]`  \nFLOPs per example: 7,680'); // 2 * 10 * 32 * 12
  });

  it('counts with the sizes left symbolic, as the summary does', () => {
    expect(hoverAt(ATTENTION, 0)).toContain('`[B, T, 32]` → `[B, 32, T]`  \nFLOPs per example: 0');
  });

  it('takes a pipeline stage\'s input as its first argument, written as a call or bare', () => {
    expect(hoverAt(ATTENTION, 1)).toContain('`[B, T, T]` → `[B, T, T]`  \nFLOPs per example: 3*T*T');
    expect(hoverAt(ATTENTION, 2)).toContain('### sigmoid');
    expect(hoverAt(ATTENTION, 2)).toContain('`[B, T, T]` → `[B, T, T]`  \nFLOPs per example: 3*T*T');
  });

  it('shows no FLOPs for math on numbers', () => {
    const h = hoverAt('model M(d: int = 64) {\n  input x: [B, 4]\n  output x * sq<|>rt(d)\n}\n', 0)!;
    expect(h).toContain('### sqrt');
    expect(h).not.toContain('FLOPs');
  });
});
