// Binds the arguments of a call (positional and named) to declared
// parameters: checks names, arity, types, allowed values and ranges, and
// fills in defaults. Used for layers, functions, blocks and train settings.

import type { Range } from '../../grammar/ast.js';
import type { Literal, ParamType } from '../catalog/layer-spec.js';
import { msg } from '../i18n/message.js';
import { isConst } from '../shapes/dim.js';
import { closestName } from '../text/did-you-mean.js';
import { describeKind, type Value } from '../values.js';
import { foreignParam } from './foreign-names.js';
import { isLayerLike, layerAdvice } from './layer-as-tensor.js';

/** A parameter as binding sees it: the catalog's ParamSpec fits, and so do block parameters. */
export interface BindableParam {
  name: string;
  type: ParamType | 'tensor' | 'tensors' | 'any';
  default?: Literal;
  /** a default that is already a value (block parameters' defaults are expressions) */
  defaultValue?: Value;
  /** the parameter may be left out and then has no value */
  optional?: boolean;
  allowed?: readonly string[];
  min?: number;
  max?: number;
}

export interface ArgInput {
  name?: string;
  nameRange?: Range;
  value: Value;
  range: Range;
  /** when the argument is written as a list: each item's range */
  itemRanges?: Range[];
}

export interface BindProblem {
  code: string;
  message: string;
  range: Range;
  /** a replacement for the text at `range` (a "did you mean") */
  replacement?: string;
  /** text to insert after `range` (`()` after a layer that makes a tensor) */
  append?: string;
  /** text to remove for the fix (an argument that is not needed, with its comma) */
  removal?: Range;
}

export interface BindOptions {
  /** recognise PyTorch's and Keras's parameter names (`kernel_size`) and say what they are here */
  foreignNames?: boolean;
}

export interface BindResult {
  values: Record<string, Value>;
  /** the range of the argument bound to each parameter */
  ranges: Record<string, Range>;
  problems: BindProblem[];
}

/**
 * `callRange` is where to point when an argument is missing (the call's
 * argument list). `what` names the callee in messages ("Conv2D").
 */
export function bindArgs(what: string, params: readonly BindableParam[], args: readonly ArgInput[], callRange: Range, opts: BindOptions = {}): BindResult {
  const values: Record<string, Value> = {};
  const ranges: Record<string, Range> = {};
  const problems: BindProblem[] = [];
  let position = 0;
  for (const [i, arg] of args.entries()) {
    let param: BindableParam | undefined;
    if (arg.name !== undefined) {
      param = params.find((p) => p.name === arg.name);
      if (!param) {
        const unknown = unknownParam(what, params, args, i, opts);
        problems.push(unknown.problem);
        // the parameter meant takes the value, so the mistake is one error (not also a missing argument)
        param = unknown.meant === undefined ? undefined : params.find((p) => p.name === unknown.meant && !(p.name in values) && !args.some((a) => a.name === p.name));
        if (!param) continue;
      }
    } else {
      while (position < params.length && params[position]!.name in values) position++;
      param = params[position++];
      if (!param) {
        const message = params.length === 1 ? msg`${what} takes 1 argument, but more were given` : msg`${what} takes ${params.length} arguments, but more were given`;
        problems.push({ code: 'NN1004', message, range: arg.range });
        continue;
      }
    }
    if (param.name in values) {
      problems.push({ code: 'NN1005', message: msg`${what}: '${param.name}' is given twice`, range: arg.range });
      continue;
    }
    const layer = layerWhereTensor(what, param, arg);
    if (layer) {
      problems.push(layer);
      values[param.name] = { kind: 'unknown' };
      continue;
    }
    const fraction = fractionalSize(param, arg);
    if (fraction) {
      problems.push(fraction);
      values[param.name] = { kind: 'unknown' };
      continue;
    }
    const checked = checkValue(what, param, arg.value);
    if ('rejected' in checked) {
      problems.push({ code: checked.code, message: checked.rejected, range: arg.range });
      values[param.name] = { kind: 'unknown' };
    } else values[param.name] = checked;
    ranges[param.name] = arg.range;
  }
  for (const param of params) {
    if (param.name in values) continue;
    if (param.defaultValue) values[param.name] = param.defaultValue;
    else if (param.default !== undefined) values[param.name] = literalValue(param.default);
    else if (!param.optional) {
      problems.push({ code: 'NN1006', message: msg`${what} needs '${param.name}' (${describeType(param)})`, range: callRange });
      values[param.name] = { kind: 'unknown' };
    }
  }
  return { values, ranges, problems };
}

