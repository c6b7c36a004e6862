// CST -> AST for top-level items and statements. A partial CST (from error
// recovery) never crashes this: missing names become Identifiers named '',
// missing expressions ErrorExpr, a missing shape an empty list.

import type { CstNode } from 'chevrotain';
import type {
  Definition, DefinitionKind, ImportDecl, IfStmt, InputStmt, LetStmt, OutputStmt, Param, Statement,
  TopLevel, TrainDecl, TrainEntry, TypeRef,
} from './ast.js';
import {
  type AstContext, checkCommas, cstRange, end, identifier, node, nodes, reportMissingColons, reportStrays, span, token, tokenRange, tokens, unescapeString,
} from './cst-util.js';
import { binaryExpr, expression, listExpr } from './to-ast-expr.js';

export type { AstContext } from './cst-util.js';

function withDoc<T extends { doc?: string }>(ctx: AstContext, item: T, start: number): T {
  const doc = ctx.docs.get(start);
  if (doc !== undefined) item.doc = doc;
  return item;
}

export function topLevel(ctx: AstContext, cst: CstNode): TopLevel | undefined {
  const imp = node(cst, 'importDecl');
  if (imp !== undefined) return importDecl(ctx, imp);
  const def = node(cst, 'definition');
  if (def !== undefined) return definition(ctx, def);
  const train = node(cst, 'trainDecl');
  if (train !== undefined) return trainDecl(ctx, train);
  return undefined;
}

function importDecl(ctx: AstContext, cst: CstNode): ImportDecl {
  const r = cstRange(cst, 0);
  const nameToks = tokens(cst, 'names');
  checkCommas(ctx, cst, nameToks);
  const names = nameToks.map((t) => identifier(t, r.start));
  const p = token(cst, 'path');
  const path = p !== undefined
    ? { kind: 'String' as const, value: unescapeString(p.image), range: tokenRange(p) }
    : { kind: 'String' as const, value: '', range: span(r.end, r.end) };
  return { kind: 'Import', names, path, range: r };
}

function definition(ctx: AstContext, cst: CstNode): Definition {
  const kw = token(cst, 'keyword')!;
  const r = cstRange(cst, kw.startOffset);
  const name = identifier(token(cst, 'name'), kw.startOffset + kw.image.length);
  const paramNodes = nodes(node(cst, 'paramList'), 'param');
  checkCommas(ctx, node(cst, 'paramList'), paramNodes);
  const params = paramNodes.map((p) => param(ctx, p, name.range.end));
  const body = block(ctx, node(cst, 'body'));
  const def: Definition = {
    kind: 'Definition',
    defKind: kw.image as DefinitionKind,
    keywordRange: tokenRange(kw),
    name,
    params,
    body,
    range: r,
  };
  if (params.length === 0 && token(node(cst, 'paramList'), 'RParen') !== undefined) def.emptyParens = true;
  return withDoc(ctx, def, r.start);
}

function param(ctx: AstContext, cst: CstNode, at: number): Param {
  const r = cstRange(cst, at);
  const p: Param = { kind: 'Param', name: identifier(token(cst, 'name'), r.start), range: r };
  const t = node(cst, 'typeRef');
  if (t !== undefined) {
    const tr = cstRange(t, r.end);
    const typeName = token(t, 'name');
    const ref: TypeRef = { kind: 'TypeRef', name: typeName?.image ?? '', list: token(t, 'LBracket') !== undefined, range: tr };
    p.type = ref;
  }
  if (token(cst, 'Equals') !== undefined) p.default = expression(ctx, node(cst, 'default'), r.end);
  return withDoc(ctx, p, r.start);
}

function trainDecl(ctx: AstContext, cst: CstNode): TrainDecl {
  const r = cstRange(cst, 0);
  const target = identifier(token(cst, 'target'), Math.min(r.start + 5, r.end));
  const data = binaryExpr(ctx, node(cst, 'data'), target.range.end);
  const entries: TrainEntry[] = nodes(cst, 'trainEntry').map((e) => {
    const er = cstRange(e, data.range.end);
    const keyTok = token(e, 'key');
    const value = expression(ctx, node(e, 'value'), er.end);
    const entry: TrainEntry = { kind: 'TrainEntry', value, range: span(er.start, Math.max(er.end, value.range.end)) };
    if (keyTok !== undefined) entry.key = identifier(keyTok, er.start);
    return entry;
  });
  reportStrays(ctx, reportMissingColons(ctx, entries, tokens(cst, 'stray')), entries.map((e) => e.range.start), true);
  const decl: TrainDecl = { kind: 'Train', target, data, entries, range: r };
  return withDoc(ctx, decl, r.start);
}

// ---------------------------------------------------------------- statements

