// Builders for range-free ASTs (the shape `stripRanges` gives), and small
// helpers shared by the grammar tests.

import { parse, stripRanges, type Program } from '../../grammar/index.js';

export type N = Record<string, unknown>;

export const id = (name: string): N => ({ kind: 'Identifier', name });
/** A number; `text` (its source spelling) defaults to `String(value)`. */
export const num = (value: number, isFloat = false, text = String(value)): N => ({ kind: 'Number', value, isFloat, text });
export const str = (value: string): N => ({ kind: 'String', value });
export const bool = (value: boolean): N => ({ kind: 'Bool', value });
export const list = (...items: N[]): N => ({ kind: 'List', items });
export const bin = (op: string, left: N, right: N): N => ({ kind: 'Binary', op, left, right });
export const un = (op: string, operand: N): N => ({ kind: 'Unary', op, operand });
export const arg = (value: N, name?: string): N => (name === undefined ? { kind: 'Argument', value } : { kind: 'Argument', name: id(name), value });
export const call = (callee: N | string, ...args: (N | [string, N])[]): N => ({
  kind: 'Call',
  callee: typeof callee === 'string' ? id(callee) : callee,
  args: args.map((a) => (Array.isArray(a) ? arg(a[1], a[0]) : arg(a))),
});
export const record = (...fields: [string, N][]): N => ({ kind: 'Record', fields: fields.map(([k, v]) => arg(v, k)) });
export const index = (target: N, ...items: N[]): N => ({ kind: 'Index', target, items });
export const slice = (start?: N, stop?: N, step?: N): N => {
  const s: N = { kind: 'Slice' };
  if (start) s['start'] = start;
  if (stop) s['stop'] = stop;
  if (step) s['step'] = step;
  return s;
};
export const ellipsis: N = { kind: 'Ellipsis' };
export const newaxis: N = { kind: 'NewAxis' };
export const pipe = (head: N, ...stages: N[]): N => ({ kind: 'Pipe', head, stages });
export const paren = (inner: N): N => ({ kind: 'Paren', inner });
export const repeat = (count: N, body: N): N => ({ kind: 'Repeat', count, body });
export const ifExpr = (condition: N, then: N, els?: N): N => (els ? { kind: 'IfExpr', condition, then, else: els } : { kind: 'IfExpr', condition, then });
export const err: N = { kind: 'ErrorExpr' };

/** Parse `source` and fail the test on any diagnostic. */
export function parseClean(source: string): Program {
  const r = parse(source);
  if (r.diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${JSON.stringify(r.diagnostics)}`);
  return r.program;
}

/** The value of `let v = <expr>` inside a model, without ranges. */
export function expr(source: string): unknown {
  const p = parseClean(`model T {\n  let v = ${source}\n}`);
  const def = p.items[0];
  if (def?.kind !== 'Definition') throw new Error('no definition');
  const stmt = def.body[0];
  if (stmt?.kind !== 'Let') throw new Error('no let');
  return stripRanges(stmt.value);
}

/** The body statements of a one-model program, without ranges. */
export function body(source: string): unknown {
  const p = parseClean(`model T {\n${source}\n}`);
  const def = p.items[0];
  if (def?.kind !== 'Definition') throw new Error('no definition');
  return stripRanges(def.body);
}

export { prng } from '../helpers/prng.js';
