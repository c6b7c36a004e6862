// The parse driver: lex, collect comments, cut over-deep nesting, split the
// token stream at top-level keywords, parse each item, build the AST and
// gather the diagnostics. Never throws. Text over MAX_TEXT_LENGTH characters
// is not parsed at all (one NN0004). Given the previous program of the same
// document (parsed `incremental`), only the lines an edit touched are lexed
// again (relex.ts), and an item whose source is unchanged is taken from it,
// moved, not parsed again (reuse-items.ts).
//
// Speed notes (5,000 lines in ~30 ms): the lexer tracks offsets only and its
// tokens carry `endOffset` from creation (tokens.ts); token kinds are compared
// by tokenTypeIdx; the token array is copied only when a region is cut; the
// parser is built and validated once (parser.ts) with LL(1) lookahead and
// cached OR alternatives; ranges are `Span` instances (cst-util.ts).

import {
  createTokenInstance, MismatchedTokenException, NotAllInputParsedException, type IRecognitionException, type IToken, type TokenType,
} from 'chevrotain';
import type { Comment, Program, Range, TopLevel } from './ast.js';
import { ChainCounter, chainEnd } from './chain-limit.js';
import { divisionCommentError } from './comment-division.js';
import { msg } from '../core/i18n/message.js';
import { Codes, expectationOf, MAX_CHAIN, MAX_DIAGNOSTICS, MAX_NESTING, MAX_TEXT_LENGTH, setErrorContext, tokenRange, unexpectedCharacters } from './errors.js';
import { explainCharacters, explainError, foreignItemWord, keepsExpectation } from './habits.js';
import { type Anchor, anchorOf, onePerMistake } from './one-per-mistake.js';
import { parseItem, parser } from './parser.js';
import { lex, type Lexed, relex } from './relex.js';
import { ItemTable } from './reuse-items.js';
import { span } from './cst-util.js';
import { topLevel, type AstContext } from './to-ast.js';
import * as T from './tokens.js';
import type { ParseOptions, ParseResult, SyntaxDiagnostic } from './index.js';

const closerOf = new Map<TokenType, TokenType>([[T.LParen, T.RParen], [T.LBracket, T.RBracket], [T.LBrace, T.RBrace]]);

// What the token scan needs to know of a token type, by tokenTypeIdx.
const TOP = 1;
const OPEN = 2;
const CLOSE = 3;
const kindOf: number[] = [];
for (const t of T.topLevelKeywords) kindOf[t.tokenTypeIdx!] = TOP;
for (const t of [T.LParen, T.LBracket, T.LBrace]) kindOf[t.tokenTypeIdx!] = OPEN;
for (const t of [T.RParen, T.RBracket, T.RBrace]) kindOf[t.tokenTypeIdx!] = CLOSE;
const colonIdx = T.Colon.tokenTypeIdx!;

const lossIdx = T.Loss.tokenTypeIdx!;
const identifierIdx = T.Identifier.tokenTypeIdx!;
const lParenIdx = T.LParen.tokenTypeIdx!;
const lBraceIdx = T.LBrace.tokenTypeIdx!;

/**
 * A top-level keyword that starts an item (not a key: `loss: x`; nor a key
 * that lost its `:`, `loss crossentropy`, where a definition would go on
 * with `(` or `{`).
 */
function startsItem(tokens: IToken[], k: number): boolean {
  if (kindOf[tokens[k]!.tokenTypeIdx] !== TOP || tokens[k + 1]?.tokenTypeIdx === colonIdx) return false;
  if (tokens[k]!.tokenTypeIdx !== lossIdx || tokens[k + 1]?.tokenTypeIdx !== identifierIdx) return true;
  const after = tokens[k + 2]?.tokenTypeIdx;
  return after === undefined || after === lParenIdx || after === lBraceIdx || kindOf[after] === TOP;
}

/**
 * Skip the too-deep region opened at `all[i]` (up to its closer, or to the next
 * top-level item), report it, and push stand-ins to `kept`: `(?)`, `[?]` or
 * `{}` keep the parser on its feet. Returns the index of the last token skipped.
 */
function cut(all: IToken[], i: number, kept: IToken[], suppressed: Range[], diagnostics: SyntaxDiagnostic[], length: number): number {
  const t = all[i]!;
  diagnostics.push({ code: Codes.nestingTooDeep, message: msg`nesting too deep (more than ${MAX_NESTING} open brackets)`, range: rangeOf(t) });
  let d = 0;
  let j = i;
  for (; j < all.length; j++) {
    if (j > i && startsItem(all, j)) {
      j--; // stop before the next top-level item
      break;
    }
    const kind = kindOf[all[j]!.tokenTypeIdx];
    if (kind === OPEN) d++;
    else if (kind === CLOSE && --d === 0) break;
  }
  const next = all[j + 1];
  const close = all[j];
  suppressed.push({ start: t.startOffset, end: next !== undefined ? next.startOffset + 1 : length + 1 });
  const matched = close !== undefined && j > i && close.tokenType === closerOf.get(t.tokenType);
  kept.push(t);
  if (t.tokenType !== T.LBrace) kept.push(standIn(T.Identifier, '', t.startOffset + 1));
  if (matched) kept.push(close);
  else kept.push(standIn(closerOf.get(t.tokenType)!, '', next !== undefined ? next.startOffset : length));
  return j;
}

