import type { Analysis } from './analysis.js';
import type { CompletionItem } from './types.js';

export function completion(_a: Analysis, _offset: number): CompletionItem[] {
  return [];
}
