// An error inside a definition is an error at every use of it. A model that
// applies a block whose body has errors has no meaningful output. Each
// definition's own check keeps the errors of the definitions it applies
// (`GenericResult.reached`), so the summary and the trace refuse a model
// that reaches one, with its place. Where such an error is in another file
// than the use (an imported block), a check of the using file would not
// list it: there the use itself is an error (NN1014), naming the file and
// line of the first error and pointing at it. In one file the error is
// listed once, where it is.

import type { Definition, Range } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { LineIndex } from '../text/line-index.js';
import type { GenericResult } from './definitions.js';
import type { CheckState, Frame } from './state.js';

/**
 * A use at `range` of `def`, whose own check is `own`: its errors and those
 * of what it applies count for the definition being checked now; where
 * any of them is in another file than the use, the use is an error.
 */
export function useOfDefinition(st: CheckState, fr: Frame, def: Definition, own: GenericResult, range: Range): void {
  const errors = [...own.diagnostics.filter((d) => d.severity === 'error'), ...own.reached];
  if (errors.length === 0) return;
  const reached = st.reached.at(-1);
  if (reached) for (const d of errors) reached.add(d);
  // errors in the use's own file are listed by that file's check already: one root cause, one diagnostic
  const elsewhere = errors.filter((d) => d.file !== undefined && d.file !== fr.module.file);
  const first = elsewhere[0];
  if (!first) return;
  // a use in a repeat is applied again and again: one diagnostic where the diagnostics go now
  if (st.diagnostics.some((d) => d.code === 'NN1014' && d.file === fr.module.file && d.range.start === range.start && d.range.end === range.end)) return;
  const [name, place] = [def.name.name, placeOf(st, first)];
  const message = elsewhere.length === 1 ? msg`${name} has an error (${place}): ${first.message}` : msg`${name} has ${elsewhere.length} errors (${place}): ${first.message}`;
  st.error(fr, 'NN1014', message, range, {
    related: [{ file: first.file!, range: first.range, message: msg`the first error ${name} reaches` }],
  });
}

/** `in blocks.nn line 3`: the error's file by name, and its line. */
function placeOf(st: CheckState, d: Diagnostic): string {
  const at = d.file!;
  const text = st.modules.get(at)?.text;
  const name = at.slice(Math.max(at.lastIndexOf('/'), at.lastIndexOf('\\')) + 1);
  return text === undefined ? msg`in ${name}` : msg`in ${name} line ${new LineIndex(text).position(d.range.start).line + 1}`;
}
