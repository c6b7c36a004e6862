import { describe, expect, it } from 'vitest';
import { checkRow, type Row } from './harness.js';

// [function, arguments as written in nn, expected value | `NNxxxx message fragment`]
const ROWS: readonly Row[] = [
  // conversions
  ['one_hot', 'i32[B], 10', '[B, 10]'],
  ['one_hot', 'i32[B, T], V', '[B, T, V]'],
  ['one_hot', 'f32[B], 10', "NN2008 one_hot expects 'indices' to be int32, but it is float32 [B]"],
  ['one_hot', 'i32[B], 0', "NN3003 one_hot: 'depth' must be at least 1"],
  ['one_hot', 'i32[B]', "NN1006 one_hot needs 'depth'"],
  ['cast', 'bool[B, S], "float32"', '[B, S]'],
  ['cast', 'f32[B], "int32"', '[B] int32'],
  ['cast', 'i32[B], "bool"', '[B] bool'],
  ['cast', 'f32[B], "int64"', 'NN3001 cast: \'dtype\' must be one of "float32", "int32", "bool", not "int64"'],
  // masks
  ['causal_mask', 'T', '[T, T] bool'],
  ['causal_mask', '10', '[10, 10] bool'],
  ['causal_mask', '0', "NN3003 causal_mask: 'size' must be at least 1"],
  ['padding_mask', 'i32[B, S]', '[B, S] bool'],
  ['padding_mask', 'i32[B, S], pad=1', '[B, S] bool'],
  ['padding_mask', 'f32[B, S]', "NN2008 padding_mask expects 'tokens' to be int32, but it is float32 [B, S]"],
  ['padding_mask', 'i32[B]', "NN2001 padding_mask expects 'tokens' to be a rank-2 tensor [B, S], but got rank 1: [B]"],
  // random
  ['normal', '[B, 100]', '[B, 100]'],
  ['normal', '[B, 100], 0, 0.02', '[B, 100]'],
  ['normal', '[B, 100], std=0.5', '[B, 100]'],
  ['normal', '[B, 100], std=-1', "NN3003 normal: 'std' must be at least 0"],
  ['normal', '[B, 0]', "NN3003 normal: every size in 'shape' must be at least 1, but [B, 0] has 0"],
  ['normal', 'f32[B, 100]', "NN3001 normal: 'shape' must be a list of ints"],
  ['uniform', '[B, 2]', '[B, 2]'],
  ['uniform', '[B], -1, 1', '[B]'],
  ['uniform', '[B], 1, 1', 'NN3003 uniform: high (1) must be above low (1)'],
];

describe('conversions, masks and random tensors', () => {
  it.each(ROWS)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });
});
