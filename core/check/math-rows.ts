// The summary's rows for math on tensors outside layers: each call of a
// built-in function that makes tensors (`softmax_1`, `matmul_2`), each
// operator applied to a tensor (`q @ k` is `matmul_1`, `a + b` is `add_1`)
// and each slice (`x[:, 0]` is `slice_1`), in the order they run, with their
// output shapes and FLOPs (counted as core/functions/flops.ts says). Math on
// numbers only (`d / heads`, `sqrt(d)`) gets no row. Rows are kept for the
// summary only, not while a model is traced for the compiler, and are
// numbered apart from the layers, so the layers' paths stay as they were.

import type { Range } from '../../grammar/ast.js';
import { applyFunction } from '../functions/apply-function.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import { matmulFlops } from '../functions/flops.js';
import type { Dim } from '../shapes/dim.js';
import { product } from '../shapes/shape.js';
import type { TensorValue, Value } from '../values.js';
import type { CheckState, Frame } from './state.js';

/** Whether math rows are being collected (and the FLOPs of function calls worth counting). */
export function mathRowsWanted(st: CheckState): boolean {
  return st.rows !== undefined && !st.trace;
}

/** A function call that made `made` (and costs `flops`, batch included). */
export function recordFunctionRow(st: CheckState, fr: Frame, spec: FunctionSpec, made: readonly TensorValue[], flops: Dim, range: Range): void {
  if (!mathRowsWanted(st) || made.length === 0) return;
  push(st, fr, spec.name, spec.name, 'function', made, flops, range);
}

/** A binary operator with at least one tensor operand, giving `result`. */
export function recordBinaryRow(st: CheckState, fr: Frame, op: string, left: Value, result: TensorValue): void {
  if (!mathRowsWanted(st)) return;
  push(st, fr, BINARY_NAMES[op] ?? op, op, 'operator', [result], binaryFlops(op, left, result.shape), result.origin.range);
}

/** A unary operator on a tensor. */
export function recordUnaryRow(st: CheckState, fr: Frame, op: string, result: TensorValue): void {
  if (!mathRowsWanted(st)) return;
  const name = op === '-' ? 'neg' : op === 'not' ? 'not' : 'identity';
  push(st, fr, name, op === '-' ? 'neg' : op, 'operator', [result], unaryFlops(op, result.shape), result.origin.range);
}

/** A binary operator's FLOPs (whole batch): a matrix product 2*K per output element, anything else 1. */
export function binaryFlops(op: string, left: Value, result: readonly Dim[]): Dim {
  return op === '@' && left.kind === 'tensor' ? matmulFlops(left.shape, result) : product(result);
}

/** A unary operator's FLOPs: `-x` and `not m` 1 per element, `+x` 0 (the same values). */
export function unaryFlops(op: string, result: readonly Dim[]): Dim {
  return op === '+' ? 0 : product(result);
}

/** A function call's FLOPs (whole batch), counted again from its arguments: for a traced graph, which keeps no rows. */
export function callFlops(spec: FunctionSpec, args: Readonly<Record<string, Value>>): Dim {
  return applyFunction(spec, args, { range: { start: 0, end: 0 }, what: `result of ${spec.name}` }, { next: 1 }, true).flops;
}

/** A slice of a tensor: values moved, no arithmetic. */
export function recordSliceRow(st: CheckState, fr: Frame, result: TensorValue): void {
  if (!mathRowsWanted(st)) return;
  push(st, fr, 'slice', 'slice', 'operator', [result], 0, result.origin.range);
}

/** Row names of the binary operators, as NumPy names them. */
const BINARY_NAMES: Readonly<Record<string, string>> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '%': 'mod',
  '**': 'power',
  '@': 'matmul',
  '==': 'equal',
  '!=': 'not_equal',
  '<': 'less',
  '<=': 'less_equal',
  '>': 'greater',
  '>=': 'greater_equal',
  and: 'logical_and',
  or: 'logical_or',
};

/** Per check, per path prefix and name: how many math rows have that name (`add_1`, `add_2`). */
const counters = new WeakMap<CheckState, Map<string, number>>();

function push(st: CheckState, fr: Frame, name: string, kind: string, op: 'function' | 'operator', outputs: readonly TensorValue[], flops: Dim, range: Range): void {
  let names = counters.get(st);
  if (!names) counters.set(st, (names = new Map()));
  const key = fr.path + name;
  const n = (names.get(key) ?? 0) + 1;
  names.set(key, n);
  st.rows!.push({
    path: `${key}_${n}`,
    kind,
    math: { op, file: fr.module.file, range },
    outputs: outputs.map((t) => t.shape),
    trainable: 0,
    nonTrainable: 0,
    flops,
  });
}
