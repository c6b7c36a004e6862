// Expressions as canonical one-line text (the layout of whole statements,
// comments and pipe breaking live in printer.ts).

import type { Argument, Expr, IndexItem, NumberLiteral, Param, TypeRef } from './ast.js';

/** A number as written in the source (`text`); a computed spelling for a node without it. */
export function printNumber(n: NumberLiteral): string {
  if (typeof n.text === 'string' && n.text !== '') return n.text;
  const v = n.value;
  if (!Number.isFinite(v)) return '0';
  const s = String(v);
  if (n.isFloat && !/[.eE]/.test(s)) return s + '.0';
  return s;
}

export function printString(value: string): string {
  return '"' + value.replace(/[\\"\n\t]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : '\\' + c)) + '"';
}

export function printArg(a: Argument): string {
  return a.name !== undefined ? `${a.name.name}: ${printExpr(a.value)}` : printExpr(a.value);
}

export function printIndexItem(item: IndexItem): string {
  switch (item.kind) {
    case 'Ellipsis':
      return '...';
    case 'NewAxis':
      return 'newaxis';
    case 'Slice': {
      let s = `${item.start !== undefined ? printExpr(item.start) : ''}:${item.stop !== undefined ? printExpr(item.stop) : ''}`;
      if (item.step !== undefined) s += `:${printExpr(item.step)}`;
      return s;
    }
    default:
      return printExpr(item);
  }
}

/** One expression on one line. Iterative over left-nested binary chains. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'Identifier':
      return e.name;
    case 'Number':
      return printNumber(e);
    case 'String':
      return printString(e.value);
    case 'Bool':
      return e.value ? 'true' : 'false';
    case 'List':
      return `[${e.items.map(printExpr).join(', ')}]`;
    case 'Record':
      return e.fields.length === 0 ? '{}' : `{ ${e.fields.map(printArg).join(', ')} }`;
    case 'Binary': {
      // Walk down the left spine without recursion (long `a + b + c ...` chains).
      const rights: string[] = [];
      let cur: Expr = e;
      while (cur.kind === 'Binary') {
        rights.push(` ${cur.op} ${printExpr(cur.right)}`);
        cur = cur.left;
      }
      return printExpr(cur) + rights.reverse().join('');
    }
    case 'Unary':
      return e.op === 'not' ? `not ${printExpr(e.operand)}` : `${e.op}${printExpr(e.operand)}`;
    case 'Call':
      return `${printExpr(e.callee)}(${e.args.map(printArg).join(', ')})`;
    case 'Index':
      return `${printExpr(e.target)}[${e.items.map(printIndexItem).join(', ')}]`;
    case 'Member':
      return `${printExpr(e.target)}.${e.member.name}`;
    case 'Pipe':
      return [printExpr(e.head), ...e.stages.map(printExpr)].join(' -> ');
    case 'Repeat':
      return `repeat ${printExpr(e.count)} { ${printExpr(e.body)} }`;
    case 'IfExpr': {
      let s = `if ${printExpr(e.condition)} { ${printExpr(e.then)} }`;
      if (e.else !== undefined) s += e.else.kind === 'IfExpr' ? ` else ${printExpr(e.else)}` : ` else { ${printExpr(e.else)} }`;
      return s;
    }
    case 'Paren':
      return `(${printExpr(e.inner)})`;
    case 'ErrorExpr':
      return '';
    default:
      return '';
  }
}

export function printType(t: TypeRef): string {
  return t.list ? `[${t.name}]` : t.name;
}

export function printParam(p: Param): string {
  let s = p.name.name;
  if (p.type !== undefined) s += `: ${printType(p.type)}`;
  if (p.default !== undefined) s += ` = ${printExpr(p.default)}`;
  return s;
}
