import type { Range } from '../../grammar/ast.js';
import type { Analysis } from './analysis.js';
import type { InlayHint } from './types.js';

export function inlayHints(_a: Analysis, _range?: Range): InlayHint[] {
  return [];
}
