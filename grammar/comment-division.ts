// `//` is a comment, not Python's integer division. `Conv2D(C // 4, 3)`
// reads as `Conv2D(C` and a comment: the closing bracket is gone and the
// parser trips somewhere after. Where reading that `//` as `/` mends the
// item, the error is this one mistake (NN0014), with `floor(C / 4)` as the
// fix. Where the line still parses (`let c = C //4` is `let c = C`), the
// checker warns, but only when the spacing gives it away: `C//4` or
// `C //4`, and `4` or `(` right after it. A comment written as a comment
// (`// 4 heads`, spaces on both sides) is never questioned.
//
// Code (for docs/diagnostics.md):
//   NN0014  `//` starts a comment where integer division was meant: an
//           error where the line no longer parses, a warning where it does.

import type { IToken } from 'chevrotain';
import { msg } from '../core/i18n/message.js';
import type { Comment, Program, Range } from './ast.js';
import { span } from './cst-util.js';
import { Codes } from './errors.js';
import type { SyntaxDiagnostic, SyntaxFix } from './index.js';
import { parseItem, parser } from './parser.js';
import { lex } from './relex.js';
import * as T from './tokens.js';

/** Trailing comments tried as division before an error, nearest first: more is never a typo. */
const MAX_TRIED = 3;

/**
 * The NN0014 error for a syntax error at `errorAt` in the item whose text is
 * `text.slice(from, to)`, when one of its trailing `//` comments before the
 * error, read as `/`, moves the item's first error past `errorAt`.
 */
export function divisionCommentError(text: string, comments: readonly IToken[], from: number, to: number, errorAt: number): SyntaxDiagnostic | undefined {
  let tried = 0;
  for (let i = lastBefore(comments, errorAt); i >= 0 && tried < MAX_TRIED; i--) {
    const c = comments[i]!;
    if (c.startOffset < from) break;
    if (c.tokenType !== T.Comment || !afterOperand(text, c.startOffset)) continue;
    if (!/^\/\/\s*[\w(.]/.test(c.image)) continue;
    tried++;
    const firstError = firstErrorAsDivision(text, from, to, c.startOffset);
    if (firstError === undefined || firstError > errorAt) return diagnostic(text, c.startOffset, 'error');
  }
  return undefined;
}

/**
 * NN0014 warnings: trailing comments in a program without syntax errors that
 * read as integer division (`C//4`, `C //4`, then a number or `(`), where
 * reading `//` as `/` still parses.
 */
export function divisionCommentWarnings(text: string, program: Program): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  for (const c of program.comments) {
    if (c.doc || c.ownLine !== false || !looksLikeDivision(text, c) || !oneExpression(c.text.slice(2))) continue;
    const at = c.range.start;
    if (!afterOperand(text, at)) continue;
    const item = itemAround(text, program, at);
    if (item === undefined) continue;
    if (firstErrorAsDivision(text, item.start, item.end, at) === undefined) out.push(diagnostic(text, at, 'warning'));
  }
  return out;
}

/** `C//4`, `C //4`, `C//(n + 1)`: no space on one side of `//`, a number or `(` after it. */
function looksLikeDivision(text: string, c: Comment): boolean {
  const at = c.range.start;
  const spaceBefore = at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t');
  const spaceAfter = text[at + 2] === ' ' || text[at + 2] === '\t';
  if (spaceBefore && spaceAfter) return false;
  return /^\/\/\s*[\d(]/.test(c.text);
}

/**
 * Whether `code` is the rest of one expression: no `=`, `:`, `,` or keyword
 * outside brackets and no two operands side by side (`2*128 features = 256`
 * would parse as a second statement: that is prose, not division).
 */
function oneExpression(code: string): boolean {
  const lexed = lex(code);
  if (lexed.errors.length > 0) return false;
  let depth = 0;
  let previous: IToken | undefined;
  for (const t of lexed.tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LBracket) depth++;
    else if (type === T.RParen || type === T.RBracket) depth--;
    if (depth < 0) return false;
    if (depth === 0) {
      if (type === T.Equals || type === T.Colon || type === T.Comma || type === T.Semicolon || type === T.LBrace || type === T.RBrace) return false;
      if (T.keywordTokens.includes(type) && type !== T.And && type !== T.Or && type !== T.Not) return false;
      if (previous !== undefined && endsOperand(previous) && (type === T.Identifier || type === T.NumberLit || type === T.StringLit)) return false;
    }
    previous = t;
  }
  return depth === 0;
}

/** The text of the top-level item that holds `offset`: from its start to the next item's. */
function itemAround(text: string, program: Program, offset: number): Range | undefined {
  const items = program.items;
  for (let i = 0; i < items.length; i++) {
    const start = items[i]!.range.start;
    const end = i + 1 < items.length ? items[i + 1]!.range.start : text.length;
    if (offset >= start && offset < end) return span(start, end);
  }
  return undefined;
}

/**
 * The offset of the first syntax error in `text.slice(from, to)` with the
 * `//` at `at` read as `/ ` (same length: offsets stay), undefined if none.
 */
function firstErrorAsDivision(text: string, from: number, to: number, at: number): number | undefined {
  const source = text.slice(from, at) + '/ ' + text.slice(at + 2, to);
  const lexed = lex(source);
  if (lexed.errors.length > 0) return lexed.errors[0]!.offset + from;
  if (lexed.tokens.length === 0) return undefined;
  try {
    parseItem(lexed.tokens);
  } catch {
    return from;
  }
  const errors = parser.errors;
  if (errors.length === 0) return undefined;
  let first = Infinity;
  for (const e of errors) first = Math.min(first, Number.isNaN(e.token.startOffset) ? to - from : e.token.startOffset);
  return first + from;
}

