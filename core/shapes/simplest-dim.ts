// The simplest exact text of a dimension, for the editor: the checker keeps
// `floor(floor(H/2 - 1/2)/2) + 1` (a convolution, then a pool), which is
// `ceil(H/4)` for every whole H; `(H - 1)/stride + 1` is `ceil(H/stride)`.
//
// A dim in one symbol X built from X, constants and floors and ceilings of
// such dims (with no products) is quasi-linear: f(X + P) = f(X) + s*P for a
// period P and a slope s. Two such functions are equal for every whole X
// when they are equal at X = 0 .. P-1 and have the same slope; so the
// candidates `a*X + c`, `floor((p*X + r)/q) + k` and `ceil((p*X + r)/q) + k`
// are tested over one period, and the shortest text that matches wins.
// Anything else is written as `formatDim` writes it.

import { type Dim, add, formatDim, isConst, mul, substitute, sym, type SymDim, symbolsOf } from './dim.js';

type Term = SymDim['terms'][number];
type Atom = Term['atoms'][number];

/** Periods above this are not searched (deeply nested strides): the dim is written as it is. */
const MAX_PERIOD = 4096;

const cache = new Map<string, string>();

/** The shortest text equal to `d` for every whole value of its symbols; `formatDim(d)` when none is found. */
export function formatDimSimplest(d: Dim): string {
  if (isConst(d) || !hasRounding(d)) return formatDim(d);
  let text = cache.get(d.key);
  if (text === undefined) {
    text = simplest(d) ?? formatDim(d);
    if (cache.size >= 10_000) cache.clear();
    cache.set(d.key, text);
  }
  return text;
}

/** `[B, ceil(H/4), ceil(W/4), 64]` */
export function formatShapeSimplest(shape: readonly Dim[]): string {
  return `[${shape.map(formatDimSimplest).join(', ')}]`;
}

function hasRounding(d: SymDim): boolean {
  return d.terms.some((t) => t.atoms.some((a) => a.kind !== 'sym'));
}

function simplest(d: SymDim): string | undefined {
  const names = [...symbolsOf(d)];
  const found = names.length === 1 ? simplestInOne(d, names[0]!) : simplestProduct(d, names);
  return found ?? ceilingOfQuotient(d);
}

// ---------------------------------------------------------------- products

/** Grids larger than this are not searched. */
const MAX_GRID = 4096;

/**
 * A product of functions of one symbol each, `c * f(H) * g(W)`: the checker
 * expands `(floor(H/2 - 1/2) + 1) * (floor(W/2 - 1/2) + 1) * 64` (a
 * flattened feature map, a FLOP count) into four terms; written back as
 * `64*ceil(H/2)*ceil(W/2)`. The factors are read off the values along each
 * axis through a base point, and the product is checked at every point of
 * a grid spanning one period per symbol, which proves it for all whole
 * values (along each axis both sides are quasi-linear with that period).
 */
function simplestProduct(d: SymDim, names: readonly string[]): string | undefined {
  const periods = productPeriods(d, names);
  if (periods === undefined) return undefined;
  const base = new Map(names.map((n) => [n, 101]));
  const d0 = valueAt(d, base);
  if (d0 === undefined || d0 === 0) return undefined;
  // the values along each axis through the base point
  const axes: number[][] = [];
  for (const [i, x] of names.entries()) {
    const values: number[] = [];
    for (let n = 0; n <= periods[i]!; n++) {
      const v = valueAt(d, new Map(base).set(x, n));
      if (v === undefined) return undefined;
      values.push(v);
    }
    axes.push(values);
  }
  if (!isProductOnGrid(d, names, periods, axes, BigInt(d0))) return undefined;
  // d = prod(axis values) / d0^(k-1); each axis is its content times a function with coprime values
  let num = 1n;
  let den = BigInt(d0) ** BigInt(names.length - 1);
  const factors: string[] = [];
  for (const [i, x] of names.entries()) {
    const values = axes[i]!;
    const content = values.reduce((g, v) => gcd(g, v), 0) * (values[values.length - 1]! < 0 ? -1 : 1);
    if (content === 0) return undefined;
    num *= BigInt(content);
    const text = fromValues(values.map((v) => v / content), periods[i]!, x);
    if (text === undefined) return undefined;
    if (/^-?\d+$/.test(text)) num *= BigInt(text);
    else factors.push(/[ ]/.test(text) ? `(${text})` : text);
  }
  const g = bigGcd(num, den);
  num /= g;
  den /= g;
  if (den < 0n) [num, den] = [-num, -den];
  if (den !== 1n) return undefined;
  if (num !== 1n) factors.unshift(num === -1n ? '-1' : String(num));
  return factors.join('*');
}

/** A period per symbol when every term is a product of atoms of one symbol each (at most one per symbol); else undefined. */
function productPeriods(d: SymDim, names: readonly string[]): number[] | undefined {
  if (names.length > 4) return undefined;
  const periods = new Map(names.map((n) => [n, 1]));
  for (const t of d.terms) {
    const seen = new Set<string>();
    for (const atom of t.atoms) {
      const x = atom.kind === 'sym' ? atom.name : atom.kind === 'div' ? undefined : onlySymbol(atom.arg);
      if (x === undefined || seen.has(x)) return undefined;
      seen.add(x);
      const inner = atomPeriod(atom, x);
      if (inner === undefined) return undefined;
      const period = lcm(periods.get(x)!, t.coeff.d * inner);
      if (period > MAX_PERIOD) return undefined;
      periods.set(x, period);
    }
  }
  const list = names.map((n) => periods.get(n)!);
  return list.reduce((size, p) => size * (p + 1), 1) <= MAX_GRID ? list : undefined;
}