/** A named argument no parameter has: a "did you mean", or what PyTorch's or Keras's name is here; and the parameter meant. */
function unknownParam(what: string, params: readonly BindableParam[], args: readonly ArgInput[], i: number, opts: BindOptions): { problem: BindProblem; meant?: string } {
  const arg = args[i]!;
  const name = arg.name!;
  const range = arg.nameRange ?? arg.range;
  const foreign = opts.foreignNames ? foreignParam(name, params) : undefined;
  if (foreign?.ours) {
    return { problem: { code: 'NN1003', message: msg`${what} has no parameter '${name}': ${foreign.param.note} is '${foreign.ours}' here`, range, replacement: foreign.ours }, meant: foreign.ours };
  }
  if (foreign) return { problem: { code: 'NN1003', message: msg`${what} has no parameter '${name}': ${foreign.param.note}; leave it out`, range, removal: argumentRemoval(args, i) } };
  const names = params.map((p) => p.name);
  const guess = closestName(name, names);
  return {
    problem: {
      code: 'NN1003',
      message: noSuchParameter(what, name, names, guess),
      range,
      replacement: guess,
    },
    meant: guess,
  };
}

function noSuchParameter(what: string, name: string, names: readonly string[], guess: string | undefined): string {
  if (names.length === 0) return msg`${what} has no parameter '${name}' (parameters: none)`;
  const list = names.join(', ');
  return guess ? msg`${what} has no parameter '${name}'; did you mean '${guess}'? (parameters: ${list})` : msg`${what} has no parameter '${name}' (parameters: ${list})`;
}

/** Argument `i` with the separator next to it, so removing it leaves a well-formed list. */
function argumentRemoval(args: readonly ArgInput[], i: number): Range {
  const start = (a: ArgInput) => a.nameRange?.start ?? a.range.start;
  const [arg, next, previous] = [args[i]!, args[i + 1], args[i - 1]];
  if (next) return { start: start(arg), end: start(next) };
  return { start: previous ? previous.range.end : start(arg), end: arg.range.end };
}

/** A layer or block given where a tensor is needed (NN3020): call or apply it first. */
function layerWhereTensor(what: string, param: BindableParam, arg: ArgInput): BindProblem | undefined {
  if (param.type === 'tensor' && isLayerLike(arg.value)) {
    const v = arg.value;
    return { code: 'NN3020', message: msg`${what}: '${param.name}' must be a tensor, but this is ${describeKind(v)}: ${layerAdvice(v)}`, range: arg.range, ...noInputFix(v) };
  }
  if (param.type === 'tensors' && (arg.value.kind === 'list' || arg.value.kind === 'tuple')) {
    const i = arg.value.items.findIndex(isLayerLike);
    if (i < 0) return undefined;
    const v = arg.value.items[i]!;
    return { code: 'NN3020', message: msg`${what}: '${param.name}' must be tensors, but item ${i + 1} is ${describeKind(v)}: ${layerAdvice(v)}`, range: arg.itemRanges?.[i] ?? arg.range, ...noInputFix(v) };
  }
  return undefined;
}

function noInputFix(v: Value): { append?: string } {
  return v.kind === 'layer' && v.instance.spec.inputs.max === 0 ? { append: '()' } : {};
}

/** A size list with a non-whole item (`[B, 7/2]`): NN2005 at that item. */
function fractionalSize(param: BindableParam, arg: ArgInput): BindProblem | undefined {
  if (arg.value.kind !== 'list' || !arg.itemRanges || !['ints', 'size', 'padding', 'any'].includes(param.type)) return undefined;
  const i = arg.value.items.findIndex((item) => item.kind === 'float' && !Number.isInteger(item.value));
  if (i < 0 || param.type === 'any') return undefined;
  const item = arg.value.items[i] as { value: number };
  return { code: 'NN2005', message: msg`a size must be a whole number, but this is ${item.value}`, range: arg.itemRanges[i] ?? arg.range };
}

export function literalValue(lit: Literal): Value {
  if (typeof lit === 'number') return Number.isInteger(lit) ? { kind: 'int', value: lit } : { kind: 'float', value: lit };
  if (typeof lit === 'string') return { kind: 'string', value: lit };
  if (typeof lit === 'boolean') return { kind: 'bool', value: lit };
  return { kind: 'list', items: lit.map((n) => ({ kind: 'int', value: n }) as Value) };
}

