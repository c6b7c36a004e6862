// Diagnostics as text (`path:line:col: error[NN2001]: message`, 1-based)
// and as JSON (zero-based LSP positions).

import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { LineIndex, type Position } from '../core/text/line-index.js';

export interface JsonDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  range: { start: Position; end: Position };
}

export function toJson(d: Diagnostic, lines: LineIndex): JsonDiagnostic {
  return { severity: d.severity, code: d.code, message: d.message, range: { start: lines.position(d.range.start), end: lines.position(d.range.end) } };
}

/** `lines` maps a file to its line index (related information may be in other files). */
export function toText(d: Diagnostic, path: string, lineIndexOf: (file: string | undefined) => LineIndex | undefined, displayPath: (file: string | undefined) => string): string {
  const at = (file: string | undefined, offset: number) => {
    const index = lineIndexOf(file);
    const p = index ? index.position(offset) : { line: 0, character: 0 };
    return `${file === undefined ? path : displayPath(file)}:${p.line + 1}:${p.character + 1}`;
  };
  const out = [`${at(d.file, d.range.start)}: ${d.severity}[${d.code}]: ${d.message}`];
  for (const r of d.related ?? []) out.push(`  note: ${at(r.file ?? d.file, r.range.start)}: ${r.message}`);
  for (const f of d.fixes ?? []) out.push(`  help: ${f.title}`);
  return out.join('\n');
}
