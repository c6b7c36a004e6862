import type { Range } from '../../grammar/ast.js';
import type { Analysis } from './analysis.js';
import type { Location } from './types.js';

/** Where the name under the cursor is defined (a binding, parameter, input, definition, also in imported files). */
export function definition(_a: Analysis, _offset: number): Location[] {
  return [];
}

/** Every use of the name under the cursor, in this file and the `workspace` analyses that import it. */
export function references(_a: Analysis, _offset: number, _workspace: readonly Analysis[], _includeDeclaration: boolean): Location[] {
  return [];
}

/** The occurrences of the name under the cursor in this file. */
export function documentHighlights(_a: Analysis, _offset: number): Range[] {
  return [];
}
