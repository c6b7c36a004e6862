// The parse driver: lex, collect comments, cut over-deep nesting, split the
// token stream at top-level keywords, parse each item, build the AST and
// gather the diagnostics. Never throws.

import {
  createTokenInstance, MismatchedTokenException, NotAllInputParsedException, type IRecognitionException, type IToken, type TokenType,
} from 'chevrotain';
import type { Comment, Program, Range, TopLevel } from './ast.js';
import { Codes, MAX_DIAGNOSTICS, MAX_NESTING, MAX_TEXT_LENGTH, setErrorContext, tokenRange, unexpectedCharacters } from './errors.js';
import { parseItem, parser } from './parser.js';
import { topLevel, type AstContext } from './to-ast.js';
import * as T from './tokens.js';
import type { ParseResult, SyntaxDiagnostic } from './index.js';

const topLevelKinds = new Set<TokenType>(T.topLevelKeywords);
const opening = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace]);
const closing = new Set<TokenType>([T.RParen, T.RBracket, T.RBrace]);
const closerOf = new Map<TokenType, TokenType>([[T.LParen, T.RParen], [T.LBracket, T.RBracket], [T.LBrace, T.RBrace]]);

function standIn(type: TokenType, image: string, offset: number): IToken {
  return createTokenInstance(type, image, offset, offset + image.length - 1, NaN, NaN, NaN, NaN);
}

export function parseText(text: string): ParseResult {
  if (text.length > MAX_TEXT_LENGTH) return tooLarge(text.length);
  try {
    return parseUnsafe(text);
  } catch (e) {
    const tooDeep = e instanceof RangeError;
    return {
      program: { kind: 'Program', items: [], comments: [], range: { start: 0, end: text.length } },
      diagnostics: [{
        code: tooDeep ? Codes.nestingTooDeep : Codes.syntax,
        message: tooDeep ? 'nesting too deep' : `internal parser error: ${String(e)}`,
        range: { start: 0, end: 0 },
      }],
    };
  }
}

/** An empty program and one NN0004: the file is not parsed at all. */
function tooLarge(length: number): ParseResult {
  const mb = length / 1_000_000;
  const shown = mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
  return {
    program: { kind: 'Program', items: [], comments: [], range: { start: 0, end: length } },
    diagnostics: [{
      code: Codes.fileTooLarge,
      message: `this file is ${shown} MB; nn checks files up to ${MAX_TEXT_LENGTH / 1_000_000} MB`,
      range: { start: 0, end: 0 },
    }],
  };
}

function parseUnsafe(text: string): ParseResult {
  const diagnostics: SyntaxDiagnostic[] = [];
  const lexed = T.nnLexer.tokenize(text);
  for (const err of lexed.errors) {
    diagnostics.push({
      code: Codes.unexpectedCharacter,
      message: unexpectedCharacters(text.substr(err.offset, err.length)),
      range: { start: err.offset, end: err.offset + err.length },
    });
  }
  const all = lexed.tokens;
  // The lexer tracks start offsets only; the CST's node locations need the ends.
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === T.UnterminatedString) {
      diagnostics.push({ code: Codes.unterminatedString, message: 'unterminated string', range: rangeOf(t) });
    }
  }
  const { comments, docs } = collectComments(text, lexed.groups['comments'] ?? [], all);

  // Cut the regions nested deeper than MAX_NESTING.
  const suppressed: Range[] = [];
  const kept: IToken[] = [];
  let depth = 0;
  const startsItem = (k: number): boolean => topLevelKinds.has(all[k]!.tokenType) && all[k + 1]?.tokenType !== T.Colon;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (startsItem(i)) depth = 0; // a top-level item starts afresh
    if (opening.has(t.tokenType)) {
      if (depth >= MAX_NESTING) {
        diagnostics.push({ code: Codes.nestingTooDeep, message: `nesting too deep (more than ${MAX_NESTING} open brackets)`, range: rangeOf(t) });
        let d = 0;
        let j = i;
        for (; j < all.length; j++) {
          if (j > i && startsItem(j)) {
            j--; // stop before the next top-level item
            break;
          }
          const u = all[j]!.tokenType;
          if (opening.has(u)) d++;
          else if (closing.has(u) && --d === 0) break;
        }
        const next = all[j + 1];
        const close = all[j];
        suppressed.push({ start: t.startOffset, end: next !== undefined ? next.startOffset + 1 : text.length + 1 });
        // Stand-ins keep the parser on its feet: `(?)`, `[?]` or `{}`.
        const matched = close !== undefined && j > i && close.tokenType === closerOf.get(t.tokenType);
        kept.push(t);
        if (t.tokenType !== T.LBrace) kept.push(standIn(T.Identifier, '', t.startOffset + 1));
        if (matched) kept.push(close);
        else kept.push(standIn(closerOf.get(t.tokenType)!, '', next !== undefined ? next.startOffset : text.length));
        i = j;
        continue;
      }
      depth++;
    } else if (closing.has(t.tokenType) && depth > 0) depth--;
    kept.push(t);
  }

  // Split at the top-level keywords (a keyword followed by `:` is a key).
  const starts: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    if (topLevelKinds.has(kept[i]!.tokenType) && kept[i + 1]?.tokenType !== T.Colon) starts.push(i);
  }
  const firstStart = starts.length > 0 ? starts[0]! : kept.length;
  if (firstStart > 0) {
    const a = kept[0]!;
    const b = kept[firstStart - 1]!;
    diagnostics.push({ code: Codes.unexpectedToken, message: `unexpected ${quoteShort(a.image)}`, range: { start: a.startOffset, end: b.startOffset + b.image.length } });
  }

  const ctx: AstContext = { text, diagnostics, docs };
  const items: TopLevel[] = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = s + 1 < starts.length ? starts[s + 1]! : kept.length;
    const segment = kept.slice(from, to);
    const next = kept[to];
    setErrorContext(segment, next);
    let cst;
    try {
      cst = parseItem(segment);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      diagnostics.push({ code: Codes.nestingTooDeep, message: 'nesting too deep', range: rangeOf(segment[0]!) });
      continue;
    }
    for (const err of parser.errors) diagnostics.push(fromRecognition(err, text.length));
    const item = topLevel(ctx, cst);
    if (item !== undefined) items.push(item);
  }
  setErrorContext([], undefined);

  return {
    program: { kind: 'Program', items, comments, range: { start: 0, end: text.length } },
    diagnostics: finish(diagnostics, suppressed),
  };
}

function fromRecognition(err: IRecognitionException, length: number): SyntaxDiagnostic {
  let code: string = Codes.syntax;
  if (err instanceof NotAllInputParsedException) code = Codes.unexpectedToken;
  else if (err instanceof MismatchedTokenException && err.message.includes(' to close ')) code = Codes.missingClose;
  return { code, message: err.message, range: tokenRange(err.token, length) };
}

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
    if (out.length === MAX_DIAGNOSTICS) {
      out.push({ code: Codes.tooManyErrors, message: `too many syntax errors; only the first ${MAX_DIAGNOSTICS} are shown`, range: d.range });
      break;
    }
    out.push(d);
  }
  return out;
}

function rangeOf(t: IToken): Range {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

function quoteShort(image: string): string {
  const shown = image.length > 24 ? image.slice(0, 24) + '…' : image;
  return `'${shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
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
    const comment: Comment = { range: { start: c.startOffset, end: c.startOffset + c.image.length }, text: body, doc, ownLine, column };
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
