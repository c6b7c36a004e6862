// The canonical formatter.
//
// Layout rules:
// - 2-space indentation; one statement, train entry or import per line;
//   a blank line between top-level items; inside a body (statements, train
//   entries, own-line comments) one blank line where the source has one or
//   more (`Program.blankLines`), never right after `{` or before `}`.
// - bodies `{ ... }` of definitions, train blocks and repeat/for/if
//   statements always open on the header line and close on their own line;
//   an empty body with no comments prints as `{}`.
// - pipes keep the user's line breaks (gofmt style), as recorded in
//   `PipeExpr.breaks` by the parser: the printer breaks before exactly the
//   stages that began a line in the source, so groups written on one line
//   (`-> Dense(4096) -> ReLU -> Dropout(0.5)`) stay together. Continuation
//   arrows are aligned under the first arrow:
//       output x -> Conv2D(64, 3)
//                -> MaxPool2D(2)
//   When the head itself ended its line (the first stage began a line), the
//   layout is kept as written: the head stays alone on the statement line and
//   every line of stages is indented one level (2 spaces) deeper than the
//   statement:
//       output image
//         -> VGGBlock(1, 64)
//         -> VGGBlock(1, 128)
//   A pipe written on one line stays on one line unless it is longer than 100
//   columns (or, for an AST not from the parser, has a comment inside); then
//   it breaks before each `->` after the first, aligned as above.
// - numbers keep their source spelling (`NumberLiteral.text`: `2e-4`, `.5`).
// - spaces around every binary operator (`H / 2`, `a ** 2`), none after a
//   prefix `-`/`+`; `, ` between items; `name: value` for named arguments;
//   records as `{ a: 1, b: 2 }`; slices tight (`1:-1:2`); `else if` chains.
// - an empty parameter list stays as written: `model D() {` or `model D {`.
// - parameters stay on the header line when it fits and none has a doc
//   comment or a comment inside the list; otherwise one per line, each with a
//   trailing comma.
// - comments keep their order: a comment that was first on its line stays on
//   a line of its own before the next thing printed; a trailing comment is
//   appended to the line printed last.
// - trailing comments on consecutive lines are aligned into one column
//   (gofmt style): in a run of consecutive printed lines that each end with a
//   trailing comment (a line without one, or a blank line, ends the run) the
//   `//` line up at least 2 spaces after the longest code of the run, and no
//   further left than the rightmost source column (`Comment.column`) of the
//   run's comments whose code line is printed as wide as it was written
//   (`Comment.codeEnd`), so hand-aligned columns survive while comments on
//   re-laid lines are normalised. A lone trailing comment is a run of one.
// - doc comments are printed from the nodes' `doc` (`/// ` + each line),
//   directly above what they document.

import type { Comment, Definition, Expr, IfStmt, Program, Statement, TopLevel, TrainDecl } from './ast.js';
import { printExpr, printParam, printString } from './print-expr.js';

const WIDTH = 100;
/**
 * Trailing-comment runs keep the rightmost source column of their comments
 * when it is further right than the minimum (longest code + 2). false: the
 * strict gofmt rule, always exactly the minimum.
 */
const KEEP_COMMENT_COLUMN = true;
const INDENT = '  ';

interface Line {
  /** the code (or, for a line holding only a comment, the comment) */
  text: string;
  /** the line already ends in a comment (another cannot be appended) */
  commented: boolean;
  /** a trailing comment after the code (aligned when printed) */
  trailing?: string;
  /** the source column of the trailing comment, when its code is printed as wide as in the source */
  column?: number;
  /** the source column where the code before the trailing comment ended */
  codeEnd?: number;
}

class Printer {
  readonly lines: Line[] = [];
  private next = 0;
  /** the source offset up to which everything has been printed */
  private cursor = 0;
  constructor(private readonly comments: Comment[], private readonly blanks: number[]) {}

