// Syntax diagnostics: the codes, and a chevrotain errorMessageProvider that
// speaks in the words of the language rather than of the grammar.
//
// Codes (for docs/diagnostics.md):
//   NN0001  unexpected character(s): the lexer met text that is no token,
//           e.g. `unexpected character '#'`; a run of such characters is one
//           diagnostic covering the whole run.
//   NN0002  unterminated string: a `"` with no closing `"` on its line. The
//           string still appears in the AST (its value runs to the line end).
//   NN0003  nesting too deep: more than MAX_NESTING (128) brackets open at
//           once. Reported at the first too-deep bracket; the tokens up to
//           where the nesting comes back within the limit are skipped and
//           the rest of the file still parses. Also a chain of more than
//           MAX_CHAIN (1,000) operators, calls and indexes (`x[0][0]...`,
//           `a + a + ...`): reported at the first link too many; the rest
//           of the chain is skipped.
//   NN0004  file too large: text longer than MAX_TEXT_LENGTH (2,000,000)
//           characters is not parsed at all: `parse` returns an empty
//           program and this one diagnostic at {start: 0, end: 0},
//           `this file is 10.0 MB; nn checks files up to 2 MB` (the size in
//           millions of characters, one decimal below 10).
//   NN0005  too many syntax errors: after MAX_DIAGNOSTICS (100) diagnostics
//           the rest are dropped, and this one says so.
//   NN0010  syntax error: `expected X after 'p', found 'y'`,
//           `expected an expression after '->', found '}'`.
//   NN0011  missing closing bracket: `expected ')' to close '(', found 'x'`.
//   NN0012  unexpected token: `unexpected 'foo'`; a token that cannot start
//           a top-level item, a statement or a train entry. A run of such
//           tokens is one diagnostic covering the whole run.
//   NN0013  chained comparison: `a < b < c` (comparisons do not associate;
//           add parentheses).
//   NN0014  `//` starts a comment where integer division was meant
//           (comment-division.ts).
//   NN0015, NN0016  a misspelt or foreign keyword, another language's form
//           (habits.ts).
// A line holds one syntax error: the first (one-per-mistake.ts).

import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { msg } from '../core/i18n/message.js';
import type { Range } from './ast.js';
import { span } from './cst-util.js';

export const MAX_NESTING = 128;
/** Links (operators, calls, indexes) in one chain such as `a + b + c` or `x[0][0]` (chain-limit.ts). */
export const MAX_CHAIN = 1000;
export const MAX_DIAGNOSTICS = 100;
/** Longer texts are not parsed (NN0004). */
export const MAX_TEXT_LENGTH = 2_000_000;

export const Codes = {
  unexpectedCharacter: 'NN0001',
  unterminatedString: 'NN0002',
  nestingTooDeep: 'NN0003',
  fileTooLarge: 'NN0004',
  tooManyErrors: 'NN0005',
  syntax: 'NN0010',
  missingClose: 'NN0011',
  unexpectedToken: 'NN0012',
  chainedComparison: 'NN0013',
  divisionComment: 'NN0014',
  notAKeyword: 'NN0015',
  foreignForm: 'NN0016',
} as const;

// ---------------------------------------------------------------- context

/** What the message provider needs to know about the item being parsed. */
interface ErrorContext {
  tokens: IToken[];
  /** the first token after the item (it stands for the item's end of input) */
  next: IToken | undefined;
}

let context: ErrorContext = { tokens: [], next: undefined };

export function setErrorContext(tokens: IToken[], next: IToken | undefined): void {
  context = { tokens, next };
  expectations.clear();
}

// ---------------------------------------------------------------- expectations

/**
 * What a parser message said was expected, by the message. The messages are
 * in the reader's language, so the rules that read a parser error again
 * (habits.ts, parse.ts) ask this rather than the text. Kept for the item
 * being parsed (cleared with its context).
 */
export interface Expectation {
  /** the expected token type's name (`LBrace`, `Equals`), or `expression` */
  expected: string;
  /** the message asks for a closing bracket to close an opening one (NN0011) */
  closes: boolean;
}

const expectations = new Map<string, Expectation>();

/** What the parser message `message` expected, if it said. */
export function expectationOf(message: string): Expectation | undefined {
  return expectations.get(message);
}

function expecting(message: string, expected: string, closes = false): string {
  expectations.set(message, { expected, closes });
  return message;
}

// ---------------------------------------------------------------- wording

// functions: the words are in the reader's language, chosen when a message is built
const fixedImages: Record<string, () => string> = {
  Identifier: () => msg`a name`,
  AnyName: () => msg`a name`,
  Number: () => msg`a number`,
  String: () => msg`a string`,
  StringLike: () => msg`a string`,
  UnterminatedString: () => msg`a string`,
  BinaryOp: () => msg`an operator`,
  PrefixOp: () => msg`an operator`,
};

const punctuation: Record<string, string> = {
  Arrow: '->', Ellipsis: '...', Dot: '.', Power: '**', EqEq: '==', NotEq: '!=', LtEq: '<=',
  GtEq: '>=', Lt: '<', Gt: '>', Plus: '+', Minus: '-', Star: '*', Slash: '/', Percent: '%', At: '@',
  Equals: '=', LParen: '(', RParen: ')', LBracket: '[', RBracket: ']', LBrace: '{', RBrace: '}',
  Comma: ',', Colon: ':', Semicolon: ';',
};

