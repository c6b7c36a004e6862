// Symbolic dimensions: `64`, `B`, `H/2`, `2*C`, `floor((H - 1)/2) + 1`.
//
// A dimension is either a plain integer (the common, fast case) or a
// polynomial over atoms with exact rational coefficients. Atoms are symbols
// (`B`, `H`), and the opaque results of floor, ceil and a division by a
// symbolic divisor. Polynomials are kept in a canonical form so that two
// equal dimensions have the same `key`. Every number in them is a safe
// integer (size-limit.ts): arithmetic that leaves that range, or builds a
// polynomial too large to follow, throws SizeLimitError.

import { msg } from '../i18n/message.js';
import { addQ, divQ, formatQ, isIntegerQ, mulQ, negQ, ONE, type Rational, rational, ZERO } from './rational.js';
import { MAX_KEY_LENGTH, MAX_TERMS, safeInteger, SizeLimitError } from './size-limit.js';

export type Dim = number | SymDim;

export interface SymDim {
  readonly terms: readonly Term[];
  /** canonical text: equal dims have equal keys */
  readonly key: string;
}

interface Term {
  /** sorted by key; empty for the constant term */
  readonly atoms: readonly Atom[];
  readonly coeff: Rational;
  readonly key: string;
}

type Atom =
  | { readonly kind: 'sym'; readonly name: string; readonly key: string }
  | { readonly kind: 'floor' | 'ceil'; readonly arg: SymDim; readonly key: string }
  | { readonly kind: 'div'; readonly num: Dim; readonly den: Dim; readonly key: string };

// ---------------------------------------------------------------- construction

const symbols = new Map<string, SymDim>();

export function sym(name: string): SymDim {
  let s = symbols.get(name);
  if (!s) {
    const atom: Atom = { kind: 'sym', name, key: name };
    s = makePoly([{ atoms: [atom], coeff: ONE, key: name }]) as SymDim;
    if (symbols.size < 10_000) symbols.set(name, s);
  }
  return s;
}

function termsOf(d: Dim): readonly Term[] {
  if (typeof d === 'number') return d === 0 ? [] : [{ atoms: [], coeff: rational(d), key: '' }];
  return d.terms;
}

/** Builds the canonical form: merges like terms, drops zeros, sorts, and returns a number when constant and integral. */
function makePoly(terms: readonly Term[]): Dim {
  const merged = new Map<string, Term>();
  for (const t of terms) {
    const prev = merged.get(t.key);
    merged.set(t.key, prev ? { ...prev, coeff: addQ(prev.coeff, t.coeff) } : t);
  }
  const kept = [...merged.values()].filter((t) => t.coeff.n !== 0);
  if (kept.length > MAX_TERMS) throw new SizeLimitError('complex', msg`a size with ${kept.length} terms (at most ${MAX_TERMS})`);
  kept.sort(compareTerms);
  if (kept.length === 0) return 0;
  if (kept.length === 1 && kept[0]!.atoms.length === 0 && isIntegerQ(kept[0]!.coeff)) return kept[0]!.coeff.n;
  return { terms: kept, key: polyKey(kept) };
}

/** The canonical text of a polynomial's terms; bounded, so that sizes nested in sizes cannot grow without end. */
function polyKey(terms: readonly Term[]): string {
  const key = terms.map((t) => `${formatQ(t.coeff)}*${t.key}`).join('+');
  if (key.length > MAX_KEY_LENGTH) throw new SizeLimitError('complex', msg`a size whose text is ${key.length} characters long (at most ${MAX_KEY_LENGTH})`);
  return key;
}

