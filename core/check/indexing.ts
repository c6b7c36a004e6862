// Indexing and slicing tensors: `x[..., 0:4]`, `x[:, 0]`, `x[..., newaxis, 0:4]`.
// Slices follow NumPy: negative positions count from the end, positions past
// the end are clamped. Lists (`sizes[1]`, `skips[-1]`) are indexed in lists.ts.

import type { Expr, IndexExpr, IndexItem } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { add, ceilDiv, type Dim, formatDim, isConst, sub } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { describeKind, type SliceAxis, type TensorValue, UNKNOWN, type Value } from '../values.js';
import { traceSite } from './calls.js';
import { evaluate } from './evaluate.js';
import { indexList } from './lists.js';
import { recordSliceRow } from './math-rows.js';
import type { CheckState, Frame } from './state.js';

export function indexTensor(st: CheckState, fr: Frame, e: IndexExpr, target: Value): Value {
  if (target.kind === 'unknown') return UNKNOWN;
  if (target.kind === 'list' || target.kind === 'tuple') return indexList(st, fr, e, target, target.items);
  if (target.kind !== 'tensor') {
    st.error(fr, 'NN3001', msg`only tensors and lists can be indexed, but this is ${describeKind(target)}`, e.target.range);
    return UNKNOWN;
  }
  const consumed = e.items.filter((i) => i.kind !== 'NewAxis' && i.kind !== 'Ellipsis').length;
  const ellipses = e.items.filter((i) => i.kind === 'Ellipsis');
  if (ellipses.length > 1) {
    st.error(fr, 'NN3003', msg`an index may have one '...', not ${ellipses.length}`, ellipses[1]!.range);
    return UNKNOWN;
  }
  const rank = target.shape.length;
  if (consumed > rank) {
    st.error(fr, 'NN2006', msg`too many indices: ${consumed} for a rank-${rank} tensor ${formatShape(target.shape)}`, e.range);
    return UNKNOWN;
  }
  const out: Dim[] = [];
  const axes: (SliceAxis | undefined)[] | undefined = st.trace ? [] : undefined;
  let axis = 0;
  for (const item of e.items) {
    if (item.kind === 'Ellipsis') {
      const skip = rank - consumed;
      out.push(...target.shape.slice(axis, axis + skip));
      for (let i = 0; i < skip; i++) axes?.push({ kind: 'all' });
      axis += skip;
    } else if (item.kind === 'NewAxis') {
      out.push(1);
      axes?.push({ kind: 'newaxis' });
    } else {
      const size = target.shape[axis]!;
      const result = item.kind === 'Slice' ? sliceAxis(st, fr, item, size) : checkIndex(st, fr, item, size);
      if (result === null) return UNKNOWN;
      if (result.length !== undefined) out.push(result.length);
      axes?.push(result.axis);
      axis++;
    }
  }
  out.push(...target.shape.slice(axis));
  const tensor: TensorValue = { kind: 'tensor', shape: out, dtype: target.dtype, origin: { file: fr.module.file, range: e.range, what: msg`a slice` } };
  if (axes && !axes.some((a) => a === undefined)) tensor.source = { op: 'slice', target, axes: axes as SliceAxis[], site: traceSite(fr, e.range) };
  recordSliceRow(st, fr, tensor);
  return tensor;
}

/** What an index or slice keeps of one axis: its length (none: the axis is dropped) and, when known, what it does at run time. */
interface AxisResult {
  length: Dim | undefined;
  /** undefined when a position is symbolic (the slice cannot be compiled) */
  axis: SliceAxis | undefined;
}

/** An integer index removes its axis; it must lie inside the axis when the size is known. */
function checkIndex(st: CheckState, fr: Frame, item: Expr, size: Dim): AxisResult | null {
  const v = evaluate(st, fr, item);
  if (v.kind === 'unknown') return null;
  if (v.kind !== 'int') {
    st.error(fr, 'NN3001', msg`an index must be an int, a slice, '...' or newaxis, but this is ${describeKind(v)}`, item.range);
    return null;
  }
  if (isConst(v.value) && isConst(size) && (v.value >= size || v.value < -size)) {
    st.error(fr, 'NN2006', msg`index ${v.value} is out of range for an axis of size ${size}`, item.range);
    return null;
  }
  const at = isConst(v.value) && v.value < 0 && isConst(size) ? v.value + size : v.value;
  return { length: undefined, axis: isConst(at) ? { kind: 'index', at } : undefined };
}

/** The length of `start:stop:step` over an axis of `size`, or null after an error. */
function sliceAxis(st: CheckState, fr: Frame, item: IndexItem & { kind: 'Slice' }, size: Dim): AxisResult | null {
  const bound = (e: Expr | undefined): Dim | undefined | null => {
    if (!e) return undefined;
    const v = evaluate(st, fr, e);
    if (v.kind === 'unknown') return null;
    if (v.kind !== 'int') {
      st.error(fr, 'NN3001', msg`a slice bound must be an int, but this is ${describeKind(v)}`, e.range);
      return null;
    }
    return v.value;
  };
  const start = bound(item.start);
  const stop = bound(item.stop);
  const step = bound(item.step);
  if (start === null || stop === null || step === null) return null;
  if (step !== undefined && (!isConst(step) || step <= 0)) {
    st.error(fr, 'NN3003', msg`a slice step must be a positive int known at check time, not ${formatDim(step)}`, item.step!.range);
    return null;
  }
  const from = resolvePosition(start ?? 0, size);
  const to = resolvePosition(stop ?? size, size);
  const length = sub(to, from);
  if (isConst(length) && length <= 0) {
    st.error(fr, 'NN2006', msg`the slice ${formatDim(start ?? 0)}:${formatDim(stop ?? size)} is empty on an axis of size ${formatDim(size)}`, item.range);
    return null;
  }
  const stride = step ?? 1;
  const whole = start === undefined && stop === undefined && stride === 1;
  const axis: SliceAxis | undefined = whole ? { kind: 'all' } : isConst(from) && isConst(to) ? { kind: 'range', start: from, stop: to, step: stride as number } : undefined;
  return { length: stride === 1 ? length : ceilDiv(length, stride), axis };
}

/** A slice position: negative counts from the end; clamped to [0, size] when both are known. */
function resolvePosition(p: Dim, size: Dim): Dim {
  if (isConst(p) && p < 0) return isConst(size) ? Math.max(size + p, 0) : add(size, p);
  if (isConst(p) && isConst(size)) return Math.min(p, size);
  return p;
}
