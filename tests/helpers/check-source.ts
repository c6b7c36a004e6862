// Runs the real checker on inline sources and describes its diagnostics as
// data: the code, the exact source text the range covers, and the message.

import { checkFile } from '../../core/check/program.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { memoryHost } from './memory-host.js';

export interface Described {
  severity: Diagnostic['severity'];
  code: string;
  /** the source text under the range */
  at: string;
  message: string;
  fixes: string[];
  related: string[];
}

/** Checks `main.nn` (and any other files given) and describes its diagnostics. */
export function check(source: string, others: Record<string, string> = {}): Described[] {
  const files = { '/main.nn': source, ...Object.fromEntries(Object.entries(others).map(([k, v]) => [`/${k}`, v])) };
  const result = checkFile('/main.nn', memoryHost(files));
  return result.diagnostics.map((d) => describe(d, files));
}

function describe(d: Diagnostic, files: Record<string, string>): Described {
  const text = (file: string | undefined, r: Diagnostic['range']) => (files[file ?? '/main.nn'] ?? '').slice(r.start, r.end);
  return {
    severity: d.severity,
    code: d.code,
    at: text(d.file, d.range),
    message: d.message,
    fixes: (d.fixes ?? []).map((f) => `${f.title}: ${f.edits.map((e) => JSON.stringify(e.newText)).join(', ')}`),
    related: (d.related ?? []).map((r) => `${text(r.file ?? d.file, r.range)} — ${r.message}`),
  };
}

/** `code at "text": message` lines, compact for tables and snapshots. */
export function brief(source: string, others: Record<string, string> = {}): string[] {
  return check(source, others).map((d) => `${d.code} "${d.at}": ${d.message}`);
}
