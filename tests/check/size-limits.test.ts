// Sizes are exact or an error at their place: whole numbers past 2^53 - 1,
// infinite ones and negative sizes are diagnostics (NN3012, NN3003), never a
// hang (gcd of Infinity used to spin forever), a rounded count or garbage.

import { describe, expect, it } from 'vitest';
import { summarize } from '../../core/summary.js';
import { add, mul, sym } from '../../core/shapes/dim.js';
import { rational } from '../../core/shapes/rational.js';
import { SizeLimitError } from '../../core/shapes/size-limit.js';
import { check } from '../helpers/check-source.js';
import { memoryHost } from '../helpers/memory-host.js';

const model = (body: string, params = '') => `model M${params} {\n  input x: [B, 4]\n${body}\n}`;
const errors = (source: string) => check(source).filter((d) => d.severity === 'error').map((d) => ({ code: d.code, at: d.at }));
const summary = (source: string) => summarize('/main.nn', memoryHost({ '/main.nn': source }), 'M');

describe('sizes past exact arithmetic', () => {
  it.each([
    ['a huge factor of a symbolic size', 'model M {\n  input x: [B, S * 10 ** 400]\n  output x\n}', '10 ** 400'],
    ['a huge literal', model('  output x -> Dense(99999999999999999999)'), '99999999999999999999'],
    ['a huge power as a default', model('  output x -> Dense(n)', '(n: int = 2 ** 1000000)'), '2 ** 1000000'],
    ['a rounding of a huge float', model('  output x -> Dense(floor(1e300))'), 'floor(1e300)'],
    ['a huge power through pow', model('  output x -> Dense(pow(3, 10 ** 15))'), 'pow(3, 10 ** 15)'],
  ])('%s is NN3012 at the expression', (_name, source, at) => {
    expect(errors(source)).toEqual([{ code: 'NN3012', at }]);
  });

  it('a huge layer in a block with a symbolic input is NN3012 there, and the use says so', () => {
    const source = `block Big {\n  input x: [B, C]\n  output x -> Dense(10 ** 400)\n}\nmodel M {\n  input x: [B, 4]\n  output x -> Big\n}`;
    expect(errors(source)).toEqual([{ code: 'NN3012', at: '10 ** 400' }]);
    const s = summary(source);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.diagnostics.map((d) => d.code)).toContain('NN3012');
  });

  it('a weight count past 2^53 is NN3012 at the layer that has it', () => {
    expect(errors(model('  output x -> Dense(10 ** 15) -> Dense(10 ** 6)'))).toEqual([{ code: 'NN3012', at: 'Dense(10 ** 6)' }]);
  });

  it('a product of sizes past 2^53 is NN3012 where it is computed', () => {
    const [d] = errors(model('  output tile(x, [1, 10 ** 6]) -> tile([1, 10 ** 6]) -> tile([1, 10 ** 6])'));
    expect(d?.code).toBe('NN3012');
  });

  it('the summary refuses a huge default instead of hanging', () => {
    for (const params of ['(n: int = 10 ** 400)', '(n: int = 2 ** 1000000)']) {
      const s = summary(model('  output x -> Dense(n)', params));
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.diagnostics.map((d) => d.code)).toEqual(['NN3012']);
    }
  });

  it('pow of a known base takes one step, whatever the exponent', () => {
    expect(errors(model('  let _n = pow(1, 10 ** 15)\n  output x'))).toEqual([]);
  });

  it('totals past 2^53 print as too large, each layer exact', () => {
    const s = summary(model('  output x -> repeat 30 { Dense(3 * 10 ** 7) }'));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.summary.params).toMatch(/^too large/);
    expect(s.summary.trainableParams).toMatch(/^too large/);
    expect(s.summary.layers.every((l) => typeof l.params === 'number' && Number.isSafeInteger(l.params))).toBe(true);
  });
});

describe('negative sizes', () => {
  it('a negative size in an input is NN3003 at the size, and the summary refuses it', () => {
    const source = model('  output x').replace('[B, 4]', '[B, -3]');
    expect(errors(source)).toEqual([{ code: 'NN3003', at: '-3' }]);
    expect(summary(source).ok).toBe(false);
  });

  it('a negative size in an annotation is NN3003', () => {
    expect(errors(model('  let h: [B, 2 - 6] = x\n  output h'))).toEqual([{ code: 'NN3003', at: '2 - 6' }]);
  });

  it('a negative size reached through a parameter is reported at the use', () => {
    const source = `block A(n: int) {\n  input x: [B, n - 10]\n  output x\n}\nmodel M {\n  input x: [B, 4]\n  output x -> A(4)\n}`;
    expect(errors(source).map((d) => d.code)).toEqual(['NN3003']);
  });
});

describe('dimension arithmetic', () => {
  it('refuses unsafe numbers instead of looping in gcd', () => {
    expect(() => rational(Infinity, 3)).toThrow(SizeLimitError);
    expect(() => rational(NaN)).toThrow(SizeLimitError);
    expect(() => mul(sym('S'), Infinity)).toThrow(SizeLimitError);
    expect(() => mul(2 ** 40, 2 ** 40)).toThrow(SizeLimitError);
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(SizeLimitError);
  });

  it('refuses coefficients that grow past 2^53', () => {
    let d = add(sym('H'), 1);
    expect(() => {
      for (let i = 0; i < 100; i++) d = mul(d, 1000);
    }).toThrow(SizeLimitError);
  });

  it('refuses polynomials that grow without end', () => {
    let d = add(sym('H'), sym('W'));
    expect(() => {
      for (let i = 0; i < 20; i++) d = mul(d, d);
    }).toThrow(SizeLimitError);
  });

  it('a model squaring a size again and again ends with NN3012', () => {
    const source = model('  let n = B + 1\n  repeat 20 { n = n * n }\n  output x -> reshape([B, 4]) -> Dense(n)');
    expect(errors(source).map((d) => d.code)).toContain('NN3012');
  });
});