function block(ctx: AstContext, cst: CstNode | undefined): Statement[] {
  if (cst === undefined) return [];
  const out: Statement[] = [];
  for (const s of nodes(cst, 'statement')) {
    const stmt = statement(ctx, s);
    if (stmt !== undefined) out.push(stmt);
  }
  reportStrays(ctx, tokens(cst, 'stray'), out.map((s) => s.range.start));
  return out;
}

function statement(ctx: AstContext, cst: CstNode): Statement | undefined {
  let key: string | undefined;
  for (const k in cst.children) {
    key = k; // a statement node has exactly one child: the statement's own node
    break;
  }
  const s = key === undefined ? undefined : node(cst, key);
  if (s === undefined) return undefined;
  const r = cstRange(s, cstRange(cst, 0).start);
  switch (key) {
    case 'inputStmt':
      return inputStmt(ctx, s, r.start);
    case 'letStmt':
      return letStmt(ctx, s, r.start);
    case 'outputStmt':
      return outputStmt(ctx, s, r.start);
    case 'assignStmt': {
      const name = identifier(token(s, 'name'), r.start);
      const value = expression(ctx, node(s, 'value'), r.end);
      return { kind: 'Assign', name, value, range: r };
    }
    case 'repeatStmt': {
      const variable = token(s, 'variable');
      const count = binaryExpr(ctx, node(s, 'count'), Math.min(r.start + 6, r.end));
      const body = block(ctx, node(s, 'body'));
      return variable !== undefined
        ? { kind: 'RepeatStmt', variable: identifier(variable, r.start), count, body, range: r }
        : { kind: 'RepeatStmt', count, body, range: r };
    }
    case 'forStmt': {
      const variable = identifier(token(s, 'variable'), Math.min(r.start + 3, r.end));
      const iterable = binaryExpr(ctx, node(s, 'iterable'), variable.range.end);
      return { kind: 'For', variable, iterable, body: block(ctx, node(s, 'body')), range: r };
    }
    case 'ifStmt':
      return ifStmt(ctx, s, r.start);
  }
  return undefined;
}

function inputStmt(ctx: AstContext, s: CstNode, at: number): InputStmt {
  const r = cstRange(s, at);
  const name = identifier(token(s, 'name'), Math.min(r.start + 5, r.end));
  const shape = listExpr(ctx, node(s, 'shape'), end(name.range, r.end));
  const stmt: InputStmt = { kind: 'Input', name, shape, optional: token(s, 'Optional') !== undefined, range: r };
  const dtype = token(s, 'dtype');
  if (dtype !== undefined) stmt.dtype = identifier(dtype, r.end);
  return withDoc(ctx, stmt, r.start);
}

function letStmt(ctx: AstContext, s: CstNode, at: number): LetStmt {
  const r = cstRange(s, at);
  const nameToks = tokens(s, 'names');
  const names = nameToks.length > 0 ? nameToks.map((t) => identifier(t, r.start)) : [identifier(undefined, Math.min(r.start + 3, r.end))];
  const ann = node(s, 'annotation');
  const stmt: LetStmt = {
    kind: 'Let',
    names,
    value: expression(ctx, node(s, 'value'), r.end),
    range: r,
  };
  if (ann !== undefined) stmt.annotation = listExpr(ctx, ann, r.end);
  return withDoc(ctx, stmt, r.start);
}

function outputStmt(ctx: AstContext, s: CstNode, at: number): OutputStmt {
  const r = cstRange(s, at);
  const nameTok = token(s, 'name');
  const ann = node(s, 'annotation');
  let stmt: OutputStmt;
  if (nameTok !== undefined && token(s, 'Equals') !== undefined) {
    stmt = { kind: 'Output', name: identifier(nameTok, r.start), value: expression(ctx, node(s, 'value'), r.end), range: r };
  } else if (nameTok !== undefined) {
    stmt = { kind: 'Output', value: identifier(nameTok, r.start), range: r };
  } else {
    stmt = { kind: 'Output', value: expression(ctx, node(s, 'value'), Math.min(r.start + 6, r.end)), range: r };
  }
  if (ann !== undefined) stmt.annotation = listExpr(ctx, ann, r.end);
  return withDoc(ctx, stmt, r.start);
}

function ifStmt(ctx: AstContext, s: CstNode, at: number): IfStmt {
  const r = cstRange(s, at);
  const condition = binaryExpr(ctx, node(s, 'condition'), Math.min(r.start + 2, r.end));
  const stmt: IfStmt = { kind: 'IfStmt', condition, then: block(ctx, node(s, 'then')), range: r };
  const elseIf = node(s, 'elseIf');
  if (elseIf !== undefined) stmt.else = ifStmt(ctx, elseIf, r.end);
  else if (token(s, 'Else') !== undefined) stmt.else = block(ctx, node(s, 'else'));
  return stmt;
}

