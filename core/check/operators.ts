// Unary and binary operators on numbers, symbolic dims and tensors.
// Numbers and dims are computed exactly; tensors broadcast per NumPy.

import type { BinaryExpr, BinaryOp, UnaryExpr } from '../../grammar/ast.js';
import { matmulShape } from '../functions/matmul.js';
import { msg } from '../i18n/message.js';
import { add, type Dim, div, formatDim, isConst, isIntegral, mul, neg, sub } from '../shapes/dim.js';
import { broadcastShapes, formatShape } from '../shapes/shape.js';
import { describeKind, type DType, type TensorSource, type TensorValue, UNKNOWN, type Value } from '../values.js';
import { traceSite } from './calls.js';
import { recordBinaryRow, recordUnaryRow } from './math-rows.js';
import { listOp } from './lists.js';
import { reportLayerOperand, reportLayerUnary } from './layer-as-tensor.js';
import { describeOrigin, originRelated } from './origins.js';
import type { CheckState, Frame } from './state.js';

const COMPARISONS = new Set<BinaryOp>(['==', '!=', '<', '<=', '>', '>=']);

export function unaryOp(st: CheckState, fr: Frame, e: UnaryExpr, v: Value): Value {
  if (v.kind === 'unknown') return v;
  if (reportLayerUnary(st, fr, e, v)) return UNKNOWN;
  if (e.op === 'not') {
    if (v.kind === 'bool') return { kind: 'bool', value: !v.value };
    if (v.kind === 'tensor' && v.dtype === 'bool') return traced(st, fr, tensorResult(fr, e, v.shape, 'bool', "'not'"), { op: 'unary', operator: 'not', operand: v });
  } else {
    const sign = e.op === '-' ? -1 : 1;
    if (v.kind === 'int') return { kind: 'int', value: sign < 0 ? neg(v.value) : v.value };
    if (v.kind === 'float') return { kind: 'float', value: sign * v.value };
    if (v.kind === 'tensor' && v.dtype !== 'bool') return traced(st, fr, tensorResult(fr, e, v.shape, v.dtype, `'${e.op}'`), { op: 'unary', operator: e.op, operand: v });
  }
  st.error(fr, 'NN3001', msg`'${e.op}' cannot be applied to ${describeKind(v)}`, e.operand.range);
  return UNKNOWN;
}

export function binaryOp(st: CheckState, fr: Frame, e: BinaryExpr, a: Value, b: Value): Value {
  if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
  if (reportLayerOperand(st, fr, e, a, b)) return UNKNOWN;
  if (e.op === 'and' || e.op === 'or') {
    if (a.kind === 'bool' && b.kind === 'bool') return { kind: 'bool', value: e.op === 'and' ? a.value && b.value : a.value || b.value };
  }
  if (a.kind === 'list' || b.kind === 'list') return listOp(st, fr, e, a, b);
  if (a.kind === 'tensor' || b.kind === 'tensor') return tensorOp(st, fr, e, a, b);
  if ((a.kind === 'int' || a.kind === 'float') && (b.kind === 'int' || b.kind === 'float')) return numberOp(st, fr, e, a, b);
  if (e.op === '==' || e.op === '!=') {
    if (a.kind === b.kind && (a.kind === 'string' || a.kind === 'bool')) {
      const same = a.value === (b as typeof a).value;
      return { kind: 'bool', value: e.op === '==' ? same : !same };
    }
  }
  st.error(fr, 'NN3001', msg`'${e.op}' cannot combine ${describeKind(a)} and ${describeKind(b)}`, e.opRange);
  return UNKNOWN;
}

// ---------------------------------------------------------------- numbers

type NumberValue = { kind: 'int'; value: Dim } | { kind: 'float'; value: number };

function numberOp(st: CheckState, fr: Frame, e: BinaryExpr, a: NumberValue, b: NumberValue): Value {
  if (COMPARISONS.has(e.op)) return compare(st, fr, e, a.value, b.value);
  if (a.kind === 'int' && b.kind === 'int') return intOp(st, fr, e, a.value, b.value);
  const x = numeric(a.value);
  const y = numeric(b.value);
  if (x === undefined || y === undefined) return undecided(st, fr, e, msg`a symbolic size mixed with a float`);
  switch (e.op) {
    case '+':
      return { kind: 'float', value: x + y };
    case '-':
      return { kind: 'float', value: x - y };
    case '*':
      return { kind: 'float', value: x * y };
    case '/':
      return y === 0 ? divisionByZero(st, fr, e) : { kind: 'float', value: x / y };
    case '%':
      return y === 0 ? divisionByZero(st, fr, e) : { kind: 'float', value: x - Math.floor(x / y) * y };
    case '**':
      return { kind: 'float', value: x ** y };
  }
  st.error(fr, 'NN3001', msg`'${e.op}' cannot combine numbers`, e.opRange);
  return UNKNOWN;
}

function intOp(st: CheckState, fr: Frame, e: BinaryExpr, x: Dim, y: Dim): Value {
  switch (e.op) {
    case '+':
      return { kind: 'int', value: add(x, y) };
    case '-':
      return { kind: 'int', value: sub(x, y) };
    case '*':
      return { kind: 'int', value: mul(x, y) };
    case '/': {
      if (y === 0) return divisionByZero(st, fr, e);
      const q = div(x, y);
      if (isIntegral(q)) return { kind: 'int', value: q };
      return { kind: 'float', value: (x as number) / (y as number) };
    }
    case '%':
      if (isConst(x) && isConst(y)) return y === 0 ? divisionByZero(st, fr, e) : { kind: 'int', value: x - Math.floor(x / y) * y };
      return undecided(st, fr, e, msg`${formatDim(x)} % ${formatDim(y)} depends on sizes not known here`);
    case '**':
      if (isConst(x) && isConst(y)) return y >= 0 ? { kind: 'int', value: x ** y } : { kind: 'float', value: x ** y };
      return undecided(st, fr, e, msg`a power of a symbolic size`);
  }
  return UNKNOWN;
}

