// Operators on tensors (`a + b`, `x @ w`, `-x`, `a < b`, `not m`) and
// slicing (`x[:, 0:4, newaxis]`), keyed `binary:<op>`, `unary:<op>`, `slice`.

import type { GraphArg } from '../../../core/graph/graph.js';
import { resolveDim } from '../../../core/graph/runtime-dim.js';
import type { SliceAxis } from '../../../core/values.js';
import type { Tensor, TF } from '../../tf-types.js';
import type { CallContext, Kernel } from '../kernel.js';
import { matmul } from './functions.js';

type Operand = Tensor | number;

const BINARY: Record<string, (tf: TF, a: Operand, b: Operand) => Tensor> = {
  '+': (tf, a, b) => tf.add(a, b),
  '-': (tf, a, b) => tf.sub(a, b),
  '*': (tf, a, b) => tf.mul(a, b),
  '/': (tf, a, b) => tf.div(tf.cast(asTensor(tf, a), 'float32'), tf.cast(asTensor(tf, b), 'float32')),
  '%': remainder,
  '**': (tf, a, b) => tf.pow(a, b),
  '@': (tf, a, b) => matmul(tf, asTensor(tf, a), asTensor(tf, b)),
  '==': comparison((tf, a, b) => tf.equal(a, b)),
  '!=': comparison((tf, a, b) => tf.notEqual(a, b)),
  '<': comparison((tf, a, b) => tf.less(a, b)),
  '<=': comparison((tf, a, b) => tf.lessEqual(a, b)),
  '>': comparison((tf, a, b) => tf.greater(a, b)),
  '>=': comparison((tf, a, b) => tf.greaterEqual(a, b)),
  and: comparison((tf, a, b) => tf.logicalAnd(a, b)),
  or: comparison((tf, a, b) => tf.logicalOr(a, b)),
};

const asTensor = (tf: TF, v: Operand): Tensor => (typeof v === 'number' ? tf.scalar(v) : v);

/**
 * Python's remainder: its sign is the divisor's. An int divided by 0 leaves
 * 0, as NumPy's does (TensorFlow would stop the run); a float leaves NaN.
 */
function remainder(tf: TF, a: Operand, b: Operand): Tensor {
  const divisor = asTensor(tf, b);
  if (divisor.dtype !== 'int32') return tf.mod(a, divisor);
  // x % 1 is 0: a zero divisor becomes 1
  return tf.mod(a, tf.add(divisor, tf.cast(tf.equal(divisor, 0), 'int32')));
}

/** An operand in `dtype`: a number as a scalar of it, a tensor converted when it differs. */
function inDtype(tf: TF, v: Operand, dtype: 'float32' | 'int32'): Tensor {
  if (typeof v === 'number') return tf.scalar(v, dtype);
  return v.dtype === dtype ? v : tf.cast(v, dtype);
}

/**
 * A comparison or logical operation, as an operation whose gradient is zero:
 * tfjs has no gradient for them, and a mask computed from a weight would
 * otherwise stop training.
 */
function comparison(f: (tf: TF, a: Tensor, b: Tensor) => Tensor): (tf: TF, a: Operand, b: Operand) => Tensor {
  return (tf, a, b) => withoutGradient(tf, (x, y) => f(tf, x!, y!), [asTensor(tf, a), asTensor(tf, b)]);
}

/** `f(inputs)`, recorded for gradients as one operation whose gradient is zero. */
export function withoutGradient(tf: TF, f: (...inputs: Tensor[]) => Tensor, inputs: Tensor[]): Tensor {
  const op = tf.customGrad((...args) => {
    const tensors = args.slice(0, inputs.length) as Tensor[];
    const shapes = tensors.map((t) => t.shape);
    return { value: f(...tensors), gradFunc: () => shapes.map((shape) => tf.zeros(shape)) };
  });
  return op(...(inputs as never[])) as Tensor;
}

function operandOf(g: GraphArg, inputs: Tensor[], batch: number): Operand {
  if (g.kind === 'tensor') return inputs[g.index]!;
  if (g.kind === 'float') return g.value;
  // a size, maybe the batch's (`loss / N`)
  if (g.kind === 'int') return resolveDim(g.value, batch);
  if (g.kind === 'bool') return g.value ? 1 : 0;
  throw new Error('an operand that is not a number or a tensor');
}

export function operatorKernel(kind: string): Kernel | undefined {
  const [family, op] = kind.split(':') as [string, string];
  if (family === 'binary') {
    const f = BINARY[op];
    if (!f) return undefined;
    return {
      call(k, inputs) {
        const dtype = k.outputs[0]!.dtype;
        // arithmetic computes in the checked result's dtype (`ids + 1` stays int32); a comparison compares as given
        const side = (name: string): Operand => (dtype === 'bool' ? operandOf(k.args.raw(name), inputs, k.batch) : inDtype(k.tf, operandOf(k.args.raw(name), inputs, k.batch), dtype));
        return f(k.tf, side('left'), side('right'));
      },
    };
  }
  if (family === 'unary') {
    if (op === '-') return { call: (k, [x]) => k.tf.neg(x!) };
    if (op === '+') return { call: (_k, [x]) => x! };
    if (op === 'not') return { call: (k, [x]) => withoutGradient(k.tf, (t) => k.tf.logicalNot(t!), [x!]) };
  }
  if (kind === 'slice') return { call: (k, [x]) => slice(k.tf, x!, axesOf(k)) };
  return undefined;
}

function axesOf(k: CallContext): readonly SliceAxis[] {
  if (!k.axes) throw new Error('slice: the axes are missing');
  return k.axes;
}

/**
 * NumPy slicing with resolved positions: one `slice` (which has a
 * gradient, unlike stridedSlice), a `gather` for each strided axis, then a
 * reshape that drops indexed axes and adds new ones.
 */
function slice(tf: TF, x: Tensor, axes: readonly SliceAxis[]): Tensor {
  const begin: number[] = [];
  const size: number[] = [];
  const strided: { axis: number; step: number; count: number }[] = [];
  const finalShape: number[] = [];
  let axis = 0;
  for (const a of axes) {
    if (a.kind === 'newaxis') {
      finalShape.push(1);
      continue;
    }
    const length = x.shape[axis]!;
    if (a.kind === 'all') {
      begin.push(0), size.push(length), finalShape.push(length);
    } else if (a.kind === 'index') {
      begin.push(a.at), size.push(1);
    } else {
      const count = Math.max(0, Math.ceil((a.stop - a.start) / a.step));
      begin.push(a.start), size.push(a.stop - a.start), finalShape.push(count);
      if (a.step !== 1) strided.push({ axis, step: a.step, count });
    }
    axis++;
  }
  for (; axis < x.rank; axis++) begin.push(0), size.push(x.shape[axis]!), finalShape.push(x.shape[axis]!);
  let cut = tf.slice(x, begin, size);
  for (const s of strided) cut = tf.gather(cut, tf.range(0, s.count * s.step, s.step, 'int32'), s.axis);
  return tf.reshape(cut, finalShape);
}
