// What kind of completion the cursor wants, decided from the raw tokens
// before it (the code there is often incomplete: `x -> `, `Conv2D(64, `,
// `train M on mnist() { epo`). The AST answers the rest (names in scope).

import { nnLexer } from '../../grammar/index.js';

export interface Tok {
  type: string;
  image: string;
  start: number;
  end: number;
}

export function lex(text: string): { tokens: Tok[]; comments: Tok[] } {
  const lexed = nnLexer.tokenize(text);
  const conv = (t: { image: string; startOffset: number; tokenType: { name: string } }): Tok => ({ type: t.tokenType.name, image: t.image, start: t.startOffset, end: t.startOffset + t.image.length });
  return { tokens: lexed.tokens.map(conv), comments: (lexed.groups['comments'] ?? []).map(conv) };
}

export type CompletionContext =
  | { kind: 'none' }
  | { kind: 'topLevel' }
  | { kind: 'importNames'; itemStart: number }
  | { kind: 'trainTarget' }
  | { kind: 'trainOn' }
  | { kind: 'trainData' }
  | { kind: 'trainKey'; bodyStart: number }
  | { kind: 'trainValue'; key: string }
  | { kind: 'recordField'; key: string; given: string[] }
  | { kind: 'paramType' }
  | { kind: 'statement' }
  | { kind: 'stage' }
  | { kind: 'expression' }
  | { kind: 'callArgs'; callee: string; given: string[]; positional: number; piped: boolean; inTrain: boolean }
  | { kind: 'argValue'; callee: string; param: string; inTrain: boolean }
  /** after `name.`: the weights of the layer bound to the name that ends at `targetEnd` */
  | { kind: 'member'; targetEnd: number };

const TOP = new Set(['Model', 'Block', 'Loss', 'Pipeline', 'Train', 'Import']);
const OPEN: Record<string, string> = { RParen: 'LParen', RBracket: 'LBracket', RBrace: 'LBrace' };
const EXPR_BEFORE = new Set([
  'Arrow', 'Equals', 'LParen', 'Comma', 'LBracket', 'Colon', 'Output', 'Power', 'EqEq', 'NotEq', 'LtEq', 'GtEq', 'Lt', 'Gt',
  'Plus', 'Minus', 'Star', 'Slash', 'Percent', 'At', 'And', 'Or', 'Not', 'In', 'Repeat', 'If',
]);

/** The start of the word the cursor is in (or just after). */
export function wordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1]!)) i--;
  return i;
}

