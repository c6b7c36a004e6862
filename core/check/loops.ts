// Counts of `repeat n`: a whole number known at check time, within bounds.

import type { Expr } from '../../grammar/ast.js';
import { formatDim, isConst } from '../shapes/dim.js';
import { msg } from '../i18n/message.js';
import { describeKind } from '../values.js';
import { evaluate } from './evaluate.js';
import { isLenient } from './operators.js';
import type { CheckState, Frame } from './state.js';

/** The most iterations one loop may unroll: keeps checking bounded on any input. */
export const MAX_ITERATIONS = 10_000;

export function loopCount(st: CheckState, fr: Frame, e: Expr): number | undefined {
  const v = evaluate(st, fr, e);
  if (v.kind === 'unknown') return undefined;
  if (v.kind !== 'int') {
    st.error(fr, 'NN3001', msg`a repeat count must be an int, but this is ${describeKind(v)}`, e.range);
    return undefined;
  }
  if (!isConst(v.value)) {
    if (!isLenient(fr)) st.error(fr, 'NN3004', msg`a repeat count must be known at check time, but this is ${formatDim(v.value)}`, e.range);
    return undefined;
  }
  if (v.value < 0) {
    st.error(fr, 'NN3003', msg`a repeat count cannot be negative (${v.value})`, e.range);
    return undefined;
  }
  if (v.value > MAX_ITERATIONS) {
    st.error(fr, 'NN3010', msg`a repeat count of ${v.value} is more than the ${MAX_ITERATIONS} a model may unroll`, e.range);
    return undefined;
  }
  return v.value;
}
