// What a `loss` definition is given: the model's first output and the
// targets, or every output of the model and the targets. The checker
// (core/check/train.ts) and the runtime (runtime/train/run-training.ts)
// both follow this rule, so a loss that checks clean is called as it says.

/**
 * How many of the model's outputs a `loss` definition with `lossInputs`
 * inputs takes before the targets: two inputs are the first output and
 * the targets; more are every output, in order, then the targets (SAM's
 * masks and IoU predictions). `undefined`: it fits neither.
 */
export function lossPredictions(lossInputs: number, modelOutputs: number): number | undefined {
  if (lossInputs === 2) return 1;
  if (modelOutputs > 1 && lossInputs === modelOutputs + 1) return modelOutputs;
  return undefined;
}
