// Small helpers for reading a (possibly partial) chevrotain CST.

import type { CstNode, IToken } from 'chevrotain';
import { msg } from '../core/i18n/message.js';
import type { ErrorExpr, Identifier, Range, TrainEntry } from './ast.js';
import type { SyntaxDiagnostic } from './index.js';

/** Shared state of one CST -> AST conversion. */
export interface AstContext {
  /** the source text (for layout facts: what began a line) */
  text: string;
  diagnostics: SyntaxDiagnostic[];
  /** doc comment text keyed by the offset of the token it documents */
  docs: Map<number, string>;
}

export function node(cst: CstNode | undefined, key: string, i = 0): CstNode | undefined {
  const list = cst?.children[key];
  const item = list?.[i];
  return item !== undefined && 'children' in item ? item : undefined;
}

const none: never[] = [];

/** The sub-rule nodes under `key` (a label holds either nodes or tokens, never both). */
export function nodes(cst: CstNode | undefined, key: string): CstNode[] {
  const list = cst?.children[key];
  if (list === undefined || list.length === 0 || !('children' in list[0]!)) return none;
  return list as CstNode[];
}

function real(t: IToken): boolean {
  return t.isInsertedInRecovery !== true && !Number.isNaN(t.startOffset);
}

/** A token that was really in the source (not inserted by recovery). */
export function token(cst: CstNode | undefined, key: string, i = 0): IToken | undefined {
  const list = cst?.children[key];
  const item = list?.[i];
  return item !== undefined && !('children' in item) && real(item) ? item : undefined;
}

export function tokens(cst: CstNode | undefined, key: string): IToken[] {
  const list = cst?.children[key] as IToken[] | undefined;
  if (list === undefined || list.length === 0 || 'children' in list[0]!) return none;
  for (const t of list) if (!real(t)) return list.filter(real);
  return list;
}

/**
 * A source range. A class rather than `{ start, end }` literals on purpose:
 * object literals with the same keys share V8's hidden classes process-wide,
 * so code elsewhere that stores a non-integer in some `{ start, end }` object
 * would turn every range of every later parse into boxed doubles (measured:
 * parsing twice as slow after a checker run). Instances are still plain data
 * (`toEqual`, JSON and spreading see `{ start, end }`).
 */
export class Span implements Range {
  start: number;
  end: number;
  constructor(start: number, end: number) {
    this.start = start;
    this.end = end;
  }
}

export function span(start: number, end: number): Range {
  return new Span(start, end);
}

/** Whether only spaces and tabs stand between the start of its line and `offset`. */
export function beginsLine(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9) continue;
    return c === 10 || c === 13;
  }
  return true;
}

export function tokenRange(t: IToken): Range {
  return span(t.startOffset, t.startOffset + t.image.length);
}

/** The source range of a CST node; `at` (empty) when it consumed nothing. */
export function cstRange(cst: CstNode | undefined, at: number): Range {
  const loc = cst?.location;
  if (loc === undefined || Number.isNaN(loc.startOffset) || loc.endOffset === undefined || Number.isNaN(loc.endOffset)) {
    return span(at, at);
  }
  return span(loc.startOffset, Math.max(loc.startOffset, loc.endOffset + 1));
}

export function errorExpr(at: number): ErrorExpr {
  return { kind: 'ErrorExpr', range: span(at, at) };
}

export function identifier(t: IToken | undefined, at: number): Identifier {
  if (t === undefined) return { kind: 'Identifier', name: '', range: span(at, at) };
  return { kind: 'Identifier', name: t.image, range: tokenRange(t) };
}

export function end(range: Range | undefined, at: number): number {
  return range === undefined ? at : range.end;
}

/**
 * Report runs of stray tokens (no statement/entry between them) as one NN0012
 * each. In a train block (`settings`), `epochs = 5` is Keras's habit: NN0016.
 */