/**
 * Report the chain that starts at `all[from]` and whose link `all[i]` is one
 * too many, skip it whole, and push a stand-in for it to `kept` (an empty
 * name: an error expression, so that the truncated chain is not checked).
 * Returns the index of the last token skipped.
 */
function cutChain(all: IToken[], from: number, i: number, kept: IToken[], suppressed: Range[], diagnostics: SyntaxDiagnostic[], length: number): number {
  const t = all[i]!;
  diagnostics.push({
    code: Codes.nestingTooDeep,
    message: msg`nesting too deep (more than ${MAX_CHAIN} operators, calls and indexes in one chain)`,
    range: rangeOf(t),
  });
  const j = chainEnd(all, i, (k) => startsItem(all, k));
  const next = all[j + 1];
  suppressed.push({ start: all[from]!.startOffset, end: next !== undefined ? next.startOffset + 1 : length + 1 });
  kept.push(standIn(T.Identifier, '', all[from]!.startOffset));
  return j;
}

function standIn(type: TokenType, image: string, offset: number): IToken {
  return createTokenInstance(type, image, offset, offset + image.length - 1, NaN, NaN, NaN, NaN);
}

/** What a parse leaves for the next parse of the same document: its text, tokens and clean items. */
interface Leftovers {
  text: string;
  lexed: Lexed;
  items: ItemTable | undefined;
}

const leftovers = new WeakMap<Program, Leftovers>();

/**
 * Parses `text`; the unchanged lines and items of the `previous` parse of the
 * same document are reused. A program lends what it kept to one parse only.
 */
export function parseText(text: string, options: ParseOptions): ParseResult {
  if (text.length > MAX_TEXT_LENGTH) return tooLarge(text.length);
  const lent = options.previous && leftovers.get(options.previous);
  if (options.previous) leftovers.delete(options.previous);
  try {
    return parseUnsafe(text, lent, options.incremental === true);
  } catch (e) {
    const tooDeep = e instanceof RangeError;
    return {
      program: { kind: 'Program', items: [], comments: [], range: span(0, text.length) },
      diagnostics: [{
        code: tooDeep ? Codes.nestingTooDeep : Codes.syntax,
        message: tooDeep ? msg`nesting too deep` : msg`internal parser error: ${String(e)}`,
        range: span(0, 0),
      }],
    };
  }
}

/** An empty program and one NN0004: the file is not parsed at all. */
export function tooLarge(length: number): ParseResult {
  const mb = length / 1_000_000;
  const shown = mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
  return {
    program: { kind: 'Program', items: [], comments: [], range: span(0, length) },
    diagnostics: [{
      code: Codes.fileTooLarge,
      message: msg`this file is ${shown} MB; nn checks files up to ${MAX_TEXT_LENGTH / 1_000_000} MB`,
      range: span(0, 0),
    }],
  };
}

