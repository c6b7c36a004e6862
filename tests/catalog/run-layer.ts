// A tiny harness for catalog tests: parses call arguments and shapes written
// as in source ("64, 3, stride: 2", "[B, H/2, 3]", "int32[B, T]"), binds the
// arguments the way the checker does, and applies the catalog entry.

import { applyLayer } from '../../core/catalog/apply-layer.js';
import { findLayer } from '../../core/catalog/index.js';
import { type ArgInput, bindArgs } from '../../core/check/bind-args.js';
import { add, type Dim, div, formatDim, mul, sub, sym } from '../../core/shapes/dim.js';
import { expect } from 'vitest';
import { formatShape } from '../../core/shapes/shape.js';
import type { DType, TensorValue, Value } from '../../core/values.js';

const RANGE = { start: 0, end: 0 };

type Token = { kind: 'num' | 'str' | 'id' | 'op'; text: string };

function tokenize(text: string): Token[] {
  const re = /(\d+\.\d*(?:e-?\d+)?|\d+e-?\d+|\d+)|"([^"]*)"|([A-Za-z_][A-Za-z0-9_]*)|(\S)/g;
  const out: Token[] = [];
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'str', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'id', text: m[3] });
    else out.push({ kind: 'op', text: m[4]! });
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('unexpected end of input');
    return t;
  }
  eat(op: string): boolean {
    if (this.peek()?.kind === 'op' && this.peek()!.text === op) return (this.i++, true);
    return false;
  }
  expect(op: string): void {
    if (!this.eat(op)) throw new Error(`expected '${op}' at token ${this.i}`);
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }

  /** a value: list, string, bool, or an arithmetic expression (int, float or symbolic dim) */
  value(): Value {
    const t = this.peek();
    if (t?.kind === 'op' && t.text === '[') {
      this.next();
      const items: Value[] = [];
      while (!this.eat(']')) {
        items.push(this.value());
        this.eat(',');
      }
      return { kind: 'list', items };
    }
    if (t?.kind === 'str') return (this.next(), { kind: 'string', value: t.text });
    if (t?.kind === 'id' && (t.text === 'true' || t.text === 'false')) return (this.next(), { kind: 'bool', value: t.text === 'true' });
    const e = this.sum();
    return typeof e === 'number' && !Number.isInteger(e) ? { kind: 'float', value: e } : isFloat(e) ? { kind: 'float', value: e.value } : { kind: 'int', value: e as Dim };
  }

  sum(): Dim | FloatBox {
    let left = this.product();
    for (;;) {
      if (this.eat('+')) left = arith(left, this.product(), add, (a, b) => a + b);
      else if (this.eat('-')) left = arith(left, this.product(), sub, (a, b) => a - b);
      else return left;
    }
  }

  product(): Dim | FloatBox {
    let left = this.unary();
    for (;;) {
      if (this.eat('*')) left = arith(left, this.unary(), mul, (a, b) => a * b);
      else if (this.eat('/')) left = arith(left, this.unary(), div, (a, b) => a / b);
      else return left;
    }
  }

  unary(): Dim | FloatBox {
    if (this.eat('-')) return arith(0, this.unary(), sub, (a, b) => a - b);
    if (this.eat('(')) {
      const e = this.sum();
      this.expect(')');
      return e;
    }
    const t = this.next();
    if (t.kind === 'num') return /[.e]/.test(t.text) ? { float: true, value: Number(t.text) } : Number(t.text);
    if (t.kind === 'id') return sym(t.text);
    throw new Error(`unexpected '${t.text}'`);
  }
}

type FloatBox = { float: true; value: number };
const isFloat = (x: unknown): x is FloatBox => typeof x === 'object' && x !== null && 'float' in x;

function arith(a: Dim | FloatBox, b: Dim | FloatBox, onDims: (a: Dim, b: Dim) => Dim, onNums: (a: number, b: number) => number): Dim | FloatBox {
  if (isFloat(a) || isFloat(b)) {
    const x = isFloat(a) ? a.value : (a as number);
    const y = isFloat(b) ? b.value : (b as number);
    return { float: true, value: onNums(x, y) };
  }
  return onDims(a, b);
}