export function completionContext(text: string, offset: number): CompletionContext {
  const start = wordStart(text, offset);
  const { tokens, comments } = lex(text.slice(0, offset));
  if (comments.some((c) => c.end >= offset && c.start < offset)) return { kind: 'none' };
  const last = tokens[tokens.length - 1];
  if (last && last.end === offset && (last.type === 'UnterminatedString' || last.type === 'String') && last.start < offset) return { kind: 'none' };
  if (last && last.type === 'Number' && last.end === offset) return { kind: 'none' };
  const toks = tokens.filter((t) => t.end <= start);
  // `embed.|`: a weight of the layer bound to that name
  const beforeWord = toks[toks.length - 1];
  if (beforeWord?.type === 'Dot') {
    const target = toks[toks.length - 2];
    return target?.type === 'Identifier' && target.end === beforeWord.start ? { kind: 'member', targetEnd: target.end } : { kind: 'none' };
  }

  // brackets still open before the cursor, and the top-level item we are in
  const stack: number[] = [];
  let item = -1;
  toks.forEach((t, i) => {
    if (t.type === 'LParen' || t.type === 'LBracket' || t.type === 'LBrace') stack.push(i);
    else if (OPEN[t.type]) {
      // pop to the matching opener (tolerates stray closers)
      for (let k = stack.length - 1; k >= 0; k--) {
        if (toks[stack[k]!]!.type === OPEN[t.type]) {
          stack.length = k;
          break;
        }
      }
    } else if (stack.length === 0 && TOP.has(t.type)) item = i;
  });
  const prev = toks[toks.length - 1];
  if (item < 0) return stack.length === 0 ? { kind: 'topLevel' } : { kind: 'none' };
  const itemTok = toks[item]!;

  if (stack.length === 0) {
    if (!prev || prev.type === 'RBrace' || (itemTok.type === 'Import' && prev.type === 'String')) return { kind: 'topLevel' };
    if (itemTok.type === 'Train') {
      const n = toks.length - 1 - item;
      if (n === 0) return { kind: 'trainTarget' };
      if (n === 1) return { kind: 'trainOn' };
      if (prev.type === 'On') return { kind: 'trainData' };
    }
    return { kind: 'none' };
  }

  const bottom = toks[stack[0]!]!;
  if (itemTok.type === 'Import') return bottom.type === 'LBrace' ? { kind: 'importNames', itemStart: itemTok.start } : { kind: 'none' };
  if (itemTok.type === 'Train') {
    if (bottom.type === 'LParen') return callContext(toks, stack, stack.length - 1, true) ?? { kind: 'none' };
    if (stack.length === 1) {
      if (prev!.type === 'Colon') return { kind: 'trainValue', key: toks[toks.length - 2]?.image ?? '' };
      return { kind: 'trainKey', bodyStart: bottom.end };
    }
    const top = toks[stack[stack.length - 1]!]!;
    const beforeTop = toks[stack[stack.length - 1]! - 1];
    const keyOf = (i: number) => (toks[i - 1]?.type === 'Colon' ? toks[i - 2]?.image ?? '' : '');
    if (top.type === 'LParen') return callContext(toks, stack, stack.length - 1, true) ?? { kind: 'none' };
    if (top.type === 'LBracket') return beforeTop?.type === 'Colon' ? { kind: 'trainValue', key: keyOf(stack[stack.length - 1]!) } : { kind: 'none' };
    if (top.type === 'LBrace' && beforeTop?.type === 'Colon') {
      if (prev!.type === 'Colon') return { kind: 'none' };
      return { kind: 'recordField', key: keyOf(stack[stack.length - 1]!), given: namesAtDepth(toks, stack[stack.length - 1]!) };
    }
    return { kind: 'none' };
  }

  // a definition
  if (bottom.type === 'LParen') {
    if (stack.length === 1 && prev!.type === 'Colon') return { kind: 'paramType' };
    if (prev!.type === 'Equals' || EXPR_BEFORE.has(prev!.type) && prev!.type !== 'Comma' && prev!.type !== 'LParen') return { kind: 'expression' };
    return { kind: 'none' };
  }
  if (bottom.type !== 'LBrace') return { kind: 'none' };
  const top = stack[stack.length - 1]!;
  const topTok = toks[top]!;
  if (topTok.type === 'LParen') return callContext(toks, stack, stack.length - 1, false) ?? { kind: 'expression' };
  if (topTok.type === 'LBracket') return { kind: 'expression' };
  const statementBody = stack.length === 1 || isStatementBody(toks, top);
  if (!statementBody) return prev!.type === 'LBrace' || prev!.type === 'Arrow' ? { kind: 'stage' } : afterInExpression(prev!);
  return statementContext(toks, top);
}

function afterInExpression(prev: Tok): CompletionContext {
  if (prev.type === 'Arrow') return { kind: 'stage' };
  return { kind: 'expression' };
}

function statementContext(toks: Tok[], bodyOpen: number): CompletionContext {
  const prev = toks[toks.length - 1]!;
  switch (prev.type) {
    case 'LBrace':
    case 'RBrace':
    case 'Semicolon':
      return { kind: 'statement' };
    case 'Arrow':
      return { kind: 'stage' };
    case 'Let':
    case 'Input':
    case 'For':
      return { kind: 'none' };
    case 'Colon':
      return { kind: 'none' };
    case 'Comma': {
      // `let a, <|>` names a new binding
      for (let i = toks.length - 2; i > bodyOpen; i--) {
        const t = toks[i]!;
        if (t.type === 'Let') return { kind: 'none' };
        if (t.type !== 'Identifier' && t.type !== 'Comma') break;
      }
      return { kind: 'expression' };
    }
  }
  if (EXPR_BEFORE.has(prev.type)) {
    // `repeat i <|>` / `for v <|>`: the loop variable is being named
    return { kind: 'expression' };
  }
  if (prev.type === 'Identifier') {
    const before = toks[toks.length - 2];
    if (before && (before.type === 'Let' || before.type === 'Input' || before.type === 'For')) return { kind: 'none' };
  }
  return { kind: 'statement' };
}

