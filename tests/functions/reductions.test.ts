import { describe, expect, it } from 'vitest';
import { checkRow, type Row } from './harness.js';
import { matmulShape } from '../../core/functions/matmul.js';
import { sym } from '../../core/shapes/dim.js';
import { formatShape } from '../../core/shapes/shape.js';

// [function, arguments as written in nn, expected value | `NNxxxx message fragment`]
const REDUCTIONS: readonly Row[] = [
  ['sum', 'f32[B, T, d]', '[]'],
  ['sum', 'f32[B, T, d], 1', '[B, d]'],
  ['sum', 'f32[B, T, d], 1, true', '[B, 1, d]'],
  ['sum', 'f32[B, T, d], keepdims=true', '[1, 1, 1]'],
  ['sum', 'f32[B, T, d], [0, 2]', '[T]'],
  ['sum', 'f32[B, T, d], [-1, 0]', '[T]'],
  ['sum', 'i32[B, T]', '[] int32'],
  ['sum', 'bool[B, T], 1', '[B] int32'],
  ['sum', 'f32[B], 1', 'NN2006 sum: axis 1 is out of range for a rank-1 tensor [B] (axes are -1..0)'],
  ['sum', 'f32[B, T], [1, -1]', "NN3003 sum: axis 1 is listed twice in 'axis'"],
  ['sum', 'f32[B, T], "x"', "NN3001 sum: 'axis' must be an axis or a list of axes, but this is a string"],
  ['sum', 'f32[B, T], k', "NN3003 sum: 'axis' must be a constant axis, but is k"],
  ['mean', 'f32[B, H, W, C], [1, 2]', '[B, C]'],
  ['mean', 'f32[B, 10]', '[]'],
  ['mean', 'i32[B]', '[]'],
  ['mean', 'bool[B, S], -1', '[B]'],
  ['max', 'f32[B, H, W, C], [1, 2]', '[B, C]'],
  ['max', 'i32[B, T], 1', '[B] int32'],
  ['min', 'f32[B, 10], -1, keepdims=true', '[B, 1]'],
  ['prod', 'i32[4, 3]', '[] int32'],
  ['prod', 'f32[B, 3], 0', '[3]'],
  ['argmax', 'f32[B, 10]', '[B] int32'],
  ['argmax', 'f32[B, T, V]', '[B, T] int32'],
  ['argmax', 'f32[B, 10], 5', 'NN2006 argmax: axis 5 is out of range'],
  ['argmax', 'f32[B, 10], [0, 1]', "NN3001 argmax: 'axis' must be an axis (an int)"],
  ['argmin', 'f32[N, K], 0', '[K] int32'],
  ['argmin', 'f32[N, K]', '[N] int32'],
  ['sum_sq', 'f32[N, S, S, K, 4]', '[N, S, S, K]'],
  ['sum_sq', 'f32[N, S, S, K, 4], [-1, -2]', '[N, S, S]'],
  ['sum_sq', 'bool[B]', 'NN2008 sum_sq expects a numeric tensor'],
  ['logsumexp', 'f32[B, 10]', '[B]'],
  ['logsumexp', 'f32[B, 10], keepdims=true', '[B, 1]'],
  ['norm', 'f32[B, d]', '[B]'],
  ['norm', 'f32[B, d], -1, true', '[B, 1]'],
  ['norm', 'f32[B, d], 3', 'NN2006'],
];

const MATMUL: readonly Row[] = [
  ['matmul', 'f32[B, T, 64], f32[B, 64, T]', '[B, T, T]'],
  ['matmul', 'f32[B, h, T, d], f32[B, h, d, T]', '[B, h, T, T]'],
  ['matmul', 'f32[B, h, T, T], f32[B, h, T, d]', '[B, h, T, d]'],
  ['matmul', 'f32[B, T, d], f32[d, e]', '[B, T, e]'],
  ['matmul', 'f32[B, 1, T, d], f32[h, d, T]', '[B, h, T, T]'],
  ['matmul', 'f32[4], f32[4]', '[]'],
  ['matmul', 'f32[4], f32[B, 4, 5]', '[B, 5]'],
  ['matmul', 'f32[B, 3, 4], f32[4]', '[B, 3]'],
  ['matmul', 'i32[3, 4], i32[4, 5]', '[3, 5] int32'],
  ['matmul', 'f32[B, T, 64], f32[B, 32, T]', 'NN2004 matmul: cannot multiply [B, T, 64] @ [B, 32, T]: the last axis of the left (64) must equal the second-to-last axis of the right (32)'],
  ['matmul', 'f32[3, 4], f32[5]', 'NN2004 must equal the only axis of the right (5)'],
  ['matmul', 'f32[2, 3, 4], f32[5, 4, 6]', 'NN2004 the batch axes [2] and [5] do not broadcast: axis -3 has size 2 on the left but 5 on the right'],
  ['matmul', 'f32[], f32[3]', 'NN2001 not a scalar'],
  ['matmul', 'bool[3, 3], bool[3, 3]', 'NN2008'],
  ['matmul', 'f32[3, 4], 2', "NN3001 matmul: 'b' must be a tensor"],
];

describe('reductions', () => {
  it.each(REDUCTIONS)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });
});

describe('matmul', () => {
  it.each(MATMUL)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });

  it('exports matmulShape for the @ operator', () => {
    const [B, T] = [sym('B'), sym('T')];
    const ok = matmulShape([B, T, 64], [64, 10]);
    expect(ok.ok && formatShape(ok.shape)).toBe('[B, T, 10]');
    const bad = matmulShape([B, T, 64], [32, 10]);
    expect(bad).toMatchObject({ ok: false, code: 'NN2004', operand: 'b' });
    expect(!bad.ok && bad.message).toBe('cannot multiply [B, T, 64] @ [32, 10]: the last axis of the left (64) must equal the second-to-last axis of the right (32)');
  });
});
