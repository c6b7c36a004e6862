import type { Analysis } from './analysis.js';
import type { FoldingRange } from './types.js';

export function foldingRanges(_a: Analysis): FoldingRange[] {
  return [];
}
