import type { Range } from '../../grammar/ast.js';
import type { Analysis } from './analysis.js';
import type { TextEdits } from './types.js';

/** The range of the renameable name under the cursor, or undefined (layers, keywords, numbers cannot be renamed). */
export function prepareRename(_a: Analysis, _offset: number): Range | undefined {
  return undefined;
}

export function rename(_a: Analysis, _offset: number, _newName: string, _workspace: readonly Analysis[]): TextEdits | { error: string } {
  return { error: 'not implemented' };
}
