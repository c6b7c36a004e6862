// A layer or block where a tensor is needed (NN3020): `Weight([v, d])`
// without the `()` that makes its tensor, `Dense(10) + x`, a layer passed to
// a function. The diagnostic says to call or apply it, and the fix adds
// `()` (a layer that takes no inputs) or applies it to the other operand.

import type { BinaryExpr, Expr, Range, UnaryExpr } from '../../grammar/ast.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { describeKind, type Value } from '../values.js';
import type { CheckState, Frame } from './state.js';

/** A layer, a layer kind, a block or a definition: things applied to tensors, not tensors. */
export function isLayerLike(v: Value): boolean {
  return v.kind === 'layer' || v.kind === 'layerKind' || v.kind === 'block' || v.kind === 'definition';
}

/** Whether the layer makes its tensor from no input (`Weight([1, 256])()`). */
function takesNoInput(v: Value): boolean {
  return v.kind === 'layer' && v.instance.spec.inputs.max === 0;
}

/** What to do with a layer found where a tensor is needed, in a few words. */
export function layerAdvice(v: Value): string {
  return takesNoInput(v) ? msg`call it to make its tensor: add '()'` : msg`apply it to a tensor first`;
}

/**
 * What the layer written at `range` is (`Dense(10) is the layer Dense`), what
 * to do (`apply it to a tensor first, Dense(10)(x)`) and the fix; `apply` is
 * the text of a tensor to apply it to (the other operand), if any.
 */
export function layerAsTensor(text: string, v: Value, range: Range, apply?: string): { what: string; advice: string; fixes: Fix[] } {
  const written = text.slice(range.start, range.end);
  const shown = written.length <= 40 ? written : describeKind(v);
  const what = msg`${shown} is ${describeKind(v)}, not a tensor`;
  if (takesNoInput(v)) {
    return {
      what,
      advice: msg`call it to make its tensor, ${shown}()`,
      fixes: [{ title: msg`Call it: ${shown}()`, edits: [{ range: { start: range.end, end: range.end }, newText: '()' }] }],
    };
  }
  const example = `${shown}(${apply ?? 'x'})`;
  return {
    what,
    advice: msg`apply it to a tensor first, ${example}`,
    fixes: apply ? [{ title: msg`Apply it to ${apply}: ${example}`, edits: [{ range: { start: range.end, end: range.end }, newText: `(${apply})` }] }] : [],
  };
}

/** An operator with a layer for an operand: reported (true) at that operand. */
export function reportLayerOperand(st: CheckState, fr: Frame, e: BinaryExpr, a: Value, b: Value): boolean {
  const [layer, other, value, otherValue] = isLayerLike(a) ? [e.left, e.right, a, b] : isLayerLike(b) ? [e.right, e.left, b, a] : [];
  if (!layer || !value || !otherValue) return false;
  const { what, advice, fixes } = layerAsTensor(fr.module.text, value, layer.range, tensorName(other!, otherValue));
  st.error(fr, 'NN3020', msg`'${e.op}' takes tensors and numbers, but ${what}: ${advice}`, layer.range, { fixes });
  return true;
}

/** `-w` with a layer for its operand: reported (true). */
export function reportLayerUnary(st: CheckState, fr: Frame, e: UnaryExpr, v: Value): boolean {
  if (!isLayerLike(v)) return false;
  const { what, advice, fixes } = layerAsTensor(fr.module.text, v, e.operand.range);
  st.error(fr, 'NN3020', msg`'${e.op}' takes tensors and numbers, but ${what}: ${advice}`, e.operand.range, { fixes });
  return true;
}

/** The name of a tensor written as a plain name, to apply a layer to. */
function tensorName(e: Expr, v: Value): string | undefined {
  return e.kind === 'Identifier' && v.kind === 'tensor' ? e.name : undefined;
}
