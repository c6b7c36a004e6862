// One work budget for a whole check: nested repeats, and repeats reached
// through blocks that repeat blocks, multiply past any one repeat's bound.
// They stop with one NN3013 at the outermost repeat or application, the
// same in the check, the summary and the trace, instead of running for
// minutes or out of memory; the bundled models fit with a wide margin.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../core/check/budget.js';
import { checkFile } from '../../core/check/program.js';
import { traceModel } from '../../core/graph/trace.js';
import { summarize } from '../../core/summary.js';
import { check } from '../helpers/check-source.js';
import { memoryHost } from '../helpers/memory-host.js';

const nested = 'model M {\n  input x: [B, 4]\n  output x -> repeat 10000 { repeat 10000 { ReLU } }\n}';
const throughBlocks = `block A {
  input x: [B, C]
  output x -> repeat 10000 { Dense(4) }
}
block A2 {
  input x: [B, C]
  output x -> repeat 10000 { A }
}
model M {
  input x: [B, 4]
  output x -> A2
}`;
const statements = 'model M {\n  input x: [B, 4]\n  repeat 10000 {\n    repeat 10000 {\n      let _a = 1\n    }\n  }\n  output x\n}';

describe('the work budget', () => {
  it('stops nested repeats at the outer repeat, once', () => {
    const ds = check(nested);
    expect(ds.map((d) => ({ code: d.code, at: d.at }))).toEqual([{ code: 'NN3013', at: 'repeat 10000' }]);
    expect(ds[0]!.message).toContain(`more than ${DEFAULT_LIMITS.applications.toLocaleString('en-US')} layers and blocks`);
    expect(ds[0]!.related).toEqual(['ReLU — the check stopped here, in ReLU']);
  });

  it('stops repeats nested through blocks in the check too, though identical applications are reused there', () => {
    const ds = check(throughBlocks);
    expect(ds.map((d) => ({ code: d.code, at: d.at }))).toEqual([{ code: 'NN3013', at: 'repeat 10000' }]);
  });

  it('stops statements that do no layer work after its steps', () => {
    const result = checkFile('/main.nn', memoryHost({ '/main.nn': statements }));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['NN3013']);
    expect(result.diagnostics[0]!.message).toContain('steps');
    expect(result.state.budget.steps).toBe(DEFAULT_LIMITS.steps + 1);
  });

  it('stops the summary and the trace the same way', () => {
    for (const source of [nested, throughBlocks]) {
      const host = memoryHost({ '/main.nn': source });
      const s = summarize('/main.nn', host, 'M');
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.diagnostics.map((d) => d.code)).toEqual(['NN3013']);
      const t = traceModel('/main.nn', host, { model: 'M' });
      expect(t.ok).toBe(false);
      if (!t.ok) expect(t.diagnostics.map((d) => d.code)).toEqual(['NN3013']);
    }
  });

  it('takes smaller limits and stops the trace at them', () => {
    const source = 'model M {\n  input x: [B, 4]\n  output x -> repeat 50 { Dense(4) }\n}';
    const host = memoryHost({ '/main.nn': source });
    expect(checkFile('/main.nn', host).diagnostics).toEqual([]);
    expect(checkFile('/main.nn', host, { limits: { applications: 10 } }).diagnostics.map((d) => d.code)).toEqual(['NN3013']);
    const t = traceModel('/main.nn', host, { model: 'M', limits: { applications: 10 } });
    expect(t.ok).toBe(false);
  });

  it('stops at a deadline that has passed, saying so', () => {
    const result = checkFile('/main.nn', memoryHost({ '/main.nn': nested }), { limits: { deadline: Date.now() - 1 } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['NN3013']);
    expect(result.diagnostics[0]!.message).toContain('time limit');
  });

  it('reports the stop once, and checks nothing after it', () => {
    const source = `${nested}\nmodel N {\n  input x: [B, 4]\n  output x -> Dense(unknown)\n}`;
    expect(check(source).map((d) => d.code)).toEqual(['NN3013']);
  });

  it('leaves a margin of a hundred times to the bundled models', () => {
    const examples = join(import.meta.dirname, '..', '..', 'examples');
    for (const name of readdirSync(examples).filter((f) => f.endsWith('.nn'))) {
      const host = memoryHost({ [`/${name}`]: readFileSync(join(examples, name), 'utf8') });
      const { state, diagnostics } = checkFile(`/${name}`, host);
      expect(diagnostics.filter((d) => d.code === 'NN3013')).toEqual([]);
      expect(state.budget.steps).toBeLessThan(DEFAULT_LIMITS.steps / 100);
      expect(state.budget.applications).toBeLessThan(DEFAULT_LIMITS.applications / 50);
    }
  });
});
