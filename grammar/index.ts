// The public API of the `.nn` grammar: parse (never throws), print (the
// canonical formatter), stripRanges (for AST equality in tests) and the
// token vocabulary (for semantic highlighting and completion).

import type { Program, Range } from './ast.js';
import { parseText, tooLarge } from './parse.js';
import { print as printProgram } from './printer.js';

export * from './ast.js';

export interface SyntaxDiagnostic {
  code: string;
  message: string;
  range: Range;
  /** edits that mend the mistake, where one is obvious (`C // 4` -> `floor(C / 4)`) */
  fixes?: SyntaxFix[];
}

/** A suggested fix: a title and the replacements it makes (the checker's `Fix`). */
export interface SyntaxFix {
  title: string;
  edits: { range: Range; newText: string }[];
}

export interface ParseResult {
  program: Program;
  diagnostics: SyntaxDiagnostic[];
}

export interface ParseOptions {
  /** keep what the next parse of the same document can reuse (an editor parses after every edit) */
  incremental?: boolean;
  /** the previous program of the same document, parsed `incremental`: its unchanged lines and items are reused */
  previous?: Program;
}

/**
 * Parse `.nn` source text. Never throws: every problem is a diagnostic.
 * Parsing with the previous program gives the same result as parsing afresh.
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  return parseText(typeof text === 'string' ? text : String(text), options);
}

/** What parsing a text of `length` characters gives when it is over MAX_TEXT_LENGTH: an empty program and one NN0004 (for a file too large to read). */
export function parseTooLarge(length: number): ParseResult {
  return tooLarge(length);
}

/** The canonical text of a program (see printer.ts for the layout rules). */
export function print(program: Program): string {
  return printProgram(program);
}

/**
 * A deep copy without `range`, `opRange`, `argsRange`, `keywordRange` and the
 * layout facts (the comments' `ownLine`, `column` and `codeEnd`, the pipes' `breaks`,
 * the program's `blankLines` and `damaged`, a definition's `emptyParens`):
 * two ASTs of the same program compare equal. A number's source `text` is kept.
 */
export function stripRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripRanges);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (
      k === 'range' || k === 'opRange' || k === 'argsRange' || k === 'keywordRange' ||
      k === 'ownLine' || k === 'column' || k === 'codeEnd' || k === 'breaks' || k === 'blankLines' || k === 'damaged' || k === 'emptyParens'
    ) continue;
    if (v === undefined) continue;
    out[k] = stripRanges(v);
  }
  return out;
}

export {
  allTokens, keywordTokens, topLevelKeywords, operatorTokens, punctuationTokens, categoryTokens, nnLexer,
  Identifier, NumberLit, StringLit, UnterminatedString, Comment, DocComment,
} from './tokens.js';
export { Codes, MAX_CHAIN, MAX_DIAGNOSTICS, MAX_NESTING, MAX_TEXT_LENGTH } from './errors.js';
