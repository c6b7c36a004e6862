// Folding ranges: definitions, train blocks, loop and condition bodies,
// pipelines and argument lists written over several lines, runs of comment
// lines and of imports. Offsets; the server converts them to lines.

import type { Range } from '../../grammar/ast.js';
import type { Analysis } from './analysis.js';
import { walk } from './node-at.js';
import type { FoldingRange } from './types.js';

const FOLDED = new Set(['Definition', 'Train', 'RepeatStmt', 'For', 'IfStmt', 'Repeat', 'IfExpr', 'Pipe', 'List', 'Record']);

export function foldingRanges(a: Analysis): FoldingRange[] {
  const line = (offset: number) => a.lines.position(offset).line;
  const multiLine = (r: Range) => line(r.start) !== line(r.end);
  const out: FoldingRange[] = [];
  for (const node of walk(a.program)) {
    if (FOLDED.has(node.kind) && multiLine(node.range)) out.push({ start: node.range.start, end: node.range.end });
    else if (node.kind === 'Call' && multiLine(node.argsRange)) out.push({ start: node.range.start, end: node.argsRange.end });
  }

  // consecutive imports
  const imports = a.program.items.filter((i) => i.kind === 'Import');
  for (let i = 0; i < imports.length; ) {
    let j = i;
    while (j + 1 < imports.length && line(imports[j + 1]!.range.start) <= line(imports[j]!.range.end) + 1) j++;
    if (j > i) out.push({ start: imports[i]!.range.start, end: imports[j]!.range.end, kind: 'imports' });
    i = j + 1;
  }

  // runs of comments each alone on consecutive lines
  const comments = a.program.comments.filter((c) => c.ownLine !== false);
  for (let i = 0; i < comments.length; ) {
    let j = i;
    while (j + 1 < comments.length && line(comments[j + 1]!.range.start) === line(comments[j]!.range.start) + 1) j++;
    if (j > i) out.push({ start: comments[i]!.range.start, end: comments[j]!.range.end, kind: 'comment' });
    i = j + 1;
  }

  // one range per first line: the longest
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const seen = new Set<number>();
  return out.filter((r) => {
    const l = line(r.start);
    if (seen.has(l)) return false;
    seen.add(l);
    return true;
  });
}
