// CST -> AST for expressions. Binary operators arrive as a flat chain and
// are folded here by precedence (an explicit-stack shunting-yard, so long
// chains never recurse). Any missing piece becomes an ErrorExpr.

import type { CstNode, IToken } from 'chevrotain';
import { msg } from '../core/i18n/message.js';
import { MAX_NESTING } from './errors.js';
import { True } from './tokens.js';
import type {
  Argument, BinaryOp, CallExpr, Expr, IfExpr, IndexExpr, IndexItem, ListExpr, MemberExpr, PipeExpr, RecordExpr, Range,
} from './ast.js';
import {
  type AstContext, beginsLine, checkCommas, span, cstRange, errorExpr, identifier, node, nodes, token, tokenRange, tokens, unescapeString,
} from './cst-util.js';

// ---------------------------------------------------------------- precedence

const precedence: Record<string, number> = {
  or: 1, and: 2,
  '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4,
  '+': 5, '-': 5,
  '*': 6, '/': 6, '%': 6, '@': 6,
  '**': 8,
};
const NOT_PREC = 3;
const SIGN_PREC = 7;

type Pending =
  | { bin: true; op: BinaryOp; range: Range; prec: number }
  | { bin: false; op: '-' | '+' | 'not'; start: number; prec: number };

/** `head -> stage -> ...` (or just the head). */
export function expression(ctx: AstContext, cst: CstNode | undefined, at: number): Expr {
  if (cst === undefined) return errorExpr(at);
  const head = binaryExpr(ctx, cst, at);
  const arrows = tokens(cst, 'Arrow');
  if (arrows.length === 0) return head;
  const stageNodes = nodes(cst, 'stages');
  const stages: Expr[] = [];
  let breaks: boolean[] | undefined;
  for (let i = 0; i < arrows.length; i++) {
    const arrowStart = arrows[i]!.startOffset;
    const stage = postfix(ctx, stageNodes[i], arrowStart + 2);
    stages.push(stage);
    if (beginsLine(ctx.text, arrowStart) || (stage.kind !== 'ErrorExpr' && beginsLine(ctx.text, stage.range.start))) {
      if (breaks === undefined) breaks = new Array<boolean>(arrows.length).fill(false);
      breaks[i] = true;
    }
  }
  const last = stages[stages.length - 1]!;
  const pipe: PipeExpr = { kind: 'Pipe', head, stages, range: span(head.range.start, Math.max(last.range.end, head.range.end)) };
  if (breaks !== undefined) pipe.breaks = breaks;
  return pipe;
}

/** The operator chain of an `expression` or `binaryExpr` node, folded by precedence. */
export function binaryExpr(ctx: AstContext, cst: CstNode | undefined, at: number): Expr {
  if (cst === undefined) return errorExpr(at);
  const operands = nodes(cst, 'operand');
  const ops = tokens(cst, 'ops');
  const prefixes = tokens(cst, 'prefix');
  const start = cstRange(cst, at).start;
  if (ops.length === 0 && prefixes.length === 0) return postfix(ctx, operands[0], start);

  const values: Expr[] = [];
  const pending: Pending[] = [];
  const reduce = (): void => {
    const top = pending.pop()!;
    if (top.bin) {
      const right = values.pop()!;
      const left = values.pop()!;
      if (top.prec === 4 && left.kind === 'Binary' && precedence[left.op] === 4) {
        ctx.diagnostics.push({
          code: 'NN0013',
          message: msg`comparisons cannot be chained: add parentheses around '${left.op}' or '${top.op}'`,
          range: top.range,
        });
      }
      values.push({
        kind: 'Binary', op: top.op, opRange: top.range, left, right,
        range: span(left.range.start, Math.max(right.range.end, top.range.end)),
      });
    } else {
      const operandExpr = values.pop()!;
      values.push({ kind: 'Unary', op: top.op, operand: operandExpr, range: span(top.start, operandExpr.range.end) });
    }
  };

  let cursor = start;
  let p = 0;
  let o = 0;
  let powRun = 0;
  let tooDeep = false;
  const deep = (t: IToken): void => {
    if (!tooDeep) ctx.diagnostics.push({ code: 'NN0003', message: msg`nesting too deep (more than ${MAX_NESTING} operators)`, range: tokenRange(t) });
    tooDeep = true;
  };
  for (let i = 0; i <= ops.length; i++) {
    const limit = i < ops.length ? ops[i]!.startOffset : Infinity;
    for (let run = 0; p < prefixes.length && prefixes[p]!.startOffset < limit; p++, run++) {
      const t = prefixes[p]!;
      if (run >= MAX_NESTING) {
        deep(t);
        continue;
      }
      const op = t.image as '-' | '+' | 'not';
      pending.push({ bin: false, op, start: t.startOffset, prec: op === 'not' ? NOT_PREC : SIGN_PREC });
      cursor = t.startOffset + t.image.length;
    }
    const candidate = operands[o];
    const fits = candidate !== undefined && startOf(candidate) >= cursor && startOf(candidate) < limit;
    if (fits) o++;
    values.push(postfix(ctx, fits ? candidate : undefined, cursor));
    if (i === ops.length) break;
    const t = ops[i]!;
    const op = t.image as BinaryOp;
    const prec = precedence[op] ?? 5;
    powRun = op === '**' ? powRun + 1 : 0;
    if (powRun > MAX_NESTING) deep(t);
    const rightAssoc = op === '**' && powRun <= MAX_NESTING;
    while (pending.length > 0) {
      const top = pending[pending.length - 1]!;
      if (top.prec > prec || (top.prec === prec && !rightAssoc)) reduce();
      else break;
    }
    pending.push({ bin: true, op, range: tokenRange(t), prec });
    cursor = t.startOffset + t.image.length;
  }
  while (pending.length > 0) reduce();
  return values[0]!;
}

