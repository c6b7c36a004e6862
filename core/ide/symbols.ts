import type { Analysis } from './analysis.js';
import type { DocumentSymbol, Location, SymbolKind } from './types.js';

export function documentSymbols(_a: Analysis): DocumentSymbol[] {
  return [];
}

export function workspaceSymbols(_analyses: readonly Analysis[], _query: string): { name: string; kind: SymbolKind; location: Location }[] {
  return [];
}
