// Test helper: writes calls as text, the way a table row reads.
//
//   f32[B, T, 512]   a float32 tensor (also i32[...], bool[...])
//   [B, T, 8, 64]    a list (of ints, tensors or lists)
//   B, 25*B, H/2     ints (capitalised or lower-case names are symbols)
//   0.5, 1e-9        floats; "xywh" a string; true / false; ? an unknown value
//   name=value       a named argument
//
// `call('reshape', 'f32[B, T, 512], [B, T, 8, 64]')` binds the arguments with
// bindArgs exactly as the checker does and applies the function.

import { bindArgs, type ArgInput } from '../../core/check/bind-args.js';
import { applyFunction, type FreshDims } from '../../core/functions/apply-function.js';
import { findFunction } from '../../core/functions/index.js';
import { add, type Dim, div, formatDim, mul, neg, sub, sym } from '../../core/shapes/dim.js';
import { formatShape } from '../../core/shapes/shape.js';
import type { DType, Value } from '../../core/values.js';

const TOKEN = /\s*(f32\[|i32\[|bool\[|\d+\.\d*(?:e-?\d+)?|\d+e-?\d+|\d+|[A-Za-z_]\w*|"[^"]*"|[[\](),=*+\-/?])/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read ${JSON.stringify(text.slice(start))} in ${JSON.stringify(text)}`);
    out.push(m[1]!);
  }
  return out;
}

type Num = { kind: 'int'; value: Dim } | { kind: 'float'; value: number };

class Parser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}
  peek = (k = 0): string | undefined => this.tokens[this.i + k];
  next(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new Error('unexpected end of input');
    return t;
  }
  expect(t: string): void {
    const got = this.next();
    if (got !== t) throw new Error(`expected ${t}, got ${got}`);
  }
  done = (): boolean => this.i >= this.tokens.length;

  args(): ArgInput[] {
    const out: ArgInput[] = [];
    while (!this.done()) {
      const range = { start: out.length, end: out.length + 1 };
      if (/^[A-Za-z_]\w*$/.test(this.peek()!) && this.peek(1) === '=') {
        const name = this.next();
        this.next();
        out.push({ name, value: this.value(), range });
      } else out.push({ value: this.value(), range });
      if (!this.done()) this.expect(',');
    }
    return out;
  }

  value(): Value {
    const t = this.peek()!;
    if (t === 'f32[' || t === 'i32[' || t === 'bool[') {
      this.next();
      const dtype: DType = t === 'f32[' ? 'float32' : t === 'i32[' ? 'int32' : 'bool';
      const shape = this.items(() => {
        const n = this.num();
        if (n.kind !== 'int') throw new Error('a tensor shape holds ints');
        return n.value;
      });
      return { kind: 'tensor', shape, dtype, origin: { range: { start: 0, end: 0 }, what: 'test input' } };
    }
    if (t === '[') {
      this.next();
      return { kind: 'list', items: this.items(() => this.value()) };
    }
    if (t.startsWith('"')) return this.next(), { kind: 'string', value: t.slice(1, -1) };
    if (t === 'true' || t === 'false') return this.next(), { kind: 'bool', value: t === 'true' };
    if (t === '?') return this.next(), { kind: 'unknown' };
    return this.num();
  }

  /** items up to the closing `]` (the opening one is consumed) */
  private items<T>(item: () => T): T[] {
    const out: T[] = [];
    while (this.peek() !== ']') {
      out.push(item());
      if (this.peek() === ',') this.next();
    }
    this.next();
    return out;
  }

  num(): Num {
    let left = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.next();
      left = arith(left, this.term(), op === '+' ? add : sub, op === '+' ? (a, b) => a + b : (a, b) => a - b);
    }
    return left;
  }

  private term(): Num {
    let left = this.atom();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.next();
      left = arith(left, this.atom(), op === '*' ? mul : div, op === '*' ? (a, b) => a * b : (a, b) => a / b);
    }
    return left;
  }

  private atom(): Num {
    const t = this.next();
    if (t === '-') {
      const n = this.atom();
      return n.kind === 'int' ? { kind: 'int', value: neg(n.value) } : { kind: 'float', value: -n.value };
    }
    if (t === '(') {
      const n = this.num();
      this.expect(')');
      return n;
    }
    if (/^\d+$/.test(t)) return { kind: 'int', value: Number(t) };
    if (/^\d/.test(t)) return { kind: 'float', value: Number(t) };
    if (/^[A-Za-z_]\w*$/.test(t)) return { kind: 'int', value: sym(t) };
    throw new Error(`unexpected ${t}`);
  }
}

