// Names mentioned in code that is not evaluated (the branch an `if` did not
// take, a loop whose count is not known yet) still count as used: with
// other parameters that code runs, so "never used" would be wrong.

import type { Frame } from './state.js';

export function markUsed(fr: Frame, node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) markUsed(fr, child);
    return;
  }
  if (typeof node !== 'object' || node === null || !('kind' in node)) return;
  const n = node as { kind: string; name?: string } & Record<string, unknown>;
  if (n.kind === 'Identifier' && typeof n.name === 'string') {
    const binding = fr.scope.lookup(n.name);
    if (binding) binding.used = true;
    return;
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'range' && typeof value === 'object') markUsed(fr, value);
}
