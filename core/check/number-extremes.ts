// `max` and `min` of numbers: `max(1, C / 4)` is the larger number, as in
// Python, while `max(x, axis)` of a tensor stays a reduction. And `max` of
// two tensors, or of a tensor and a float, which is not a reduction (NN3021):
// the elementwise larger of two values is `maximum`.

import type { Range } from '../../grammar/ast.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import { msg } from '../i18n/message.js';
import { dimEquals, formatDim, isConst, sub } from '../shapes/dim.js';
import { UNKNOWN, type Value } from '../values.js';
import type { ArgInput } from './bind-args.js';
import { isLenient } from './operators.js';
import type { CheckState, Frame } from './state.js';

const ELEMENTWISE: Readonly<Record<string, string>> = { max: 'maximum', min: 'minimum' };

/**
 * The value of `max(a, b, ...)` / `min(a, b, ...)` when every argument is a
 * number; UNKNOWN after reporting `max` of two values (NN3021);
 * undefined when the call is a reduction, checked as usual.
 */
export function numberExtreme(st: CheckState, fr: Frame, spec: FunctionSpec, args: readonly ArgInput[], argsRange: Range, range: Range): Value | undefined {
  const elementwise = ELEMENTWISE[spec.name];
  if (!elementwise || args.length < 2 || args.some((a) => a.name !== undefined)) return undefined;
  const isNumber = (v: Value) => v.kind === 'int' || v.kind === 'float';
  if (args.every((a) => isNumber(a.value) || a.value.kind === 'unknown')) {
    if (args.some((a) => a.value.kind === 'unknown')) return UNKNOWN;
    return extreme(st, fr, spec.name === 'max' ? 1 : -1, args, range);
  }
  // max(x, y), max(x, 0.5), max(0, x): two values compared elementwise, not a reduction along axes
  const [a, b] = [args[0]!.value, args[1]!.value];
  const twoValues = args.length === 2 && ((a.kind === 'tensor' && (b.kind === 'tensor' || b.kind === 'float')) || (isNumber(a) && b.kind === 'tensor'));
  if (!twoValues) return undefined;
  const callee = { start: range.start, end: argsRange.start };
  const fixes = fr.module.text.slice(callee.start, callee.end) === spec.name ? [{ title: msg`Change to '${elementwise}'`, edits: [{ range: callee, newText: elementwise }] }] : [];
  st.error(
    fr,
    'NN3021',
    spec.name === 'max'
      ? msg`${spec.name}(x, axis) reduces one tensor along axes; the elementwise larger of two values is ${elementwise}(a, b)`
      : msg`${spec.name}(x, axis) reduces one tensor along axes; the elementwise smaller of two values is ${elementwise}(a, b)`,
    callee.end > callee.start ? callee : range,
    { fixes },
  );
  return UNKNOWN;
}

/** The largest (sign 1) or smallest (sign -1) of numbers: an int when all are ints. */
function extreme(st: CheckState, fr: Frame, sign: 1 | -1, args: readonly ArgInput[], range: Range): Value {
  let best = args[0]!.value as Extract<Value, { kind: 'int' | 'float' }>;
  for (const arg of args.slice(1)) {
    const v = arg.value as Extract<Value, { kind: 'int' | 'float' }>;
    if (best.kind === 'int' && v.kind === 'int' && dimEquals(best.value, v.value)) continue;
    // numbers subtract as numbers (floats are not sizes); two sizes as sizes, exactly
    const diff = typeof v.value === 'number' && typeof best.value === 'number' ? v.value - best.value : v.kind === 'int' && best.kind === 'int' ? sub(v.value, best.value) : undefined;
    if (diff === undefined || !isConst(diff)) {
      if (!isLenient(fr)) {
        const [x, y] = [formatDim(best.value), formatDim(v.value)];
        const why = sign > 0 ? msg`not known at check time: which of ${x} and ${y} is larger depends on sizes not known here` : msg`not known at check time: which of ${x} and ${y} is smaller depends on sizes not known here`;
        st.error(fr, 'NN3004', why, range);
      }
      return UNKNOWN;
    }
    if (sign * diff > 0) best = v;
  }
  const float = args.some((a) => a.value.kind === 'float');
  return float ? { kind: 'float', value: best.value as number } : best;
}
