// Names mentioned in code that is not evaluated (the branch an `if` did not
// take, a loop whose count is not known yet) still count as used: with
// other parameters that code runs, so "never used" would be wrong.

import type { Frame } from './state.js';

/** The identifiers under each node, computed once per node (checking revisits the same code often). */
const namesUnder = new WeakMap<object, string[]>();

export function markUsed(fr: Frame, node: unknown): void {
  for (const name of identifiers(node)) {
    const binding = fr.scope.lookup(name);
    if (binding) binding.used = true;
  }
}

function identifiers(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const cached = namesUnder.get(node);
  if (cached) return cached;
  const out = new Set<string>();
  collect(node, out);
  const names = [...out];
  namesUnder.set(node, names);
  return names;
}

function collect(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out);
    return;
  }
  if (typeof node !== 'object' || node === null || !('kind' in node)) return;
  const n = node as { kind: string; name?: string } & Record<string, unknown>;
  if (n.kind === 'Identifier' && typeof n.name === 'string') {
    out.add(n.name);
    return;
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'range' && typeof value === 'object') collect(value, out);
}
