// Reusing the items of the previous parse. An editor parses a file on every
// keystroke and most top-level items are as they were. An item parsed
// without a diagnostic is a function of its own text (comments included)
// and of the doc comment above it: the same text parses to the same tree,
// only moved. Items that had a diagnostic are parsed again (their messages
// may name what follows them).

import type { Program, TopLevel } from './ast.js';
import { Span } from './cst-util.js';

/** An item parsed cleanly, and where it started. */
interface CleanItem {
  item: TopLevel;
  start: number;
}

/** The clean items of one parse, by `itemKey`. */
export type ItemTable = Map<string, CleanItem>;

const tables = new WeakMap<Program, ItemTable>();

/** Keeps the clean items of `program` for the next parse of the same document. */
export function rememberItems(program: Program, table: ItemTable): void {
  tables.set(program, table);
}

/** The clean items of an earlier parse (empty when it kept none). */
export function itemsOf(program: Program | undefined): ItemTable | undefined {
  return program === undefined ? undefined : tables.get(program);
}

/** What an item's tree depends on: its text from first to last token, and the doc comment above it. */
export function itemKey(text: string, start: number, end: number, doc: string | undefined): string {
  return `${doc ?? ''}\u0000${text.slice(start, end)}`;
}

/** The item from `table` with this key, moved to `start` (undefined when there is none). */
export function reusedItem(table: ItemTable, key: string, start: number): TopLevel | undefined {
  const old = table.get(key);
  if (old === undefined) return undefined;
  return start === old.start ? old.item : moved(old.item, start - old.start);
}

const RANGE_KEYS = new Set(['range', 'opRange', 'argsRange', 'keywordRange']);

/**
 * A deep copy of `root` with every range moved by `delta` (iterative: a
 * 50,000-term sum is a deep tree). Spreading keeps each node's hidden class.
 */
function moved<T extends object>(root: T, delta: number): T {
  const copy = (value: object): Record<string, unknown> => (Array.isArray(value) ? value.slice() : { ...value }) as Record<string, unknown>;
  const out = copy(root);
  const stack = [out];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key in node) {
      const value = node[key];
      if (typeof value !== 'object' || value === null) continue;
      if (RANGE_KEYS.has(key)) {
        const r = value as Span;
        node[key] = new Span(r.start + delta, r.end + delta);
      } else {
        const c = copy(value);
        node[key] = c;
        stack.push(c);
      }
    }
  }
  return out as T;
}
