// Two recorded steps are the same computation when their ops, attributes,
// inputs' origins, values made in JavaScript and output shapes agree; handle
// ids may differ. Recorded steps here are written out as data.

import { describe, expect, it } from 'vitest';
import type { StepTrace } from '../../../runtime/train/graph-step/step-trace.js';
import { type RecordedStep, traceDifference } from '../../../runtime/train/graph-step/trace-shape.js';

const FLOAT = 1;
const bytes = (...values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

/** x (fed) * w (fed) + a scalar made in JavaScript; w changes to the sum. Handle ids start at `base`. */
function step(base: number, options: { scalar?: number; attr?: string; outside?: number } = {}): RecordedStep {
  const [x, w, scalar, product, sum] = [base, base + 1, base + 2, base + 3, base + 4];
  const trace: StepTrace = {
    created: [{ id: scalar, shape: [], dtype: FLOAT, bytes: bytes(options.scalar ?? 0.5) }],
    ops: [
      { op: 'Mul', attrs: [{ name: 'T', type: 4, value: options.attr === 'other' ? 3 : FLOAT }], inputs: [x, w], outputs: [{ id: product, shape: [2], dtype: FLOAT }] },
      { op: 'Add', attrs: [{ name: 'T', type: 4, value: FLOAT }], inputs: [product, options.outside ?? scalar], outputs: [{ id: sum, shape: [2], dtype: FLOAT }] },
    ],
    reads: [],
  };
  return { trace, feeds: [x, w], outputs: [sum] };
}

describe('whether two recorded steps are the same computation', () => {
  it('are the same when only the handle ids differ', () => {
    expect(traceDifference(step(10), step(500))).toBeUndefined();
  });

  it('differ when a value made in JavaScript differs (a random mask)', () => {
    expect(traceDifference(step(10), step(500, { scalar: 0.25 }))).toBe('value 0 made in JavaScript differs (random numbers drawn in JavaScript?)');
  });

  it('differ when an attribute differs', () => {
    expect(traceDifference(step(10), step(500, { attr: 'other' }))).toBe('op 0 (Mul) has other attributes');
  });

  it('differ when an input comes from elsewhere', () => {
    expect(traceDifference(step(10, { outside: 7 }), step(500))).toBe('op 1 (Add) takes other inputs');
  });

  it('are the same when both read the same handle from before the step', () => {
    expect(traceDifference(step(10, { outside: 7 }), step(500, { outside: 7 }))).toBeUndefined();
    expect(traceDifference(step(10, { outside: 7 }), step(500, { outside: 8 }))).toBe('op 1 (Add) takes other inputs');
  });

  it('differ in the number of ops, and in what comes out', () => {
    const shorter = step(500);
    shorter.trace.ops.pop();
    expect(traceDifference(step(10), shorter)).toBe('2 ops, then 1');
    const otherShape = step(500);
    otherShape.trace.ops[1]!.outputs[0]!.shape = [3];
    expect(traceDifference(step(10), otherShape)).toBe('op 1 (Add) gives other outputs');
    const otherOutput = step(500);
    otherOutput.outputs = [503];
    expect(traceDifference(step(10), otherOutput)).toBe('the step gives back other tensors');
  });
});
