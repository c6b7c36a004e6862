// `transpose(x)` without perm reverses every axis: on a batched tensor it
// moves the batch last, so the checker warns (NN3018) and offers the perm
// that swaps the last two axes; on a matrix without a batch axis (a weight)
// it is the plain matrix transpose, and nothing is said.

import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check-source.js';

const model = (body: string, inputs = 'input k: [B, T, 64]') => `model M {\n  ${inputs}\n  ${body}\n}\n`;

/** The warnings about transpose, and any error. */
const found = (source: string) => check(source).filter((d) => d.code === 'NN3018' || d.severity === 'error');

describe('transpose without perm', () => {
  it('warns on a batched tensor, with the perm that swaps the last two axes', () => {
    expect(found(model('let kt = transpose(k)\n  output kt'))).toEqual([
      {
        severity: 'warning',
        code: 'NN3018',
        at: 'transpose(k)',
        message: "transpose without perm reverses every axis, as NumPy's does: x [B, T, 64] becomes [64, T, B], its batch axis B last; give perm; transpose(x, [0, 2, 1]) swaps the last two axes",
        fixes: ['Swap the last two axes: perm [0, 2, 1]: ", [0, 2, 1]"'],
        related: [],
      },
    ]);
  });

  it('gives the fix to a pipeline stage, bare or called', () => {
    expect(found(model('output k -> transpose')).map((d) => [d.code, d.at, d.fixes])).toEqual([['NN3018', 'transpose', ['Swap the last two axes: perm [0, 2, 1]: "([0, 2, 1])"']]]);
    expect(found(model('output k -> transpose()')).map((d) => [d.code, d.at, d.fixes])).toEqual([['NN3018', 'transpose()', ['Swap the last two axes: perm [0, 2, 1]: "[0, 2, 1]"']]]);
  });

  it('warns without a fix on a batch of vectors, where no perm keeps the batch first', () => {
    expect(found(model('output transpose(x)', 'input x: [B, 64]')).map((d) => [d.code, d.fixes])).toEqual([['NN3018', []]]);
  });

  it('warns inside a block, where its input declares the batch', () => {
    const source = `block Scores {\n  input q: [N, T, 64]\n  output q @ transpose(q)\n}\nmodel M {\n  input x: [B, 8, 64]\n  output x -> Scores\n}\n`;
    expect(check(source).filter((d) => d.code === 'NN3018').map((d) => d.at)).toEqual(['transpose(q)']);
  });

  it('says nothing with a perm, or on a matrix without a batch axis', () => {
    expect(found(model('output k @ transpose(k, [0, 2, 1])'))).toEqual([]);
    expect(found(model('output k @ transpose(Weight([32, 64])())'))).toEqual([]);
    expect(found(model('output where(transpose(causal_mask(T)), 1.0, 0.0) @ k'))).toEqual([]);
  });
});
