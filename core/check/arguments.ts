// Evaluating the arguments of a call, keeping each one's place in the source.

import type { Argument } from '../../grammar/ast.js';
import type { ArgInput } from './bind-args.js';
import { evaluate, type EvalOptions } from './evaluate.js';
import type { CheckState, Frame } from './state.js';

export function evaluateArgs(st: CheckState, fr: Frame, args: readonly Argument[], opts: EvalOptions = {}): ArgInput[] {
  const out: ArgInput[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const input: ArgInput = { value: evaluate(st, fr, a.value, opts), range: a.value.range };
    if (a.name) {
      input.name = a.name.name;
      input.nameRange = a.name.range;
    }
    if (a.value.kind === 'List') input.itemRanges = a.value.items.map((item) => item.range);
    out[i] = input;
  }
  return out;
}