/** How an expected token type is named in a message. */
export function describeType(type: TokenType): string {
  const fixed = fixedImages[type.name];
  if (fixed !== undefined) return fixed();
  const p = punctuation[type.name];
  if (p !== undefined) return `'${p}'`;
  return `'${type.name.toLowerCase()}'`;
}

/** How a token found in the source is quoted in a message. */
export function quote(image: string): string {
  let shown = image.length > 24 ? image.slice(0, 24) + '…' : image;
  shown = shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${shown}'`;
}

function isEof(token: IToken | undefined): boolean {
  return token === undefined || token.tokenType === EOF || Number.isNaN(token.startOffset);
}

export function describeToken(token: IToken | undefined): string {
  if (isEof(token)) return context.next !== undefined ? quote(context.next.image) : msg`end of file`;
  return quote(token!.image);
}

/** `expected X after 'p', found 'y'`, or without `after 'p'` where nothing came before. */
function expectedAfter(what: string, previous: IToken | undefined, found: string): string {
  return previous !== undefined && !isEof(previous) ? msg`expected ${what} after ${quote(previous.image)}, found ${found}` : msg`expected ${what}, found ${found}`;
}

const closerOf: Record<string, string> = { RParen: '(', RBracket: '[', RBrace: '{' };

const operandEnds = new Set(['Identifier', 'Number', 'String', 'True', 'False', 'RParen', 'RBracket']);
const operandStarts = new Set(['Identifier', 'Number', 'String', 'True', 'False']);

function endsOperand(token: IToken | undefined): boolean {
  return token !== undefined && !isEof(token) && operandEnds.has(token.tokenType.name);
}

function startsOperand(token: IToken | undefined): boolean {
  return token !== undefined && !isEof(token) && operandStarts.has(token.tokenType.name);
}

/** The innermost unclosed `open` bracket before `token` in the current item. */
function findOpener(open: string, close: string, token: IToken): IToken | undefined {
  const tokens = context.tokens;
  let hi = tokens.length;
  if (!isEof(token)) {
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.startOffset < token.startOffset) lo = mid + 1;
      else hi = mid;
    }
  }
  let depth = 0;
  for (let i = hi - 1, n = 0; i >= 0 && n < 20000; i--, n++) {
    const image = tokens[i]!.image;
    if (image === close) depth++;
    else if (image === open) {
      if (depth === 0) return tokens[i];
      depth--;
    }
  }
  return undefined;
}

const expressionRules = new Set([
  'expression', 'binaryExpr', 'postfix', 'argument', 'indexItem', 'outputStmt',
  'trainEntry', 'paren', 'braced',
]);

export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    const open = closerOf[expected.name];
    if (open !== undefined && open !== '{' && endsOperand(previous) && startsOperand(actual)) {
      // `Dense(10 16)`, `[B 16]`: a comma left out, not a bracket
      // (`previous` ends an operand, so it is a token of the source)
      return expecting(msg`expected ',' or ${describeType(expected)} after ${quote(previous!.image)}, found ${describeToken(actual)}`, 'Comma');
    }
    if (open !== undefined) {
      const opener = findOpener(open, punctuation[expected.name]!, actual);
      if (opener !== undefined) {
        return expecting(msg`expected ${describeType(expected)} to close '${open}', found ${describeToken(actual)}`, expected.name, true);
      }
    }
    return expecting(expectedAfter(describeType(expected), previous, describeToken(actual)), expected.name);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return msg`unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    const found = describeToken(actual[0]);
    if (expressionRules.has(ruleName)) return expecting(expectedAfter(msg`an expression`, previous, found), 'expression');
    switch (ruleName) {
      case 'typeRef':
        return expectedAfter(msg`a type`, previous, found);
      case 'topLevel':
        return msg`expected 'import', 'model', 'block', 'loss', 'pipeline' or 'train', found ${found}`;
      case 'definition':
        return msg`expected 'model', 'block', 'loss' or 'pipeline', found ${found}`;
      case 'statement':
        return msg`expected a statement, found ${found}`;
      case 'ifStmt':
      case 'ifExpr':
        return expectedAfter(msg`'if' or '{'`, previous, found);
      default:
        return msg`unexpected ${found}`;
    }
  },
  buildEarlyExitMessage({ actual, previous }) {
    return expectedAfter(msg`more`, previous, describeToken(actual[0]));
  },
};

/** The range of a token; the end of the text for end of input. */
export function tokenRange(token: IToken | undefined, textLength: number): Range {
  if (isEof(token)) {
    if (context.next !== undefined) return tokenRange(context.next, textLength);
    return span(textLength, textLength);
  }
  return span(token!.startOffset, token!.startOffset + token!.image.length);
}

/** The message for a run of characters the lexer could not match. */
export function unexpectedCharacters(run: string): string {
  const chars = Array.from(run);
  return chars.length === 1 ? msg`unexpected character ${quote(run)}` : msg`unexpected characters ${quote(run)}`;
}
