// Statements of a definition body: inputs, lets, assignments, outputs,
// repeat / for loops (unrolled) and `if` on numbers known at check time.

import type { Identifier, InputStmt, LetStmt, ListExpr, OutputStmt, Statement } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { formatShape } from '../shapes/shape.js';
import { describeKind, type DType, type TensorValue, UNKNOWN, type Value } from '../values.js';
import { passing } from './budget.js';
import { bindVariables, describeMismatch, evaluatePattern, matchPattern, rigidBindings } from './annotations.js';
import { conditionValue } from './conditions.js';
import { evaluate, record } from './evaluate.js';
import { loopCount, MAX_ITERATIONS } from './loops.js';
import { markUsed } from './mark-used.js';
import { withinSizeLimits } from './size-limits.js';
import { describeOrigin, originRelated } from './origins.js';
import { type Binding, Scope } from './scope.js';
import type { CheckState, Frame } from './state.js';

export interface OutputValue {
  name?: string;
  value: Value;
  node: OutputStmt;
}

/** What a body run needs and produces beyond the frame. */
export interface Body {
  /** instance mode: the actual input tensors, consumed in order by `input` statements */
  inputs?: Value[];
  outputs: OutputValue[];
  /** generic mode: every binding made, for unused-name warnings */
  bindings: Binding[];
}

export function runStatements(st: CheckState, fr: Frame, statements: readonly Statement[], body: Body): void {
  for (const s of statements) runStatement(st, fr, s, body);
}

function runStatement(st: CheckState, fr: Frame, s: Statement, body: Body): void {
  st.budget.step();
  // sizes past exact arithmetic outside any one expression (matching an input's shape): at the statement
  withinSizeLimits(st, fr, s.kind === 'Input' ? s.shape.range : s.range, () => runStatementInner(st, fr, s, body), undefined);
}

function runStatementInner(st: CheckState, fr: Frame, s: Statement, body: Body): void {
  switch (s.kind) {
    case 'Input':
      return runInput(st, fr, s, body);
    case 'Let':
      return runLet(st, fr, s, body);
    case 'Assign': {
      const value = evaluate(st, fr, s.value);
      const binding = fr.scope.lookup(s.name.name);
      if (!binding) {
        st.error(fr, 'NN1001', msg`'${s.name.name}' is not defined: introduce it with 'let ${s.name.name} = ...'`, s.name.range, {
          fixes: [{ title: msg`Add 'let'`, edits: [{ range: { start: s.range.start, end: s.range.start }, newText: 'let ' }] }],
        });
        return;
      }
      if (binding.kind === 'param' || binding.kind === 'dim' || binding.kind === 'loop') {
        const name = s.name.name;
        const why =
          binding.kind === 'dim'
            ? msg`'${name}' is a shape variable and cannot be reassigned`
            : binding.kind === 'loop'
              ? msg`'${name}' is a loop variable and cannot be reassigned`
              : msg`'${name}' is a parameter and cannot be reassigned`;
        st.error(fr, 'NN1007', why, s.name.range);
        return;
      }
      binding.value = value;
      record(st, fr, s.name, value);
      return;
    }
    case 'Output':
      return runOutput(st, fr, s, body);
    case 'RepeatStmt': {
      const n = loopCount(st, fr, s.count);
      if (n === undefined) {
        markUsed(fr, s.body);
        forgetAssigned(fr, s.body);
        return;
      }
      try {
        for (let i = 0; i < n; i++) {
          st.budget.step();
          const inner = child(fr, `${s.range.start}:${i}`);
          if (s.variable) define(inner, body, s.variable, { kind: 'int', value: i }, 'loop');
          // the editor shows a loop variable's value in the last iteration, as it does every value inside the loop
          if (s.variable) record(st, inner, s.variable, { kind: 'int', value: i });
          runStatements(st, inner, s.body, body);
        }
      } catch (e) {
        throw passing(e, { file: fr.module.file, range: { start: s.range.start, end: s.count.range.end }, what: msg`this repeat` });
      }
      return;
    }
    case 'For': {
      const list = evaluate(st, fr, s.iterable);
      if (list.kind === 'unknown') {
        markUsed(fr, s.body);
        forgetAssigned(fr, s.body);
        return;
      }
      if (list.kind !== 'list' && list.kind !== 'tuple') {
        st.error(fr, 'NN3001', msg`'for' loops over a list, but this is ${describeKind(list)}`, s.iterable.range);
        return;
      }
      try {
        list.items.slice(0, MAX_ITERATIONS).forEach((item, i) => {
          st.budget.step();
          const inner = child(fr, `${s.range.start}:${i}`);
          define(inner, body, s.variable, item, 'loop');
          record(st, inner, s.variable, item);
          runStatements(st, inner, s.body, body);
        });
      } catch (e) {
        throw passing(e, { file: fr.module.file, range: { start: s.range.start, end: s.iterable.range.end }, what: msg`this loop` });
      }
      return;
    }
    case 'IfStmt': {
      const cond = conditionValue(st, fr, s.condition);
      markUsed(fr, cond === undefined ? [s.then, s.else] : cond ? s.else : s.then);
      if (cond === undefined) {
        // either branch may run: what they assign is not known here
        forgetAssigned(fr, [s.then, s.else]);
        return;
      }
      const branch = cond ? s.then : s.else;
      if (!branch) return;
      if (Array.isArray(branch)) runStatements(st, { ...fr, scope: new Scope(fr.scope) }, branch, body);
      else runStatement(st, fr, branch, body);
      return;
    }
  }
}

