// Lexing after an edit: only the lines the edit touched are lexed again.
// No token, comment or run of unexpected characters spans a line break
// (strings and comments end at the line's end, and a line break is
// whitespace), so the tokens of a line depend on that line alone: the lines
// before the edit keep their tokens, the lines after it keep theirs, moved.

import type { IToken } from 'chevrotain';
import { nnLexer } from './tokens.js';

/** The lexer's output: tokens, comments (their own group) and runs of unexpected characters, in source order. */
export interface Lexed {
  tokens: IToken[];
  comments: IToken[];
  errors: { offset: number; length: number }[];
}

/** Lexes `text`. */
export function lex(text: string): Lexed {
  const out = nnLexer.tokenize(text);
  return { tokens: out.tokens, comments: out.groups['comments'] ?? [], errors: out.errors.map((e) => ({ offset: e.offset, length: e.length })) };
}

/**
 * Lexes `text`, an edit of `previous.text`: the changed lines are lexed, the
 * other tokens are taken over from `previous.lexed`, which is used up (the
 * tokens after the edit are moved in place).
 */
export function relex(text: string, previous: { text: string; lexed: Lexed }): Lexed {
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, prefix);
  // the changed lines: from the start of the line where the texts first differ
  // to the end of the line where they agree again (or to the end of the text)
  const from = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1;
  const lineEnd = text.indexOf('\n', text.length - suffix);
  const to = lineEnd < 0 ? text.length : lineEnd + 1;
  const delta = text.length - old.length;
  const fresh = lex(text.slice(from, to));
  return {
    tokens: splice(previous.lexed.tokens, fresh.tokens, from, to - delta, delta, (t) => t.startOffset, moveToken),
    comments: splice(previous.lexed.comments, fresh.comments, from, to - delta, delta, (t) => t.startOffset, moveToken),
    errors: splice(previous.lexed.errors, fresh.errors, from, to - delta, delta, (e) => e.offset, (e, d) => (e.offset += d)),
  };
}

const BLOCK = 256;

/** How many characters `a` and `b` share at their start (compared a block at a time, then one by one). */
function commonPrefix(a: string, b: string): number {
  const common = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= common && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < common && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How many characters `a` and `b` share at their end, not counting their first `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const common = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + BLOCK <= common && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < common && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function moveToken(t: IToken, delta: number): void {
  t.startOffset += delta;
  t.endOffset! += delta;
}

/**
 * The old entries before `from`, the fresh ones (lexed from `from`), and the
 * old ones from `oldTo` on, moved by `delta`.
 */
function splice<T>(old: T[], fresh: T[], from: number, oldTo: number, delta: number, offset: (x: T) => number, move: (x: T, delta: number) => void): T[] {
  const head = firstAtOrAfter(old, from, offset);
  const tail = firstAtOrAfter(old, oldTo, offset);
  for (const x of fresh) move(x, from);
  for (let i = tail; i < old.length; i++) move(old[i]!, delta);
  return old.slice(0, head).concat(fresh, old.slice(tail));
}

/** The index of the first entry at `offset` or after (entries in source order). */
function firstAtOrAfter<T>(xs: T[], offset: number, offsetOf: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetOf(xs[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