function startOf(n: CstNode): number {
  const s = n.location?.startOffset;
  return s === undefined || Number.isNaN(s) ? -1 : s;
}

export function postfix(ctx: AstContext, cst: CstNode | undefined, at: number): Expr {
  if (cst === undefined) return errorExpr(at);
  let value = primary(ctx, cst, cstRange(cst, at).start);
  const calls = nodes(cst, 'callArgs');
  const indexes = nodes(cst, 'indexSuffix');
  const members = nodes(cst, 'memberSuffix');
  const suffixes = indexes.length === 0 && members.length === 0 ? calls : calls.length === 0 && members.length === 0 ? indexes
    : [...calls, ...indexes, ...members].sort((a, b) => startOf(a) - startOf(b));
  for (const s of suffixes) {
    if (s.name === 'memberSuffix') {
      const r = cstRange(s, value.range.end);
      const name = token(s, 'member');
      // `embed.` with the name missing: an empty name, which the checker skips (the parser reported it)
      const member = identifier(name !== undefined && isReal(name) ? name : undefined, r.end);
      const expr: MemberExpr = { kind: 'Member', target: value, member, range: span(value.range.start, Math.max(r.end, member.range.end)) };
      value = expr;
    } else if (s.name === 'callArgs') {
      const argsRange = cstRange(s, value.range.end);
      const argNodes = nodes(s, 'argument');
      checkCommas(ctx, s, argNodes);
      const args = argNodes.map((a) => argument(ctx, a, argsRange.end));
      const expr: CallExpr = { kind: 'Call', callee: value, args, argsRange, range: span(value.range.start, argsRange.end) };
      value = expr;
    } else {
      const r = cstRange(s, value.range.end);
      const itemNodes = nodes(s, 'indexItem');
      checkCommas(ctx, s, itemNodes);
      const items = itemNodes.map((i) => indexItem(ctx, i, r.end));
      const expr: IndexExpr = { kind: 'Index', target: value, items, range: span(value.range.start, r.end) };
      value = expr;
    }
  }
  return value;
}

export function argument(ctx: AstContext, cst: CstNode, at: number): Argument {
  const r = cstRange(cst, at);
  const nameTok = token(cst, 'name');
  const value = expression(ctx, node(cst, 'value'), nameTok !== undefined ? r.end : r.start);
  const arg: Argument = { kind: 'Argument', value, range: span(r.start, Math.max(r.end, value.range.end)) };
  if (nameTok !== undefined) arg.name = identifier(nameTok, r.start);
  return arg;
}

function indexItem(ctx: AstContext, cst: CstNode, at: number): IndexItem {
  const r = cstRange(cst, at);
  const dots = token(cst, 'Ellipsis');
  if (dots !== undefined) return { kind: 'Ellipsis', range: tokenRange(dots) };
  const startNode = node(cst, 'start');
  const tail = node(cst, 'sliceTail');
  if (tail === undefined) {
    const e = expression(ctx, startNode, r.start);
    if (e.kind === 'Identifier' && e.name === 'newaxis') return { kind: 'NewAxis', range: e.range };
    return e;
  }
  const tr = cstRange(tail, r.end);
  const item: IndexItem = { kind: 'Slice', range: span(r.start, Math.max(r.end, tr.end)) };
  if (startNode !== undefined) item.start = expression(ctx, startNode, r.start);
  const stop = node(tail, 'stop');
  if (stop !== undefined) item.stop = expression(ctx, stop, tr.start);
  const step = node(tail, 'step');
  if (step !== undefined) item.step = expression(ctx, step, tr.end);
  return item;
}