/** "64, 3, stride: 2" -> argument inputs for bindArgs */
export function parseArgs(text: string): ArgInput[] {
  const p = new Parser(tokenize(text));
  const args: ArgInput[] = [];
  while (!p.done()) {
    const t = p.peek()!;
    const after = p.peek(1);
    let name: string | undefined;
    if (t.kind === 'id' && after?.kind === 'op' && after.text === ':') {
      name = t.text;
      p.next();
      p.next();
    }
    const value = p.value();
    args.push({ ...(name !== undefined ? { name } : {}), value, range: RANGE });
    p.eat(',');
  }
  return args;
}

/** "[B, 32, 32, 3]", "int32[B, T]", "bool[B, T]" -> a tensor value */
export function parseTensor(text: string): TensorValue {
  const m = /^\s*(float32|int32|bool)?\s*(\[.*\])\s*$/.exec(text);
  if (!m) throw new Error(`bad tensor: ${text}`);
  const v = new Parser(tokenize(m[2]!)).value();
  if (v.kind !== 'list') throw new Error(`bad tensor: ${text}`);
  const shape = v.items.map((i) => (i.kind === 'int' ? i.value : NaN));
  return { kind: 'tensor', shape, dtype: (m[1] as DType | undefined) ?? 'float32', origin: { range: RANGE, what: 'test input' } };
}

export interface LayerRun {
  /** output shapes, formatted and joined with ', ' */
  output: string;
  trainable: string;
  nonTrainable: string;
  flops: string;
  /** diagnostic codes from binding and from the rule */
  codes: string[];
  messages: string[];
}

export function runLayer(layer: string, args: string, inputs: string | readonly string[]): LayerRun {
  const spec = findLayer(layer);
  if (!spec) throw new Error(`no layer ${layer}`);
  const bound = bindArgs(layer, spec.params, parseArgs(args), RANGE);
  const tensors = (typeof inputs === 'string' ? (inputs === '' ? [] : [inputs]) : inputs).map(parseTensor);
  const result = applyLayer(spec, bound.values, tensors);
  const problems = [...bound.problems, ...result.problems];
  return {
    output: result.outputs.map(formatShape).join(', '),
    trainable: formatDim(result.weights.trainable),
    nonTrainable: formatDim(result.weights.nonTrainable),
    flops: formatDim(result.flops),
    codes: problems.map((p) => p.code),
    messages: problems.map((p) => p.message),
  };
}

/**
 * One row of a table: `[layer, args, inputs, output shape(s) | diagnostic code, trainable?, nonTrainable?, flops?]`.
 * Numbers compare with their formatted dim; strings compare as formatted dims (`"2*B*T"`).
 */
export type Row = [layer: string, args: string, inputs: string | string[], expected: string, trainable?: number | string, nonTrainable?: number | string, flops?: number | string];

export function rowName(row: Row): string {
  const [layer, args, inputs, expected] = row;
  return `${layer}(${args}) on ${typeof inputs === 'string' ? inputs : inputs.join(' ')} -> ${expected}`;
}

/** Checks one row: the output shape(s) and counts, or that the expected diagnostic code is reported. */
export function checkRow(row: Row): void {
  const [layer, args, inputs, expected, trainable, nonTrainable, flops] = row;
  const run = runLayer(layer, args, inputs);
  if (/^NN\d{4}$/.test(expected)) {
    expect(run.codes, run.messages.join('; ') || 'no problem was reported').toContain(expected);
    return;
  }
  expect(run.messages).toEqual([]);
  expect(run.output).toBe(expected);
  if (trainable !== undefined) expect(run.trainable, 'trainable').toBe(String(trainable));
  if (nonTrainable !== undefined) expect(run.nonTrainable, 'non-trainable').toBe(String(nonTrainable));
  if (flops !== undefined) expect(run.flops, 'flops').toBe(String(flops));
}
