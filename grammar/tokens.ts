// The token vocabulary of `.nn` and its chevrotain lexer.
//
// Whitespace and newlines are skipped: the grammar is not newline-sensitive.
// `//` comments and `///` doc comments go to the `comments` group (the
// printer keeps them). `//` always starts a comment: there is no `//`
// operator (floor division is the function `floor(a / b)`).

import { createToken, Lexer, type TokenType } from 'chevrotain';

// ---------------------------------------------------------------- categories

/** Any word: an identifier or a keyword (keys, named arguments, record fields). */
export const AnyName = createToken({ name: 'AnyName', pattern: Lexer.NA });
/** Binary operators (their precedence is resolved in to-ast.ts). */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: Lexer.NA });
/** Prefix operators: `-`, `+`, `not`. */
export const PrefixOp = createToken({ name: 'PrefixOp', pattern: Lexer.NA });
/** A string literal, terminated or not (an unterminated one is reported NN0002). */
export const StringLike = createToken({ name: 'StringLike', pattern: Lexer.NA });
/** Tokens that cannot start a statement: skipped one by one inside a body. */
export const StrayInBody = createToken({ name: 'StrayInBody', pattern: Lexer.NA });
/** Tokens that cannot start a train entry: skipped inside a train block. */
export const StrayInTrain = createToken({ name: 'StrayInTrain', pattern: Lexer.NA });

// ---------------------------------------------------------------- words

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [AnyName] });

type Role = 'stmt' | 'expr' | 'other';
function keyword(word: string, role: Role, extra: TokenType[] = []): TokenType {
  const categories = [AnyName, ...extra];
  if (role !== 'stmt') categories.push(StrayInBody);
  if (role !== 'expr') categories.push(StrayInTrain);
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories,
  });
}

export const Import = keyword('import', 'other');
export const From = keyword('from', 'other');
export const Model = keyword('model', 'other');
export const Block = keyword('block', 'other');
export const Loss = keyword('loss', 'other');
export const Pipeline = keyword('pipeline', 'other');
export const Train = keyword('train', 'other');
export const On = keyword('on', 'other');
export const Input = keyword('input', 'stmt');
export const Output = keyword('output', 'stmt');
export const Let = keyword('let', 'stmt');
export const For = keyword('for', 'stmt');
export const In = keyword('in', 'other');
export const Else = keyword('else', 'other');
export const Optional = keyword('optional', 'other');
// `repeat` and `if` start both statements and expressions.
export const Repeat = createToken({ name: 'Repeat', pattern: /repeat/, longer_alt: Identifier, categories: [AnyName] });
export const If = createToken({ name: 'If', pattern: /if/, longer_alt: Identifier, categories: [AnyName] });
export const True = keyword('true', 'expr');
export const False = keyword('false', 'expr');
export const And = keyword('and', 'other', [BinaryOp]);
export const Or = keyword('or', 'other', [BinaryOp]);
export const Not = keyword('not', 'expr', [PrefixOp]);

export const keywordTokens: TokenType[] = [
  Import, From, Model, Block, Loss, Pipeline, Train, On, Input, Output, Let, Repeat, For, In,
  If, Else, Optional, True, False, And, Or, Not,
];
/** Keywords that start a top-level item (the parser re-synchronises on them). */
export const topLevelKeywords: TokenType[] = [Import, Model, Block, Loss, Pipeline, Train];

// ---------------------------------------------------------------- literals

export const NumberLit = createToken({
  name: 'Number',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
  categories: [StrayInBody],
});
export const StringLit = createToken({
  name: 'String',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [StringLike, StrayInBody],
});
/** A string that reaches the end of its line without a closing quote. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/,
  categories: [StringLike, StrayInBody],
});

// ---------------------------------------------------------------- comments

export const DocComment = createToken({ name: 'DocComment', pattern: /\/\/\/(?!\/)[^\n\r]*/, group: 'comments' });

// `//` always starts a line comment, everywhere (floor division is written
// `floor(a / b)`). `///` (but not `////`) is a doc comment.
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\n\r]*/, group: 'comments' });

// ---------------------------------------------------------------- punctuation

function punct(name: string, pattern: RegExp, extra: TokenType[] = [], startsExpr = false): TokenType {
  const categories = [StrayInBody, ...extra];
  if (!startsExpr) categories.push(StrayInTrain);
  return createToken({ name, pattern, categories });
}

export const Arrow = punct('Arrow', /->/);
export const Ellipsis = punct('Ellipsis', /\.\.\./);
/** `embed.embeddings`: a layer's weight. Matched after numbers (`0.5`, `.5`) and `...`. */
export const Dot = punct('Dot', /\./);
export const Power = punct('Power', /\*\*/, [BinaryOp]);
export const EqEq = punct('EqEq', /==/, [BinaryOp]);
export const NotEq = punct('NotEq', /!=/, [BinaryOp]);
export const LtEq = punct('LtEq', /<=/, [BinaryOp]);
export const GtEq = punct('GtEq', />=/, [BinaryOp]);
export const Lt = punct('Lt', /</, [BinaryOp]);
export const Gt = punct('Gt', />/, [BinaryOp]);
export const Plus = punct('Plus', /\+/, [BinaryOp, PrefixOp], true);
export const Minus = punct('Minus', /-/, [BinaryOp, PrefixOp], true);
export const Star = punct('Star', /\*/, [BinaryOp]);
export const Slash = punct('Slash', /\//, [BinaryOp]);
export const Percent = punct('Percent', /%/, [BinaryOp]);
export const At = punct('At', /@/, [BinaryOp]);
export const Equals = punct('Equals', /=/);
export const LParen = punct('LParen', /\(/, [], true);
export const RParen = punct('RParen', /\)/);
export const LBracket = punct('LBracket', /\[/, [], true);
export const RBracket = punct('RBracket', /]/);
export const LBrace = punct('LBrace', /\{/, [], true);
export const RBrace = createToken({ name: 'RBrace', pattern: /}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: [StrayInBody] });
export const Colon = punct('Colon', /:/);
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/,
  group: Lexer.SKIPPED,
});

export const operatorTokens: TokenType[] = [
  Arrow, Power, EqEq, NotEq, LtEq, GtEq, Lt, Gt, Plus, Minus, Star, Slash, Percent, At, Equals,
];
export const punctuationTokens: TokenType[] = [
  Ellipsis, Dot, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, Colon, Semicolon,
];

/** Every token type the lexer produces, in matching order. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  Comment,
  StringLit,
  UnterminatedString,
  Ellipsis,
  NumberLit,
  Dot,
  ...keywordTokens,
  Identifier,
  Arrow,
  Power,
  EqEq,
  NotEq,
  LtEq,
  GtEq,
  Lt,
  Gt,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  At,
  Equals,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Semicolon,
];

/** The category tokens (never produced by the lexer; used by the parser). */
export const categoryTokens: TokenType[] = [AnyName, BinaryOp, PrefixOp, StringLike, StrayInBody, StrayInTrain];

// Only offsets are tracked (lines and columns are derived from offsets by
// whoever needs them): less work and less memory per token. Chevrotain's
// offset-only tokens lack `endOffset`, which the parser's CST locations need,
// so the token factory is replaced by one that sets it at creation (one
// object shape for every token; adding the property later costs a
// property-store allocation per token). parse.ts checks and falls back.
export const nnLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});
(nnLexer as unknown as { createTokenInstance: unknown }).createTokenInstance = (
  image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType,
) => ({ image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType });
