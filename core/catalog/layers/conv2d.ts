import { msg } from '../../i18n/message.js';
import { convOutputLength } from '../../shapes/conv-size.js';
import { add, type Dim, div, formatDim, isConst, mul } from '../../shapes/dim.js';
import { product } from '../../shapes/shape.js';
import type { LayerSpec } from '../layer-spec.js';
import { activationParam, argumentsKnown, biasInitParam, biasParam, expectRank, groupsDivide, initParam, kernelAndBias, macFlops, paddingArg, PYTORCH_LINEAR, sizeArg } from './common.js';

export const Conv2D: LayerSpec = {
  name: 'Conv2D',
  category: 'convolution',
  doc:
    'A 2-D convolution over a channels-last image `[B, H, W, C]`: `filters` learned kernels of size `kernel x kernel` slide over the image, ' +
    'each producing one output channel. With `kernel: 3, stride: 1, padding: 1` the image keeps its size (VGG stacks these); ' +
    'a stride of 2 halves it. Output size per axis: `floor((H + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1` ' +
    '(`"same"`: `ceil(H / stride)`). `groups` splits the channels into independent groups (`groups = C` is a depthwise convolution).',
  params: [
    { name: 'filters', type: 'int', min: 1, doc: 'The number of output channels (kernels).' },
    { name: 'kernel', type: 'size', min: 1, doc: 'The kernel size: an int, or `[kh, kw]`.' },
    { name: 'stride', type: 'size', default: 1, min: 1, doc: 'The step between kernel positions: an int, or `[sh, sw]`.' },
    { name: 'padding', type: 'padding', default: 'valid', doc: '`"valid"` (none), `"same"` (output size `ceil(H / stride)`), zeros on each side (an int), or `[ph, pw]`.' },
    { name: 'dilation', type: 'size', default: 1, min: 1, doc: 'Spacing between kernel taps (atrous convolution).' },
    { name: 'groups', type: 'int', default: 1, min: 1, doc: 'Independent channel groups; input and output channels must both divide by it.' },
    biasParam,
    activationParam,
    initParam('the kernel', 'glorot_uniform', ' (Keras\'s and tfjs\'s; fan_in = kh*kw*C/groups, fan_out = kh*kw*filters/groups)', `${PYTORCH_LINEAR} (\`nn.Conv2d\`)`),
    biasInitParam('the bias', `${PYTORCH_LINEAR} (\`nn.Conv2d\`)`),
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 4, '[B, H, W, C]')) return undefined;
    const [b, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const filters = ctx.int('filters');
    if (!groupsDivide(ctx, c, filters)) return undefined;
    const kernel = sizeArg(ctx, 'kernel', 2);
    const stride = sizeArg(ctx, 'stride', 2);
    const dilation = sizeArg(ctx, 'dilation', 2);
    if (!kernel || !stride || !dilation) return undefined;
    const [kh, kw] = kernel as [Dim, Dim];
    const [sh, sw] = stride as [Dim, Dim];
    const [dh, dw] = dilation as [Dim, Dim];
    const [ph, pw] = paddingArg(ctx, 2);
    const oh = convOutputLength(h, kh, sh, ph!, dh);
    const ow = convOutputLength(w, kw, sw, pw!, dw);
    for (const [axis, size, input] of [[msg`height`, oh, h], [msg`width`, ow, w]] as const) {
      if (isConst(size) && size < 1) {
        return ctx.error('NN2003', msg`Conv2D: the kernel does not fit: output ${axis} would be ${size} for input ${formatDim(input)}`, { arg: 'kernel' });
      }
    }
    return [b, oh, ow, filters];
  },
  weights(ctx) {
    const c = ctx.inputs[0]!.shape[3]!;
    const filters = ctx.int('filters');
    const [kh, kw] = ctx.size('kernel', 2) as [Dim, Dim];
    const perFilter = mul(mul(kh, kw), div(c, ctx.int('groups')));
    return { trainable: kernelAndBias(mul(perFilter, filters), filters, ctx.bool('bias')), nonTrainable: 0 };
  },
  flops(ctx, [out]) {
    const c = ctx.inputs[0]!.shape[3]!;
    const [kh, kw] = ctx.size('kernel', 2) as [Dim, Dim];
    const macs = macFlops(product(out!), mul(mul(kh, kw), div(c, ctx.int('groups'))));
    return ctx.bool('bias') ? add(macs, product(out!)) : macs;
  },
};

