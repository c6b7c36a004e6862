import { msg } from '../../i18n/message.js';
import { deconvOutputLength, effectiveKernel, type Padding } from '../../shapes/conv-size.js';
import { add, type Dim, div, floorDiv, isConst, mul, sub } from '../../shapes/dim.js';
import { product } from '../../shapes/shape.js';
import type { LayerSpec } from '../layer-spec.js';
import { activationParam, argumentsKnown, biasInitParam, biasParam, checkFits, expectRank, groupsDivide, initParam, kernelAndBias, macFlops, paddingArg, PYTORCH_LINEAR, sizeArg } from './common.js';

/**
 * One axis of a transposed convolution. Without output padding: tfjs
 * `deconvLength` for `same` / `valid`, PyTorch for explicit padding. With
 * output padding and `same` / `valid`: Keras' `deconv_output_length`,
 * `(L - 1)*s + k_eff - 2*pad + output_padding` with `pad = k_eff // 2` for `same`.
 */
export function transposedLength(length: Dim, kernel: Dim, stride: Dim, padding: Padding, dilation: Dim, outputPadding: Dim): Dim {
  if (typeof padding === 'object' || outputPadding === 0) return deconvOutputLength(length, kernel, stride, padding, dilation, outputPadding);
  const k = effectiveKernel(kernel, dilation);
  const pad = padding === 'same' ? floorDiv(k, 2) : 0;
  return add(sub(add(mul(sub(length, 1), stride), k), mul(2, pad)), outputPadding);
}

// FLOPs: every input element is multiplied into a k x k x filters/groups patch of the output:
// 2 * (input elements) * kh*kw*filters/groups, plus 1 per output element for the bias.
export const Conv2DTranspose: LayerSpec = {
  name: 'Conv2DTranspose',
  category: 'convolution',
  doc:
    'A transposed ("fractionally strided") 2-D convolution on `[B, H, W, C]`: each input pixel scatters a learned `kernel x kernel x filters` ' +
    'patch into the output, so a stride of 2 doubles the size: it is the gradient of a strided convolution, used to upsample in GAN generators, ' +
    'U-Net/FCN decoders and SAM\'s mask decoder (`Conv2DTranspose(64, 2, stride: 2)`: `64 -> 128`). Output size per axis: ' +
    '`(H - 1)*stride - 2*padding + dilation*(kernel - 1) + output_padding + 1` (PyTorch); `"same"`: `H*stride`; `"valid"`: `H*stride + max(kernel - stride, 0)` (tfjs). ' +
    'Weights as PyTorch `ConvTranspose2d`: `kernel*kernel*C*filters/groups + filters`.',
  params: [
    { name: 'filters', type: 'int', min: 1, doc: 'The number of output channels.' },
    { name: 'kernel', type: 'size', min: 1, doc: 'The kernel size: an int, or `[kh, kw]`.' },
    { name: 'stride', type: 'size', default: 1, min: 1, doc: 'The upsampling factor: an int, or `[sh, sw]`.' },
    { name: 'padding', type: 'padding', default: 'valid', doc: '`"valid"`, `"same"` (output `H*stride`), or an int / `[ph, pw]`: PyTorch\'s padding, which crops the output.' },
    { name: 'output_padding', type: 'size', default: 0, min: 0, doc: 'Extra rows/columns added on one side of the output, to pick among the sizes a strided convolution maps to the same input size; smaller than the stride or the dilation.' },
    { name: 'dilation', type: 'size', default: 1, min: 1, doc: 'Spacing between kernel taps.' },
    { name: 'groups', type: 'int', default: 1, min: 1, doc: 'Independent channel groups; input and output channels must both divide by it.' },
    biasParam,
    activationParam,
    initParam('the kernel', 'glorot_uniform', ' (Keras\'s and tfjs\'s; fan_in = kh*kw*filters and fan_out = kh*kw*C, as Keras and PyTorch count them for a transposed kernel)', `${PYTORCH_LINEAR} (\`nn.ConvTranspose2d\`)`),
    biasInitParam('the bias', `${PYTORCH_LINEAR} (\`nn.ConvTranspose2d\`)`),
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
    const outPad = sizeArg(ctx, 'output_padding', 2, 0);
    if (!kernel || !stride || !dilation || !outPad) return undefined;
    for (let i = 0; i < 2; i++) {
      const [op, s, d] = [outPad[i]!, stride[i]!, dilation[i]!];
      if (isConst(op) && isConst(s) && isConst(d) && op > 0 && op >= Math.max(s, d)) {
        return ctx.error('NN3003', msg`Conv2DTranspose: output_padding (${op}) must be smaller than the stride (${s}) or the dilation (${d})`, { arg: 'output_padding' });
      }
    }
    const pads = paddingArg(ctx, 2);
    const out = [h, w].map((len, i) => transposedLength(len, kernel[i]!, stride[i]!, pads[i]!, dilation[i]!, outPad[i]!));
    if (!checkFits(ctx, out, [h, w], [msg`height`, msg`width`], 'padding', msg`padding`)) return undefined;
    return [b, out[0]!, out[1]!, filters];
  },
  weights(ctx) {
    const c = ctx.inputs[0]!.shape[3]!;
    const filters = ctx.int('filters');
    const [kh, kw] = ctx.size('kernel', 2) as [Dim, Dim];
    const kernel = mul(mul(mul(kh, kw), c), div(filters, ctx.int('groups')));
    return { trainable: kernelAndBias(kernel, filters, ctx.bool('bias')), nonTrainable: 0 };
  },
  flops(ctx, [out]) {
    const input = ctx.inputs[0]!.shape;
    const [kh, kw] = ctx.size('kernel', 2) as [Dim, Dim];
    const macs = macFlops(product(input), mul(mul(kh, kw), div(ctx.int('filters'), ctx.int('groups'))));
    return ctx.bool('bias') ? add(macs, product(out!)) : macs;
  },
};
