// The canonical formatter.
//
// Layout rules:
// - 2-space indentation; one statement, train entry or import per line;
//   a blank line between top-level items, none inside bodies.
// - bodies `{ ... }` of definitions, train blocks and repeat/for/if
//   statements always open on the header line and close on their own line;
//   an empty body with no comments prints as `{}`.
// - a statement whose value is a pipe stays on one line when it fits in 100
//   columns; otherwise it breaks before each `->` after the first, with the
//   arrows aligned under the first one:
//       output x -> Conv2D(64, 3)
//                -> MaxPool2D(2)
// - spaces around every binary operator (`H / 2`, `a ** 2`), none after a
//   prefix `-`/`+`; `, ` between items; `name: value` for named arguments;
//   records as `{ a: 1, b: 2 }`; slices tight (`1:-1:2`); `else if` chains.
// - parameters stay on the header line when it fits and none has a doc
//   comment or a comment inside the list; otherwise one per line, each with a
//   trailing comma.
// - comments keep their order: a comment that was first on its line stays on
//   a line of its own before the next thing printed; a trailing comment is
//   appended to the line printed last (two spaces, then the comment).
// - doc comments are printed from the nodes' `doc` (`/// ` + each line),
//   directly above what they document.

import type { Comment, Definition, Expr, IfStmt, Program, Statement, TopLevel, TrainDecl } from './ast.js';
import { printExpr, printParam, printString } from './print-expr.js';

const WIDTH = 100;
const INDENT = '  ';

interface Line {
  text: string;
  /** the line already ends in a comment (another cannot be appended) */
  commented: boolean;
}

class Printer {
  readonly lines: Line[] = [];
  private next = 0;
  constructor(private readonly comments: Comment[]) {}

  line(text: string): void {
    this.lines.push({ text, commented: false });
  }

  /** Emit the comments that start before `offset`; `doc` is the doc text of the node that follows. */
  flush(offset: number, indent: string, doc?: string): void {
    const pending: Comment[] = [];
    while (this.next < this.comments.length && this.comments[this.next]!.range.start < offset) {
      pending.push(this.comments[this.next++]!);
    }
    let keep = pending.length;
    if (doc !== undefined) while (keep > 0 && pending[keep - 1]!.doc && pending[keep - 1]!.ownLine !== false) keep--;
    for (let i = 0; i < keep; i++) this.comment(pending[i]!, indent);
    // At top level, a block of plain comments stays apart from the doc below it.
    if (doc !== undefined && indent === '' && keep > 0 && !pending[keep - 1]!.doc) this.line('');
    if (doc !== undefined) for (const l of doc.split('\n')) this.line(l === '' ? `${indent}///` : `${indent}/// ${l}`);
  }

  private comment(c: Comment, indent: string): void {
    const last = this.lines[this.lines.length - 1];
    if (c.ownLine === false && last !== undefined && !last.commented && last.text.trim() !== '') {
      last.text += `  ${c.text}`;
      last.commented = true;
    } else {
      this.lines.push({ text: indent + c.text, commented: true });
    }
  }

  hasCommentBefore(offset: number): boolean {
    return this.next < this.comments.length && this.comments[this.next]!.range.start < offset;
  }

  // ------------------------------------------------------------ top level

  program(p: Program): void {
    p.items.forEach((item, i) => {
      if (i > 0 && !(item.kind === 'Import' && p.items[i - 1]!.kind === 'Import')) this.line('');
      this.flush(item.range.start, '', 'doc' in item ? item.doc : undefined);
      this.topLevel(item);
    });
    if (this.next < this.comments.length && p.items.length > 0 && this.comments[this.next]!.ownLine !== false) this.line('');
    this.flush(Infinity, '');
  }

  private topLevel(item: TopLevel): void {
    switch (item.kind) {
      case 'Import':
        this.line(item.names.length === 0
          ? `import ${printString(item.path.value)}`
          : `import { ${item.names.map((n) => n.name).join(', ')} } from ${printString(item.path.value)}`);
        return;
      case 'Definition':
        return this.definition(item);
      case 'Train':
        return this.train(item);
    }
  }

  private definition(d: Definition): void {
    const head = `${d.defKind} ${d.name.name}`;
    const params = d.params;
    const inline = `${head}${params.length > 0 ? `(${params.map(printParam).join(', ')})` : ''} {`;
    const lastParam = params[params.length - 1];
    const multiline = params.length > 0 && (
      inline.length > WIDTH || params.some((p) => p.doc !== undefined) ||
      this.hasCommentBefore(lastParam!.range.end));
    if (!multiline) {
      this.openBody(inline, d.body, '', d.range.end);
      return;
    }
    this.line(`${head}(`);
    for (const p of params) {
      this.flush(p.range.start, INDENT, p.doc);
      this.line(`${INDENT}${printParam(p)},`);
    }
    this.openBody(') {', d.body, '', d.range.end);
  }

