import type { Analysis } from './analysis.js';
import type { SignatureHelp } from './types.js';

export function signatureHelp(_a: Analysis, _offset: number): SignatureHelp | undefined {
  return undefined;
}
