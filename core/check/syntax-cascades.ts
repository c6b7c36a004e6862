// One error per mistake, across the parser and the checker. A syntax error
// leaves its line unreadable (`Program.damaged`, from the start of the
// statement to the end of the line), and what the parser recovered there is
// a guess: the checker's findings in it are about the guess, not the
// source. So a file's checker diagnostics leave out
//   - those that start in a damaged range (`let w = embed.weight` before
//     member access: 'weight' is not defined, add 'let');
//   - an unknown name that a damaged range spells (`inptu x: [B]`, then
//     `output x`: the broken line may be where `x` was meant to be defined);
//   - in a definition with a damaged range, its warnings and "has no output"
//     (recovery may have dropped the statement that used a binding or gave
//     the output).
// Also the NN0014 warnings: `C //4` that still parses (grammar/comment-division.ts).

import { divisionCommentWarnings } from '../../grammar/comment-division.js';
import type { Range } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Module } from './state.js';

/** Codes about a definition as a whole, which a damaged definition does not get. */
const WHOLE_DEFINITION = new Set(['NN3011']);

/** `diagnostics` (of `module`'s file) without those that follow from a syntax error. */
export function withoutCascades(module: Module, diagnostics: Diagnostic[]): Diagnostic[] {
  const damaged = module.program.damaged;
  if (damaged === undefined || damaged.length === 0) return diagnostics;
  const text = module.text;
  const spelt = new Set<string>();
  for (const r of damaged) for (const m of text.slice(r.start, r.end).matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) spelt.add(m[0]);
  const broken = module.program.items.filter((i) => i.kind === 'Definition' && damaged.some((r) => overlaps(i.range, r))).map((i) => i.range);
  return diagnostics.filter((d) => {
    if (d.code.startsWith('NN00') || (d.file !== undefined && d.file !== module.file)) return true;
    const at = d.range.start;
    if (damaged.some((r) => r.start <= at && at < r.end)) return false;
    if (d.code === 'NN1001' && spelt.has(text.slice(d.range.start, d.range.end))) return false;
    if ((d.severity === 'warning' || WHOLE_DEFINITION.has(d.code)) && broken.some((r) => r.start <= at && at < r.end)) return false;
    return true;
  });
}

/** NN0014 warnings of a file without syntax errors: `C //4`, which reads as `C`. */
export function divisionComments(module: Module): Diagnostic[] {
  if (module.diagnostics.some((d) => d.code.startsWith('NN00'))) return [];
  return divisionCommentWarnings(module.text, module.program).map((d) => ({ severity: 'warning', file: module.file, ...d }));
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
