// Shape annotations: `input x: [B, H, W, C]`, `let h: [B, H/2, W/2, 64] = ...`.
// Names not yet bound are shape variables: they are bound by matching the
// annotation against an actual shape (solving `2*C = 128` for C), and in a
// definition checked on its own they stay symbolic.

import type { ListExpr } from '../../grammar/ast.js';
import { type Dim, equalWhenExact, formatDim, isConst, isIntegral, solveFor, substitute, sym, symbolsOf } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { msg } from '../i18n/message.js';
import { describeKind } from '../values.js';
import { evaluate } from './evaluate.js';
import type { CheckState, Frame } from './state.js';

export interface ShapePattern {
  dims: Dim[];
  /** the names in it that were not bound: the shape variables */
  variables: Set<string>;
}

/** Evaluates an annotation; unbound upper- or lower-case names become variables. */
export function evaluatePattern(st: CheckState, fr: Frame, list: ListExpr): ShapePattern | undefined {
  const variables = new Set<string>();
  const dims: Dim[] = [];
  let ok = true;
  for (const item of list.items) {
    for (const name of freeNames(item)) if (!fr.scope.lookup(name)) variables.add(name);
  }
  // Evaluate with the variables in scope as themselves, without marking them as bindings.
  const scoped: Frame = { ...fr, scope: fr.scope };
  for (const name of variables) scoped.scope.define({ name, value: { kind: 'int', value: sym(name) }, kind: 'dim', used: true });
  try {
    for (const item of list.items) {
      const v = evaluate(st, scoped, item);
      if (v.kind === 'int' && isConst(v.value) && v.value < 0) {
        ok = false;
        st.error(fr, 'NN3003', msg`a size cannot be negative, but this is ${v.value}`, item.range);
      } else if (v.kind === 'int') dims.push(v.value);
      else {
        ok = false;
        if (v.kind === 'float') st.error(fr, 'NN2005', msg`a size must be a whole number, but this is ${v.value}`, item.range);
        else if (v.kind !== 'unknown') st.error(fr, 'NN3001', msg`a size must be an int, but this is ${describeKind(v)}`, item.range);
      }
    }
  } finally {
    // the variables are bound for real only by `bindPattern`
    for (const name of variables) scoped.scope.undefine(name);
  }
  return ok ? { dims, variables } : undefined;
}

function freeNames(e: ListExpr['items'][number]): string[] {
  switch (e.kind) {
    case 'Identifier':
      return [e.name];
    case 'Binary':
      return [...freeNames(e.left), ...freeNames(e.right)];
    case 'Unary':
      return freeNames(e.operand);
    case 'Paren':
      return freeNames(e.inner);
    default:
      return [];
  }
}

export type MatchResult = { ok: true; bindings: Map<string, Dim> } | { ok: false; axis: number; expected: Dim; actual: Dim } | { ok: false; rank: true };

/**
 * Matches a pattern against an actual shape, solving for its variables
 * (one linear unknown per axis at a time, repeated until nothing changes).
 */
export function matchPattern(pattern: ShapePattern, actual: readonly Dim[]): MatchResult {
  if (pattern.dims.length !== actual.length) return { ok: false, rank: true };
  const bindings = new Map<string, Dim>();
  const pending = new Set(pattern.dims.keys());
  let progress = true;
  while (progress && pending.size > 0) {
    progress = false;
    for (const i of [...pending]) {
      const expected = substitute(pattern.dims[i]!, bindings);
      const unknowns = [...symbolsOf(expected)].filter((n) => pattern.variables.has(n) && !bindings.has(n));
      if (unknowns.length === 0) {
        if (!equalWhenExact(expected, actual[i]!)) return { ok: false, axis: i, expected, actual: actual[i]! };
        pending.delete(i);
        progress = true;
      } else if (unknowns.length === 1) {
        const solution = solveFor(expected, unknowns[0]!, actual[i]!);
        if (solution === undefined) continue;
        if (!isIntegral(solution) || (isConst(solution) && solution < 0)) return { ok: false, axis: i, expected, actual: actual[i]! };
        bindings.set(unknowns[0]!, solution);
        pending.delete(i);
        progress = true;
      }
    }
  }
  // Anything left has two unknowns on one axis and none alone elsewhere: bind them symbolically.
  for (const i of pending) for (const name of symbolsOf(pattern.dims[i]!)) if (pattern.variables.has(name) && !bindings.has(name)) bindings.set(name, sym(name));
  return { ok: true, bindings };
}

/** Binds a pattern's variables in scope (as dims usable in expressions: `C == filters`). */
export function bindVariables(fr: Frame, bindings: ReadonlyMap<string, Dim>): void {
  for (const [name, value] of bindings) if (!fr.scope.lookup(name)) fr.scope.define({ name, value: { kind: 'int', value }, kind: 'dim', used: true });
}

/** The pattern with its variables as themselves: a definition's input checked on its own. */
export function rigidBindings(pattern: ShapePattern): Map<string, Dim> {
  return new Map([...pattern.variables].map((n) => [n, sym(n)]));
}

export function describeMismatch(result: Exclude<MatchResult, { ok: true }>, expected: readonly Dim[], actual: readonly Dim[]): string {
  if ('rank' in result) return msg`expected rank ${expected.length} ${formatShape(expected)}, but the shape is ${formatShape(actual)} (rank ${actual.length})`;
  return msg`expected ${formatShape(expected)}, but the shape is ${formatShape(actual)}: axis ${result.axis} is ${formatDim(result.actual)}, not ${formatDim(result.expected)}`;
}
