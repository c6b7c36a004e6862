import type { Analysis } from './analysis.js';
import type { CodeLens } from './types.js';

export function codeLenses(_a: Analysis): CodeLens[] {
  return [];
}
