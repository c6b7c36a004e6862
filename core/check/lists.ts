// Lists: `[]`, `[x]`, `skips + [x]`, `skips[-1]`, `skips[1:]`, `skips[::-1]`.
// A list is a value of the checker, like a number: the tensors in it are
// what reaches the compiler. A tuple (the outputs of `split`, of a block
// with several outputs) reads as a list wherever a list is read.

import type { BinaryExpr, Expr, IndexExpr, IndexItem } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { formatDim, isConst } from '../shapes/dim.js';
import { describeKind, UNKNOWN, type Value } from '../values.js';
import { evaluate } from './evaluate.js';
import { MAX_ITERATIONS } from './loops.js';
import { isLenient } from './operators.js';
import type { CheckState, Frame } from './state.js';

/** The most items a list may hold: as many as a loop may unroll, so that checking stays bounded. */
export const MAX_LIST_ITEMS = MAX_ITERATIONS;

/** How many items copied count as one step of the work budget: a list's work is bounded like any other. */
const ITEMS_PER_STEP = 10;

/** Charges the work budget for copying `n` items (a join, a slice, a reverse). */
export function chargeListWork(st: CheckState, n: number): void {
  for (let i = ITEMS_PER_STEP; i <= n; i += ITEMS_PER_STEP) st.budget.step();
}

/** The items of a list or tuple; undefined for any other value. */
export function listItems(v: Value): readonly Value[] | undefined {
  return v.kind === 'list' || v.kind === 'tuple' ? v.items : undefined;
}

/**
 * A binary operator with a list on one side. Only `+` applies to lists:
 * it joins two lists. A list and anything else is NN3014, with the fix of
 * putting the other operand in a list (`skips + x` -> `skips + [x]`).
 */
export function listOp(st: CheckState, fr: Frame, e: BinaryExpr, a: Value, b: Value): Value {
  const left = listItems(a);
  const right = listItems(b);
  if (e.op === '+' && left && right) return joinLists(st, fr, e, left, right);
  if (e.op === '+' && canBeListed(left ? b : a)) {
    const item = left ? e.right : e.left;
    const text = fr.module.text.slice(item.range.start, item.range.end);
    const list = left ? a : b;
    const written = left ? `${fr.module.text.slice(e.left.range.start, e.left.range.end)} + [${text}]` : `[${text}] + ${fr.module.text.slice(e.right.range.start, e.right.range.end)}`;
    st.error(fr, 'NN3014', msg`'+' joins two lists, but this is ${describeKind(left ? b : a)}, and the other side ${describeKind(list)}: to add it to the list, put it in one (${short(written)})`, item.range, {
      fixes: [{ title: msg`Put it in a list: [${short(text)}]`, edits: [{ range: item.range, newText: `[${text}]` }] }],
    });
    return UNKNOWN;
  }
  const [kindA, kindB] = [describeKind(a), describeKind(b)];
  st.error(fr, 'NN3001', left || right ? msg`'${e.op}' cannot combine ${kindA} and ${kindB} (lists join with '+')` : msg`'${e.op}' cannot combine ${kindA} and ${kindB}`, e.opRange);
  return UNKNOWN;
}

/** A value that may be an item of a list the user builds: a tensor or a number. */
function canBeListed(v: Value): boolean {
  return v.kind === 'tensor' || v.kind === 'int' || v.kind === 'float' || v.kind === 'bool' || v.kind === 'string';
}

const short = (text: string): string => (text.length <= 40 ? text : `${text.slice(0, 37)}...`);

/** `a + b` on lists: their items in order; both must hold one kind of value, and the result at most MAX_LIST_ITEMS. */
function joinLists(st: CheckState, fr: Frame, e: BinaryExpr, left: readonly Value[], right: readonly Value[]): Value {
  const l = itemFamily(left);
  const r = itemFamily(right);
  if (l !== undefined && r !== undefined && l !== r) {
    st.error(fr, 'NN3001', msg`'+' would join a list of ${familyName(l)} and a list of ${familyName(r)}: a list holds one kind of value`, e.opRange);
    return UNKNOWN;
  }
  const length = left.length + right.length;
  if (length > MAX_LIST_ITEMS) {
    st.error(fr, 'NN3015', msg`this list would hold ${length} items, more than the ${MAX_LIST_ITEMS} a list may hold`, e.opRange);
    return UNKNOWN;
  }
  chargeListWork(st, length);
  return { kind: 'list', items: left.concat(right) };
}

/** The kinds of value a list may hold, as one family each (an int and a float are both numbers). */
type Family = 'tensors' | 'numbers' | 'bools' | 'strings' | 'lists' | 'other values';

