// The checker on hostile programs: generated (seeded, so failures
// reproduce) with huge, negative and fractional sizes, deep nesting, nested
// repeats and blocks that repeat blocks. Each check and summary ends within
// its work budget with a result or diagnostics, never an exception; and the
// inputs that used to hang end in a child process with their diagnostic.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkLimits } from '../../core/check/budget.js';
import { checkFile } from '../../core/check/program.js';
import { summarize } from '../../core/summary.js';
import { memoryHost } from '../helpers/memory-host.js';
import { type TempFolder, tempFolder } from '../helpers/temp-files.js';
import { prng } from '../helpers/prng.js';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** A size as hostile as it gets: huge powers and literals, negatives, floats, symbols times huge numbers. */
function size(random: Random): string {
  // half of them plain, so that the structure around them runs too
  if (random() < 0.5) return String(between(random, 1, 64));
  return pick(random, [
    () => `10 ** ${between(random, 1, 400)}`,
    () => `2 ** ${pick(random, [10, 52, 53, 64, 1000, 1000000])}`,
    () => `-${between(random, 1, 9)}`,
    () => `${between(random, 1, 9)}.5`,
    () => '99999999999999999999',
    () => `S * 10 ** ${between(random, 1, 400)}`,
    () => `C * ${between(random, 1, 9)}`,
    () => `pow(${between(random, 1, 3)}, 10 ** ${between(random, 1, 20)})`,
    () => `floor(1e${between(random, 1, 400)})`,
    () => String(between(random, 1, 64)),
  ])();
}

function nest(random: Random, inner: string): string {
  let out = inner;
  for (let i = between(random, 0, 40); i > 0; i--) out = `(${out})`;
  return out;
}

/** A stage: a layer with a hostile size, a function on sizes, or nested repeats. */
function stage(random: Random, depth: number, blocks: string[]): string {
  const choices = [
    () => `Dense(${nest(random, size(random))})`,
    () => 'ReLU',
    () => `reshape([B, ${size(random)}])`,
    () => `tile([1, ${size(random)}])`,
    () => `split(${size(random)})`,
    () => (blocks.length > 0 ? pick(random, blocks) : 'ReLU'),
  ];
  if (depth < 3) choices.push(() => `repeat ${pick(random, ['10000', '100', '3', size(random)])} { ${stage(random, depth + 1, blocks)} }`);
  return pick(random, choices)();
}

/** A file: blocks that apply the blocks before them, then a model with hostile parameters and inputs. */
function program(random: Random): string {
  const blocks: string[] = [];
  let text = '';
  for (let b = between(random, 0, 3); b > 0; b--) {
    const name = `Block${blocks.length}`;
    text += `block ${name}(n: int = ${size(random)}) {\n  input x: [B, C]\n  output x -> ${stage(random, 0, blocks)}\n}\n\n`;
    blocks.push(name);
  }
  const input = random() < 0.5 ? `[B, ${size(random)}]` : '[B, S]';
  text += `model M(n: int = ${size(random)}) {\n  input x: ${input}\n  let h = x -> ${stage(random, 0, blocks)}\n  output h -> ${stage(random, 0, blocks)}\n}\n`;
  return text;
}

// smaller than the defaults, so that two hundred programs check quickly; the defaults are exercised below
const LIMITS: WorkLimits = { steps: 100_000, applications: 2_000 };

describe('hostile programs', () => {
  it('each ends with a result or diagnostics, within its budget, never an exception', () => {
    const random = prng(20261202);
    for (let i = 0; i < 200; i++) {
      const text = program(random);
      const host = memoryHost({ '/main.nn': text });
      const checked = checkFile('/main.nn', host, { limits: LIMITS });
      expect(checked.state.budget.steps, text).toBeLessThanOrEqual(LIMITS.steps! + 1);
      for (const d of checked.diagnostics) {
        expect(d.range.start, text).toBeGreaterThanOrEqual(0);
        expect(d.range.end, text).toBeLessThanOrEqual(text.length);
        expect(d.message, text).not.toMatch(/Infinity|NaN|internal/);
      }
      const summary = summarize('/main.nn', host, 'M', {}, LIMITS);
      if (summary.ok) {
        // every count is exact, or says it is too large
        for (const n of [summary.summary.params, summary.summary.flops, ...summary.summary.layers.map((l) => l.params)]) {
          if (typeof n === 'number') expect(Number.isSafeInteger(n) && n >= 0, text).toBe(true);
          else expect(n, text).not.toMatch(/Infinity|NaN|e\+/);
        }
      }
    }
  }, 120_000);
});

describe('inputs that used to hang, in a child process', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');
  let folder: TempFolder;
  beforeAll(() => {
    folder = tempFolder('hostile');
  });
  afterAll(() => folder.remove());

  it.each([
    ['check', 'a huge factor of a symbolic input size', 'model M {\n  input x: [B, S * 10 ** 400]\n  output x\n}\n', 'NN3012'],
    ['check', 'a huge Dense in a block with a symbolic input', 'block Big {\n  input x: [B, C]\n  output x -> Dense(10 ** 400)\n}\nmodel M {\n  input x: [B, 4]\n  output x -> Big\n}\n', 'NN3012'],
    ['summary', 'a huge default', 'model M(n: int = 10 ** 400) {\n  input x: [B, 4]\n  output x -> Dense(n)\n}\n', 'NN3012'],
    ['summary', 'a huge power', 'model M(n: int = 2 ** 1000000) {\n  input x: [B, 4]\n  output x -> Dense(n)\n}\n', 'NN3012'],
    ['check', 'nested repeats', 'model M {\n  input x: [B, 4]\n  output x -> repeat 10000 { repeat 10000 { ReLU } }\n}\n', 'NN3013'],
    ['summary', 'repeats nested through blocks', 'block A {\n  input x: [B, C]\n  output x -> repeat 10000 { ReLU }\n}\nblock A2 {\n  input x: [B, C]\n  output x -> repeat 10000 { A }\n}\nmodel M {\n  input x: [B, 4]\n  output x -> A2\n}\n', 'NN3013'],
  ])('nn %s: %s exits with its diagnostic', (command, _name, source, code) => {
    const file = folder.write(`${code}-${command}-${source.length}.nn`, source);
    // far longer than the check takes: a run killed by this timeout is the hang coming back
    const r = spawnSync(process.execPath, [bin, command, file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(`error[${code}]`);
  }, 90_000);
});
