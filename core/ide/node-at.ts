// Finding the nodes under a position: the path from the program down to the
// innermost node whose range contains the offset.

import type { Node, Program } from '../../grammar/ast.js';

/** Child nodes of a node, in source order. */
export function childrenOf(node: Node): Node[] {
  const out = pushChildren(node, []);
  for (let i = 1; i < out.length; i++) if (out[i]!.range.start < out[i - 1]!.range.start) return out.sort((a, b) => a.range.start - b.range.start);
  return out;
}

/** Appends the child nodes of a node to `out`, in field order (not always source order); returns `out`. */
export function pushChildren(node: Node, out: Node[]): Node[] {
  const fields = node as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (key === 'range' || key === 'opRange' || key === 'argsRange' || key === 'keywordRange') continue;
    const value = fields[key];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && 'kind' in v && 'range' in v && (v as { kind: unknown }).kind !== 'Comment';
}

/**
 * The nodes containing `offset`, outermost first (the program first). An
 * offset at a node's end counts as inside it (the cursor just after a name).
 */
export function nodePath(program: Program, offset: number): Node[] {
  const path: Node[] = [program];
  let current: Node = program;
  for (;;) {
    const next: Node | undefined = childrenOf(current).find((c) => c.range.start <= offset && offset <= c.range.end);
    if (!next) return path;
    path.push(next);
    current = next;
  }
}

/** Every node of the program, depth first. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of childrenOf(node)) yield* walk(child);
}