function compare(st: CheckState, fr: Frame, e: BinaryExpr, x: Dim | number, y: Dim | number): Value {
  const diff = sub(x, y);
  if (!isConst(diff)) {
    return undecided(st, fr, e, msg`${formatDim(x)} ${e.op} ${formatDim(y)} depends on sizes not known here`);
  }
  const results: Record<string, boolean> = { '==': diff === 0, '!=': diff !== 0, '<': diff < 0, '<=': diff <= 0, '>': diff > 0, '>=': diff >= 0 };
  return { kind: 'bool', value: results[e.op]! };
}

const numeric = (d: Dim | number): number | undefined => (typeof d === 'number' ? d : undefined);

/**
 * A question that depends on symbolic sizes: quiet while a block is
 * checked on its own (the answer comes when it is applied), an error where
 * the sizes should be known.
 */
function undecided(st: CheckState, fr: Frame, e: BinaryExpr, why: string): Value {
  if (!isLenient(fr)) st.error(fr, 'NN3004', msg`not known at check time: ${why}`, e.range);
  return UNKNOWN;
}

export function isLenient(fr: Frame): boolean {
  return fr.lenient;
}

function divisionByZero(st: CheckState, fr: Frame, e: BinaryExpr): Value {
  st.error(fr, 'NN3003', msg`division by zero`, e.right.range);
  return UNKNOWN;
}

// ---------------------------------------------------------------- tensors

function shapeOf(v: Value): { shape: Dim[]; dtype: DType } | undefined {
  if (v.kind === 'tensor') return v;
  if (v.kind === 'int') return { shape: [], dtype: 'int32' };
  if (v.kind === 'float') return { shape: [], dtype: 'float32' };
  if (v.kind === 'bool') return { shape: [], dtype: 'bool' };
  return undefined;
}

function tensorOp(st: CheckState, fr: Frame, e: BinaryExpr, a: Value, b: Value): Value {
  const result = tensorOpShape(st, fr, e, a, b);
  return result.kind === 'tensor' ? traced(st, fr, result, { op: 'binary', operator: e.op, left: a, right: b }) : result;
}

function tensorOpShape(st: CheckState, fr: Frame, e: BinaryExpr, a: Value, b: Value): Value {
  const x = shapeOf(a);
  const y = shapeOf(b);
  if (!x || !y) {
    const other = x ? b : a;
    st.error(fr, 'NN3001', msg`'${e.op}' cannot combine a tensor and ${describeKind(other)}`, (x ? e.right : e.left).range);
    return UNKNOWN;
  }
  if (e.op === '@') {
    const result = matmulShape(x.shape, y.shape);
    if (result.ok) return tensorResult(fr, e, result.shape, x.dtype === 'int32' && y.dtype === 'int32' ? 'int32' : 'float32', "'@'");
    st.error(fr, result.code, msg`'@': ${result.message}`, e.opRange, {
      related: [...originRelated(a, msg`left operand`), ...originRelated(b, msg`right operand`)],
    });
    return UNKNOWN;
  }
  const broadcast = broadcastShapes(x.shape, y.shape);
  if ('mismatchAxisFromEnd' in broadcast) {
    const i = broadcast.mismatchAxisFromEnd;
    const left = x.shape[x.shape.length - i]!;
    const right = y.shape[y.shape.length - i]!;
    st.error(
      fr,
      'NN2004',
      msg`'${e.op}' needs shapes that broadcast: ${formatShape(x.shape)}${describeOrigin(a)} and ${formatShape(y.shape)}${describeOrigin(b)} differ at axis ${-i} (${formatDim(left)} vs ${formatDim(right)})`,
      e.opRange,
      { related: [...originRelated(a, msg`left operand ${formatShape(x.shape)}`), ...originRelated(b, msg`right operand ${formatShape(y.shape)}`)] },
    );
    return UNKNOWN;
  }
  if (COMPARISONS.has(e.op)) return tensorResult(fr, e, broadcast.shape, 'bool', `'${e.op}'`);
  if (e.op === 'and' || e.op === 'or') return tensorResult(fr, e, broadcast.shape, 'bool', `'${e.op}'`);
  const dtype: DType = x.dtype === 'int32' && y.dtype === 'int32' && e.op !== '/' ? 'int32' : 'float32';
  return tensorResult(fr, e, broadcast.shape, dtype, `'${e.op}'`);
}

function traced(st: CheckState, fr: Frame, t: TensorValue, source: TensorSource): TensorValue {
  if (st.trace) t.source = { ...source, site: traceSite(fr, t.origin.range) };
  if (source.op === 'binary') recordBinaryRow(st, fr, source.operator, source.left, t);
  else if (source.op === 'unary') recordUnaryRow(st, fr, source.operator, t);
  return t;
}

function tensorResult(fr: Frame, e: BinaryExpr | UnaryExpr, shape: Dim[], dtype: DType, what: string): TensorValue {
  return { kind: 'tensor', shape, dtype, origin: { file: fr.module.file, range: e.range, what: msg`result of ${what}` } };
}