/** What every item of a list is (`tensors`, `numbers`, ...); undefined when it is empty, mixed or holds unknowns. */
function itemFamily(items: readonly Value[]): Family | undefined {
  const families = new Set(items.map(family));
  if (families.size !== 1 || families.has(undefined)) return undefined;
  return [...families][0];
}

function family(v: Value): Family | undefined {
  switch (v.kind) {
    case 'tensor':
      return 'tensors';
    case 'int':
    case 'float':
      return 'numbers';
    case 'bool':
      return 'bools';
    case 'string':
      return 'strings';
    case 'list':
    case 'tuple':
      return 'lists';
    case 'unknown':
      return undefined;
    default:
      return 'other values';
  }
}

/** A family as a message says it. */
function familyName(f: Family): string {
  switch (f) {
    case 'tensors':
      return msg`tensors`;
    case 'numbers':
      return msg`numbers`;
    case 'bools':
      return msg`bools`;
    case 'strings':
      return msg`strings`;
    case 'lists':
      return msg`lists`;
    case 'other values':
      return msg`other values`;
  }
}

/** `xs[i]` (an item; negative counts from the end) or `xs[a:b:c]` (a list; Python's semantics, a step may be negative). */
export function indexList(st: CheckState, fr: Frame, e: IndexExpr, target: Value, items: readonly Value[]): Value {
  const [only] = e.items;
  if (e.items.length !== 1 || !only || only.kind === 'Ellipsis' || only.kind === 'NewAxis') {
    st.error(fr, 'NN3003', msg`a list takes one index or slice, like xs[0], xs[-1] or xs[1:]`, e.items.length > 0 ? { start: e.items[0]!.range.start, end: e.items[e.items.length - 1]!.range.end } : e.range);
    return UNKNOWN;
  }
  if (only.kind === 'Slice') return sliceList(st, fr, only, items);
  const i = listPosition(st, fr, only, msg`a list index`);
  if (i === undefined) return UNKNOWN;
  const at = i < 0 ? i + items.length : i;
  if (at < 0 || at >= items.length) {
    const list = describeKind(target);
    const n = items.length;
    const message = n === 0 ? msg`index ${i} is out of range for ${list} (it has no items)` : msg`index ${i} is out of range for ${list} (indices 0..${n - 1}, or ${-n}..-1 from the end)`;
    st.error(fr, 'NN2024', message, only.range);
    return UNKNOWN;
  }
  return items[at]!;
}

/** A position in a list: an int known at check time (quietly unknown while a block is checked on its own). */
function listPosition(st: CheckState, fr: Frame, e: Expr, what: string): number | undefined {
  const v = evaluate(st, fr, e);
  if (v.kind === 'unknown') return undefined;
  if (v.kind !== 'int') {
    st.error(fr, 'NN3001', msg`${what} must be an int, but this is ${describeKind(v)}`, e.range);
    return undefined;
  }
  if (!isConst(v.value)) {
    if (!isLenient(fr)) st.error(fr, 'NN3004', msg`${what} must be known at check time, but this is ${formatDim(v.value)}`, e.range);
    return undefined;
  }
  return v.value;
}

/** `xs[start:stop:step]` as Python slices a list: bounds clamped, an empty result allowed, a negative step walks backwards. */
function sliceList(st: CheckState, fr: Frame, item: IndexItem & { kind: 'Slice' }, items: readonly Value[]): Value {
  const bound = (b: Expr | undefined, what: string): number | undefined | null => (b ? (listPosition(st, fr, b, what) ?? null) : undefined);
  const start = bound(item.start, msg`a slice bound`);
  const stop = bound(item.stop, msg`a slice bound`);
  const step = bound(item.step, msg`a slice step`);
  if (start === null || stop === null || step === null) return UNKNOWN;
  if (step === 0) {
    st.error(fr, 'NN3003', msg`a slice step cannot be 0`, item.step!.range);
    return UNKNOWN;
  }
  const n = items.length;
  chargeListWork(st, n);
  const by = step ?? 1;
  const clamp = (p: number, low: number, high: number) => Math.min(Math.max(p < 0 ? p + n : p, low), high);
  const out: Value[] = [];
  if (by > 0) {
    for (let i = start === undefined ? 0 : clamp(start, 0, n), end = stop === undefined ? n : clamp(stop, 0, n); i < end; i += by) out.push(items[i]!);
  } else {
    for (let i = start === undefined ? n - 1 : clamp(start, -1, n - 1), end = stop === undefined ? -1 : clamp(stop, -1, n - 1); i > end; i += by) out.push(items[i]!);
  }
  return { kind: 'list', items: out };
}
