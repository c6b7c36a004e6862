// One error per mistake. After a syntax error the parser recovers, and its
// recovery often trips again on the rest of the same line: `inptu x: [B, 16]`
// was the `=` it expected after `inptu`, then `:`, then `,`. As Go's compiler
// does, nn reports the first syntax error of a line and drops the others.
// The line of a reported mistake, from the start of the statement it is in,
// is "damaged": `Program.damaged` lists these ranges, and the checker says
// nothing more there (core/check/syntax-cascades.ts).
//
// An error found at the start of a line (`expected an expression after '+',
// found 'output'`) or at the end of the file belongs to the line of the
// token before it: that is where the mistake is (`anchorOf`, in parse.ts).
// Where what was found there is no keyword (`[1, 2` then `var c = x`), the
// parser's recovery goes on into that line: it is damaged too.

import type { IRecognitionException, IToken } from 'chevrotain';
import type { Range, Statement, TopLevel } from './ast.js';
import { beginsLine, span } from './cst-util.js';
import { Codes } from './errors.js';
import type { SyntaxDiagnostic } from './index.js';
import { keywordTokens, RBrace } from './tokens.js';

/** Tokens the parser picks up at cleanly after an error: keywords, and `}`. */
const resyncTokens = new Set([...keywordTokens, RBrace]);

/** Codes that are not about one line: kept as they are, and they damage nothing. */
const WHOLE_FILE = new Set<string>([Codes.nestingTooDeep, Codes.fileTooLarge, Codes.tooManyErrors]);

/**
 * The diagnostics (sorted by start) without those on a line an earlier one
 * damaged, and the damaged ranges (merged, in source order). Stops looking
 * after `limit` are kept: the rest are dropped by the caller anyway.
 */
export function onePerMistake(
  sorted: SyntaxDiagnostic[], text: string, anchors: ReadonlyMap<SyntaxDiagnostic, Anchor>, items: readonly TopLevel[], limit: number,
): { kept: SyntaxDiagnostic[]; damaged: Range[] } {
  const kept: SyntaxDiagnostic[] = [];
  const damaged: Range[] = [];
  for (const d of sorted) {
    if (kept.length > limit) break;
    if (WHOLE_FILE.has(d.code)) {
      kept.push(d);
      continue;
    }
    const { at: anchor, through } = anchors.get(d) ?? { at: d.range.start, through: d.range.start };
    if (isDamaged(damaged, anchor)) continue;
    kept.push(d);
    const region = span(Math.min(lineStart(text, anchor), statementStart(items, anchor) ?? anchor), continuedEnd(text, lineEnd(text, Math.max(anchor, through))));
    addRegion(damaged, region);
  }
  return { kept, damaged };
}

/** Where a mistake is (`at`), and the offset whose line is the last it damages (`through`). */
export interface Anchor {
  at: number;
  through: number;
}

/**
 * Where the mistake of the parser's error `err` is: the token it found, or
 * the token before when that one starts a line or is the end of the input.
 * `tokens` are the file's (for an error that names no token before).
 */
export function anchorOf(err: IRecognitionException, text: string, tokens: readonly IToken[]): Anchor {
  const found = err.token;
  const at = found !== undefined && !Number.isNaN(found.startOffset) ? found.startOffset : text.length;
  if (at < text.length && !beginsLine(text, at)) return { at, through: at };
  const previous = (err as { previousToken?: IToken }).previousToken;
  const before = previous !== undefined && !Number.isNaN(previous.startOffset) && previous.startOffset < at ? previous : lastTokenBefore(tokens, at);
  if (before === undefined) return { at, through: at };
  const resynced = at >= text.length || resyncTokens.has(found.tokenType);
  return { at: before.startOffset, through: resynced ? before.startOffset : at };
}

function isDamaged(damaged: readonly Range[], offset: number): boolean {
  for (let i = damaged.length - 1; i >= 0 && damaged[i]!.end >= offset; i--) {
    if (damaged[i]!.start <= offset) return true;
  }
  return false;
}

/** Appends `r`, merged with the ranges it overlaps (kept sorted and disjoint). */
function addRegion(damaged: Range[], r: Range): void {
  let start = r.start;
  let end = r.end;
  while (damaged.length > 0 && damaged[damaged.length - 1]!.end >= start) {
    const last = damaged.pop()!;
    start = Math.min(start, last.start);
    end = Math.max(end, last.end);
  }
  damaged.push(span(start, end));
}

function lastTokenBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? tokens[lo - 1] : undefined;
}

function lineStart(text: string, offset: number): number {
  let k = Math.min(offset, text.length);
  while (k > 0 && text[k - 1] !== '\n' && text[k - 1] !== '\r') k--;
  return k;
}

function lineEnd(text: string, offset: number): number {
  let k = offset;
  while (k < text.length && text[k] !== '\n' && text[k] !== '\r') k++;
  return k;
}

/**
 * The end of the lines that go on the statement ending at `end`: a line that
 * starts with `->` or a binary operator continues the one before it
 * (`let h = x` then `-> Conv2D(8, 3)` on the next line).
 */
function continuedEnd(text: string, end: number): number {
  for (;;) {
    let k = end;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k >= text.length || !/^(->|[-+*/%@<>]|==|!=|and\b|or\b)/.test(text.slice(k, k + 4)) || text.startsWith('//', k)) return end;
    end = lineEnd(text, k);
  }
}

/** The start of the innermost statement or train entry that holds `offset`, if any. */
function statementStart(items: readonly TopLevel[], offset: number): number | undefined {
  const item = itemAt(items, offset);
  if (item === undefined) return undefined;
  if (item.kind === 'Train') return item.entries.find((e) => contains(e.range, offset))?.range.start;
  if (item.kind !== 'Definition') return undefined;
  let start: number | undefined;
  let body: readonly Statement[] | undefined = item.body;
  while (body !== undefined) {
    const s: Statement | undefined = body.find((x) => contains(x.range, offset));
    if (s === undefined) break;
    start = s.range.start;
    body = innerBody(s, offset);
  }
  return start;
}

function innerBody(s: Statement, offset: number): readonly Statement[] | undefined {
  if (s.kind === 'RepeatStmt' || s.kind === 'For') return s.body;
  if (s.kind !== 'IfStmt') return undefined;
  const inThen = s.then.find((x) => contains(x.range, offset));
  if (inThen !== undefined) return s.then;
  if (s.else === undefined) return undefined;
  return Array.isArray(s.else) ? s.else : [s.else];
}

function itemAt(items: readonly TopLevel[], offset: number): TopLevel | undefined {
  const item = lastStartingBy(items, offset);
  return item !== undefined && contains(item.range, offset) ? item : undefined;
}

/** The last of `items` (in source order) that starts at or before `offset`: a binary search. */
export function lastStartingBy(items: readonly TopLevel[], offset: number): TopLevel | undefined {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.range.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? items[lo - 1] : undefined;
}

function contains(r: Range, offset: number): boolean {
  return r.start <= offset && offset < r.end;
}