function compareTerms(a: Term, b: Term): number {
  // constants last, then by degree (higher first), then by key
  if (a.atoms.length === 0 || b.atoms.length === 0) return b.atoms.length - a.atoms.length;
  if (a.atoms.length !== b.atoms.length) return b.atoms.length - a.atoms.length;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function makeTerm(atoms: Atom[], coeff: Rational): Term {
  atoms.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { atoms, coeff, key: atoms.map((a) => a.key).join('·') };
}

// ---------------------------------------------------------------- arithmetic

export function add(a: Dim, b: Dim): Dim {
  if (typeof a === 'number') {
    if (typeof b === 'number') return safeInteger(a + b, () => `${a} + ${b}`);
    if (a === 0) return b;
  } else if (b === 0) return a;
  return makePoly([...termsOf(a), ...termsOf(b)]);
}

export function neg(a: Dim): Dim {
  if (typeof a === 'number') return -a;
  return makePoly(a.terms.map((t) => ({ ...t, coeff: negQ(t.coeff) })));
}

export function sub(a: Dim, b: Dim): Dim {
  if (typeof a === 'number' && typeof b === 'number') return safeInteger(a - b, () => `${a} - ${b}`);
  return add(a, neg(b));
}

export function mul(a: Dim, b: Dim): Dim {
  if (typeof a === 'number') {
    if (typeof b === 'number') return safeInteger(a * b, () => `${a} * ${b}`);
    return scale(b, a);
  }
  if (typeof b === 'number') return scale(a, b);
  const out: Term[] = [];
  let cancelled: Dim = 0;
  for (const x of termsOf(a)) {
    for (const y of termsOf(b)) {
      const term = makeTerm([...x.atoms, ...y.atoms], mulQ(x.coeff, y.coeff));
      const simpler = cancelDivision(term);
      if (simpler === undefined) out.push(term);
      else cancelled = add(cancelled, simpler);
    }
  }
  return add(makePoly(out), cancelled);
}

/** `(d/heads) * heads * T` is `d * T`: a quotient atom cancels against its divisor. */
function cancelDivision(t: Term): Dim | undefined {
  for (const atom of t.atoms) {
    if (atom.kind !== 'div' || typeof atom.den === 'number' || atom.den.terms.length !== 1) continue;
    const divisor = atom.den.terms[0]!;
    const rest = t.atoms.filter((a) => a !== atom);
    const reduced = removeAtoms({ atoms: rest, coeff: t.coeff, key: '' }, divisor);
    if (reduced) return mul(makePoly([reduced]), atom.num);
  }
  return undefined;
}

/** `a * n` for a constant n: the terms keep their order, only coefficients change. */
function scale(a: SymDim, n: number): Dim {
  if (n === 0) return 0;
  if (n === 1) return a;
  const q = rational(n);
  const terms = a.terms.map((t) => ({ ...t, coeff: mulQ(t.coeff, q) }));
  if (terms.length === 1 && terms[0]!.atoms.length === 0 && isIntegerQ(terms[0]!.coeff)) return terms[0]!.coeff.n;
  return { terms, key: polyKey(terms) };
}

/** A constant rational as a dim (integral ones become numbers). */
export function constant(q: Rational): Dim {
  return makePoly([{ atoms: [], coeff: q, key: '' }]);
}

/**
 * Exact division `a / b`. With a constant divisor the coefficients are
 * divided (so `H/2` is exact, and `7/2` is the non-integral 7/2 that
 * `isIntegral` rejects). With a symbolic divisor that divides every term,
 * the atoms cancel (`(2*d)/d = 2`); otherwise the quotient is an opaque atom.
 */
export function div(a: Dim, b: Dim): Dim {
  if (typeof b === 'number') {
    if (b === 0) throw new Error('div: division by zero');
    if (typeof a === 'number' && a % b === 0) return a / b;
    const inv = rational(1, b);
    return makePoly(termsOf(a).map((t) => ({ ...t, coeff: mulQ(t.coeff, inv) })));
  }
  if (b.terms.length === 1) {
    const divisor = b.terms[0]!;
    const quotient = termsOf(a).map((t) => removeAtoms(t, divisor));
    if (quotient.every((t): t is Term => t !== undefined)) return makePoly(quotient);
  }
  const key = `(${keyOf(a)})/(${b.key})`;
  return makePoly([{ atoms: [{ kind: 'div', num: a, den: b, key }], coeff: ONE, key }]);
}

function removeAtoms(t: Term, divisor: Term): Term | undefined {
  const atoms = [...t.atoms];
  for (const atom of divisor.atoms) {
    const i = atoms.findIndex((x) => x.key === atom.key);
    if (i < 0) return undefined;
    atoms.splice(i, 1);
  }
  return makeTerm(atoms, divQ(t.coeff, divisor.coeff));
}

export function floor(a: Dim): Dim {
  return roundWith(a, 'floor');
}

export function ceil(a: Dim): Dim {
  return roundWith(a, 'ceil');
}

/** floor or ceil: integral terms move outside; what is left becomes an atom. */
function roundWith(a: Dim, kind: 'floor' | 'ceil'): Dim {
  if (typeof a === 'number') return a;
  const whole: Term[] = [];
  const rest: Term[] = [];
  for (const t of a.terms) (isIntegerQ(t.coeff) ? whole : rest).push(t);
  if (rest.length === 0) return a;
  const restDim = makePoly(rest);
  if (typeof restDim === 'number') return add(makePoly(whole), restDim);
  if (restDim.terms.length === 1 && restDim.terms[0]!.atoms.length === 0) {
    const q = restDim.terms[0]!.coeff;
    const rounded = kind === 'floor' ? Math.floor(q.n / q.d) : Math.ceil(q.n / q.d);
    return add(makePoly(whole), rounded);
  }
  const key = `${kind}(${restDim.key})`;
  return add(makePoly(whole), makePoly([{ atoms: [{ kind, arg: restDim, key }], coeff: ONE, key }]));
}

export const floorDiv = (a: Dim, b: Dim): Dim => floor(div(a, b));
export const ceilDiv = (a: Dim, b: Dim): Dim => ceil(div(a, b));

// ---------------------------------------------------------------- questions

export const isConst = (a: Dim): a is number => typeof a === 'number';

export function keyOf(a: Dim): string {
  return typeof a === 'number' ? String(a) : a.key;
}

export function dimEquals(a: Dim, b: Dim): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.key === b.key;
}

/** The name, when the dim is exactly one symbol (`B`). */
export function symbolName(a: Dim): string | undefined {
  if (typeof a === 'number' || a.terms.length !== 1) return undefined;
  const t = a.terms[0]!;
  return t.atoms.length === 1 && t.atoms[0]!.kind === 'sym' && t.coeff.n === 1 && t.coeff.d === 1 ? t.atoms[0]!.name : undefined;
}

