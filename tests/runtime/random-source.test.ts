// Random numbers for dropout and noise on the native backend: TensorFlow's
// stateless ops keyed by a layer's counter, so that the same seed gives the
// same numbers, each call new ones, and the counter is an ordinary variable
// (what lets a step with dropout run as one graph).

import { describe, expect, it } from 'vitest';
import { dropout, randomSource } from '../../runtime/compile/random-source.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
type Variable = import('@tensorflow/tfjs').Variable;

const values = (t: { dataSync(): ArrayLike<number>; dispose(): void }) => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

describe('random numbers of a layer', () => {
  it('are the same for the same seed, and new at every call', () => {
    const [a, b] = [randomSource(tf, 42, {}), randomSource(tf, 42, {})];
    const first = values(a.uniform([100], 0, 1));
    expect(values(b.uniform([100], 0, 1))).toEqual(first);
    const second = values(a.uniform([100], 0, 1));
    expect(second).not.toEqual(first);
    expect(values(randomSource(tf, 43, {}).uniform([100], 0, 1))).not.toEqual(first);
  });

  it('keep their count in an int32 variable [seed, calls]', () => {
    const state: { counter?: Variable } = {};
    const source = randomSource(tf, 7, state);
    expect(state.counter).toBeUndefined();
    values(source.normal([3], 0, 1));
    values(source.uniform([3], 0, 1));
    expect(state.counter!.dtype).toBe('int32');
    expect(Array.from(state.counter!.dataSync())).toEqual([7, 2]);
    state.counter!.dispose();
  });

  it('are uniform in [low, high) and normal with the mean and deviation asked for', () => {
    const source = randomSource(tf, 1, {});
    const u = values(source.uniform([20_000], -2, 3));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...u)).toBeLessThan(3);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    const n = values(source.normal([20_000], 5, 2));
    expect(mean(n)).toBeCloseTo(5, 1);
    expect(std(n)).toBeCloseTo(2, 1);
  });

  it('drop a value with probability rate, and scale the kept by 1 / (1 - rate)', () => {
    const x = tf.fill([20_000], 3);
    const y = values(dropout(tf, randomSource(tf, 5, {}), x, 0.25));
    x.dispose();
    const kept = y.filter((v) => v !== 0);
    expect(new Set(kept.map((v) => v.toFixed(5)))).toEqual(new Set([(3 / 0.75).toFixed(5)]));
    expect(kept.length / y.length).toBeCloseTo(0.75, 1);
  });
});
