// `transpose(x)` without `perm` reverses every axis, as NumPy's does. On a
// tensor whose first axis is the batch (`[B, T, d]`, the leading size of
// one of the definition's inputs) the batch axis becomes the last,
// `[d, T, B]`: rarely what was meant (PyTorch's `k.transpose(-2, -1)` and
// `k.mT` swap the last two axes). A warning, NN3018, with the fix that gives
// `perm` swapping the last two axes and keeping the batch first.

import type { Range } from '../../grammar/ast.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { type Dim, dimEquals, formatDim, isConst } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import type { Value } from '../values.js';
import type { CheckState, Frame } from './state.js';

/** Warns when `transpose` is called without `perm` on a batched tensor; `argsRange` is the call's `(...)` (a bare stage: the stage). */
export function warnTransposeOfBatch(st: CheckState, fr: Frame, args: Readonly<Record<string, Value>>, argsRange: Range, range: Range): void {
  const x = args['x'];
  if (args['perm'] !== undefined || x?.kind !== 'tensor' || x.shape.length < 2) return;
  const lead = x.shape[0]!;
  if (isConst(lead) || !batchSizes(fr).some((b) => dimEquals(b, lead))) return;
  const rank = x.shape.length;
  const reversed = formatShape([...x.shape].reverse());
  const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
  const swap = rank > 2 ? msg`; transpose(x, [${perm.join(', ')}]) swaps the last two axes` : '';
  st.report(fr, 'warning', 'NN3018', msg`transpose without perm reverses every axis, as NumPy's does: x ${formatShape(x.shape)} becomes ${reversed}, its batch axis ${formatDim(lead)} last; give perm${swap}`, range, {
    fixes: rank > 2 ? [permFix(fr.module.text, argsRange, perm)] : [],
  });
}

/** The leading sizes of the definition's inputs, as they are bound here: its batch axes. */
function batchSizes(fr: Frame): Dim[] {
  const out: Dim[] = [];
  for (const s of fr.definition?.body ?? []) {
    if (s.kind !== 'Input') continue;
    const v = fr.scope.lookup(s.name.name)?.value;
    if (v?.kind === 'tensor' && v.shape.length > 0 && !isConst(v.shape[0]!)) out.push(v.shape[0]!);
  }
  return out;
}

/** `perm` added to the call: `transpose(k, [0, 2, 1])`, `-> transpose([0, 2, 1])`. */
function permFix(text: string, argsRange: Range, perm: number[]): Fix {
  const list = `[${perm.join(', ')}]`;
  const written = text.slice(argsRange.start, argsRange.end);
  const title = msg`Swap the last two axes: perm ${list}`;
  if (!written.endsWith(')')) return { title, edits: [{ range: { start: argsRange.end, end: argsRange.end }, newText: `(${list})` }] };
  const end = argsRange.end - 1;
  const empty = written.slice(1, -1).trim() === '';
  return { title, edits: [{ range: { start: end, end }, newText: empty ? list : `, ${list}` }] };
}