/** Whether the code before `offset` on its line ends with an operand: a name, a number, a string, `)` or `]`. */
function afterOperand(text: string, offset: number): boolean {
  let k = offset - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k >= 0 && /[\w)\]"]/.test(text[k]!);
}

function diagnostic(text: string, at: number, kind: 'error' | 'warning'): SyntaxDiagnostic {
  const fix = floorFix(text, at);
  const written = fix !== undefined ? `'${fix.edits[0]!.newText}'` : "'floor(a / b)'";
  const d: SyntaxDiagnostic = {
    code: Codes.divisionComment,
    message: kind === 'error'
      ? msg`'//' starts a comment, so the rest of the line is ignored; integer division is ${written}`
      : msg`'//' starts a comment, so the rest of the line is ignored, though it reads as code; integer division is ${written}`,
    range: span(at, at + 2),
  };
  if (fix !== undefined) d.fixes = [fix];
  return d;
}

// ---------------------------------------------------------------- the fix

/**
 * `C // 4` -> `floor(C / 4)`, where both operands are plain (a name or a
 * number with calls, indexes and members, or a bracketed expression) and no
 * operator that binds tighter than `/` touches them (`a * C // 4` divides
 * `a * C` in Python: no fix).
 */
function floorFix(text: string, at: number): SyntaxFix | undefined {
  let lineStart = at;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = at;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const before = lex(text.slice(lineStart, at)).tokens;
  const after = lex(text.slice(at + 2, lineEnd)).tokens;
  const left = operandEndingAt(before, before.length - 1);
  const right = operandStartingAt(after, 0);
  if (left === undefined || right === undefined) return undefined;
  const beforeLeft = before[left - 1];
  if (beforeLeft !== undefined && !loosePrecedence(beforeLeft, before[left - 2])) return undefined;
  const afterRight = after[right + 1];
  if (afterRight !== undefined && afterRight.tokenType === T.Power) return undefined;
  const start = lineStart + before[left]!.startOffset;
  const end = at + 2 + after[right]!.startOffset + after[right]!.image.length;
  const leftText = text.slice(start, lineStart + before.at(-1)!.startOffset + before.at(-1)!.image.length);
  const rightText = text.slice(at + 2 + after[0]!.startOffset, end);
  const newText = `floor(${leftText} / ${rightText})`;
  return { title: msg`Change to '${newText}'`, edits: [{ range: span(start, end), newText }] };
}

/** Tokens before an operand after which dividing it alone is what Python meant: openers, separators, `+`, `-`, `->`, comparisons. */
function loosePrecedence(t: IToken, beforeIt: IToken | undefined): boolean {
  const type = t.tokenType;
  if (type === T.Plus || type === T.Minus) return beforeIt !== undefined && endsOperand(beforeIt); // binary, not a sign
  return type === T.LParen || type === T.LBracket || type === T.Comma || type === T.Colon || type === T.Equals ||
    type === T.Arrow || type === T.EqEq || type === T.NotEq || type === T.Lt || type === T.Gt || type === T.LtEq || type === T.GtEq;
}

function endsOperand(t: IToken): boolean {
  const type = t.tokenType;
  return type === T.Identifier || type === T.NumberLit || type === T.RParen || type === T.RBracket || type === T.StringLit;
}

/** The index of the first token of the plain operand that ends at `tokens[k]`. */
function operandEndingAt(tokens: IToken[], k: number): number | undefined {
  while (k >= 0) {
    const t = tokens[k]!;
    if (t.tokenType === T.RParen || t.tokenType === T.RBracket) {
      const open = opener(tokens, k);
      if (open === undefined) return undefined;
      const callee = tokens[open - 1];
      if (callee !== undefined && endsOperand(callee)) {
        k = open - 1; // a call or an index: its target goes with it
        continue;
      }
      return t.tokenType === T.RParen ? open : undefined;
    }
    if (t.tokenType !== T.Identifier && t.tokenType !== T.NumberLit) return undefined;
    const dot = tokens[k - 1];
    if (dot !== undefined && dot.image === '.' && tokens[k - 2] !== undefined && endsOperand(tokens[k - 2]!)) {
      k -= 2; // a member: `x.size`
      continue;
    }
    return k;
  }
  return undefined;
}

/** The index of the last token of the plain operand that starts at `tokens[k]`. */
function operandStartingAt(tokens: IToken[], k: number): number | undefined {
  const first = tokens[k];
  if (first === undefined) return undefined;
  let end: number | undefined;
  if (first.tokenType === T.LParen) end = closer(tokens, k);
  else if (first.tokenType === T.Identifier || first.tokenType === T.NumberLit) end = k;
  while (end !== undefined) {
    const next = tokens[end + 1];
    if (next?.tokenType === T.LParen || next?.tokenType === T.LBracket) end = closer(tokens, end + 1);
    else if (next?.image === '.' && tokens[end + 2]?.tokenType === T.Identifier) end += 2;
    else break;
  }
  return end;
}

function opener(tokens: IToken[], k: number): number | undefined {
  let depth = 0;
  for (let i = k; i >= 0; i--) {
    const type = tokens[i]!.tokenType;
    if (type === T.RParen || type === T.RBracket) depth++;
    else if ((type === T.LParen || type === T.LBracket) && --depth === 0) return i;
  }
  return undefined;
}

function closer(tokens: IToken[], k: number): number | undefined {
  let depth = 0;
  for (let i = k; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === T.LParen || type === T.LBracket) depth++;
    else if ((type === T.RParen || type === T.RBracket) && --depth === 0) return i;
  }
  return undefined;
}

/** The index of the last comment that starts before `offset` (comments in source order), -1 if none. */
function lastBefore(comments: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
