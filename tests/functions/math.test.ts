import { describe, expect, it } from 'vitest';
import { call, checkRow, type Row } from './harness.js';

// [function, arguments as written in nn, expected value | `NNxxxx message fragment`]
const UNARY: readonly Row[] = [
  // numbers give numbers (the attention scale 1 / sqrt(d)); tensors give tensors of the same shape
  ['sqrt', '64', 'float 8'],
  ['sqrt', '2.25', 'float 1.5'],
  ['sqrt', 'd', 'float NaN'],
  ['sqrt', 'f32[B, T, 512]', '[B, T, 512]'],
  ['sqrt', 'i32[B]', '[B]'],
  ['sqrt', '-4', 'NN3003 sqrt(-4) is undefined'],
  ['sqrt', 'bool[B]', 'NN2008 sqrt expects a numeric tensor, but x is bool [B]'],
  ['sqrt', '"a"', "NN3001 sqrt: 'x' must be a number or a tensor, but this is a string"],
  ['sqrt', '', "NN1006 sqrt needs 'x'"],
  ['rsqrt', '4', 'float 0.5'],
  ['rsqrt', '0', 'NN3003 rsqrt(0) is undefined'],
  ['rsqrt', 'f32[B, 1]', '[B, 1]'],
  ['exp', '0', 'float 1'],
  ['exp', 'f32[B, 10]', '[B, 10]'],
  ['log', '1', 'float 0'],
  ['log', '0', 'NN3003 log(0) is undefined: log takes numbers above 0'],
  ['log', 'f32[B, 10]', '[B, 10]'],
  ['abs', '-3', 'int 3'],
  ['abs', '-2.5', 'float 2.5'],
  ['abs', 'i32[B]', '[B] int32'],
  ['sq', '3', 'int 9'],
  ['sq', 'd', 'int d*d'],
  ['sq', '1.5', 'float 2.25'],
  ['sq', 'f32[B, S, S, K, 4]', '[B, S, S, K, 4]'],
  ['sin', '0', 'float 0'],
  ['cos', '0', 'float 1'],
  ['sin', 'f32[T, d]', '[T, d]'],
  ['cos', 'f32[T, d]', '[T, d]'],
  ['relu', '-2', 'int 0'],
  ['relu', '2.5', 'float 2.5'],
  ['relu', 'd', 'int d'],
  ['relu', 'f32[B, 4]', '[B, 4]'],
  ['gelu', '0', 'float 0'],
  ['gelu', 'f32[B, T, 3072]', '[B, T, 3072]'],
  ['sigmoid', '0', 'float 0.5'],
  ['sigmoid', 'f32[B, 1]', '[B, 1]'],
  ['tanh', '0', 'float 0'],
  ['tanh', 'f32[B, 28, 28, 1]', '[B, 28, 28, 1]'],
  ['softplus', 'f32[B]', '[B]'],
  ['neg', '3', 'int -3'],
  ['neg', 'd', 'int -d'],
  ['neg', '0.5', 'float -0.5'],
  ['neg', 'i32[B]', '[B] int32'],
  ['neg', 'bool[B]', 'NN2008'],
  ['floor', '3.7', 'int 3'],
  ['floor', '-0.5', 'int -1'],
  ['floor', 'd', 'int d'],
  ['ceil', '3.2', 'int 4'],
  ['ceil', '7', 'int 7'],
  ['floor', 'f32[B]', 'NN3001 floor takes a number, but x is a tensor [B]'],
  ['ceil', 'f32[B]', 'NN3001 ceil takes a number'],
  // softmax
  ['softmax', 'f32[B, 10]', '[B, 10]'],
  ['softmax', 'f32[B, h, T, T], axis=-1', '[B, h, T, T]'],
  ['softmax', 'f32[B, 10], 0', '[B, 10]'],
  ['softmax', 'i32[B, 10]', '[B, 10]'],
  ['softmax', 'f32[B, 10], 2', 'NN2006 softmax: axis 2 is out of range for a rank-2 tensor [B, 10] (axes are -2..1)'],
  ['softmax', 'bool[B, 10]', 'NN2008'],
  ['softmax', '3', "NN3001 softmax: 'x' must be a tensor, but this is an int"],
  ['log_softmax', 'f32[B, T, V]', '[B, T, V]'],
  ['log_softmax', 'f32[B, T, V], -4', 'NN2006 axis -4'],
];