function parseUnsafe(text: string, previous: Leftovers | undefined, incremental: boolean): ParseResult {
  const diagnostics: SyntaxDiagnostic[] = [];
  const lexed = previous ? relex(text, previous) : lex(text);
  const previousItems = previous?.items;
  for (const err of lexed.errors) {
    const run = text.substr(err.offset, err.length);
    diagnostics.push(explainCharacters({
      code: Codes.unexpectedCharacter,
      message: unexpectedCharacters(run),
      range: span(err.offset, err.offset + err.length),
    }, text));
  }
  const all = lexed.tokens;
  // The CST's node locations need token ends; tokens.ts makes the lexer set
  // them, this is the fallback should chevrotain's token factory change.
  const needEnds = all.length > 0 && all[0]!.endOffset === undefined;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (needEnds) t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === T.UnterminatedString) {
      diagnostics.push({ code: Codes.unterminatedString, message: msg`unterminated string`, range: rangeOf(t) });
    }
  }
  const { comments, docs } = collectComments(text, lexed.comments, all);

  // Cut the regions nested deeper than MAX_NESTING and the chains longer than
  // MAX_CHAIN (chain-limit.ts). Token kinds are compared by tokenTypeIdx
  // (plain numbers), and `kept` stays `all` until a first cut.
  const suppressed: Range[] = [];
  let kept: IToken[] = all;
  const starts: number[] = []; // where each top-level item starts, in `kept`
  const chains = new ChainCounter(MAX_CHAIN);
  let depth = 0;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    const kind = kindOf[t.tokenTypeIdx] ?? 0;
    if (kind === CLOSE && depth > 0) depth--;
    if (chains.step(t, depth, i, kept === all ? i : kept.length)) {
      const start = chains.start(depth);
      if (kept === all) kept = all.slice(0, start.token);
      else kept.length = start.kept;
      i = cutChain(all, start.token, i, kept, suppressed, diagnostics, text.length);
      continue;
    }
    if (kind === 0 || kind === CLOSE) {
      if (kept !== all) kept.push(t);
      continue;
    }
    if (kind === TOP && startsItem(all, i)) {
      depth = 0; // a top-level item starts afresh
      chains.restart();
      starts.push(kept === all ? i : kept.length);
    } else if (kind === OPEN) {
      if (depth >= MAX_NESTING) {
        if (kept === all) kept = all.slice(0, i);
        i = cut(all, i, kept, suppressed, diagnostics, text.length);
        continue;
      }
      depth++;
    }
    if (kept !== all) kept.push(t);
  }

  // Split at the top-level keywords (a keyword followed by `:` is a key).
  const firstStart = starts.length > 0 ? starts[0]! : kept.length;
  if (firstStart > 0) {
    const a = kept[0]!;
    const b = kept[firstStart - 1]!;
    diagnostics.push(foreignItemWord(a) ?? { code: Codes.unexpectedToken, message: msg`unexpected ${quoteShort(a.image)}`, range: span(a.startOffset, b.startOffset + b.image.length) });
  }

  const ctx: AstContext = { text, diagnostics, docs };
  const anchors = new Map<SyntaxDiagnostic, Anchor>(); // where the mistake of a parser error is (one-per-mistake.ts)
  const expected = new Map<SyntaxDiagnostic, string>(); // the token a parser error expected, as its message said
  const items: TopLevel[] = [];
  // items are kept for the next parse only when no region was cut (a cut changes an item's tokens)
  const table = incremental && kept === all ? new ItemTable() : undefined;
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = s + 1 < starts.length ? starts[s + 1]! : kept.length;
    const first = kept[from]!;
    const source = table && text.slice(first.startOffset, kept[to - 1]!.endOffset! + 1);
    const doc = docs.get(first.startOffset);
    const reused = source !== undefined ? previousItems?.find(source, doc, first.startOffset) : undefined;
    if (reused !== undefined) {
      items.push(reused);
      table!.add(source!, doc, first.startOffset, reused);
      continue;
    }
    const before = diagnostics.length;
    const segment = kept.slice(from, to);
    const next = kept[to];
    setErrorContext(segment, next);
    let cst;
    try {
      cst = parseItem(segment);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      diagnostics.push({ code: Codes.nestingTooDeep, message: msg`nesting too deep`, range: rangeOf(segment[0]!) });
      continue;
    }
    const itemEnd = next !== undefined ? next.startOffset : text.length;
    let firstError = itemEnd; // where the parser first tripped (a `//` comment before it may be why)
    for (const err of parser.errors) if (!Number.isNaN(err.token.startOffset)) firstError = Math.min(firstError, err.token.startOffset);
    const errors = parser.errors.map((err) => {
      const reported = fromRecognition(err, text.length);
      const explained = explainError(err, reported, text);
      const expectation = expectationOf(err.message);
      if (expectation !== undefined && (explained === reported || keepsExpectation(explained))) expected.set(explained, expectation.expected);
      // an explained error points at the mistake itself
      anchors.set(explained, explained === reported ? anchorOf(err, text, all) : { at: explained.range.start, through: explained.range.start });
      return explained;
    });
    for (const d of errors) diagnostics.push(d);
    const item = topLevel(ctx, cst);
    if (errors.length > 0) {
      oneMistakePerItem(diagnostics, before, text, lexed.comments, { from: first.startOffset, to: itemEnd, firstError }, kept === all, expected);
    }
    if (item === undefined) continue;
    items.push(item);
    if (source !== undefined && diagnostics.length === before) table!.add(source, doc, first.startOffset, item);
  }
  setErrorContext([], undefined);

  const program: Program = { kind: 'Program', items, comments, range: span(0, text.length) };
  if (incremental) leftovers.set(program, { text, lexed, items: table });
  const blankLines = findBlankLines(text);
  if (blankLines.length > 0) program.blankLines = blankLines;
  const { kept: reported, damaged } = onePerMistake(finish(diagnostics, suppressed), text, anchors, items, MAX_DIAGNOSTICS);
  if (damaged.length > 0) program.damaged = damaged;
  return { program, diagnostics: capped(reported) };
}