/** Whether the `{` at index `open` starts a body of statements (not stages). */
function isStatementBody(toks: Tok[], open: number): boolean {
  let depth = 0;
  for (let i = open - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (t.type === 'RParen' || t.type === 'RBracket' || t.type === 'RBrace') depth++;
    else if (t.type === 'LParen' || t.type === 'LBracket' || t.type === 'LBrace') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0) {
      if (t.type === 'For') return true;
      if (t.type === 'Else' && i === open - 1) {
        // `} else {`: the same kind as the `if` body before it
        const close = i - 1;
        const matching = matchingOpen(toks, close);
        return matching === undefined ? true : isStatementBody(toks, matching);
      }
      if (t.type === 'Repeat' || t.type === 'If') {
        const before = toks[i - 1];
        if (!before) return true;
        if (before.type === 'Else') {
          const matching = matchingOpen(toks, i - 2);
          return matching === undefined ? true : isStatementBody(toks, matching);
        }
        return !EXPR_BEFORE.has(before.type);
      }
      if (t.type === 'Semicolon' || t.type === 'Colon' || t.type === 'Equals' || t.type === 'Arrow') return false;
    }
  }
  return true;
}

function matchingOpen(toks: Tok[], close: number): number | undefined {
  if (toks[close]?.type !== 'RBrace') return undefined;
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const t = toks[i]!;
    if (t.type === 'RBrace') depth++;
    else if (t.type === 'LBrace' && --depth === 0) return i;
  }
  return undefined;
}

/** Names written as `name:` directly inside the bracket opened at `open`. */
function namesAtDepth(toks: Tok[], open: number): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let i = open + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === 'LParen' || t.type === 'LBracket' || t.type === 'LBrace') depth++;
    else if (t.type === 'RParen' || t.type === 'RBracket' || t.type === 'RBrace') depth--;
    else if (depth === 0 && t.type === 'Colon' && i > open + 1) names.push(toks[i - 1]!.image);
  }
  return names;
}

function callContext(toks: Tok[], stack: number[], level: number, inTrain: boolean): CompletionContext | undefined {
  const open = stack[level]!;
  const calleeTok = toks[open - 1];
  if (!calleeTok || !/^[A-Za-z_]/.test(calleeTok.image) || calleeTok.type === 'If' || calleeTok.type === 'Repeat') return undefined;
  const prev = toks[toks.length - 1]!;
  if (prev.type === 'Colon' && toks.length - 2 > open) {
    return { kind: 'argValue', callee: calleeTok.image, param: toks[toks.length - 2]!.image, inTrain };
  }
  if (level !== stack.length - 1) return undefined;
  if (prev.type !== 'LParen' && prev.type !== 'Comma') return inTrain ? { kind: 'none' } : { kind: 'expression' };
  // arguments already given: positional ones count, named ones by name
  const given: string[] = [];
  let positional = 0;
  let depth = 0;
  let argStart = true;
  let named = false;
  for (let i = open + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === 'LParen' || t.type === 'LBracket' || t.type === 'LBrace') depth++;
    else if (t.type === 'RParen' || t.type === 'RBracket' || t.type === 'RBrace') depth--;
    if (depth !== 0) {
      argStart = false;
      continue;
    }
    if (t.type === 'Comma') {
      if (!named && !argStart) positional++;
      argStart = true;
      named = false;
      continue;
    }
    if (argStart && toks[i + 1]?.type === 'Colon' && /^[A-Za-z_]/.test(t.image)) {
      given.push(t.image);
      named = true;
    }
    if (t.type !== 'LParen') argStart = false;
  }
  const beforeCallee = toks[open - 2];
  return { kind: 'callArgs', callee: calleeTok.image, given, positional, piped: beforeCallee?.type === 'Arrow', inTrain };
}