/** Names assigned somewhere in `node` become unknown (an undecided `if` or loop may change them). */
function forgetAssigned(fr: Frame, node: unknown): void {
  if (Array.isArray(node)) return node.forEach((n) => forgetAssigned(fr, n));
  if (typeof node !== 'object' || node === null) return;
  const s = node as Statement;
  if (s.kind === 'Assign') {
    const binding = fr.scope.lookup(s.name.name);
    if (binding && binding.kind !== 'param' && binding.kind !== 'dim') binding.value = UNKNOWN;
  } else if (s.kind === 'IfStmt') forgetAssigned(fr, [s.then, s.else]);
  else if (s.kind === 'RepeatStmt' || s.kind === 'For') forgetAssigned(fr, s.body);
}

function child(fr: Frame, iteration: string): Frame {
  return { ...fr, scope: new Scope(fr.scope), iteration: `${fr.iteration}/${iteration}` };
}

function define(fr: Frame, body: Body, id: Identifier, value: Value, kind: Binding['kind']): void {
  const binding: Binding = { name: id.name, value, kind, declaration: id, used: false };
  fr.scope.define(binding);
  if (fr.mode === 'generic') body.bindings.push(binding);
}

const DTYPES: Record<string, DType> = { float: 'float32', float32: 'float32', int: 'int32', int32: 'int32', bool: 'bool' };

function runInput(st: CheckState, fr: Frame, s: InputStmt, body: Body): void {
  const dtype = s.dtype ? DTYPES[s.dtype.name] : 'float32';
  if (!dtype) st.error(fr, 'NN3001', msg`unknown dtype '${s.dtype!.name}' (use float, int or bool)`, s.dtype!.range);
  if (fr.scope.own(s.name.name)) st.error(fr, 'NN1007', msg`'${s.name.name}' is already defined`, s.name.range);
  const pattern = evaluatePattern(st, fr, s.shape);
  let value: Value = UNKNOWN;
  let absent = false;
  if (body.inputs === undefined) {
    if (pattern) {
      const bindings = rigidBindings(pattern);
      bindVariables(fr, bindings);
      // `what` stays English here: channels-first.ts knows a definition's input by this text
      value = { kind: 'tensor', shape: pattern.dims, dtype: dtype ?? 'float32', origin: { file: fr.module.file, range: s.name.range, what: msg`input ${s.name.name}` } };
    }
  } else {
    const actual = body.inputs.shift();
    absent = actual === undefined && s.optional;
    if (actual && actual.kind === 'tensor' && pattern) {
      const match = matchPattern(pattern, actual.shape);
      if (!match.ok) {
        st.error(fr, 'NN2020', msg`input ${s.name.name} ${describeMismatch(match, pattern.dims, actual.shape)}${describeOrigin(actual)}`, s.shape.range, {
          related: originRelated(actual, msg`the input comes from here`),
        });
      } else {
        bindVariables(fr, match.bindings);
        if (dtype && actual.dtype !== dtype) {
          st.error(fr, 'NN2011', msg`input ${s.name.name} expects ${dtype}, but got ${actual.dtype}${describeOrigin(actual)}`, s.range);
        } else value = actual;
      }
    }
  }
  define(fr, body, s.name, value, 'input');
  if (absent) fr.scope.own(s.name.name)!.absent = true;
  record(st, fr, s.name, value);
}