const BINARY: readonly Row[] = [
  ['maximum', 'f32[B, 4], 0', '[B, 4]'],
  ['maximum', '0, f32[B, 4]', '[B, 4]'],
  ['maximum', 'f32[B, N, 1, 2], f32[1, M, 2]', '[B, N, M, 2]'],
  ['maximum', 'i32[B], i32[B]', '[B] int32'],
  ['maximum', 'i32[B], f32[B]', '[B]'],
  ['maximum', '3, 5', 'int 5'],
  ['maximum', '3, 2.5', 'float 3'],
  ['maximum', 'd, d', 'int d'],
  ['maximum', 'd, 64', 'unknown'],
  ['maximum', 'f32[B, 3], f32[B, 4]', "NN2004 maximum: 'b' [B, 4] does not broadcast with 'a' [B, 3]: axis -1 has size 4 in 'b' but 3 in 'a' (sizes must be equal or 1)"],
  ['maximum', 'f32[B, 3, 4], f32[5, 4]', 'NN2004 axis -2 has size 5'],
  ['maximum', 'bool[B], f32[B]', "NN2008 maximum: 'a' is bool but 'b' is float32"],
  ['maximum', 'f32[B], "x"', "NN3001 maximum: 'b' must be a number or a tensor"],
  ['minimum', 'f32[B, N, 1, 2], f32[M, 2]', '[B, N, M, 2]'],
  ['minimum', '3, 5', 'int 3'],
  ['minimum', 'f32[2, 3], f32[3, 2]', 'NN2004 axis -1'],
  ['where', 'bool[T, T], f32[B, h, T, T], -1e9', '[B, h, T, T]'],
  ['where', 'bool[B, 1, 1, S], f32[B, h, T, S], 0', '[B, h, T, S]'],
  ['where', 'bool[B], 1, 0', '[B] int32'],
  ['where', 'f32[T, T], f32[B, h, T, T], 0', "NN2008 where expects 'cond' to be bool, but it is float32 [T, T]"],
  ['where', 'bool[B, 5], f32[B, 4], 0', "NN2004 where: 'a' [B, 4] does not broadcast with 'cond' [B, 5]: axis -1"],
  ['where', 'bool[B, 4], f32[B, 4], f32[B, 3]', "NN2004 where: 'b' [B, 3] does not broadcast with 'cond', 'a' together [B, 4]"],
  ['where', 'bool[B], bool[B], f32[B]', 'NN2008'],
  ['clip', 'f32[B, 10], 1e-7, 1', '[B, 10]'],
  ['clip', 'i32[B], 0, 9', '[B] int32'],
  ['clip', '5, 0, 3', 'int 3'],
  ['clip', '0.25, 0, 1', 'float 0.25'],
  ['clip', '0.5, 1, 0', 'NN3003 clip: lo (1) must not be above hi (0)'],
  ['clip', 'bool[B], 0, 1', 'NN2008'],
  ['pow', 'f32[B], 2', '[B]'],
  ['pow', 'f32[B, 3], f32[3]', '[B, 3]'],
  ['pow', 'i32[B], 2', '[B] int32'],
  ['pow', 'i32[B], 0.5', '[B]'],
  ['pow', '2, 10', 'int 1024'],
  ['pow', 'd, 2', 'int d*d'],
  ['pow', '10000, 0.5', 'float 100'],
  ['pow', '2, -1', 'float 0.5'],
  ['pow', '-8, 0.5', 'NN3003 pow(-8, 0.5) is undefined'],
  ['pow', '0, -1', 'NN3003 pow(0, -1) is undefined'],
  ['pow', 'f32[B, 3], f32[B, 4]', "NN2004 pow: 'p' [B, 4] does not broadcast with 'x' [B, 3]"],
  ['pow', 'bool[B], bool[B]', 'NN2008'],
];

describe('elementwise functions', () => {
  it.each(UNARY)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });

  it('computes known numbers', () => {
    const v = (fn: string, x: string) => {
      const out = call(fn, x).value;
      return out?.kind === 'float' ? out.value : NaN;
    };
    expect(v('softplus', '0')).toBeCloseTo(Math.log(2), 12);
    expect(v('gelu', '1')).toBeCloseTo(0.8413447, 6);
    expect(v('tanh', '1')).toBeCloseTo(Math.tanh(1), 12);
    expect(v('rsqrt', '64')).toBeCloseTo(0.125, 12);
  });
});

describe('binary and ternary functions (broadcasting)', () => {
  it.each(BINARY)('%s(%s) -> %s', (...row) => {
    expect(checkRow(row)).toBeUndefined();
  });
});
