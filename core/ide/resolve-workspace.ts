// Symbols across files: the occurrences of one symbol in this file and in
// every other file known (the analysis's imports and the workspace's open
// files), each resolved on its own module.

import type { Module } from '../check/state.js';
import type { Analysis } from './analysis.js';
import { occurrenceAt, resolveModule, type NnSymbol, type Occurrence } from './resolve-names.js';

/** The module of the analysed file. */
export function ownModule(a: Analysis): Module {
  return a.check.module!;
}

/** The occurrence under the cursor in the analysed file. */
export function symbolAt(a: Analysis, offset: number): Occurrence | undefined {
  return occurrenceAt(resolveModule(ownModule(a)), offset);
}

/** One module per file: each analysis's own module first (the freshest text), then what they loaded. */
export function knownModules(a: Analysis, workspace: readonly Analysis[]): Map<string, Module> {
  const out = new Map<string, Module>();
  for (const x of [a, ...workspace]) if (!out.has(x.file) && x.check.module) out.set(x.file, x.check.module);
  for (const x of [a, ...workspace]) for (const [file, m] of x.modules) if (!out.has(file)) out.set(file, m);
  return out;
}

/** Whether a symbol may be named from another file (a definition, or a parameter through named arguments). */
export function isShared(s: NnSymbol): boolean {
  return s.kind === 'definition' || s.kind === 'param';
}

/** Every occurrence of `symbol`, by file: only this file for locals; every known file for definitions and parameters. */
export function occurrencesOf(a: Analysis, symbol: NnSymbol, workspace: readonly Analysis[]): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  const modules = isShared(symbol) ? knownModules(a, workspace) : new Map([[a.file, ownModule(a)]]);
  for (const [file, m] of modules) {
    const found = resolveModule(m).occurrences.filter((o) => o.symbol.key === symbol.key);
    if (found.length) out.set(file, found);
  }
  return out;
}
