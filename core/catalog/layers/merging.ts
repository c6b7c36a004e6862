// Layers that combine several tensors (Concat, Add, Subtract, Multiply) or
// split one (Split). No weights.
//
// FLOPs: Add, Subtract and Multiply count one per output element for each
// input after the first; Concat and Split only copy (0).

import { msg } from '../../i18n/message.js';
import { add, type Dim, dimEquals, div, formatDim, isConst, isIntegral, mul } from '../../shapes/dim.js';
import { broadcastShapes, formatShape, normalizeAxis, product } from '../../shapes/shape.js';
import type { LayerContext, LayerSpec } from '../layer-spec.js';
import { argumentsKnown } from './common.js';

const MANY = { min: 2, max: 64, names: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] } as const;

export const Concat: LayerSpec = {
  name: 'Concat',
  category: 'merging',
  doc:
    'Joins 2 or more tensors along one axis (the channels by default): `[B, H, W, 64]` and `[B, H, W, 32]` give `[B, H, W, 96]`. ' +
    'All other axes must agree. GoogLeNet\'s Inception modules concatenate their branches, DenseNet concatenates every earlier feature map, ' +
    'U-Net joins decoder and encoder features, and YOLO merges feature maps of two scales this way.',
  params: [{ name: 'axis', type: 'axis', default: -1, doc: 'The axis to join along; negative counts from the end (`-1`: channels).' }],
  inputs: MANY,
  shape(ctx) {
    argumentsKnown(ctx);
    const shapes = ctx.inputs.map((t) => t.shape);
    const rank = shapes[0]!.length;
    for (let i = 1; i < shapes.length; i++) {
      if (shapes[i]!.length !== rank) {
        return ctx.error('NN2001', msg`Concat: every input needs the same rank; input 1 is ${formatShape(shapes[0]!)} but input ${i + 1} is ${formatShape(shapes[i]!)}`, { input: i });
      }
    }
    const axis = normalizeIndex(ctx, rank);
    if (axis === undefined) return undefined;
    let total: Dim = 0;
    for (let i = 0; i < shapes.length; i++) {
      for (let a = 0; a < rank; a++) {
        if (a !== axis && !dimEquals(shapes[i]![a]!, shapes[0]![a]!)) {
          return ctx.error('NN2004', msg`Concat along axis ${axis}: axis ${a} must agree, but input 1 is ${formatShape(shapes[0]!)} and input ${i + 1} is ${formatShape(shapes[i]!)}`, { input: i });
        }
      }
      total = add(total, shapes[i]![axis]!);
    }
    return shapes[0]!.map((d, a) => (a === axis ? total : d));
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

function normalizeIndex(ctx: LayerContext, rank: number): number | undefined {
  const raw = ctx.int('axis');
  const axis = isConst(raw) ? normalizeAxis(raw, rank) : undefined;
  if (axis === undefined) return ctx.error('NN2006', msg`${ctx.spec.name}: axis ${formatDim(raw)} is out of range for a rank-${rank} input (axes ${-rank} to ${rank - 1})`, { arg: 'axis' });
  return axis;
}

function makeElementwise(name: string, op: string, doc: string, max: number): LayerSpec {
  return {
    name,
    category: 'merging',
    doc,
    params: [],
    inputs: { ...MANY, max },
    shape(ctx) {
      argumentsKnown(ctx);
      let shape = ctx.inputs[0]!.shape;
      for (let i = 1; i < ctx.inputs.length; i++) {
        const next = ctx.inputs[i]!.shape;
        const result = broadcastShapes(shape, next);
        if ('mismatchAxisFromEnd' in result) {
          const k = result.mismatchAxisFromEnd;
          return ctx.error(
            'NN2004',
            msg`${name}: ${formatShape(shape)} ${op} ${formatShape(next)} do not broadcast: axis -${k} is ${formatDim(shape[shape.length - k]!)} vs ${formatDim(next[next.length - k]!)} (sizes must be equal, or one of them 1)`,
            { input: i },
          );
        }
        shape = result.shape;
      }
      return shape;
    },
    weights: () => ({ trainable: 0, nonTrainable: 0 }),
    flops: (ctx, [out]) => mul(ctx.inputs.length - 1, product(out!)),
  };
}

export const Add = makeElementwise(
  'Add',
  '+',
  'Adds 2 or more tensors element by element, broadcasting like NumPy (sizes agree from the right; a size 1 stretches). ' +
    'It is ResNet\'s shortcut: a block outputs `F(x) + x`, so it only has to learn the residual `F`, and the identity path lets gradients ' +
    'flow through 100+ layers. Transformers add the sublayer output back to its input the same way (`x + Attention(x)`). `a + b` in an expression does the same.',
  MANY.max,
);

export const Subtract = makeElementwise(
  'Subtract',
  '-',
  'Subtracts the second tensor from the first, element by element, with NumPy broadcasting: `a - b`. Takes exactly 2 inputs.',
  2,
);

export const Multiply = makeElementwise(
  'Multiply',
  '*',
  'Multiplies 2 or more tensors element by element, with NumPy broadcasting. Used for gating: squeeze-and-excitation scales each channel ' +
    '(`[B, H, W, C] * [B, 1, 1, C]`), GLU and LSTM gates multiply by a sigmoid, and masks zero out padding.',
  MANY.max,
);

export const Split: LayerSpec = {
  name: 'Split',
  category: 'merging',
  doc:
    'Splits a tensor along one axis into several outputs: `Split(3)` cuts `[B, T, 3*d]` into three `[B, T, d]` (the fused query/key/value ' +
    'projection of a transformer), and `Split([64, 32])` cuts 96 channels into 64 and 32. An int needs the axis size to divide by it; ' +
    'a list of sizes must add up to the axis size.',
  params: [
    { name: 'num_or_sizes', type: 'size', min: 1, doc: 'The number of equal parts, or a list with the size of each part.' },
    { name: 'axis', type: 'axis', default: -1, doc: 'The axis to split; negative counts from the end.' },
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  multipleOutputs: true,
  shape(ctx) {
    argumentsKnown(ctx);
    const shape = ctx.inputs[0]!.shape;
    const axis = normalizeIndex(ctx, shape.length);
    if (axis === undefined) return undefined;
    const size = shape[axis]!;
    const v = ctx.args['num_or_sizes']!;
    const at = { arg: 'num_or_sizes' };
    let parts: Dim[];
    if (v.kind === 'int') {
      const n = v.value;
      if (!isConst(n) || n > 4096) return ctx.error('NN3003', msg`Split: the number of parts must be a known number up to 4096, not ${formatDim(n)}`, at);
      const part = div(size, n);
      if ((isConst(size) && size % n !== 0) || !isIntegral(part)) {
        return ctx.error('NN2005', msg`Split: axis ${axis} has size ${formatDim(size)}, which does not divide into ${n} equal parts`, at);
      }
      parts = new Array<Dim>(n).fill(part);
    } else {
      parts = ctx.ints('num_or_sizes');
      if (parts.length === 0) return ctx.error('NN3003', msg`Split: the list of sizes is empty`, at);
      const bad = parts.find((d) => isConst(d) && d < 1);
      if (bad !== undefined) return ctx.error('NN3003', msg`Split: every part needs a size of at least 1, but one is ${bad}`, at);
      const sum = parts.reduce<Dim>((s, d) => add(s, d), 0);
      if (!dimEquals(sum, size)) {
        return ctx.error('NN2007', msg`Split: the sizes ${formatShape(parts)} add up to ${formatDim(sum)}, but axis ${axis} has size ${formatDim(size)}`, at);
      }
    }
    return parts.map((p) => shape.map((d, a) => (a === axis ? p : d)));
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};
