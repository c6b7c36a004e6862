// Helpers shared by the built-in functions: reading `any` arguments, axes,
// ranks, dtypes and broadcasting, each reporting a precise problem.

import { msg } from '../i18n/message.js';
import { type Dim, dimEquals, formatDim, isConst } from '../shapes/dim.js';
import { broadcastShapes, formatShape, normalizeAxis } from '../shapes/shape.js';
import { describeKind, type DType, type TensorValue, type Value } from '../values.js';
import type { FunctionContext, FunctionSpec } from './function-spec.js';

/** A number or a tensor: what elementwise functions take. */
export type Operand = { kind: 'int'; value: Dim } | { kind: 'float'; value: number } | TensorValue;

/** The raw value of an argument; undefined when it is absent or unknown (already reported). */
export function argValue(ctx: FunctionContext, name: string): Value | undefined {
  const v = ctx.args[name];
  return !v || v.kind === 'unknown' ? undefined : v;
}

/** A number or a tensor; reports NN3001 for anything else. */
export function operand(ctx: FunctionContext, fn: string, name: string): Operand | undefined {
  const v = argValue(ctx, name);
  if (!v) return undefined;
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'tensor') return v;
  return ctx.error('NN3001', msg`${fn}: '${name}' must be a number or a tensor, but this is ${describeKind(v)}`, name);
}

/** The shape of an operand (a number is a scalar, shape []). */
export const shapeOf = (v: Operand): Dim[] => (v.kind === 'tensor' ? v.shape : []);

/** The dtype of an operand: ints are int32, floats float32. */
export const dtypeOf = (v: Operand): DType => (v.kind === 'tensor' ? v.dtype : v.kind === 'int' ? 'int32' : 'float32');

/** Normalises one constant axis against `rank`; NN3003 for a symbolic axis, NN2006 when out of range. */
export function axisIn(ctx: FunctionContext, fn: string, name: string, axis: Dim, rank: number, shape?: readonly Dim[]): number | undefined {
  if (!isConst(axis)) return ctx.error('NN3003', msg`${fn}: '${name}' must be a constant axis, but is ${formatDim(axis)}`, name);
  const a = normalizeAxis(axis, rank);
  if (a === undefined) {
    const what = shape ? msg`a rank-${rank} tensor ${formatShape(shape)}` : msg`rank ${rank}`;
    const range = rank === 0 ? msg`a scalar has no axes` : msg`axes are ${-rank}..${rank - 1}`;
    return ctx.error('NN2006', msg`${fn}: axis ${axis} is out of range for ${what} (${range})`, name);
  }
  return a;
}

/** The axis argument `name` (type 'axis') of a tensor. */
export function axisArg(ctx: FunctionContext, fn: string, name: string, shape: readonly Dim[]): number | undefined {
  return axisIn(ctx, fn, name, ctx.int(name), shape.length, shape);
}

/**
 * An `any` axis argument that may be one axis or a list of axes; absent: all
 * axes. Returns sorted distinct axes, or undefined after a problem.
 */
export function axesArg(ctx: FunctionContext, fn: string, name: string, shape: readonly Dim[]): number[] | undefined {
  const v = ctx.args[name];
  if (v?.kind === 'unknown') return undefined;
  if (!v) return shape.map((_, i) => i);
  const items = v.kind === 'int' ? [v] : v.kind === 'list' ? v.items : undefined;
  if (!items || items.some((i) => i.kind !== 'int')) {
    return ctx.error('NN3001', msg`${fn}: '${name}' must be an axis or a list of axes, but this is ${describeKind(v)}`, name);
  }
  const out: number[] = [];
  for (const item of items as { kind: 'int'; value: Dim }[]) {
    const a = axisIn(ctx, fn, name, item.value, shape.length, shape);
    if (a === undefined) return undefined;
    if (out.includes(a)) return ctx.error('NN3003', msg`${fn}: axis ${a} is listed twice in '${name}'`, name);
    out.push(a);
  }
  return out.sort((x, y) => x - y);
}

/** Checks an exact rank; NN2001 with the expected layout. */
export function expectRank(ctx: FunctionContext, fn: string, name: string, t: TensorValue, ranks: number | readonly number[], layout: string): boolean {
  const allowed = typeof ranks === 'number' ? [ranks] : ranks;
  if (allowed.includes(t.shape.length)) return true;
  const want = eitherOf(allowed.map((r) => msg`rank-${r}`));
  ctx.error('NN2001', msg`${fn} expects '${name}' to be a ${want} tensor ${layout}, but got rank ${t.shape.length}: ${formatShape(t.shape)}`, name);
  return false;
}