function arith(a: Num, b: Num, onDims: (x: Dim, y: Dim) => Dim, onNumbers: (x: number, y: number) => number): Num {
  if (a.kind === 'int' && b.kind === 'int') return { kind: 'int', value: onDims(a.value, b.value) };
  if (typeof a.value !== 'number' || typeof b.value !== 'number') throw new Error('a float with a symbol');
  return { kind: 'float', value: onNumbers(a.value, b.value) };
}

/** One value written as text. */
export function parseValue(text: string): Value {
  const p = new Parser(tokenize(text));
  const v = p.value();
  if (!p.done()) throw new Error(`trailing text in ${text}`);
  return v;
}

/** The arguments of a call written as text. */
export function parseArgs(text: string): ArgInput[] {
  return new Parser(tokenize(text)).args();
}

/** A value as the tables write expectations: `[B, T, 8, 64]`, `[B, S] bool`, `([K1, 4], [K1], [K1] int32)`, `float 8`. */
export function formatValue(v: Value | undefined): string {
  if (!v) return 'nothing';
  switch (v.kind) {
    case 'tensor':
      return formatShape(v.shape) + (v.dtype === 'float32' ? '' : ` ${v.dtype}`);
    case 'tuple':
      return `(${v.items.map(formatValue).join(', ')})`;
    case 'int':
      return `int ${formatDim(v.value)}`;
    case 'float':
      return `float ${v.value}`;
    case 'bool':
    case 'string':
      return `${v.kind} ${v.value}`;
    case 'list':
      return `[${v.items.map(formatValue).join(', ')}]`;
    default:
      return v.kind;
  }
}

export interface Outcome {
  value: Value | undefined;
  problems: { code: string; message: string; arg?: string }[];
}

/** Binds and applies `fn` to the arguments written in `args`. */
export function call(fn: string, args: string, fresh: FreshDims = { next: 1 }): Outcome {
  const spec = findFunction(fn);
  if (!spec) throw new Error(`no function ${fn}`);
  const bound = bindArgs(fn, spec.params, parseArgs(args), { start: 0, end: 0 });
  const applied = applyFunction(spec, bound.values, { range: { start: 0, end: 0 }, what: 'test call' }, fresh);
  return { value: applied.value, problems: [...bound.problems.map((p) => ({ code: p.code, message: p.message })), ...applied.problems] };
}

/** A table row: the function, its arguments, and the expected shape (see formatValue) or `NNxxxx fragment of the message`. */
export type Row = readonly [fn: string, args: string, expected: string];

/** Checks one row; returns a description of what went wrong, or undefined. */
export function checkRow([fn, args, expected]: Row): string | undefined {
  const out = call(fn, args);
  const m = /^(NN\d{4})\s*(.*)$/.exec(expected);
  const problems = out.problems.map((p) => `${p.code} ${p.message}`).join('; ');
  if (m) {
    const [, code, fragment] = m;
    const hit = out.problems.find((p) => p.code === code && p.message.includes(fragment!));
    return hit ? undefined : `expected ${code} containing "${fragment}", got ${problems || formatValue(out.value)}`;
  }
  if (out.problems.length > 0) return `expected ${expected}, got problems: ${problems}`;
  const got = formatValue(out.value);
  return got === expected ? undefined : `expected ${expected}, got ${got}`;
}
