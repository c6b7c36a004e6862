import { describe, expect, it } from 'vitest';
import { findFunction, FUNCTIONS } from '../../core/functions/index.js';

const REQUIRED = {
  shape: ['reshape', 'transpose', 'concat', 'stack', 'split', 'flatten', 'squeeze', 'expand_dims', 'tile', 'pad', 'window_partition', 'window_unpartition'],
  unary: ['sqrt', 'rsqrt', 'exp', 'log', 'abs', 'sq', 'sin', 'cos', 'relu', 'gelu', 'sigmoid', 'tanh', 'softplus', 'neg', 'floor', 'ceil'],
  binary: ['maximum', 'minimum', 'where', 'clip', 'pow', 'softmax', 'log_softmax'],
  reductions: ['sum', 'mean', 'max', 'min', 'prod', 'argmax', 'argmin', 'sum_sq', 'logsumexp', 'norm', 'matmul'],
  other: ['one_hot', 'cast', 'causal_mask', 'padding_mask', 'iou', 'normal', 'uniform'],
  pipeline: ['selective_search', 'crop_and_resize', 'nms', 'apply_deltas', 'decode_yolo'],
  lists: ['len', 'reverse'],
};
const ALL = Object.values(REQUIRED).flat();
/** functions whose first parameter is not the piped tensor */
const NO_TENSOR_FIRST = ['causal_mask', 'normal', 'uniform', 'concat', 'stack'];

describe('the function registry', () => {
  it('has every required function, and only those', () => {
    for (const name of ALL) expect(findFunction(name), name).toBeDefined();
    expect([...FUNCTIONS.keys()].sort()).toEqual([...ALL].sort());
  });

  it('marks exactly the R-CNN / YOLO steps pipeline-only', () => {
    const flagged = [...FUNCTIONS.values()].filter((f) => f.pipelineOnly).map((f) => f.name);
    expect(flagged.sort()).toEqual([...REQUIRED.pipeline].sort());
  });

  it.each(ALL)('%s has a teaching doc, documented parameters and its tensor first', (name) => {
    const f = findFunction(name)!;
    expect(f.doc.length).toBeGreaterThan(120);
    expect(f.category).not.toBe('');
    for (const p of f.params) expect(p.doc.length, `${name}.${p.name}`).toBeGreaterThan(5);
    const first = f.params[0]!;
    if (NO_TENSOR_FIRST.includes(name)) return;
    expect(['tensor', 'any'], `${name}: first parameter ${first.name} is ${first.type}`).toContain(first.type);
  });

  it('takes lists of tensors first for concat and stack (the piped list)', () => {
    expect(findFunction('concat')!.params[0]!.type).toBe('tensors');
    expect(findFunction('stack')!.params[0]!.type).toBe('tensors');
  });
});
