// Inputs at the limits: expressions with tens of thousands of parts end in
// a diagnostic (NN0003), never in a crash.

import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check-source.js';

const model = (output: string) => `model M {\n  input x: [B, 4]\n  output ${output}\n}`;

describe('limits', () => {
  it.each([
    ['a 50,000-term sum', model(`x${' + x'.repeat(50_000)}`)],
    ['50,000 indexings', model(`x${'[0]'.repeat(50_000)}`)],
    ['50,000 calls', model(`ReLU${'(x)'.repeat(50_000)}`)],
    ['a train setting with 50,000 terms', `model M {\n  input x: [B, 784]\n  output x -> Dense(10)\n}\ntrain M on mnist() {\n  epochs: 1${' + 1'.repeat(50_000)}\n}`],
  ])('%s is a diagnostic', (_name, source) => {
    expect(check(source).filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['NN0003']);
  });

  it('a 50,000-stage pipeline checks (pipelines are not recursive)', () => {
    expect(check(model(`x${' -> ReLU'.repeat(50_000)}`))).toEqual([]);
  });

  it('is still fine just below the limits people meet', () => {
    expect(check(model(`x${' + x'.repeat(1000)}`))).toEqual([]);
  });
});