  /**
   * Inside a body: one blank line before what starts at `start` when the
   * source has an empty line between the last thing printed and it, except
   * right after a body opens.
   */
  private gap(start: number): void {
    const last = this.lines[this.lines.length - 1];
    if (last === undefined || last.text.trim() === '' || last.text.trimEnd().endsWith('{')) return;
    const blanks = this.blanks;
    let lo = 0;
    let hi = blanks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blanks[mid]! < this.cursor) lo = mid + 1;
      else hi = mid;
    }
    if (lo < blanks.length && blanks[lo]! < start) this.line('');
  }

  line(text: string): void {
    this.lines.push({ text, commented: false });
  }

  /** Emit the comments that start before `offset`; `doc` is the doc text of the node that follows. */
  flush(offset: number, indent: string, doc?: string, gaps = false): void {
    const pending: Comment[] = [];
    while (this.next < this.comments.length && this.comments[this.next]!.range.start < offset) {
      pending.push(this.comments[this.next++]!);
    }
    let keep = pending.length;
    if (doc !== undefined) while (keep > 0 && pending[keep - 1]!.doc && pending[keep - 1]!.ownLine !== false) keep--;
    for (let i = 0; i < keep; i++) {
      const c = pending[i]!;
      if (gaps && c.ownLine !== false) this.gap(c.range.start);
      this.comment(c, indent);
      this.cursor = Math.max(this.cursor, c.range.end);
    }
    // At top level, a block of plain comments stays apart from the doc below it.
    if (doc !== undefined && indent === '' && keep > 0 && !pending[keep - 1]!.doc) this.line('');
    if (doc !== undefined) {
      if (gaps && keep < pending.length) this.gap(pending[keep]!.range.start);
      for (const l of doc.split('\n')) this.line(l === '' ? `${indent}///` : `${indent}/// ${l}`);
      if (pending.length > 0) this.cursor = Math.max(this.cursor, pending[pending.length - 1]!.range.end);
    }
  }

  /** Comments before `offset`, then a kept blank line before what starts there (inside a body). */
  private before(offset: number, indent: string, doc?: string): void {
    this.flush(offset, indent, doc, true);
    this.gap(offset);
    this.cursor = Math.max(this.cursor, offset);
  }

  private comment(c: Comment, indent: string): void {
    const last = this.lines[this.lines.length - 1];
    if (c.ownLine === false && last !== undefined && !last.commented && last.text.trim() !== '') {
      last.trailing = c.text;
      if (c.column !== undefined) last.column = c.column;
      if (c.codeEnd !== undefined) last.codeEnd = c.codeEnd;
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
      this.cursor = Math.max(this.cursor, item.range.end);
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
    const list = params.length > 0 ? `(${params.map(printParam).join(', ')})` : d.emptyParens === true ? '()' : '';
    const inline = `${head}${list} {`;
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
      this.before(e.range.start, inner);
      this.value(inner, e.key !== undefined ? `${e.key.name}: ` : '', e.value, '');
      this.cursor = Math.max(this.cursor, e.range.end);
    }
    this.flush(t.range.end, inner, undefined, true);
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
      this.before(s.range.start, indent, 'doc' in s ? s.doc : undefined);
      this.statement(s, indent);
      this.cursor = Math.max(this.cursor, s.range.end);
    }
    this.flush(end, indent, undefined, true);
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

  /** `prefix value suffix`; a pipe keeps its source line breaks, a long one breaks before each `->`. */
  private value(indent: string, prefix: string, value: Expr, suffix: string): void {
    if (value.kind !== 'Pipe') {
      this.line(indent + prefix + printExpr(value) + suffix);
      return;
    }
    const stages = value.stages;
    const n = stages.length;
    const texts = stages.map(printExpr);
    if (n > 0) texts[n - 1] += suffix;
    let breaks = value.breaks;
    if (breaks === undefined || breaks.length !== n || !breaks.includes(true)) {
      const flat = indent + prefix + printExpr(value.head) + ' -> ' + texts.join(' -> ');
      if (flat.length <= WIDTH && !this.hasCommentBefore(value.range.end)) {
        this.line(flat);
        return;
      }
      breaks = stages.map((_, i) => i > 0);
    }
    const headLine = indent + prefix + printExpr(value.head);
    // The head alone on its line (the first stage began a line): stages one level deeper.
    const alone = breaks[0] === true;
    const under = alone ? indent + INDENT : ' '.repeat(headLine.length + 1);
    let current = alone ? headLine : `${headLine} -> ${texts[0]!}`;
    for (let i = alone ? 0 : 1; i < n; i++) {
      // A comment before a stage (possible only in an AST not from the parser) forces a break.
      if (breaks[i] === true || this.hasCommentBefore(stages[i]!.range.start)) {
        this.line(current);
        this.flush(stages[i]!.range.start, under);
        current = `${under}-> ${texts[i]!}`;
      } else {
        current += ` -> ${texts[i]!}`;
      }
    }
    this.line(current);
  }
}

/** The text of the lines, with the trailing comments of each run of consecutive lines aligned. */
function render(lines: Line[]): string {
  const out: string[] = new Array<string>(lines.length);
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trailing === undefined) {
      out[i++] = l.text.trimEnd();
      continue;
    }
    let j = i;
    let column = 0;
    while (j < lines.length && lines[j]!.trailing !== undefined) {
      const line = lines[j]!;
      const code = line.text.trimEnd();
      // The source column counts only where the printed code is as wide as the
      // source code before the comment (the line the user aligned, unchanged).
      const kept = KEEP_COMMENT_COLUMN && line.column !== undefined && line.codeEnd === code.length ? line.column : 0;
      column = Math.max(column, code.length + 2, kept);
      j++;
    }
    for (; i < j; i++) {
      const code = lines[i]!.text.trimEnd();
      out[i] = code + ' '.repeat(column - code.length) + lines[i]!.trailing!.trimEnd();
    }
  }
  return out.join('\n') + '\n';
}

export function print(program: Program): string {
  const p = new Printer([...program.comments].sort((a, b) => a.range.start - b.range.start), program.blankLines ?? []);
  p.program(program);
  if (p.lines.length === 0) return '';
  return render(p.lines);
}
