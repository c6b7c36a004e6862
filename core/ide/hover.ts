import type { Analysis } from './analysis.js';
import type { Hover } from './types.js';

export function hover(_a: Analysis, _offset: number): Hover | undefined {
  return undefined;
}
