import { msg } from '../../i18n/message.js';
import { convOutputLength } from '../../shapes/conv-size.js';
import { add, type Dim, div, mul } from '../../shapes/dim.js';
import { product } from '../../shapes/shape.js';
import type { LayerSpec } from '../layer-spec.js';
import { activationParam, argumentsKnown, biasInitParam, biasParam, checkFits, expectRank, groupsDivide, initParam, kernelAndBias, macFlops, paddingArg, PYTORCH_LINEAR, sizeArg } from './common.js';

// FLOPs: 2 per multiply-add of the kernel over every output element, plus 1 per output element for the bias.
export const Conv1D: LayerSpec = {
  name: 'Conv1D',
  category: 'convolution',
  doc:
    'A 1-D convolution over a sequence `[B, T, C]`: `filters` learned kernels of length `kernel` slide along time, each producing one ' +
    'output channel from a window of `kernel` steps of all `C` channels. Output length: `floor((T + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1` ' +
    '(`"same"`: `ceil(T / stride)`). Used for audio, text and time series (WaveNet stacks dilated ones to see far back), and as a cheap ' +
    'per-position mixer with `kernel: 1`.',
  params: [
    { name: 'filters', type: 'int', min: 1, doc: 'The number of output channels (kernels).' },
    { name: 'kernel', type: 'size', min: 1, doc: 'The kernel length.' },
    { name: 'stride', type: 'size', default: 1, min: 1, doc: 'The step between kernel positions.' },
    { name: 'padding', type: 'padding', default: 'valid', doc: '`"valid"` (none), `"same"` (output length `ceil(T / stride)`), or zeros on each side (an int).' },
    { name: 'dilation', type: 'size', default: 1, min: 1, doc: 'Spacing between kernel taps (a dilated, atrous convolution).' },
    { name: 'groups', type: 'int', default: 1, min: 1, doc: 'Independent channel groups; input and output channels must both divide by it.' },
    biasParam,
    activationParam,
    initParam('the kernel', 'glorot_uniform', ' (Keras\'s and tfjs\'s; fan_in = kernel*C/groups, fan_out = kernel*filters/groups)', `${PYTORCH_LINEAR} (\`nn.Conv1d\`)`),
    biasInitParam('the bias', `${PYTORCH_LINEAR} (\`nn.Conv1d\`)`),
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 3, '[B, T, C]')) return undefined;
    const [b, t, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim];
    const filters = ctx.int('filters');
    if (!groupsDivide(ctx, c, filters)) return undefined;
    const [k] = sizeArg(ctx, 'kernel', 1) ?? [];
    const [s] = sizeArg(ctx, 'stride', 1) ?? [];
    const [d] = sizeArg(ctx, 'dilation', 1) ?? [];
    if (k === undefined || s === undefined || d === undefined) return undefined;
    const [p] = paddingArg(ctx, 1);
    const ot = convOutputLength(t, k, s, p!, d);
    if (!checkFits(ctx, [ot], [t], [msg`length`], 'kernel', msg`kernel`)) return undefined;
    return [b, ot, filters];
  },
  weights(ctx) {
    const c = ctx.inputs[0]!.shape[2]!;
    const filters = ctx.int('filters');
    const [k] = ctx.size('kernel', 1) as [Dim];
    return { trainable: kernelAndBias(mul(mul(k, div(c, ctx.int('groups'))), filters), filters, ctx.bool('bias')), nonTrainable: 0 };
  },
  flops(ctx, [out]) {
    const c = ctx.inputs[0]!.shape[2]!;
    const [k] = ctx.size('kernel', 1) as [Dim];
    const macs = macFlops(product(out!), mul(k, div(c, ctx.int('groups'))));
    return ctx.bool('bias') ? add(macs, product(out!)) : macs;
  },
};
