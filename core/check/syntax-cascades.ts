// One error per mistake, across the parser and the checker. A syntax error
// leaves its line unreadable (`Program.damaged`: from the start of the
// statement to the end of the line), and what the parser recovered there is
// a guess. The checker's findings about the guess, and about what the guess
// flows into, are not about the source. As Go's compiler checks no types in
// a file that does not parse, nn leaves out of a file's diagnostics what
// follows a syntax error in the flow of data:
//   - in a definition or train block with a damaged range: every finding
//     from the first damaged range on, and its warnings, its "has no output"
//     (recovery may have dropped the statement that used a binding or gave
//     the output) and findings with an empty range (about a value recovery
//     made up);
//   - in a definition or train block that names such a definition: every
//     finding from that name on (its outputs are a guess too), and so on
//     for the definitions that name those, a few levels deep;
//   - a finding whose related information points into a damaged range;
//   - an unknown name or model that a damaged range spells, or begins to
//     (`block VGGBlockconvs: int) {` lost its `(`: `VGGBlock` is unknown).
// What comes before stays: it does not depend on the broken line.
// Also the NN0014 warnings: `C //4` that still parses (grammar/comment-division.ts).

import { divisionCommentWarnings } from '../../grammar/comment-division.js';
import { lastStartingBy } from '../../grammar/one-per-mistake.js';
import type { Range, TopLevel } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Module } from './state.js';

/** How many levels of definitions that name a damaged one are followed. */
const MAX_LEVELS = 8;

/** `diagnostics` (of `module`'s file) without those that follow from a syntax error. */
export function withoutCascades(module: Module, diagnostics: Diagnostic[]): Diagnostic[] {
  const damaged = module.program.damaged;
  if (damaged === undefined || damaged.length === 0) return diagnostics;
  const items: TopLevel[] = module.program.items.filter((i) => i.kind !== 'Import');
  const extent = extents(items, module.text.length);
  const broken = new Set<TopLevel>(items.filter((i) => damaged.some((r) => overlaps(extent.get(i)!, r))));
  const from = taintedFrom(module.text, items, extent, damaged);
  const spelt = [...new Set(damaged.flatMap((r) => module.text.slice(r.start, r.end).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []))];
  return diagnostics.filter((d) => {
    if (d.code.startsWith('NN00') || (d.file !== undefined && d.file !== module.file)) return true;
    const at = d.range.start;
    const item = itemAt(items, extent, at);
    if (item !== undefined) {
      const start = from.get(item);
      if (start !== undefined && at >= start) return false;
      // an empty range is a finding about a value recovery made up
      if (broken.has(item) && (d.severity === 'warning' || d.code === 'NN3011' || d.range.end === d.range.start)) return false;
    }
    if (damaged.some((r) => r.start <= at && at < r.end)) return false;
    const unknown = unknownNameAt(module, d);
    if (unknown !== undefined && spelt.some((w) => w.startsWith(unknown))) return false;
    return !(d.related ?? []).some((r) => (r.file === undefined || r.file === module.file) && damaged.some((x) => x.start <= r.range.start && r.range.start < x.end));
  });
}

/**
 * For each item whose findings are left out from some offset on: that
 * offset. A damaged definition from its first damaged range; an item that
 * names a tainted definition from the first such name.
 */
function taintedFrom(text: string, items: readonly TopLevel[], extent: ReadonlyMap<TopLevel, Range>, damaged: readonly Range[]): Map<TopLevel, number> {
  const from = new Map<TopLevel, number>();
  for (const i of items) {
    const first = damaged.find((r) => overlaps(extent.get(i)!, r));
    if (first !== undefined) from.set(i, Math.max(first.start, i.range.start));
  }
  let names = namesOf(from.keys());
  for (let level = 0; level < MAX_LEVELS && names.size > 0; level++) {
    const pattern = new RegExp(`\\b(?:${[...names].join('|')})\\b`, 'g');
    const added: TopLevel[] = [];
    for (const i of items) {
      const own = i.kind === 'Definition' ? i.name.range.end : i.range.start;
      pattern.lastIndex = 0;
      const m = pattern.exec(text.slice(own, extent.get(i)!.end));
      if (m === null) continue;
      const at = own + m.index;
      const before = from.get(i);
      if (before !== undefined && before <= at) continue;
      from.set(i, at);
      added.push(i);
    }
    names = namesOf(added);
  }
  return from;
}

/**
 * Where each item's text is: from its start to the next item's (a range
 * after recovery may end early; what follows up to the next item is its).
 */
function extents(items: readonly TopLevel[], length: number): Map<TopLevel, Range> {
  const out = new Map<TopLevel, Range>();
  items.forEach((item, k) => out.set(item, { start: item.range.start, end: k + 1 < items.length ? items[k + 1]!.range.start : length }));
  return out;
}

/** The item whose extent holds `offset` (items in source order). */
function itemAt(items: readonly TopLevel[], extent: ReadonlyMap<TopLevel, Range>, offset: number): TopLevel | undefined {
  const item = lastStartingBy(items, offset);
  return item !== undefined && offset < extent.get(item)!.end ? item : undefined;
}

function namesOf(items: Iterable<TopLevel>): Set<string> {
  const out = new Set<string>();
  for (const i of items) if (i.kind === 'Definition' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(i.name.name)) out.add(i.name.name);
  return out;
}

/**
 * The name an unknown-name finding is about (NN1001: a name; NN4003: a
 * train block's model), read from the source it underlines rather than
 * from its message, which is in the user's language.
 */
function unknownNameAt(module: Module, d: Diagnostic): string | undefined {
  if (d.code !== 'NN1001' && d.code !== 'NN4003') return undefined;
  const name = module.text.slice(d.range.start, d.range.end);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !module.definitions.has(name) ? name : undefined;
}

/** NN0014 warnings of a file without syntax errors: `C //4`, which reads as `C`. */
export function divisionComments(module: Module): Diagnostic[] {
  if (module.diagnostics.some((d) => d.code.startsWith('NN00'))) return [];
  return divisionCommentWarnings(module.text, module.program).map((d) => ({ severity: 'warning', file: module.file, ...d }));
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
