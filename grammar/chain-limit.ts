// Long chains refused in the token stream, before the parser sees them.
//
// `x[0][0]...`, `f(a)(b)...` and `a + b + c + ...` are flat in the CST (one
// MANY each) but become one AST node inside the other: a chain of n links is
// n levels deep, and everything that walks the AST (the checker, the editor
// features) recurses through it. Past a few thousand levels the checker runs
// out of stack, after a parse that built every level. So the driver's token
// scan (parse.ts) counts the links of each chain as it goes and cuts a chain
// at MAX_CHAIN links: the rest of the chain is skipped, never parsed.
//
// A link is an operator token (binary or prefix) or a call or index bracket
// right after an operand. The count is kept per bracket depth and starts
// again at anything that ends an expression: a keyword, `,`, `:`, `=`, `->`,
// `;`, a brace, or an operand right after an operand (a new statement on the
// next line).

import type { IToken } from 'chevrotain';
import * as T from './tokens.js';

/** What the chain count needs to know of a token, by tokenTypeIdx. */
const Link = {
  /** ends an expression: the count starts again */
  Other: 0,
  /** an operator: always a link */
  Operator: 1,
  /** a name or literal: ends an operand */
  Operand: 2,
  /** `(` or `[`: a link when it follows an operand (a call or an index) */
  Open: 3,
  /** `)` or `]`: ends an operand */
  Close: 4,
} as const;
type Link = (typeof Link)[keyof typeof Link];

const linkOf: Link[] = [];
for (const t of [...T.allTokens, ...T.categoryTokens]) {
  const idx = t.tokenTypeIdx!;
  const categories = t.CATEGORIES ?? [];
  if (categories.includes(T.BinaryOp) || categories.includes(T.PrefixOp)) linkOf[idx] = Link.Operator;
}
linkOf[T.Dot.tokenTypeIdx!] = Link.Operator; // `a.b.c`: each member access is a link
for (const t of [T.Identifier, T.NumberLit, T.StringLit, T.UnterminatedString, T.True, T.False]) linkOf[t.tokenTypeIdx!] = Link.Operand;
for (const t of [T.LParen, T.LBracket]) linkOf[t.tokenTypeIdx!] = Link.Open;
for (const t of [T.RParen, T.RBracket]) linkOf[t.tokenTypeIdx!] = Link.Close;

function linkKind(t: IToken): Link {
  return linkOf[t.tokenTypeIdx] ?? Link.Other;
}

/** Where a chain starts: its first token, in the token stream and in the tokens kept for the parser. */
export interface ChainStart {
  token: number;
  kept: number;
}

/**
 * Counts the links of the chain being read at each bracket depth. Feed it
 * every token with the depth it is read at (a bracket: the depth outside it)
 * and the index it has in the stream and among the tokens kept.
 */
export class ChainCounter {
  private readonly links: number[] = [0];
  /** whether the last token at this depth ended an operand */
  private readonly afterOperand: boolean[] = [false];
  /** where the chain at this depth started (-1: none started) */
  private readonly startToken: number[] = [-1];
  private readonly startKept: number[] = [-1];

  constructor(readonly max: number) {}

  /** A top-level item starts: nothing is open. */
  restart(): void {
    this.open(0);
  }

  /** The start of the chain being read at `depth` (the one `step` just found too long). */
  start(depth: number): ChainStart {
    return { token: this.startToken[depth]!, kept: this.startKept[depth]! };
  }

  /** Counts `t` read at `depth`; true when it is a link past the limit. */
  step(t: IToken, depth: number, at: number, keptAt: number): boolean {
    const kind = linkKind(t);
    if (kind === Link.Other) {
      if (t.tokenType === T.LBrace) this.open(depth + 1);
      this.links[depth] = 0;
      this.startToken[depth] = -1;
      this.afterOperand[depth] = t.tokenType === T.RBrace; // `}` of an `if` expression may be followed by an operator
      return false;
    }
    if (kind === Link.Close) {
      this.afterOperand[depth] = true;
      return false;
    }
    if (kind === Link.Operand && this.afterOperand[depth]) this.startToken[depth] = -1; // an operand after an operand: a new expression
    if (this.startToken[depth] === -1) {
      this.links[depth] = 0;
      this.startToken[depth] = at;
      this.startKept[depth] = keptAt;
    }
    const isLink = kind === Link.Operator || (kind === Link.Open && this.afterOperand[depth] === true);
    this.afterOperand[depth] = kind === Link.Operand;
    if (kind === Link.Open) this.open(depth + 1);
    return isLink && ++this.links[depth]! > this.max;
  }

  private open(depth: number): void {
    this.links[depth] = 0;
    this.afterOperand[depth] = false;
    this.startToken[depth] = -1;
  }
}

/**
 * The index of the last token of the chain that continues at `all[from]` (the
 * first link past the limit): its links and their operands, whole bracket
 * groups included. Stops before anything that ends the chain, and before a
 * token for which `stop` is true (the start of a top-level item).
 */
export function chainEnd(all: readonly IToken[], from: number, stop: (k: number) => boolean): number {
  let afterOperand = false;
  let k = from;
  for (; k < all.length; k++) {
    if (k > from && stop(k)) break;
    const kind = linkKind(all[k]!);
    if (kind === Link.Operator) afterOperand = false;
    else if (kind === Link.Operand) {
      if (afterOperand) break; // a new expression
      afterOperand = true;
    } else if (kind === Link.Open) {
      const close = groupEnd(all, k, stop);
      if (close < 0) break; // unclosed: left to the parser, which says so
      k = close;
      afterOperand = true;
    } else break;
  }
  return Math.max(from, k - 1);
}

/** The index of the bracket that closes `all[open]`, or -1 when the item ends first. */
function groupEnd(all: readonly IToken[], open: number, stop: (k: number) => boolean): number {
  let depth = 0;
  for (let k = open; k < all.length; k++) {
    if (k > open && stop(k)) return -1;
    const t = all[k]!.tokenType;
    if (t === T.LParen || t === T.LBracket || t === T.LBrace) depth++;
    else if ((t === T.RParen || t === T.RBracket || t === T.RBrace) && --depth === 0) return k;
  }
  return -1;
}