/** False only for a dim known not to be a whole number (`7/2`); symbolic dims are assumed integral. */
export function isIntegral(a: Dim): boolean {
  if (typeof a === 'number') return Number.isInteger(a);
  return !(a.terms.length === 1 && a.terms[0]!.atoms.length === 0);
}

/** The free symbols of a dim, in order of appearance. */
export function symbolsOf(a: Dim, out = new Set<string>()): Set<string> {
  if (typeof a === 'number') return out;
  for (const t of a.terms) for (const atom of t.atoms) atomSymbols(atom, out);
  return out;
}

function atomSymbols(atom: Atom, out: Set<string>): void {
  if (atom.kind === 'sym') out.add(atom.name);
  else if (atom.kind === 'div') {
    symbolsOf(atom.num, out);
    symbolsOf(atom.den, out);
  } else symbolsOf(atom.arg, out);
}

/** Replaces symbols by dims and re-normalises (floors of now-constant values are evaluated). */
export function substitute(a: Dim, env: ReadonlyMap<string, Dim>): Dim {
  if (typeof a === 'number' || env.size === 0) return a;
  let out: Dim = 0;
  for (const t of a.terms) {
    let product: Dim = constant(t.coeff);
    for (const atom of t.atoms) product = mul(product, substituteAtom(atom, env));
    out = add(out, product);
  }
  return out;
}

function substituteAtom(atom: Atom, env: ReadonlyMap<string, Dim>): Dim {
  switch (atom.kind) {
    case 'sym':
      return env.get(atom.name) ?? sym(atom.name);
    case 'floor':
      return floor(substitute(atom.arg, env));
    case 'ceil':
      return ceil(substitute(atom.arg, env));
    case 'div':
      return div(substitute(atom.num, env), substitute(atom.den, env));
  }
}

/**
 * Equality when every floor and ceil is exact: `floor(H/2)` equals `H/2`
 * exactly when H is even. Lets an annotation `[B, H/2]` describe a
 * pooled size, recording that H must be even.
 */
export function equalWhenExact(a: Dim, b: Dim): boolean {
  return dimEquals(dropRounding(a), dropRounding(b));
}

function dropRounding(a: Dim): Dim {
  if (typeof a === 'number') return a;
  let out: Dim = 0;
  for (const t of a.terms) {
    let product: Dim = constant(t.coeff);
    for (const atom of t.atoms) {
      const inner: Dim = atom.kind === 'floor' || atom.kind === 'ceil' ? dropRounding(atom.arg) : makePoly([{ atoms: [atom], coeff: ONE, key: atom.key }]);
      product = mul(product, inner);
    }
    out = add(out, product);
  }
  return out;
}

/**
 * If `pattern` is linear in the one symbol `name` (`c*name + rest`, c a
 * constant), returns the value of `name` that makes it equal `target`.
 */
export function solveFor(pattern: Dim, name: string, target: Dim): Dim | undefined {
  if (typeof pattern === 'number') return undefined;
  let coeff: Rational = ZERO;
  const rest: Term[] = [];
  for (const t of pattern.terms) {
    if (t.atoms.length === 1 && t.atoms[0]!.kind === 'sym' && t.atoms[0]!.name === name) coeff = t.coeff;
    else {
      const inner = new Set<string>();
      for (const atom of t.atoms) atomSymbols(atom, inner);
      if (inner.has(name)) return undefined;
      rest.push(t);
    }
  }
  if (coeff.n === 0) return undefined;
  return div(mul(sub(target, makePoly(rest)), coeff.d), coeff.n);
}

// ---------------------------------------------------------------- printing

/** `B`, `H/2`, `2*C`, `floor((H - 1)/2) + 1`, `S*T` */
export function formatDim(a: Dim): string {
  if (typeof a === 'number') return String(a);
  let out = '';
  a.terms.forEach((t, i) => {
    const negative = t.coeff.n < 0;
    const body = formatTerm(t, Math.abs(t.coeff.n), t.coeff.d);
    out += i === 0 ? (negative ? `-${body}` : body) : negative ? ` - ${body}` : ` + ${body}`;
  });
  return out;
}

function formatTerm(t: Term, n: number, d: number): string {
  if (t.atoms.length === 0) return d === 1 ? String(n) : `${n}/${d}`;
  const atoms = t.atoms.map(formatAtom).join('*');
  const head = n === 1 ? atoms : `${n}*${atoms}`;
  return d === 1 ? head : `${head}/${d}`;
}

function formatAtom(atom: Atom): string {
  switch (atom.kind) {
    case 'sym':
      return atom.name;
    case 'floor':
    case 'ceil':
      return `${atom.kind}(${formatDim(atom.arg)})`;
    case 'div':
      return `${wrap(atom.num)}/${wrap(atom.den)}`;
  }
}

function wrap(a: Dim): string {
  const text = formatDim(a);
  return typeof a === 'number' || /^[\w/]+$/.test(text) ? text : `(${text})`;
}
