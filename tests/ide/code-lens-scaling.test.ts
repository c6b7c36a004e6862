// The lenses of a file of many models cost in proportion to the file: each
// model's count is taken from the parse the analysis already has (it was a
// summary per model, each parsing the whole file again: 1,000 models took
// 40 s). Measured as a ratio between two sizes in this process, never as an
// absolute time.

import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../core/ide/code-lens.js';
import { analyzeAt } from './helpers.js';

const models = (n: number) => Array.from({ length: n }, (_, i) => `model M${i} {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n`).join('');

/** The fastest of a few runs of the lenses of `source` (a fresh analysis object each time: the lenses are cached per analysis). */
function lensTime(source: string): number {
  const { analysis } = analyzeAt(source);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const fresh = { ...analysis };
    const t = performance.now();
    const lenses = codeLenses(fresh);
    best = Math.min(best, performance.now() - t);
    expect(lenses.filter((l) => l.title === 'Summary · 10 params')).toHaveLength(lenses.length / 2);
  }
  return best;
}

describe('code lenses of many models', () => {
  it('take about four times as long for four times the models (not sixteen)', () => {
    lensTime(models(50)); // warm up
    const small = lensTime(models(150));
    const large = lensTime(models(600));
    expect(large / small).toBeLessThan(9);
  }, 120_000);
});