  private train(t: TrainDecl): void {
    const header = `train ${t.target.name} on ${printExpr(t.data)} {`;
    if (t.entries.length === 0 && !this.hasCommentBefore(t.range.end)) {
      this.line(header.slice(0, -1) + '{}');
      return;
    }
    this.line(header);
    const inner = INDENT;
    for (const e of t.entries) {
      this.flush(e.range.start, inner);
      this.value(inner, e.key !== undefined ? `${e.key.name}: ` : '', e.value, '');
    }
    this.flush(t.range.end, inner);
    this.line('}');
  }

  // ------------------------------------------------------------ statements

  /** `header {` + statements + `}` (or `header {}` when empty). */
  private openBody(header: string, body: Statement[], indent: string, end: number): void {
    if (body.length === 0 && !this.hasCommentBefore(end)) {
      this.line(`${indent}${header.slice(0, -1)}{}`);
      return;
    }
    this.line(indent + header);
    this.statements(body, indent + INDENT, end);
    this.line(`${indent}}`);
  }

  private statements(body: Statement[], indent: string, end: number): void {
    for (const s of body) {
      this.flush(s.range.start, indent, 'doc' in s ? s.doc : undefined);
      this.statement(s, indent);
    }
    this.flush(end, indent);
  }

  private statement(s: Statement, indent: string): void {
    switch (s.kind) {
      case 'Input': {
        let text = `input ${s.name.name}: ${printExpr(s.shape)}`;
        if (s.dtype !== undefined) text += ` ${s.dtype.name}`;
        if (s.optional) text += ' optional';
        this.line(indent + text);
        return;
      }
      case 'Let': {
        const ann = s.annotation !== undefined ? `: ${printExpr(s.annotation)}` : '';
        this.value(indent, `let ${s.names.map((n) => n.name).join(', ')}${ann} = `, s.value, '');
        return;
      }
      case 'Assign':
        this.value(indent, `${s.name.name} = `, s.value, '');
        return;
      case 'Output': {
        const ann = s.annotation !== undefined ? `: ${printExpr(s.annotation)}` : '';
        if (s.name !== undefined) this.value(indent, `output ${s.name.name}${ann} = `, s.value, '');
        else this.value(indent, 'output ', s.value, ann);
        return;
      }
      case 'RepeatStmt': {
        const v = s.variable !== undefined ? `${s.variable.name} in ` : '';
        this.openBody(`repeat ${v}${printExpr(s.count)} {`, s.body, indent, s.range.end);
        return;
      }
      case 'For':
        this.openBody(`for ${s.variable.name} in ${printExpr(s.iterable)} {`, s.body, indent, s.range.end);
        return;
      case 'IfStmt':
        this.ifStmt(s, indent, 'if ');
        this.line(`${indent}}`);
        return;
    }
  }

  private ifStmt(s: IfStmt, indent: string, lead: string): void {
    this.line(`${indent}${lead}${printExpr(s.condition)} {`);
    const els = s.else;
    const thenEnd = els === undefined ? s.range.end
      : Array.isArray(els) ? (els[0]?.range.start ?? s.range.end) : els.range.start;
    this.statements(s.then, indent + INDENT, thenEnd);
    if (els === undefined) return;
    if (Array.isArray(els)) {
      this.line(`${indent}} else {`);
      this.statements(els, indent + INDENT, s.range.end);
    } else {
      this.ifStmt(els, indent, '} else if ');
    }
  }

  /** `prefix value suffix`, breaking a long pipe before each `->`. */
  private value(indent: string, prefix: string, value: Expr, suffix: string): void {
    const flat = indent + prefix + printExpr(value) + suffix;
    if (value.kind !== 'Pipe' || (flat.length <= WIDTH && !this.hasCommentBefore(value.range.end))) {
      this.line(flat);
      return;
    }
    const head = indent + prefix + printExpr(value.head) + ' ';
    const under = ' '.repeat(head.length);
    value.stages.forEach((stage, i) => {
      const text = printExpr(stage) + (i === value.stages.length - 1 ? suffix : '');
      if (i === 0) {
        this.line(`${head}-> ${text}`);
      } else {
        this.flush(stage.range.start, under);
        this.line(`${under}-> ${text}`);
      }
    });
  }
}

export function print(program: Program): string {
  const p = new Printer([...program.comments].sort((a, b) => a.range.start - b.range.start));
  p.program(program);
  if (p.lines.length === 0) return '';
  return p.lines.map((l) => l.text.trimEnd()).join('\n') + '\n';
}