function primary(ctx: AstContext, cst: CstNode | undefined, at: number): Expr {
  if (cst === undefined) return errorExpr(at);
  // The token alternatives, most frequent first (a CST children object is a
  // dictionary: each lookup costs, so stop at the first hit).
  const c = cst.children;
  let toks = c['Identifier'];
  if (toks !== undefined) {
    const t = toks[0] as IToken;
    if (isReal(t)) {
      // an empty name is the stand-in for a region cut for nesting too deep
      return t.image === '' ? errorExpr(t.startOffset) : { kind: 'Identifier', name: t.image, range: tokenRange(t) };
    }
  } else if ((toks = c['Number']) !== undefined) {
    const t = toks[0] as IToken;
    if (isReal(t)) {
      const image = t.image;
      const isFloat = image.includes('.') || image.includes('e') || image.includes('E');
      return { kind: 'Number', value: Number(image), isFloat, text: image, range: tokenRange(t) };
    }
  } else if ((toks = c['StringLike']) !== undefined) {
    const t = toks[0] as IToken;
    if (isReal(t)) return { kind: 'String', value: unescapeString(t.image), range: tokenRange(t) };
  } else if ((toks = c['True'] ?? c['False']) !== undefined) {
    const t = toks[0] as IToken;
    if (isReal(t)) return { kind: 'Bool', value: t.tokenType === True, range: tokenRange(t) };
  }
  const r = cstRange(cst, at);
  const list = node(cst, 'list');
  if (list !== undefined) return listExpr(ctx, list, r.start);
  const record = node(cst, 'record');
  if (record !== undefined) {
    const rr = cstRange(record, r.start);
    const fieldNodes = nodes(record, 'fields');
    checkCommas(ctx, record, fieldNodes);
    const fields = fieldNodes.map((f) => argument(ctx, f, rr.end));
    const expr: RecordExpr = { kind: 'Record', fields, range: rr };
    return expr;
  }
  const paren = node(cst, 'paren');
  if (paren !== undefined) {
    const pr = cstRange(paren, r.start);
    return { kind: 'Paren', inner: expression(ctx, node(paren, 'inner'), Math.min(pr.start + 1, pr.end)), range: pr };
  }
  const ifNode = node(cst, 'ifExpr');
  if (ifNode !== undefined) return ifExpr(ctx, ifNode, r.start);
  const rep = node(cst, 'repeatExpr');
  if (rep !== undefined) {
    const rr = cstRange(rep, r.start);
    const count = binaryExpr(ctx, node(rep, 'count'), Math.min(rr.start + 6, rr.end));
    const body = braced(ctx, node(rep, 'body'), Math.max(count.range.end, rr.end));
    return { kind: 'Repeat', count, body, range: rr };
  }
  return errorExpr(at);
}

function isReal(t: IToken): boolean {
  return t.isInsertedInRecovery !== true && !Number.isNaN(t.startOffset);
}

export function listExpr(ctx: AstContext, cst: CstNode | undefined, at: number): ListExpr {
  const r = cstRange(cst, at);
  const itemNodes = nodes(cst, 'items');
  checkCommas(ctx, cst, itemNodes);
  const items = itemNodes.map((i) => expression(ctx, i, r.end));
  return { kind: 'List', items, range: r };
}

function ifExpr(ctx: AstContext, cst: CstNode, at: number): IfExpr {
  const r = cstRange(cst, at);
  const condition = binaryExpr(ctx, node(cst, 'condition'), Math.min(r.start + 2, r.end));
  const then = braced(ctx, node(cst, 'then'), condition.range.end);
  const expr: IfExpr = { kind: 'IfExpr', condition, then, range: r };
  const elseIf = node(cst, 'elseIf');
  if (elseIf !== undefined) expr.else = ifExpr(ctx, elseIf, then.range.end);
  else if (token(cst, 'Else') !== undefined) expr.else = braced(ctx, node(cst, 'else'), r.end);
  return expr;
}

function braced(ctx: AstContext, cst: CstNode | undefined, at: number): Expr {
  if (cst === undefined) return errorExpr(at);
  const r = cstRange(cst, at);
  return expression(ctx, node(cst, 'inner'), Math.min(r.start + 1, r.end));
}
