// Editor-feature tests as data: sources with a `<|>` cursor marker,
// analysed by the real checker over an in-memory file system.

import { analyze, type Analysis } from '../../core/ide/analysis.js';
import { memoryHost } from '../helpers/memory-host.js';

/** The text without the marker, and the marker's offset. */
export function cursor(source: string): { text: string; offset: number } {
  const offset = source.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> marker in the source');
  return { text: source.slice(0, offset) + source.slice(offset + 3), offset };
}

/** Analyses `main.nn` (plus other files by name) and returns the analysis and the cursor offset. */
export function analyzeAt(source: string, others: Record<string, string> = {}): { analysis: Analysis; offset: number; text: string } {
  const { text, offset } = source.includes('<|>') ? cursor(source) : { text: source, offset: -1 };
  const files = { '/main.nn': text, ...Object.fromEntries(Object.entries(others).map(([k, v]) => [`/${k}`, v])) };
  const analysis = analyze('/main.nn', memoryHost(files));
  if (!analysis) throw new Error('cannot analyse');
  return { analysis, offset, text };
}

/** Analyses several files by name (for cross-file features). */
export function analyzeAll(files: Record<string, string>): Map<string, Analysis> {
  const all = Object.fromEntries(Object.entries(files).map(([k, v]) => [`/${k}`, v]));
  const host = memoryHost(all);
  return new Map(Object.keys(all).map((f) => [f, analyze(f, host)!]));
}
