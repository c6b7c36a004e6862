// Calls a built-in function on bound arguments. Pure: problems come back as
// data for the checker to place in the source.

import { msg } from '../i18n/message.js';
import type { Dim } from '../shapes/dim.js';
import { sym } from '../shapes/dim.js';
import type { Origin, TensorValue, Value } from '../values.js';
import type { FunctionContext, FunctionSpec } from './function-spec.js';

export interface FunctionProblem {
  code: string;
  message: string;
  /** the parameter whose argument to point at; absent: the whole call */
  arg?: string;
}

export interface FunctionCall {
  /** undefined after a problem */
  value: Value | undefined;
  problems: FunctionProblem[];
  /** the tensors the call made (not those it passed on from its arguments), in order */
  made: TensorValue[];
  /** their FLOPs, batch included (0 unless counted) */
  flops: Dim;
}

/** Counter for fresh data-dependent dimensions (`K1`, `K2`, ...), per check run. */
export interface FreshDims {
  next: number;
}

/** `countFlops`: also count the FLOPs of the tensors it made (only the summary needs them). */
export function applyFunction(spec: FunctionSpec, args: Readonly<Record<string, Value>>, origin: Origin, fresh: FreshDims = { next: 1 }, countFlops = false): FunctionCall {
  const problems: FunctionProblem[] = [];
  const ctx = makeFunctionContext(spec, args, origin, fresh, problems);
  try {
    const value = spec.call(ctx);
    const made = value ? madeTensors(value, args) : [];
    const flops = countFlops && made.length > 0 && spec.flops ? spec.flops(ctx, made.map((t) => t.shape)) : 0;
    return { value, problems, made, flops };
  } catch (e) {
    if (e instanceof ArgumentUnavailable) return { value: undefined, problems, made: [], flops: 0 };
    throw e;
  }
}

/** The tensors in `value` (through lists and tuples) that are not among the arguments'. */
function madeTensors(value: Value, args: Readonly<Record<string, Value>>): TensorValue[] {
  const given = new Set<Value>();
  const collect = (v: Value, into: (t: TensorValue) => void): void => {
    if (v.kind === 'tensor') into(v);
    else if (v.kind === 'list' || v.kind === 'tuple') for (const item of v.items) collect(item, into);
  };
  for (const v of Object.values(args)) collect(v, (t) => given.add(t));
  const made: TensorValue[] = [];
  collect(value, (t) => {
    if (!given.has(t)) made.push(t);
  });
  return made;
}

class ArgumentUnavailable extends Error {}

function makeFunctionContext(spec: FunctionSpec, args: Readonly<Record<string, Value>>, origin: Origin, fresh: FreshDims, problems: FunctionProblem[]): FunctionContext {
  const get = (name: string): Value => {
    const v = args[name];
    if (!v || v.kind === 'unknown') throw new ArgumentUnavailable(name);
    return v;
  };
  const dims = (v: Value): Dim[] => (v.kind === 'list' ? v.items.map((i) => (i.kind === 'int' ? i.value : 0)) : v.kind === 'int' ? [v.value] : []);
  return {
    args,
    tensor: (name) => {
      const v = get(name);
      if (v.kind !== 'tensor') throw new ArgumentUnavailable(name);
      return v;
    },
    tensors: (name) => {
      const v = get(name);
      const items = v.kind === 'list' || v.kind === 'tuple' ? v.items : [];
      if (items.some((i) => i.kind !== 'tensor')) throw new ArgumentUnavailable(name);
      return items as TensorValue[];
    },
    int: (name) => {
      const v = get(name);
      return v.kind === 'int' ? v.value : v.kind === 'float' ? v.value : 0;
    },
    float: (name) => {
      const v = get(name);
      return v.kind === 'float' ? v.value : v.kind === 'int' && typeof v.value === 'number' ? v.value : NaN;
    },
    bool: (name) => {
      const v = get(name);
      return v.kind === 'bool' && v.value;
    },
    string: (name) => {
      const v = get(name);
      return v.kind === 'string' ? v.value : v.kind === 'name' ? v.name : '';
    },
    ints: (name) => dims(get(name)),
    has: (name) => args[name] !== undefined && args[name]!.kind !== 'unknown',
    result: (shape, dtype = 'float32') => ({ kind: 'tensor', shape, dtype, origin: { ...origin, what: msg`result of ${spec.name}` } }),
    freshDim: (prefix) => sym(`${prefix}${fresh.next++}`),
    error: (code, message, arg) => {
      problems.push({ code, message, ...(arg ? { arg } : {}) });
      return undefined;
    },
  };
}
