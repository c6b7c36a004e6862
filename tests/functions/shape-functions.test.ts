import { describe, expect, it } from 'vitest';
import { call, checkRow, formatValue, type Row } from './harness.js';

// [function, arguments as written in nn, expected shape | `NNxxxx message fragment`]
const ROWS: readonly Row[] = [
  // reshape: the FULL target shape, batch axis included
  ['reshape', 'f32[B, 784], [B, 28, 28, 1]', '[B, 28, 28, 1]'],
  ['reshape', 'f32[B, T, 512], [B, T, 8, 64]', '[B, T, 8, 64]'],
  ['reshape', 'f32[B, T, 8, 64], [B, T, 512]', '[B, T, 512]'],
  ['reshape', 'f32[B, T, 512], [B, T, -1, 64]', '[B, T, 8, 64]'],
  ['reshape', 'f32[B, 7, 7, 512], [B, -1]', '[B, 25088]'],
  ['reshape', 'f32[B, T, 512], [-1, 512]', '[B*T, 512]'],
  ['reshape', 'i32[B, 4], [4, B]', '[4, B] int32'],
  ['reshape', 'f32[B, T, 512], [B, T, 8, 60]', 'NN2007 [B, T, 512] has 512*B*T elements, but [B, T, 8, 60] has 480*B*T'],
  ['reshape', 'f32[B, 784], [28, 28, 1]', 'NN2007 the target includes the batch axis'],
  ['reshape', 'f32[6], [4, -1]', 'NN2007 cannot infer the -1 in [4, -1]'],
  ['reshape', 'f32[B, 4], [-1, -1]', 'NN3003 at most one size may be -1'],
  ['reshape', 'f32[B, 4], [B, 0, 4]', 'NN3003 sizes must be positive'],
  ['reshape', 'f32[B, 4], 4', "NN3001 'shape' must be a list of ints"],
  // transpose
  ['transpose', 'f32[B, T, 8, 64], [0, 2, 1, 3]', '[B, 8, T, 64]'],
  ['transpose', 'f32[2, 3, 4]', '[4, 3, 2]'],
  ['transpose', 'f32[2, 3, 4], [0, -1, 1]', '[2, 4, 3]'],
  ['transpose', 'f32[2, 3, 4], [0, 1]', 'NN2001 perm [0, 1] lists 2 axes, but x [2, 3, 4] has rank 3'],
  ['transpose', 'f32[2, 3, 4], [0, 1, 1]', 'NN3003 axis 1 appears twice'],
  ['transpose', 'f32[2, 3, 4], [0, 1, 3]', 'NN2006 axis 3 is out of range for a rank-3 tensor [2, 3, 4] (axes are -3..2)'],
  // flatten
  ['flatten', 'f32[B, 7, 7, 512]', '[B, 25088]'],
  ['flatten', 'f32[B, H, W, C]', '[B, C*H*W]'],
  ['flatten', 'f32[B, T, 8, 64], 2', '[B, T, 512]'],
  ['flatten', 'f32[B, 4], 0', '[4*B]'],
  ['flatten', 'f32[B, 4], 2', 'NN2006 axis 2 is out of range'],
  // squeeze / expand_dims
  ['squeeze', 'f32[B, 1, 256], 1', '[B, 256]'],
  ['squeeze', 'f32[B, 1], -1', '[B]'],
  ['squeeze', 'f32[B, 1, 256, 1]', '[B, 256]'],
  ['squeeze', 'f32[B, 3, 256], 1', 'NN2004 axis 1 of [B, 3, 256] has size 3, but only an axis of size 1'],
  ['squeeze', 'f32[B, 3], 2', 'NN2006 axis 2 is out of range'],
  ['expand_dims', 'f32[B, S], 1', '[B, 1, S]'],
  ['expand_dims', 'f32[B, S], -1', '[B, S, 1]'],
  ['expand_dims', 'bool[B, S], 0', '[1, B, S] bool'],
  ['expand_dims', 'f32[B, S], 3', 'NN2006 axis 3 is out of range for rank 3'],
  ['expand_dims', 'f32[B, S]', "NN1006 expand_dims needs 'axis'"],
  // concat / stack
  ['concat', '[f32[B, T, 256], f32[B, T, 256]]', '[B, T, 512]'],
  ['concat', '[f32[B, H, W, 64], f32[B, H, W, 32]], axis=-1', '[B, H, W, 96]'],
  ['concat', '[f32[B, 3], f32[C, 3]], 0', '[B + C, 3]'],
  ['concat', '[f32[B, H, W, 64], f32[B, H2, W, 64]]', 'NN2004 xs[1] [B, H2, W, 64] and xs[0] [B, H, W, 64] differ on axis 1 (H2 vs H)'],
  ['concat', '[f32[B, 4], f32[B, 4, 1]]', 'NN2001 xs[1] [B, 4, 1] has rank 3, but xs[0] [B, 4] has rank 2'],
  ['concat', '[f32[B, 4], i32[B, 4]]', 'NN2008 xs[1] is int32 but xs[0] is float32'],
  ['concat', '[f32[B, 4]], 2', 'NN2006 axis 2 is out of range'],
  ['concat', '[]', 'NN3003 at least one tensor'],
  ['concat', 'f32[B, 4]', "NN3001 'xs' must be a list of tensors"],
  ['stack', '[f32[B, 64], f32[B, 64], f32[B, 64]]', '[3, B, 64]'],
  ['stack', '[f32[B, 64], f32[B, 64], f32[B, 64]], -1', '[B, 64, 3]'],
  ['stack', '[f32[B, 64], f32[B, 32]]', 'NN2004 xs[1] [B, 32] differs from xs[0] [B, 64] on axis 1 (32 vs 64)'],
  ['stack', '[f32[B, 64]], 3', 'NN2006 axis 3'],
  // split: a tuple of pieces
  ['split', 'f32[B, T, 2304], 3', '([B, T, 768], [B, T, 768], [B, T, 768])'],
  ['split', 'f32[B, T, 2304], [768, 1536]', '([B, T, 768], [B, T, 1536])'],
  ['split', 'f32[B, 2*D], 2', '([B, D], [B, D])'],
  ['split', 'f32[6, B], 2, axis=0', '([3, B], [3, B])'],
  ['split', 'f32[B, T, 10], 3', 'NN2005 axis 2 of [B, T, 10] has size 10, which does not divide into 3 equal parts'],
  ['split', 'f32[B, T, 10], [3, 3]', 'NN2004 the sizes [3, 3] add up to 6, but axis 2 of [B, T, 10] has size 10'],
  ['split', 'f32[B, 6], "x"', "NN3001 'parts' must be an int or a list of ints"],
  ['split', 'f32[B, 6], 0', 'NN3003 at least 1'],
  // tile / pad
  ['tile', 'f32[B, 4], [1, 3]', '[B, 12]'],
  ['tile', 'f32[B, 4], [2]', 'NN2001 reps [2] has 1 entries, but x [B, 4] has rank 2'],
  ['tile', 'f32[B, 4], [1, 0]', 'NN3003 at least 1'],
  ['pad', 'f32[B, 28, 28, C], [[0, 0], [1, 1], [1, 1], [0, 0]]', '[B, 30, 30, C]'],
  ['pad', 'f32[B, H, 3], [[0, 0], [2, 1], [0, 0]]', '[B, H + 3, 3]'],
  ['pad', 'f32[B, 28, 28, C], [[1, 1]]', 'NN2001 paddings has 1 pairs, but x [B, 28, 28, C] has rank 4'],
  ['pad', 'f32[B, 28], [[0, 0], [-1, 0]]', 'NN3003 at least 0'],
  ['pad', 'f32[B, 28], [1, 2]', 'NN3001 [before, after] pairs'],
  // windows (SAM: 64 is padded to 70, 5 x 5 windows of 14)
  ['window_partition', 'f32[B, 64, 64, 768], 14', '[25*B, 14, 14, 768]'],
  ['window_partition', 'f32[B, 56, 56, 96], 7', '[64*B, 7, 7, 96]'],
  ['window_partition', 'f32[B, H, H, C], 8', '[B*ceil(H/8)*ceil(H/8), 8, 8, C]'],
  ['window_partition', 'f32[B, 64, 768], 14', 'NN2001 expects \'x\' to be a rank-4 tensor [B, H, W, C], but got rank 3'],
  ['window_partition', 'f32[B, 64, 64, 768], 0', "NN3003 'window' must be at least 1"],
  ['window_unpartition', 'f32[25*B, 14, 14, 768], 14, [64, 64]', '[B, 64, 64, 768]'],
  ['window_unpartition', 'f32[50, 14, 14, 768], 14, [64, 64]', '[2, 64, 64, 768]'],
  ['window_unpartition', 'f32[64*B, 7, 7, 96], 7, [56, 56]', '[B, 56, 56, 96]'],
  ['window_unpartition', 'f32[30, 14, 14, 768], 14, [64, 64]', 'NN2005 (30) must be a whole number of images times 25 windows'],
  ['window_unpartition', 'f32[25*B, 7, 7, 768], 14, [64, 64]', 'NN2004 axis -3 of [25*B, 7, 7, 768] has size 7, not 14'],
  ['window_unpartition', 'f32[25*B, 14, 14, 768], 14, [64]', 'NN3003 size must be [H, W]'],
];

describe('shape functions', () => {
  it.each(ROWS)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });

  it('window_unpartition undoes window_partition, symbolically', () => {
    const windows = formatValue(call('window_partition', 'f32[B, 64, 64, 768], 14').value);
    expect(windows).toBe('[25*B, 14, 14, 768]');
    expect(formatValue(call('window_unpartition', `f32${windows}, 14, [64, 64]`).value)).toBe('[B, 64, 64, 768]');
  });

  it('an unknown argument (an error reported elsewhere) gives no value and no new problem', () => {
    expect(call('reshape', '?, [B, 784]')).toEqual({ value: undefined, problems: [] });
    expect(call('split', 'f32[B, 6], ?')).toEqual({ value: undefined, problems: [] });
  });

  it('points problems at the argument', () => {
    expect(call('reshape', 'f32[B, 4], [B, 5]').problems[0]?.arg).toBe('shape');
  });
});