/** Checks that the axis `axis` of `t` has size `size`; NN2004 otherwise. */
export function expectSize(ctx: FunctionContext, fn: string, name: string, t: TensorValue, axis: number, size: Dim, layout: string): boolean {
  const actual = t.shape[axis];
  if (actual !== undefined && dimEquals(actual, size)) return true;
  const shown = axis - t.shape.length;
  const shape = formatShape(t.shape);
  ctx.error(
    'NN2004',
    actual === undefined
      ? msg`${fn} expects '${name}' ${layout}, but axis ${shown} of ${shape} has size none, not ${formatDim(size)}`
      : msg`${fn} expects '${name}' ${layout}, but axis ${shown} of ${shape} has size ${formatDim(actual)}, not ${formatDim(size)}`,
    name,
  );
  return false;
}

/** Checks a dtype; NN2008 otherwise. */
export function expectDtype(ctx: FunctionContext, fn: string, name: string, t: TensorValue, allowed: readonly DType[]): boolean {
  if (allowed.includes(t.dtype)) return true;
  ctx.error('NN2008', msg`${fn} expects '${name}' to be ${eitherOf(allowed)}, but it is ${t.dtype} ${formatShape(t.shape)}`, name);
  return false;
}

/**
 * The dtype of an arithmetic result: bool only with bool, int32 with int32,
 * otherwise float32. Mixing bool with numbers is NN2008.
 */
export function combineDtypes(ctx: FunctionContext, fn: string, ops: readonly { name: string; op: Operand }[]): DType | undefined {
  const bools = ops.filter((o) => dtypeOf(o.op) === 'bool');
  if (bools.length > 0 && bools.length < ops.length) {
    const other = ops.find((o) => dtypeOf(o.op) !== 'bool')!;
    return ctx.error('NN2008', msg`${fn}: '${bools[0]!.name}' is bool but '${other.name}' is ${dtypeOf(other.op)}; cast one of them first`, bools[0]!.name);
  }
  if (bools.length > 0) return 'bool';
  return ops.every((o) => dtypeOf(o.op) === 'int32') ? 'int32' : 'float32';
}

/**
 * NumPy broadcasting of several operands (a number is shape []). Reports
 * NN2004 naming the axis (counted from the end) and both shapes.
 */
export function broadcastAll(ctx: FunctionContext, fn: string, ops: readonly { name: string; shape: readonly Dim[] }[]): Dim[] | undefined {
  let shape: Dim[] = [...(ops[0]?.shape ?? [])];
  let names = ops[0] ? [ops[0].name] : [];
  for (const op of ops.slice(1)) {
    const r = broadcastShapes(shape, op.shape);
    if ('mismatchAxisFromEnd' in r) {
      const i = r.mismatchAxisFromEnd;
      const left = names.length === 1 ? `'${names[0]}'` : msg`${`'${names.join("', '")}'`} together`;
      return ctx.error(
        'NN2004',
        msg`${fn}: '${op.name}' ${formatShape(op.shape)} does not broadcast with ${left} ${formatShape(shape)}: axis -${i} has size ${formatDim(op.shape[op.shape.length - i]!)} in '${op.name}' but ${formatDim(shape[shape.length - i]!)} in ${left} (sizes must be equal or 1)`,
        op.name,
      );
    }
    shape = r.shape;
    names = [...names, op.name];
  }
  return shape;
}

/** The choices joined with `or` (`float32 or int32`, `rank-3 or rank-4`), in the current language. */
export function eitherOf(choices: readonly string[]): string {
  return choices.length === 0 ? '' : choices.reduce((text, choice) => msg`${text} or ${choice}`);
}

/** A list argument of ints (type 'ints' or 'any'), or undefined. */
export function intList(v: Value | undefined): Dim[] | undefined {
  if (!v || v.kind !== 'list' || v.items.some((i) => i.kind !== 'int')) return undefined;
  return v.items.map((i) => (i as { kind: 'int'; value: Dim }).value);
}

/** Reports NN3003 for a constant size below `min` in a list of sizes. */
export function checkSizes(ctx: FunctionContext, fn: string, name: string, sizes: readonly Dim[], min = 1): boolean {
  const bad = sizes.find((d) => isConst(d) && d < min);
  if (bad === undefined) return true;
  ctx.error('NN3003', msg`${fn}: every size in '${name}' must be at least ${min}, but ${formatShape(sizes)} has ${formatDim(bad)}`, name);
  return false;
}

/** A parameter with its doc (saves repeating the shape of the object). */
export type Param = FunctionSpec['params'][number];
