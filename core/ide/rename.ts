// Renaming a definition, parameter, input, binding, loop or shape variable:
// the declaration and every use, across files for definitions (import lists
// too) and parameters (named arguments at the call sites of their block).

import type { Range } from '../../grammar/ast.js';
import { keywordTokens } from '../../grammar/index.js';
import { LAYERS } from '../catalog/index.js';
import { FUNCTIONS } from '../functions/index.js';
import { msg } from '../i18n/message.js';
import type { Analysis } from './analysis.js';
import { lex } from './complete-context.js';
import { otherAt, resolveModule, type NnSymbol } from './resolve-names.js';
import { knownModules, occurrencesOf, ownModule, symbolAt } from './resolve-workspace.js';
import type { TextEdits } from './types.js';

const KEYWORDS = new Set(keywordTokens.map((t) => String(t.PATTERN).replace(/^\/|\/$/g, '')));
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The range of the renameable name under the cursor, or undefined (layers, keywords, numbers cannot be renamed). */
export function prepareRename(a: Analysis, offset: number): Range | undefined {
  return symbolAt(a, offset)?.id.range;
}

export function rename(a: Analysis, offset: number, newName: string, workspace: readonly Analysis[]): TextEdits | { error: string } {
  const occ = symbolAt(a, offset);
  if (!occ) return { error: whyNot(a, offset) };
  if (!IDENTIFIER.test(newName)) return { error: `'${newName}' is not a valid name: use letters, digits and '_', not starting with a digit` };
  if (KEYWORDS.has(newName)) return { error: `'${newName}' is a keyword` };
  const symbol = occ.symbol;
  if (newName === symbol.name) return {};
  const clash = collision(a, symbol, newName, workspace);
  if (clash) return { error: clash };
  const edits: TextEdits = {};
  for (const [file, list] of occurrencesOf(a, symbol, workspace)) {
    edits[file] = list.map((o) => ({ range: o.id.range, newText: newName }));
  }
  return edits;
}

function whyNot(a: Analysis, offset: number): string {
  const other = otherAt(resolveModule(ownModule(a)), offset);
  if (other) {
    const n = other.id.name;
    if (other.what === 'layer') return msg`'${n}' is a built-in layer and cannot be renamed`;
    if (other.what === 'function') return msg`'${n}' is a built-in function and cannot be renamed`;
    if (other.what === 'builtin') return msg`'${n}' is a built-in name and cannot be renamed`;
    if (other.what === 'property') return msg`'${n}' is a setting or a parameter of a built-in and cannot be renamed`;
    return msg`'${n}' is not defined here, so it cannot be renamed`;
  }
  const tok = lex(a.text).tokens.find((t) => t.start <= offset && offset <= t.end && t.type !== 'Identifier' && /^[a-z]+$/.test(t.image));
  if (tok && KEYWORDS.has(tok.image)) return msg`'${tok.image}' is a keyword and cannot be renamed`;
  return msg`there is nothing to rename here`;
}

function describe(s: NnSymbol, a: Analysis): string {
  const kind = s.kind === 'definition' ? s.owner!.defKind : s.kind === 'param' ? msg`parameter` : s.kind === 'shape' ? msg`shape variable` : s.kind === 'loop' ? msg`loop variable` : s.kind;
  return s.file === a.file ? msg`${kind} '${s.name}' at line ${a.lines.position(s.decl.range.start).line + 1}` : msg`${kind} '${s.name}' in ${s.file}`;
}

/** Why `newName` cannot be used for `symbol`, or undefined. */
function collision(a: Analysis, symbol: NnSymbol, newName: string, workspace: readonly Analysis[]): string | undefined {
  if (LAYERS.has(newName)) return msg`'${newName}' is the name of a built-in layer`;
  if (FUNCTIONS.has(newName)) return msg`'${newName}' is the name of a built-in function`;
  if (symbol.kind === 'definition') {
    // every file that sees the definition must not know another one by the new name
    for (const m of knownModules(a, workspace).values()) {
      const sees = [...m.definitions.values()].some((e) => e.file === symbol.file && e.definition.name.range.start === symbol.decl.range.start);
      const other = m.definitions.get(newName);
      if (sees && other) return other.file === a.file ? msg`'${newName}' is already defined: the ${other.definition.defKind} in this file` : msg`'${newName}' is already defined: the ${other.definition.defKind} in ${other.file}`;
    }
    return undefined;
  }
  const res = resolveModule(ownModule(a));
  const other = res.symbols.find((s) => s.owner === symbol.owner && s.name === newName && s.kind !== 'output' && s.kind !== 'definition' && s !== symbol);
  if (other) return symbol.owner !== undefined ? msg`'${newName}' is already defined in ${symbol.owner.name.name}: the ${describe(other, a)}` : msg`'${newName}' is already defined in this definition: the ${describe(other, a)}`;
  const def = ownModule(a).definitions.get(newName);
  if (def) return msg`'${newName}' is already the name of the ${def.definition.defKind} ${newName}`;
  return undefined;
}
