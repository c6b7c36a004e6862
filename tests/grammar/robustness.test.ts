// Hostile inputs: parse never throws, answers quickly (a hang detector, not
// a benchmark) and reports the right code.

import { describe, expect, it } from 'vitest';
import { parse, print } from '../../grammar/index.js';
import { prng } from './helpers.js';

const valid = `/// doc
model VGG(classes: int = 1000) {
  input image: [B, 224, 224, 3]
  let h = image -> Conv2D(64, 3, stride: 2) -> ReLU -> MaxPool2D(2)  // [B, 56, 56, 64]
  let n = -x ** 2 + floor(a / 2) % 3
  output h -> Dense(classes)
}
train VGG on mnist(split: 0.8) { loss: crossentropy  epochs: 5 }
`;

function randomBytes(n: number, seed: number): string {
  const r = prng(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 256));
  return s;
}

const cases: [string, () => string, string | undefined, number][] = [
  ['empty file', () => '', undefined, 0],
  ['binary junk', () => randomBytes(200_000, 1), 'NN0001', 0],
  ['10,000 nested parentheses', () => '('.repeat(10_000) + 'x' + ')'.repeat(10_000), 'NN0003', 0],
  ['10,000 nested parentheses in a model, then another model',
    () => `model A { output ${'('.repeat(10_000)}x${')'.repeat(10_000)} }\nmodel B { output y }`, 'NN0003', 2],
  ['10,000 unclosed parentheses, then a model', () => `model A { output ${'('.repeat(10_000)}\nmodel B { output y }`, 'NN0003', 2],
  ['5,000 nested repeat bodies', () => `model A { ${'repeat 2 { '.repeat(5_000)}${'}'.repeat(5_000)} }`, 'NN0003', 1],
  ['10,000 nested lists', () => `model A { output ${'['.repeat(10_000)}${']'.repeat(10_000)} }`, 'NN0003', 1],
  ['100,000 prefix minus', () => `model A { output ${'-'.repeat(100_000)}x }`, 'NN0003', 1],
  ['100,000 powers', () => `model A { output ${'x ** '.repeat(100_000)}x }`, 'NN0003', 1],
  ['an unterminated string', () => 'model A { output "abc\n}\nmodel B { output y }', 'NN0002', 2],
  ['an unterminated string at end of file', () => 'import "abc', 'NN0002', 1],
  ['a file of arrows', () => '->'.repeat(100_000), 'NN0012', 0],
  ['a model of arrows', () => `model A { output ${'-> '.repeat(50_000)} }`, 'NN0010', 1],
  ['only closing brackets', () => ')]}'.repeat(10_000), 'NN0012', 0],
  ['10,000 ifs', () => `model A { output ${'if '.repeat(10_000)} }\nmodel B { output y }`, 'NN0003', 1],
  ['a 1.9 MB file (under the limit: parsed)', () => valid.repeat(Math.floor(1_900_000 / valid.length)), undefined, -1],
  ['a 10 MB file (over the limit: not parsed)', () => valid.repeat(Math.ceil(10_000_000 / valid.length)), 'NN0004', 0],
];

describe('robustness', () => {
  it.each(cases)('%s', (_name, make, code, items) => {
    const source = make();
    const t0 = performance.now();
    let result: ReturnType<typeof parse> | undefined;
    expect(() => {
      result = parse(source);
    }).not.toThrow();
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeLessThan(source.length > 2_000_000 ? 1_000 : source.length > 1_000_000 ? 60_000 : 5_000);
    const r = result!;
    if (code === undefined) expect(r.diagnostics).toEqual([]);
    else expect(r.diagnostics.map((d) => d.code)).toContain(code);
    if (items >= 0) expect(r.program.items.length).toBeGreaterThanOrEqual(items);
    else expect(r.program.items.length).toBeGreaterThan(1000);
    for (const d of r.diagnostics) {
      expect(d.range.start).toBeGreaterThanOrEqual(0);
      expect(d.range.end).toBeLessThanOrEqual(source.length);
      expect(d.range.start).toBeLessThanOrEqual(d.range.end);
    }
    if (source.length < 1_000_000) expect(() => print(r.program)).not.toThrow();
  }, 120_000);

  it('a file over 2,000,000 characters is one NN0004 at 0..0 and an empty program, in well under a second', () => {
    const source = valid.repeat(Math.ceil(10_000_000 / valid.length));
    const t0 = performance.now();
    const r = parse(source);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(r.diagnostics).toEqual([{
      code: 'NN0004', message: 'this file is 10 MB; nn checks files up to 2 MB', range: { start: 0, end: 0 },
    }]);
    expect(r.program).toEqual({ kind: 'Program', items: [], comments: [], range: { start: 0, end: source.length } });
    expect(parse(' '.repeat(2_000_001)).diagnostics.map((d) => d.message)).toEqual(['this file is 2.0 MB; nn checks files up to 2 MB']);
    expect(parse(' '.repeat(2_000_000)).diagnostics).toEqual([]);
  });

  it('parses a 5,000-line file fast (loose bound; the real figure is logged)', () => {
    const lines = valid.split('\n').length - 1;
    const big = Array.from({ length: Math.ceil(5_000 / lines) }, (_, i) => valid.replace(/VGG/g, `VGG${i}`)).join('');
    for (let i = 0; i < 5; i++) parse(big);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = parse(big);
      times.push(performance.now() - t0);
      expect(r.diagnostics).toEqual([]);
    }
    times.sort((a, b) => a - b);
    console.log(`5,000-line file (${big.length} chars): best ${times[0]!.toFixed(1)} ms, median ${times[2]!.toFixed(1)} ms`);
    expect(times[0]).toBeLessThan(1_000);
  }, 60_000);
});
