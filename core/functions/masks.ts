// Attention masks: which positions may attend to which.

import type { FunctionSpec } from './function-spec.js';
import { NO_FLOPS, perOutputElement } from './flops.js';
import { checkSizes, expectDtype, expectRank } from './util.js';

export const causal_mask: FunctionSpec = {
  name: 'causal_mask',
  category: 'mask',
  doc:
    'A lower-triangular bool matrix `[size, size]`: row t is true at columns 0..t, so position t may attend to itself and to earlier positions ' +
    'but never to later ones. It is the decoder\'s masked self-attention: while predicting token t+1 the model must not see it. ' +
    'It broadcasts over the batch and heads of attention scores `[B, h, T, T]`.',
  params: [{ name: 'size', type: 'int', min: 1, doc: 'The sequence length T.' }],
  // a constant
  flops: NO_FLOPS,
  call(ctx) {
    const size = ctx.int('size');
    if (!checkSizes(ctx, 'causal_mask', 'size', [size])) return undefined;
    return ctx.result([size, size], 'bool');
  },
};

export const padding_mask: FunctionSpec = {
  name: 'padding_mask',
  category: 'mask',
  doc:
    'Marks the real tokens of padded sequences: `[B, S]` int32 tokens give a bool `[B, S]` that is true where the token is not `pad`. ' +
    'Sentences of different lengths are padded to one length S; with this mask attention ignores the padding. ' +
    'Use `expand_dims` to make it `[B, 1, 1, S]` for scores `[B, h, T, S]`.',
  params: [
    { name: 'tokens', type: 'tensor', doc: 'The token ids, int32 `[B, S]`.' },
    { name: 'pad', type: 'int', default: 0, doc: 'The id of the padding token.' },
  ],
  // one comparison per token
  flops: perOutputElement(1),
  call(ctx) {
    const tokens = ctx.tensor('tokens');
    if (!expectRank(ctx, 'padding_mask', 'tokens', tokens, 2, '[B, S]') || !expectDtype(ctx, 'padding_mask', 'tokens', tokens, ['int32'])) return undefined;
    return ctx.result([...tokens.shape], 'bool');
  },
};

export const MASK_FUNCTIONS: readonly FunctionSpec[] = [causal_mask, padding_mask];
