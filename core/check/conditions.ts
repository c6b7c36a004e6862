// Conditions of `if`: they must be known at check time (structure depends
// only on known numbers).

import type { Expr } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { describeKind } from '../values.js';
import { evaluate } from './evaluate.js';
import type { CheckState, Frame } from './state.js';

/** true / false, or undefined when unknown (already reported, or quietly undecided in a block checked on its own). */
export function conditionValue(st: CheckState, fr: Frame, e: Expr): boolean | undefined {
  const v = evaluate(st, fr, e);
  if (v.kind === 'bool') return v.value;
  if (v.kind !== 'unknown') st.error(fr, 'NN3001', msg`a condition must be a bool known at check time, but this is ${describeKind(v)}`, e.range);
  return undefined;
}
