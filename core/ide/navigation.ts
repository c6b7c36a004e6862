// Go to definition, find references, document highlights: through the
// name resolution of resolve-names.ts (scopes, shape variables, imports,
// named arguments naming a block's parameters).

import type { Range } from '../../grammar/ast.js';
import type { Analysis } from './analysis.js';
import { nodePath } from './node-at.js';
import { resolveModule } from './resolve-names.js';
import { occurrencesOf, ownModule, symbolAt } from './resolve-workspace.js';
import type { Location } from './types.js';

/** Where the name under the cursor is defined (a binding, parameter, input, definition, also in imported files). */
export function definition(a: Analysis, offset: number): Location[] {
  // on a weight's name (`embed.embeddings`): where its layer is bound
  const occ = symbolAt(a, offset) ?? symbolAt(a, memberTargetEnd(a, offset) ?? -1);
  if (!occ) return [];
  return [{ file: occ.symbol.file, range: occ.symbol.decl.range }];
}

/** On the name after `.` (`embed.emb|eddings`), where the name before it ends. */
function memberTargetEnd(a: Analysis, offset: number): number | undefined {
  const path = nodePath(a.program, offset);
  const [parent, id] = path.slice(-2);
  return parent?.kind === 'Member' && parent.member === id && parent.target.kind === 'Identifier' ? parent.target.range.end : undefined;
}

/** Every use of the name under the cursor, in this file and the `workspace` analyses that import it. */
export function references(a: Analysis, offset: number, workspace: readonly Analysis[], includeDeclaration: boolean): Location[] {
  const occ = symbolAt(a, offset);
  if (!occ) return [];
  const out: Location[] = [];
  for (const [file, list] of occurrencesOf(a, occ.symbol, workspace)) {
    for (const o of list) if (includeDeclaration || !o.declaration) out.push({ file, range: o.id.range });
  }
  const ownFirst = (l: Location) => (l.file === a.file ? 0 : 1);
  return out.sort((x, y) => ownFirst(x) - ownFirst(y) || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.range.start - y.range.start));
}

/** The occurrences of the name under the cursor in this file. */
export function documentHighlights(a: Analysis, offset: number): Range[] {
  const occ = symbolAt(a, offset);
  if (!occ) return [];
  return resolveModule(ownModule(a)).occurrences.filter((o) => o.symbol.key === occ.symbol.key).map((o) => o.id.range);
}
