// Evaluating the arguments of a call, keeping each one's place in the source.

import type { Argument } from '../../grammar/ast.js';
import type { ArgInput } from './bind-args.js';
import { evaluate, type EvalOptions } from './evaluate.js';
import type { CheckState, Frame } from './state.js';

export function evaluateArgs(st: CheckState, fr: Frame, args: readonly Argument[], opts: EvalOptions = {}): ArgInput[] {
  return args.map((a) => ({
    ...(a.name ? { name: a.name.name, nameRange: a.name.range } : {}),
    value: evaluate(st, fr, a.value, opts),
    range: a.value.range,
    ...(a.value.kind === 'List' ? { itemRanges: a.value.items.map((i) => i.range) } : {}),
  }));
}