function runLet(st: CheckState, fr: Frame, s: LetStmt, body: Body): void {
  const value = evaluate(st, fr, s.value);
  const values = destructure(st, fr, s, value);
  s.names.forEach((id, i) => {
    let v = values[i] ?? UNKNOWN;
    if (fr.scope.own(id.name)) st.error(fr, 'NN1007', msg`'${id.name}' is already defined here; to rebind it write '${id.name} = ...'`, id.range);
    if (s.annotation && s.names.length === 1) v = checkAnnotation(st, fr, s.annotation, v, id.name);
    if (v.kind === 'layer' && v.instance.binding === undefined) v.instance.binding = id.name;
    if (v.kind === 'block' && v.instance.binding === undefined) v.instance.binding = id.name;
    define(fr, body, id, v, 'let');
    record(st, fr, id, v);
  });
}

function destructure(st: CheckState, fr: Frame, s: LetStmt, value: Value): Value[] {
  if (s.names.length === 1) return [value];
  if (value.kind === 'unknown') return [];
  const items = value.kind === 'tuple' || value.kind === 'list' ? value.items : [value];
  if (items.length !== s.names.length) {
    const [names, parts] = [s.names.length, items.length];
    st.error(fr, 'NN3009', parts === 1 ? msg`${names} names, but the value has ${parts} part` : msg`${names} names, but the value has ${parts} parts`, s.value.range);
    return [];
  }
  return items;
}

function runOutput(st: CheckState, fr: Frame, s: OutputStmt, body: Body): void {
  let value = evaluate(st, fr, s.value);
  if (s.annotation) value = checkAnnotation(st, fr, s.annotation, value, s.name?.name ?? msg`the output`);
  const name = s.name?.name;
  if (name !== undefined && body.outputs.some((o) => o.name === name)) st.error(fr, 'NN1007', msg`there is already an output named '${name}'`, s.name!.range);
  if (value.kind !== 'tensor' && value.kind !== 'unknown' && value.kind !== 'tuple') {
    st.error(fr, 'NN3001', msg`an output must be a tensor, but this is ${describeKind(value)}`, s.value.range);
    value = UNKNOWN;
  }
  body.outputs.push({ ...(name !== undefined ? { name } : {}), value, node: s });
}

/** Checks `value` against an annotation; binds new shape variables; returns the value (unknown on mismatch). */
function checkAnnotation(st: CheckState, fr: Frame, annotation: ListExpr, value: Value, what: string): Value {
  if (value.kind === 'unknown') return value;
  if (value.kind !== 'tensor') {
    st.error(fr, 'NN3001', msg`${what} is annotated with a shape, but is ${describeKind(value)}`, annotation.range);
    return UNKNOWN;
  }
  const pattern = evaluatePattern(st, fr, annotation);
  if (!pattern) return value;
  const match = matchPattern(pattern, value.shape);
  if (!match.ok) {
    st.error(fr, 'NN2021', msg`${what}: ${describeMismatch(match, pattern.dims, value.shape)}${describeOrigin(value)}`, annotation.range, {
      related: originRelated(value, msg`the value has shape ${formatShape(value.shape)}`),
    });
    return value;
  }
  bindVariables(fr, match.bindings);
  return value as TensorValue;
}
