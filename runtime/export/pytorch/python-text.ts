// Writing Python: identifiers from the .nn model's names, literals, sizes
// that depend on the batch, and shape comments. Pure text.

import type { RuntimeDim, TensorType } from '../../../core/graph/graph.js';
import type { DType } from '../../../core/values.js';

const RESERVED = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield', 'self', 'torch', 'nn', 'F', 'math', 'batch', 'input', 'type', 'len', 'max', 'min', 'sum', 'abs', 'range',
]);

/** Unique Python identifiers: `VGGBlock_1/Conv2D_2` -> `VGGBlock_1_Conv2D_2`; a taken name gets a number. */
export class Identifiers {
  private readonly taken = new Set<string>(RESERVED);

  claim(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '') || 'value';
    if (/^[0-9]/.test(base)) base = `_${base}`;
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }
}

/** A number as Python source: ints stay ints, floats keep a point (`1.0`), infinities through math. */
export function pyNumber(value: number, dtype: DType = 'float32'): string {
  if (dtype === 'int32') return String(Math.trunc(value));
  if (Number.isNaN(value)) return 'math.nan';
  if (!Number.isFinite(value)) return value > 0 ? 'math.inf' : '-math.inf';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function pyTuple(items: (string | number)[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** A size in the forward pass: a number, or an expression of `batch` (the first input's first axis). */
export function pyDim(dim: RuntimeDim): string {
  if (typeof dim === 'number') return String(dim);
  const scaled = dim.perBatch === 1 ? 'batch' : `${dim.perBatch} * batch`;
  return dim.plus === 0 ? scaled : `${scaled} ${dim.plus < 0 ? '-' : '+'} ${Math.abs(dim.plus)}`;
}

export function usesBatch(dims: readonly RuntimeDim[]): boolean {
  return dims.some((d) => typeof d !== 'number');
}

/** `[B, 28, 28, 1]` (with ` int` or ` bool` after it for those dtypes). */
export function shapeComment(type: TensorType, batch: string): string {
  const dims = type.shape.map((d) => (typeof d === 'number' ? String(d) : d.perBatch === 1 && d.plus === 0 ? batch : `${d.perBatch}*${batch}${d.plus ? ` + ${d.plus}` : ''}`));
  return `[${dims.join(', ')}]${type.dtype === 'float32' ? '' : ` ${type.dtype === 'int32' ? 'int' : 'bool'}`}`;
}

export const TORCH_DTYPE: Record<DType, string> = { float32: 'torch.float32', int32: 'torch.int32', bool: 'torch.bool' };

/** A Python string literal. */
export function pyString(text: string): string {
  return JSON.stringify(text);
}