/**
 * The diagnostics of one item (from `before` on), when it has syntax errors:
 * a `//` comment that swallowed code is the one mistake from there on
 * (NN0014); a body without its `{` is not also missing its `}`. The item
 * spans `from` to `to`, the parser first tripped at `firstError`;
 * `comments` are the file's; `whole` is false when a region was cut;
 * `expected` is the token type each parser error expected (by name).
 */
function oneMistakePerItem(
  diagnostics: SyntaxDiagnostic[], before: number, text: string, comments: IToken[],
  item: { from: number; to: number; firstError: number }, whole: boolean, expected: ReadonlyMap<SyntaxDiagnostic, string>,
): void {
  const mine = diagnostics.splice(before).sort((a, b) => a.range.start - b.range.start);
  const first = mine[0]!;
  const division = whole ? divisionCommentError(text, comments, item.from, item.to, item.firstError) : undefined;
  let out = mine;
  if (division !== undefined) out = [...mine.filter((d) => d.range.start < division.range.start), division];
  else if (expected.get(first) === T.LBrace.name) {
    out = mine.filter((d) => d === first || expected.get(d) !== T.RBrace.name);
  }
  for (const d of out) diagnostics.push(d);
}

function fromRecognition(err: IRecognitionException, length: number): SyntaxDiagnostic {
  let code: string = Codes.syntax;
  if (err instanceof NotAllInputParsedException) code = Codes.unexpectedToken;
  else if (err instanceof MismatchedTokenException && expectationOf(err.message)?.closes === true) code = Codes.missingClose;
  return { code, message: err.message, range: tokenRange(err.token, length) };
}

/** Sorted, without those in cut regions and without repeats at one position. */
function finish(diagnostics: SyntaxDiagnostic[], suppressed: Range[]): SyntaxDiagnostic[] {
  const seen = new Set<string>();
  const out: SyntaxDiagnostic[] = [];
  const sorted = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.range.start - b.d.range.start || a.i - b.i)
    .map((x) => x.d);
  for (const d of sorted) {
    if (d.code !== Codes.nestingTooDeep && suppressed.some((r) => d.range.start >= r.start && d.range.start < r.end)) continue;
    // one syntax diagnostic per position (recovery may see the same token twice)
    const key = d.code.startsWith('NN001') ? `syntax:${d.range.start}` : `${d.range.start}:${d.range.end}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** At most MAX_DIAGNOSTICS, then one NN0005 that says so. */
function capped(diagnostics: SyntaxDiagnostic[]): SyntaxDiagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const out = diagnostics.slice(0, MAX_DIAGNOSTICS);
  out.push({ code: Codes.tooManyErrors, message: msg`too many syntax errors; only the first ${MAX_DIAGNOSTICS} are shown`, range: diagnostics[MAX_DIAGNOSTICS]!.range });
  return out;
}

function rangeOf(t: IToken): Range {
  return span(t.startOffset, t.startOffset + t.image.length);
}

function quoteShort(image: string): string {
  const shown = image.length > 24 ? image.slice(0, 24) + '…' : image;
  return `'${shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

// ---------------------------------------------------------------- layout

const blankLine = /\n[ \t\f\v\r]*(?=\n)/g;

/** The offsets of the empty lines (the start of each), ascending. */
function findBlankLines(text: string): number[] {
  const out: number[] = [];
  blankLine.lastIndex = 0;
  for (let m = blankLine.exec(text); m !== null; m = blankLine.exec(text)) out.push(m.index + 1);
  return out;
}

// ---------------------------------------------------------------- comments

function collectComments(text: string, group: IToken[], tokens: IToken[]): { comments: Comment[]; docs: Map<number, string> } {
  const comments: Comment[] = [];
  const docs = new Map<number, string>();
  let run: { next: number; lines: string[] } | null = null;
  let ti = 0;
  for (const c of group) {
    const body = c.image.trimEnd();
    const doc = c.tokenType === T.DocComment;
    let k = c.startOffset - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    const ownLine = k < 0 || text[k] === '\n' || text[k] === '\r';
    let lineStart = k;
    while (lineStart >= 0 && text[lineStart] !== '\n' && text[lineStart] !== '\r') lineStart--;
    const column = c.startOffset - lineStart - 1;
    const comment: Comment = { range: span(c.startOffset, c.startOffset + c.image.length), text: body, doc, ownLine, column };
    if (!ownLine) comment.codeEnd = k - lineStart;
    comments.push(comment);
    while (ti < tokens.length && tokens[ti]!.startOffset < c.startOffset) ti++;
    const next = ti < tokens.length ? tokens[ti]!.startOffset : -1;
    if (doc && ownLine) {
      let line = body.slice(3);
      if (line.startsWith(' ')) line = line.slice(1);
      if (run !== null && run.next === next) run.lines.push(line);
      else run = { next, lines: [line] };
      docs.set(next, run.lines.join('\n'));
    } else {
      docs.delete(next);
      run = null;
    }
  }
  return { comments, docs };
}
