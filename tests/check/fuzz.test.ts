// The checker on mangled inputs: random mutations of the bundled specs and
// random token soup never throw, and each check ends in bounded time.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { summarize } from '../../core/summary.js';
import { memoryHost } from '../helpers/memory-host.js';
import { prng } from '../helpers/prng.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const sources = readdirSync(examples)
  .filter((f) => f.endsWith('.nn'))
  .map((f) => readFileSync(join(examples, f), 'utf8'));

const FRAGMENTS = ['->', '(', ')', '[', ']', '{', '}', ',', ':', '=', '+', '*', '/', '@', 'x', 'B', 'H', '0', '-1', '3', '7', 'Dense(3)', 'Conv2D(8, 3)', 'repeat 2 {', 'if', 'else', 'let', 'output', 'input', 'model', 'block', '...', 'newaxis', '"s"', 'true', 'reshape([B, -1])', 'MaxPool2D(2)', 'split(x, 2)', 'x[..., 0:2]'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.35) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 12));
    else if (kind < 0.7) out = out.slice(0, at) + ` ${FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]} ` + out.slice(at);
    else {
      const from = Math.floor(random() * out.length);
      out = out.slice(0, at) + out.slice(from, from + 20) + out.slice(at);
    }
  }
  return out;
}

function checkQuickly(text: string): number {
  const start = performance.now();
  const result = checkFile('/main.nn', memoryHost({ '/main.nn': text }));
  for (const d of result.diagnostics) {
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeLessThanOrEqual(text.length);
    expect(d.range.start).toBeLessThanOrEqual(d.range.end);
  }
  return performance.now() - start;
}

describe('checker fuzz', () => {
  it('never throws on mutated specs', () => {
    const random = prng(20261129);
    let slowest = 0;
    for (let i = 0; i < 400; i++) {
      const base = sources[i % sources.length]!;
      slowest = Math.max(slowest, checkQuickly(mutate(base, random)));
    }
    // a hang detector, not a benchmark
    expect(slowest).toBeLessThan(5000);
  });

  it('never throws on token soup', () => {
    const random = prng(7);
    for (let i = 0; i < 300; i++) {
      const n = 5 + Math.floor(random() * 60);
      const text = `model M {\n  input x: [B, H, W, 3]\n  output ${Array.from({ length: n }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]).join(' ')}\n}`;
      checkQuickly(text);
    }
  });

  it('summaries of mutated specs never throw', () => {
    const random = prng(99);
    for (let i = 0; i < 100; i++) {
      const text = mutate(sources[i % sources.length]!, random);
      const result = summarize('/main.nn', memoryHost({ '/main.nn': text }), undefined);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});
