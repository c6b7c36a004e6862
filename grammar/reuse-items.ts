// Reusing the items of the previous parse. An editor parses a file on every
// keystroke and most top-level items are as they were. An item parsed
// without a diagnostic is a function of its own text (comments included)
// and of the doc comment above it: the same text parses to the same tree,
// only moved. Items that had a diagnostic are parsed again (their messages
// may name what follows them).

import type { TopLevel } from './ast.js';
import { Span } from './cst-util.js';

/** An item parsed cleanly, the doc comment above it, and where it started. */
interface CleanItem {
  item: TopLevel;
  doc: string | undefined;
  start: number;
}

/** The clean items of one parse, by their source (first to last token). */
export class ItemTable {
  private readonly bySource = new Map<string, CleanItem>();

  add(source: string, doc: string | undefined, start: number, item: TopLevel): void {
    this.bySource.set(source, { item, doc, start });
  }

  /** The item with this source and doc comment, moved to `start` (undefined when there is none). */
  find(source: string, doc: string | undefined, start: number): TopLevel | undefined {
    const old = this.bySource.get(source);
    if (old === undefined || old.doc !== doc) return undefined;
    return start === old.start ? old.item : moved(old.item, start - old.start);
  }
}

/**
 * A deep copy of `root` with every range moved by `delta` (iterative: a
 * 50,000-term sum is a deep tree). Spreading copies a node in one step.
 */
function moved<T extends object>(root: T, delta: number): T {
  const out = { ...root } as Record<string, unknown>;
  const stack = [out];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key in node) {
      const value = node[key];
      if (typeof value !== 'object' || value === null) continue;
      if (value instanceof Span) {
        node[key] = new Span(value.start + delta, value.end + delta);
      } else if (Array.isArray(value)) {
        const items = value.slice();
        node[key] = items;
        for (let i = 0; i < items.length; i++) {
          if (typeof items[i] !== 'object' || items[i] === null) continue;
          const item = { ...items[i] } as Record<string, unknown>;
          items[i] = item;
          stack.push(item);
        }
      } else {
        const copy = { ...value } as Record<string, unknown>;
        node[key] = copy;
        stack.push(copy);
      }
    }
  }
  return out as T;
}
