// Syntax errors that come from habits: a misspelt keyword (`inptu x: [B]`),
// a word from another language (`var`, `return`, `def`), or a form that
// Python, PyTorch or Keras write differently (`Dense(units=10)`, `:=`,
// `model M:`, a shape in parentheses, `if a = b`). The parser's message
// says what it expected; this says what the author meant, with a fix where
// one is obvious. Pure: a recognition error and the source in, a
// diagnostic out.
//
// Codes (for docs/diagnostics.md):
//   NN0015  not a keyword: a misspelt one (`inptu` -> `input`) or one from
//           another language (`var` -> `let`, `return` -> `output`,
//           `def` -> `block`).
//   NN0016  another language's form: `units=10` (`units: 10`), `:=` (`=`),
//           a body after `:` (braces), a shape in parentheses (a list).

import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import { msg } from '../core/i18n/message.js';
import type { Range } from './ast.js';
import { beginsLine, span } from './cst-util.js';
import { Codes, expectationOf } from './errors.js';
import type { SyntaxDiagnostic, SyntaxFix } from './index.js';
import * as T from './tokens.js';

/** The statement keywords, for "did you mean". */
const STATEMENT_KEYWORDS = ['input', 'output', 'let', 'for', 'repeat', 'if'];
/** The words that start a top-level item, for "did you mean". */
const ITEM_KEYWORDS = ['import', 'model', 'block', 'loss', 'pipeline', 'train'];

// the reasons are functions: their words are in the reader's language, chosen when a message is built
const bindWithLet = (): string => msg`bind a value with 'let'`;
const giveWithOutput = (): string => msg`a definition gives its result with 'output'`;
const loopForms = (): string => msg`loops are 'repeat n { ... }' and 'for x in list { ... }'`;

/** Words other languages start a statement with, and what `.nn` writes instead. */
const FOREIGN_STATEMENTS: Record<string, { instead: string; why: () => string }> = {
  var: { instead: 'let', why: bindWithLet },
  val: { instead: 'let', why: bindWithLet },
  const: { instead: 'let', why: bindWithLet },
  auto: { instead: 'let', why: bindWithLet },
  return: { instead: 'output', why: giveWithOutput },
  yield: { instead: 'output', why: giveWithOutput },
  while: { instead: 'repeat', why: loopForms },
};

/**
 * The explanations that still say what the parser expected (`expected '{'
 * ...: to compare, write '=='`, a body after `:`): parse.ts reads the
 * parser's expectation of these as of the errors it left as they were.
 */
const keepingExpectation = new WeakSet<SyntaxDiagnostic>();

/** Whether `d`, an explanation of a parser error, still stands for what the parser expected. */
export function keepsExpectation(d: SyntaxDiagnostic): boolean {
  return keepingExpectation.has(d);
}

function keeping(d: SyntaxDiagnostic): SyntaxDiagnostic {
  keepingExpectation.add(d);
  return d;
}

/** Words other languages start a definition with. */
const FOREIGN_DEFINITIONS = new Set(['def', 'fn', 'func', 'function', 'class', 'struct', 'module', 'network', 'net', 'layer', 'sub']);

/** A better diagnostic for the recognition error `err` (reported as `base`), or `base` itself. */
export function explainError(err: IRecognitionException, base: SyntaxDiagnostic, text: string): SyntaxDiagnostic {
  const found = realToken(err.token);
  const previous = realToken((err as { previousToken?: IToken }).previousToken);
  const rules = err.context?.ruleStack ?? [];
  const rule = rules[rules.length - 1];
  if (found !== undefined && previous !== undefined && found.tokenType === T.Equals && previous.tokenType === T.Colon && adjacent(previous, found)) {
    return colonEquals(previous, found);
  }
  if (rule === 'assignStmt' && previous !== undefined && expected(err, T.Equals)) {
    return notAStatement(previous, found, base, text);
  }
  if (found === undefined) return base;
  if (rules.includes('trainEntry') && /^[a-z_]\w*$/.test(found.image) && found.tokenType !== T.Identifier && expected(err, 'expression')) {
    return settingWithoutColon(found, text) ?? base;
  }
  if (found.tokenType === T.Equals && previous?.tokenType === T.Identifier && (rule === 'callArgs' || rule === 'argument')) {
    return namedArgument(previous, found, text);
  }
  if (found.tokenType === T.Equals && (rules.includes('ifStmt') || rules.includes('ifExpr')) && expected(err, T.LBrace)) {
    return keeping({
      ...base,
      message: msg`${base.message}: to compare, write '=='`,
      fixes: [replace(changeTo('=='), tokenSpan(found), '==')],
    });
  }
  if (found.tokenType === T.Colon && expected(err, T.LBrace) && endsLine(text, found.startOffset + 1)) {
    return keeping({ code: Codes.foreignForm, message: msg`a body is written in braces, '{ ... }', not after ':'`, range: tokenSpan(found) });
  }
  if (found.tokenType === T.LParen && expected(err, T.LBracket) && (rule === 'inputStmt' || rule === 'letStmt' || rule === 'outputStmt' || rule === 'list')) {
    return parenthesisedShape(found, text);
  }
  if (rule === 'topLevel' || rule === 'definition' || base.code === 'NN0012') {
    const word = foreignItemWord(found);
    if (word !== undefined) return word;
  }
  return base;
}

