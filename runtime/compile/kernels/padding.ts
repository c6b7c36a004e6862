// Padding arguments as the kernels need them: "same", "valid", or explicit
// zeros before and after each spatial axis.

import type { GraphArg } from '../../../core/graph/graph.js';
import type { ArgReader } from '../graph-args.js';

export interface Pair {
  before: number;
  after: number;
}

export type Padding = 'same' | 'valid' | Pair[];

export function paddingOf(args: ArgReader, rank: number, name = 'padding'): Padding {
  if (!args.has(name)) return 'valid';
  const raw = args.raw(name);
  if (raw.kind === 'string') return raw.value === 'same' ? 'same' : 'valid';
  return pairsOf(raw, rank);
}

/** An int (every side), `[a, b]` (per axis, both sides), or `[[before, after], ...]`. */
export function pairsOf(raw: GraphArg, rank: number): Pair[] {
  const num = (g: GraphArg): number => {
    if (g.kind !== 'int' || typeof g.value !== 'number') throw new Error('a padding size must be an int');
    return g.value;
  };
  if (raw.kind === 'int') {
    const p = num(raw);
    return new Array<Pair>(rank).fill({ before: p, after: p });
  }
  if (raw.kind !== 'list') throw new Error('padding must be "same", "valid", an int or a list');
  return raw.items.map((item) => {
    if (item.kind === 'list') return { before: num(item.items[0]!), after: num(item.items[1]!) };
    const p = num(item);
    return { before: p, after: p };
  });
}

export function isZero(pairs: Pair[]): boolean {
  return pairs.every((p) => p.before === 0 && p.after === 0);
}
