import type { Analysis } from './analysis.js';
import type { SemanticToken } from './types.js';

export function semanticTokens(_a: Analysis): SemanticToken[] {
  return [];
}