/** An unexpected `#` (or `##`): Python's comment. Other runs of characters are left as they are. */
export function explainCharacters(base: SyntaxDiagnostic, text: string): SyntaxDiagnostic {
  if (!/^#+$/.test(text.slice(base.range.start, base.range.end))) return base;
  const hash = span(base.range.start, base.range.start + 1);
  return { ...base, message: msg`${base.message}: a comment starts with '//'`, fixes: [replace(changeTo('//'), hash, '//')] };
}

/** `def M { ... }`, `modle M { ... }`: a word where a top-level item starts, if it is one of these habits. */
export function foreignItemWord(t: IToken): SyntaxDiagnostic | undefined {
  if (t.tokenType !== T.Identifier) return undefined;
  const range = tokenSpan(t);
  if (FOREIGN_DEFINITIONS.has(t.image)) {
    return {
      code: Codes.notAKeyword,
      message: msg`'${t.image}' is not a keyword: a definition starts with 'model', 'block', 'loss' or 'pipeline'`,
      range,
      fixes: [replace(changeTo('block'), range, 'block'), replace(changeTo('model'), range, 'model')],
    };
  }
  const close = closestKeyword(t.image, ITEM_KEYWORDS);
  if (close === undefined) return undefined;
  return {
    code: Codes.notAKeyword,
    message: msg`unknown keyword '${t.image}'; did you mean '${close}'?`,
    range,
    fixes: [replace(changeTo(close), range, close)],
  };
}

/**
 * A statement that starts with a name not followed by `=`: a misspelt
 * keyword (`inptu x: [B]`), another language's keyword (`var y = x`), a
 * bare call (`print(x)`), or a stage that lost its `->` (`output x Dense(10)`).
 */
function notAStatement(name: IToken, found: IToken | undefined, base: SyntaxDiagnostic, text: string): SyntaxDiagnostic {
  const range = tokenSpan(name);
  if (!startsStatement(text, name.startOffset)) {
    const d: SyntaxDiagnostic = { code: base.code, message: msg`expected '->' or an operator before '${name.image}'`, range };
    // a capitalised name is a layer or a block: a stage of the pipe
    if (/^[A-Z]/.test(name.image)) d.fixes = [replace(insert('->'), span(name.startOffset, name.startOffset), '-> ')];
    return d;
  }
  const foreign = Object.hasOwn(FOREIGN_STATEMENTS, name.image) ? FOREIGN_STATEMENTS[name.image] : undefined;
  if (foreign !== undefined) {
    const fix = foreign.instead !== 'repeat' ? [replace(changeTo(foreign.instead), range, foreign.instead)] : [];
    return { code: Codes.notAKeyword, message: msg`'${name.image}' is not a keyword: ${foreign.why()}`, range, fixes: fix };
  }
  const close = found !== undefined && found.tokenType !== T.LParen ? closestKeyword(name.image, STATEMENT_KEYWORDS) : undefined;
  if (close !== undefined) {
    return {
      code: Codes.notAKeyword,
      message: msg`unknown statement '${name.image}'; did you mean '${close}'?`,
      range,
      fixes: [replace(changeTo(close), range, close)],
    };
  }
  if (found?.tokenType === T.LParen) {
    return {
      code: base.code,
      message: msg`a call is not a statement: bind its result with 'let name = ${name.image}(...)' or give it with 'output'`,
      range,
    };
  }
  return base;
}

/** `loss crossentropy` in a train block: a key (a keyword here) without its `:`, a value after it on the line. */
function settingWithoutColon(key: IToken, text: string): SyntaxDiagnostic | undefined {
  const end = key.startOffset + key.image.length;
  if (!/^[ \t]+[\w"([{-]/.test(text.slice(end, end + 2))) return undefined;
  return {
    code: 'NN0010',
    message: msg`expected ':' after '${key.image}'`,
    range: tokenSpan(key),
    fixes: [replace(insert(':'), span(end, end), ':')],
  };
}

/** `let y := x`: Pascal's and Go's assignment. */
function colonEquals(colon: IToken, equals: IToken): SyntaxDiagnostic {
  const range = span(colon.startOffset, equals.startOffset + 1);
  return { code: Codes.foreignForm, message: msg`':=' is not an operator: write '='`, range, fixes: [replace(changeTo('='), range, '=')] };
}

/** `Dense(units=10)`: Python's keyword argument. */
function namedArgument(name: IToken, equals: IToken, text: string): SyntaxDiagnostic {
  let valueStart = equals.startOffset + 1;
  while (valueStart < text.length && (text[valueStart] === ' ' || text[valueStart] === '\t')) valueStart++;
  const between = span(name.startOffset + name.image.length, valueStart);
  const value = text.slice(valueStart, valueStart + 24).match(/^[^,)\n\r]*/)![0].trimEnd();
  return {
    code: Codes.foreignForm,
    message: msg`a named argument is written with ':', '${name.image}: ${value}'`,
    range: tokenSpan(equals),
    fixes: [replace(changeTo(`${name.image}: ...`), between, ': ')],
  };
}

/** `input x: (B, 16)`: a shape is a list, in brackets. */
function parenthesisedShape(open: IToken, text: string): SyntaxDiagnostic {
  const close = matchingParen(text, open.startOffset);
  const shown = close !== undefined ? `[${text.slice(open.startOffset + 1, close)}]` : '[...]';
  const diagnostic: SyntaxDiagnostic = {
    code: Codes.foreignForm,
    message: msg`a shape is a list, in brackets: '${shown}'`,
    range: tokenSpan(open),
  };
  if (close !== undefined) {
    diagnostic.fixes = [{ title: changeTo(shown), edits: [{ range: span(open.startOffset, open.startOffset + 1), newText: '[' }, { range: span(close, close + 1), newText: ']' }] }];
  }
  return diagnostic;
}

/** The offset of the `)` that closes the `(` at `open`, on the same line. */
function matchingParen(text: string, open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < text.length && text[k] !== '\n' && text[k] !== '\r'; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return k;
  }
  return undefined;
}

/** Whether a statement starts at `offset` by its place: first on its line, or after `{`, `}` or `;`. */
function startsStatement(text: string, offset: number): boolean {
  if (beginsLine(text, offset)) return true;
  let k = offset - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return text[k] === '{' || text[k] === '}' || text[k] === ';';
}

/** Whether only spaces or a comment follow `offset` on its line. */
function endsLine(text: string, offset: number): boolean {
  let k = offset;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  return k >= text.length || text[k] === '\n' || text[k] === '\r' || text.startsWith('//', k);
}

/** Whether the parser error `err` expected a token of `type`, or `expression`. */
function expected(err: IRecognitionException, type: TokenType | 'expression'): boolean {
  return expectationOf(err.message)?.expected === (type === 'expression' ? type : type.name);
}

function realToken(t: IToken | undefined): IToken | undefined {
  return t !== undefined && t.tokenType !== undefined && !Number.isNaN(t.startOffset) && t.image !== '' ? t : undefined;
}

function adjacent(a: IToken, b: IToken): boolean {
  return a.startOffset + a.image.length === b.startOffset;
}

function tokenSpan(t: IToken): Range {
  return span(t.startOffset, t.startOffset + t.image.length);
}

/** A fix's title: `Change to '=='` (the code as written, in quotes). */
export function changeTo(code: string): string {
  return msg`Change to '${code}'`;
}

/** A fix's title: `Insert ':'`. */
export function insert(code: string): string {
  return msg`Insert '${code}'`;
}

function replace(title: string, range: Range, newText: string): SyntaxFix {
  return { title, edits: [{ range, newText }] };
}

/** The keyword at most one edit (two for long words) from `word`, if exactly one is. */
function closestKeyword(word: string, keywords: string[]): string | undefined {
  if (word.length < 3) return undefined;
  const limit = word.length >= 6 ? 2 : 1;
  const close = keywords.filter((k) => editDistance(word.toLowerCase(), k) <= limit);
  return close.length === 1 ? close[0] : undefined;
}

/** Damerau-Levenshtein distance (an adjacent transposition is one edit); for short words. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