export function reportStrays(ctx: AstContext, strays: IToken[], starts: number[], settings = false): void {
  if (strays.length === 0) return;
  const sorted = [...strays].sort((a, b) => a.startOffset - b.startOffset);
  const boundaries = [...starts].sort((a, b) => a - b);
  let b = 0;
  let first = sorted[0]!;
  let last = first;
  const flush = (): void => {
    const key = settings && first.image === '=' ? keyBefore(ctx.text, first.startOffset) : undefined;
    if (key !== undefined) {
      ctx.diagnostics.push({
        code: 'NN0016',
        message: msg`a train setting is written with ':', '${key.name}: ...'`,
        range: tokenRange(first),
        fixes: [{ title: msg`Change to '${`${key.name}: ...`}'`, edits: [{ range: span(key.end, valueStart(ctx.text, first.startOffset + 1)), newText: ': ' }] }],
      });
      return;
    }
    ctx.diagnostics.push({
      code: 'NN0012',
      message: msg`unexpected ${quoteImage(first.image)}`,
      range: span(first.startOffset, last.startOffset + last.image.length),
    });
  };
  for (let i = 1; i < sorted.length; i++) {
    const t = sorted[i]!;
    while (b < boundaries.length && boundaries[b]! < last.startOffset) b++;
    const separated = b < boundaries.length && boundaries[b]! < t.startOffset;
    if (separated) {
      flush();
      first = t;
    }
    last = t;
  }
  flush();
}

/**
 * `epochs 5`, `loss crossentropy`: a train setting's name without its `:`,
 * then a value on the same line. One NN0010 at the name, with the fix;
 * returns the strays that are left to report (a keyword such as `loss` used
 * as a name is a stray).
 */
export function reportMissingColons(ctx: AstContext, entries: readonly TrainEntry[], strays: IToken[]): IToken[] {
  const names: { name: string; range: Range }[] = [];
  for (const e of entries) if (e.key === undefined && e.value.kind === 'Identifier') names.push({ name: e.value.name, range: e.value.range });
  const keywords = strays.filter((t) => /^[a-z]+$/.test(t.image));
  for (const t of keywords) names.push({ name: t.image, range: tokenRange(t) });
  const used = new Set<IToken>();
  for (const n of names) {
    const value = entries.find((e) => e.key === undefined && e.range.start >= n.range.end && ctx.text.slice(n.range.end, e.range.start).trim() === '' && !/[\n\r]/.test(ctx.text.slice(n.range.end, e.range.start)));
    if (value === undefined) continue;
    ctx.diagnostics.push({
      code: 'NN0010',
      message: msg`expected ':' after '${n.name}'`,
      range: n.range,
      fixes: [{ title: msg`Insert '${':'}'`, edits: [{ range: span(n.range.end, n.range.end), newText: ':' }] }],
    });
    const stray = keywords.find((t) => t.startOffset === n.range.start);
    if (stray !== undefined) used.add(stray);
  }
  return used.size === 0 ? strays : strays.filter((t) => !used.has(t));
}

/** The name that ends just before `offset` (spaces between), with where it ends. */
function keyBefore(text: string, offset: number): { name: string; end: number } | undefined {
  let end = offset;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const name = /[A-Za-z_][A-Za-z0-9_]*$/.exec(text.slice(Math.max(0, end - 64), end))?.[0];
  return name !== undefined ? { name, end } : undefined;
}

function valueStart(text: string, offset: number): number {
  let k = offset;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  return k;
}

function quoteImage(image: string): string {
  return `'${image.length > 24 ? image.slice(0, 24) + '…' : image}'`;
}

export function unescapeString(image: string): string {
  const terminated = image.length >= 2 && image.endsWith('"') && !isEscapedQuote(image);
  const inner = terminated ? image.slice(1, -1) : image.slice(1);
  if (!inner.includes('\\')) return inner;
  return inner.replace(/\\(.?)/gs, (_, c: string) => {
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case '"': return '"';
      case '\\': return '\\';
      case '': return '';
      default: return '\\' + c;
    }
  });
}

function isEscapedQuote(image: string): boolean {
  // `"abc\"` without a closing quote: the last quote is escaped.
  let n = 0;
  for (let i = image.length - 2; i >= 0 && image[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Report `,,` (an empty item between two commas) in a comma-separated list. */
export function checkCommas(ctx: AstContext, cst: CstNode | undefined, items: CstNode[] | IToken[]): void {
  const commas = tokens(cst, 'Comma');
  if (commas.length < 2) return;
  const starts = items.map((i) => ('children' in i ? (i.location?.startOffset ?? NaN) : i.startOffset)).filter((n) => !Number.isNaN(n));
  let k = 0;
  for (let c = 1; c < commas.length; c++) {
    const a = commas[c - 1]!.startOffset;
    const b = commas[c]!.startOffset;
    while (k < starts.length && starts[k]! < a) k++;
    if (k >= starts.length || starts[k]! > b) {
      ctx.diagnostics.push({ code: 'NN0010', message: msg`expected an expression after ',', found ','`, range: tokenRange(commas[c]!) });
    }
  }
}