function onlySymbol(d: Dim): string | undefined {
  const names = symbolsOf(d);
  return names.size === 1 ? [...names][0] : undefined;
}

/** Whether d(p) * d0^(k-1) equals the product of the axis values at every point of the grid (exact, in BigInt). */
function isProductOnGrid(d: SymDim, names: readonly string[], periods: readonly number[], axes: readonly number[][], d0: bigint): boolean {
  const scale = d0 ** BigInt(names.length - 1);
  const point = names.map(() => 0);
  for (;;) {
    const v = valueAt(d, new Map(names.map((n, i) => [n, point[i]!])));
    if (v === undefined) return false;
    const product = point.reduce((acc, n, i) => acc * BigInt(axes[i]![n]!), 1n);
    if (BigInt(v) * scale !== product) return false;
    let i = 0;
    while (i < point.length && point[i] === periods[i]) point[i++] = 0;
    if (i === point.length) return true;
    point[i]!++;
  }
}

function bigGcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

// ---------------------------------------------------------------- one symbol

function simplestInOne(d: SymDim, x: string): string | undefined {
  const period = periodIn(d, x);
  if (period === undefined) return undefined;
  const values: number[] = [];
  for (let n = 0; n <= period; n++) {
    const v = valueAt(d, new Map([[x, n]]));
    if (v === undefined) return undefined;
    values.push(v);
  }
  return fromValues(values, period, x);
}

/** The value of `d` with every symbol given, when it is a whole number. */
function valueAt(d: Dim, env: ReadonlyMap<string, number>): number | undefined {
  const v = substitute(d, env);
  return isConst(v) && Number.isInteger(v) ? v : undefined;
}

/** The shortest text of the quasi-linear function of `x` with these values at 0 .. period. */
function fromValues(values: readonly number[], period: number, x: string): string | undefined {
  const rise = values[period]! - values[0]!;
  const [p, q] = reduced(rise, period);
  const matches = (f: (n: number) => number): boolean => values.every((v, n) => f(n) === v);
  const candidates: { text: string; score: number }[] = [];
  if (q === 1 && matches((n) => p * n + values[0]!)) candidates.push({ text: formatDim(add(mul(p, sym(x)), values[0]!)), score: 0 });
  if (q > 1) {
    for (let r = -2 * q; r <= 2 * q; r++) {
      const floorK = values[0]! - Math.floor(r / q);
      if (matches((n) => Math.floor((p * n + r) / q) + floorK)) candidates.push(rounded('floor', x, p, r, q, floorK));
      const ceilK = values[0]! - Math.ceil(r / q);
      if (matches((n) => Math.ceil((p * n + r) / q) + ceilK)) candidates.push(rounded('ceil', x, p, r, q, ceilK));
    }
  }
  candidates.sort((a, b) => a.text.length + a.score - (b.text.length + b.score));
  return candidates[0]?.text;
}

/** `floor((p*X + r)/q) + k`; an offset inside a ceiling reads worse than one inside a floor. */
function rounded(kind: 'floor' | 'ceil', x: string, p: number, r: number, q: number, k: number): { text: string; score: number } {
  const inner = formatDim(add(mul(p, sym(x)), r));
  const body = `${kind}(${/[ +-]/.test(inner.slice(1)) ? `(${inner})` : inner}/${q})`;
  return { text: withOffset(body, k), score: kind === 'ceil' && r !== 0 ? 2 : 0 };
}

function withOffset(body: string, k: number): string {
  return k === 0 ? body : k > 0 ? `${body} + ${k}` : `${body} - ${-k}`;
}

/**
 * A period of `d` in `x`: every term is a constant, `c*x`, or `c*floor(e)` /
 * `c*ceil(e)` with `e` quasi-linear in `x` again; undefined otherwise.
 */
function periodIn(d: Dim, x: string): number | undefined {
  if (isConst(d)) return 1;
  let period = 1;
  for (const t of d.terms) {
    if (t.atoms.length === 0) continue;
    if (t.atoms.length > 1) return undefined;
    const inner = atomPeriod(t.atoms[0]!, x);
    if (inner === undefined) return undefined;
    period = lcm(period, t.coeff.d * inner);
    if (period > MAX_PERIOD) return undefined;
  }
  return period;
}

function atomPeriod(atom: Atom, x: string): number | undefined {
  if (atom.kind === 'sym') return atom.name === x ? 1 : undefined;
  if (atom.kind === 'floor' || atom.kind === 'ceil') return periodIn(atom.arg, x);
  return undefined;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

function reduced(n: number, d: number): [number, number] {
  const g = gcd(n, d) || 1;
  return [n / g, d / g];
}

// ---------------------------------------------------------------- symbolic divisors

/**
 * `(N)/(D) + 1` is `ceil((N + 1)/D)`: a quotient by a symbolic divisor is
 * whole (the checker's floor division), and `floor((L - 1)/s) + 1 = ceil(L/s)`.
 */
function ceilingOfQuotient(d: SymDim): string | undefined {
  if (d.terms.length !== 2) return undefined;
  const [quotient, constant] = d.terms as [Term, Term];
  if (constant.atoms.length !== 0 || constant.coeff.n !== 1 || constant.coeff.d !== 1) return undefined;
  if (quotient.atoms.length !== 1 || quotient.coeff.n !== 1 || quotient.coeff.d !== 1) return undefined;
  const atom = quotient.atoms[0]!;
  if (atom.kind !== 'div') return undefined;
  return `ceil(${wrap(add(atom.num, 1))}/${wrap(atom.den)})`;
}

function wrap(d: Dim): string {
  const text = formatDimSimplest(d);
  return /^[\w]+$/.test(text) ? text : `(${text})`;
}