export function describeType(param: Pick<BindableParam, 'type' | 'allowed'>): string {
  switch (param.type) {
    case 'size':
      return msg`an int or a list of ints`;
    case 'padding':
      return msg`"same", "valid", an int or a list of ints`;
    case 'ints':
      return msg`a list of ints`;
    case 'axis':
      return msg`an axis (an int)`;
    case 'tensors':
      return msg`a list of tensors`;
    case 'string':
      return param.allowed ? msg`one of ${param.allowed.map((a) => `"${a}"`).join(', ')}` : msg`a string`;
    case 'any':
      return msg`a value`;
    case 'int':
      return msg`an int`;
    case 'float':
      return msg`a float`;
    case 'bool':
      return msg`a bool`;
    case 'tensor':
      return msg`a tensor`;
  }
}

/** A value a parameter does not take: what was wrong, and its code (NN3003 out of range, NN3001 of the wrong type). */
interface Rejection {
  rejected: string;
  code: 'NN3001' | 'NN3003';
}

const wrongType = (rejected: string): Rejection => ({ rejected, code: 'NN3001' });

/** Returns the value converted to the parameter's type, or why it was rejected. */
function checkValue(what: string, param: BindableParam, v: Value): Value | Rejection {
  if (v.kind === 'unknown' || param.type === 'any') return v;
  const wrong = () => wrongType(msg`${what}: '${param.name}' must be ${describeType(param)}, but this is ${describeKind(v)}`);
  switch (param.type) {
    case 'int':
    case 'axis':
      if (v.kind !== 'int') return wrong();
      return checkRange(what, param, v) ?? v;
    case 'float':
      if (v.kind === 'int') {
        if (!isConst(v.value)) return v;
        return checkRange(what, param, { kind: 'float', value: v.value }) ?? { kind: 'float', value: v.value };
      }
      if (v.kind !== 'float') return wrong();
      return checkRange(what, param, v) ?? v;
    case 'bool':
      return v.kind === 'bool' ? v : wrong();
    case 'string':
      if (v.kind === 'name') v = { kind: 'string', value: v.name };
      if (v.kind !== 'string') return wrong();
      if (param.allowed && !param.allowed.includes(v.value)) {
        const guess = closestName(v.value, param.allowed);
        return wrongType(
          guess
            ? msg`${what}: '${param.name}' must be ${describeType(param)}, not "${v.value}"; did you mean "${guess}"?`
            : msg`${what}: '${param.name}' must be ${describeType(param)}, not "${v.value}"`,
        );
      }
      return v;
    case 'size':
      if (v.kind === 'int') return checkRange(what, param, v) ?? v;
      if (v.kind === 'list' && v.items.every((i) => i.kind === 'int')) return v;
      return wrong();
    case 'padding':
      if (v.kind === 'name') v = { kind: 'string', value: v.name };
      if (v.kind === 'string') return v.value === 'same' || v.value === 'valid' ? v : wrongType(msg`${what}: padding must be "same", "valid" or a number of zeros, not "${v.value}"`);
      if (v.kind === 'int' || (v.kind === 'list' && v.items.every((i) => i.kind === 'int' || i.kind === 'list'))) return v;
      return wrong();
    case 'ints':
      if (v.kind === 'list' && v.items.every((i) => i.kind === 'int')) return v;
      return wrong();
    case 'tensor':
      return v.kind === 'tensor' ? v : wrong();
    case 'tensors':
      if (v.kind === 'list' && v.items.every((i) => i.kind === 'tensor' || i.kind === 'unknown')) return v;
      if (v.kind === 'tuple' && v.items.every((i) => i.kind === 'tensor' || i.kind === 'unknown')) return { kind: 'list', items: v.items };
      return wrong();
  }
}

function checkRange(what: string, param: BindableParam, v: { kind: 'int' | 'float'; value: number | object }): Rejection | undefined {
  if (typeof v.value !== 'number') return undefined;
  if (param.min !== undefined && v.value < param.min) return { rejected: msg`${what}: '${param.name}' must be at least ${param.min}, but is ${v.value}`, code: 'NN3003' };
  if (param.max !== undefined && v.value > param.max) return { rejected: msg`${what}: '${param.name}' must be at most ${param.max}, but is ${v.value}`, code: 'NN3003' };
  return undefined;
}
