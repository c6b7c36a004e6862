// Reusing the previous check of definitions that did not change. The
// language server re-checks a file on every keystroke, and most of its
// definitions are as they were: a definition whose text, and the text of
// every definition it uses (transitively, imports included), is unchanged
// has the same diagnostics and the same recorded values, only moved.

import type { Definition, Range } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GenericResult } from './definitions.js';
import { type CheckState, diagnosticKey, type Module, type Recording } from './state.js';

/** What one check leaves for the next one: results by reuse key. */
export interface Reusable {
  module: Module;
  recording: Recording | undefined;
  results: Map<string, { definition: Definition; result: GenericResult }>;
  names: NamesByText;
  /** the stamp of the check that left this */
  stamp: object;
}

/**
 * The names each definition mentions, by its text: the same text mentions
 * the same names, so a definition is searched once, not at every check.
 */
export class NamesByText {
  private readonly known = new Map<string, ReadonlySet<string>>();
  /** what the previous check found (only the texts seen again are kept) */
  private readonly earlier: ReadonlyMap<string, ReadonlySet<string>> | undefined;

  constructor(previous?: NamesByText) {
    this.earlier = previous?.known;
  }

  of(text: string, def: Definition): ReadonlySet<string> {
    let names = this.known.get(text);
    if (names === undefined) {
      names = this.earlier?.get(text) ?? namesIn(def);
      this.known.set(text, names);
    }
    return names;
  }
}

/** The definition's text and the texts of every definition it can reach (undefined: not reusable). */
export function reuseKey(st: CheckState, module: Module, def: Definition, names: NamesByText): string | undefined {
  const text = textOf(module, def);
  const parts = [text];
  const seen = new Set<Definition>([def]);
  const queue: [Module, Definition, string][] = [[module, def, text]];
  while (queue.length > 0) {
    const [m, d, t] = queue.shift()!;
    for (const name of names.of(t, d)) {
      const entry = m.definitions.get(name);
      // a name that starts or stops resolving adds or drops a part: the key changes either way
      if (!entry || seen.has(entry.definition)) continue;
      seen.add(entry.definition);
      const home = st.modules.get(entry.file);
      if (!home) return undefined;
      const reached = textOf(home, entry.definition);
      parts.push(`${name}@${entry.file}\n${reached}`);
      queue.push([home, entry.definition, reached]);
    }
  }
  return parts.join('\n\u0000');
}

const textOf = (m: Module, d: Definition) => m.text.slice(d.range.start, d.range.end);

/** Every identifier under `root` (iterative: a 50,000-term sum is a deep tree). */
function namesIn(root: unknown): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) for (const child of node) stack.push(child); // not push(...node): a 200,000-stage pipe is too many arguments
    else if (typeof node === 'object' && node !== null && 'kind' in node) {
      const n = node as { kind: string; name?: unknown } & Record<string, unknown>;
      if (n.kind === 'Identifier' && typeof n.name === 'string') out.add(n.name);
      else for (const [key, value] of Object.entries(n)) if (key !== 'range' && typeof value === 'object') stack.push(value);
    }
  }
  return out;
}

/**
 * Takes the previous result of `def`, moved to where `def` is now, and
 * returns the previous node of `def` (whose recorded values the recording
 * carries over); undefined when it cannot be reused (changed, or its
 * diagnostics point elsewhere).
 */
export function reuse(st: CheckState, previous: Reusable, key: string, module: Module, def: Definition): Definition | undefined {
  const old = previous.results.get(key);
  if (!old) return undefined;
  const delta = def.range.start - old.definition.range.start;
  const inside = (r: Range) => r.start >= old.definition.range.start && r.end <= old.definition.range.end;
  const move = (r: Range): Range => ({ start: r.start + delta, end: r.end + delta });
  const diagnostics: Diagnostic[] = [];
  for (const d of old.result.diagnostics) {
    const related = d.related ?? [];
    // a diagnostic that points outside the definition would need every other place moved too
    if (d.file !== previous.module.file || !inside(d.range) || related.some((r) => (r.file ?? d.file) !== d.file || !inside(r.range))) return undefined;
    const moved: Diagnostic = { ...d, range: move(d.range), file: module.file };
    if (d.related) moved.related = d.related.map((r) => ({ ...r, range: move(r.range) }));
    if (d.fixes) moved.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: move(e.range) })) }));
    diagnostics.push(moved);
  }
  const result: GenericResult = { ...old.result, diagnostics };
  st.generic.set(def, result);
  st.genericKeys.set(def, new Set(diagnostics.map(diagnosticKey)));
  return old.definition;
}
