// How the summary counts the FLOPs of function and operator math, by the
// layers' convention (core/catalog/layers): a multiply-add is 2, every other
// arithmetic operation 1, for the whole batch (the summary then takes the
// batch as 1).
//
// - matrix products (`matmul`, `@`): 2*K per output element (K: the
//   contracted axis), as Dense counts its kernel;
// - elementwise arithmetic, comparisons, `maximum`, `minimum`, `where`,
//   `pow`, and one-argument math (`exp`, `sqrt`, `abs`, ...): 1 per output
//   element; the activations as their layers count them (ReLU 1, Tanh 1,
//   Sigmoid 3, Softplus 3, GELU 5, Softmax and LogSoftmax 3); `clip` 2;
// - reductions (`sum`, `mean`, `max`, `argmax`, ...): 1 per input element,
//   as GlobalAvgPool counts; `sum_sq` 2 and `norm` 2 (a square and an add),
//   `logsumexp` 3 (exp, add, and the maximum taken first);
// - moving values without arithmetic (`reshape`, `transpose`, `concat`,
//   `pad`, slicing, `cast`, `one_hot`, the windows), constants
//   (`causal_mask`) and random draws: 0.

import { add, type Dim, mul } from '../shapes/dim.js';
import { product } from '../shapes/shape.js';
import type { FunctionContext } from './function-spec.js';

/** A FLOP count of one call: its context, and the shapes of the tensors it made. */
export type FlopCount = (ctx: FunctionContext, outputs: readonly (readonly Dim[])[]) => Dim;

/** No arithmetic: values moved, constants, random draws. */
export const NO_FLOPS: FlopCount = () => 0;

/** `cost` operations per element of every output. */
export function perOutputElement(cost: number): FlopCount {
  return (_ctx, outputs) => mul(cost, outputs.reduce<Dim>((sum, shape) => add(sum, product(shape)), 0));
}

/** `cost` operations per element of the tensor argument `arg`. */
export function perInputElement(cost: number, arg = 'x'): FlopCount {
  return (ctx) => mul(cost, product(ctx.tensor(arg).shape));
}

/** A matrix product `a @ b`: 2*K per output element, K the last axis of `a`. */
export function matmulFlops(a: readonly Dim[], out: readonly Dim[]): Dim {
  return mul(2, mul(product(out), a[a.length - 1] ?? 1));
}
