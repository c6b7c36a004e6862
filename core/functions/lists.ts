// Functions on lists: len, reverse. They compute at check time on the list
// itself; the tensors in a list reach the compiler unchanged.

import { msg } from '../i18n/message.js';
import { formatShape } from '../shapes/shape.js';
import { describeKind, type Value } from '../values.js';
import type { FunctionContext, FunctionSpec } from './function-spec.js';
import { argValue } from './util.js';

/** The items of the list argument `xs` (a tuple reads as a list); NN3001 for anything else. */
function listArg(ctx: FunctionContext, fn: string): readonly Value[] | undefined {
  const v = argValue(ctx, 'xs');
  if (!v) return undefined;
  if (v.kind === 'list' || v.kind === 'tuple') return v.items;
  const hint = v.kind === 'tensor' ? msg` ${formatShape(v.shape)}: a tensor's sizes are the names of its shape (input x: [B, T, C])` : '';
  return ctx.error('NN3001', msg`${fn} takes a list, but xs is ${describeKind(v)}${hint}`, 'xs');
}

export const len: FunctionSpec = {
  name: 'len',
  category: 'list',
  checkTimeOnly: true,
  doc:
    'The number of items in a list, as an int known at check time: `len([16, 32, 64])` is 3. It can size a layer, count a ' +
    '`repeat`, or decide an `if`: `repeat i in len(widths) { ... }` walks a list of widths with its positions, and ' +
    '`len(skips)` says how many skip connections a U-Net encoder has collected.',
  params: [{ name: 'xs', type: 'any', doc: 'A list (of tensors, numbers, ...).' }],
  call(ctx) {
    const items = listArg(ctx, 'len');
    return items && { kind: 'int', value: items.length };
  },
};

export const reverse: FunctionSpec = {
  name: 'reverse',
  category: 'list',
  checkTimeOnly: true,
  doc:
    'The items of a list in the opposite order: `reverse([16, 32, 64])` is `[64, 32, 16]`. A U-Net collects its skip connections ' +
    'on the way down (`skips = skips + [x]`) and joins them on the way up in reverse: `for skip in reverse(skips) { ... }`. ' +
    '`xs[::-1]` is the same list.',
  params: [{ name: 'xs', type: 'any', doc: 'A list (of tensors, numbers, ...).' }],
  call(ctx) {
    const items = listArg(ctx, 'reverse');
    return items && { kind: 'list', items: items.slice().reverse() };
  },
};

export const LIST_FUNCTIONS: readonly FunctionSpec[] = [len, reverse];
