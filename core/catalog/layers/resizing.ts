// Layers that change the spatial size of an image without learning:
// UpSampling2D, ZeroPadding2D, Cropping2D.
//
// FLOPs: nearest upsampling, padding and cropping only copy (0); bilinear
// upsampling mixes 4 neighbours per output element: 4 multiply-adds, 8 FLOPs.

import { msg } from '../../i18n/message.js';
import { add, type Dim, mul, sub } from '../../shapes/dim.js';
import { product } from '../../shapes/shape.js';
import type { LayerSpec } from '../layer-spec.js';
import { argumentsKnown, checkFits, expectRank, pairsArg, sizeArg } from './common.js';

export const UpSampling2D: LayerSpec = {
  name: 'UpSampling2D',
  category: 'resizing',
  doc:
    'Enlarges an image `[B, H, W, C] -> [B, H*size, W*size, C]` by repeating each pixel (`"nearest"`) or interpolating between neighbours (`"bilinear"`), ' +
    'with no weights. YOLOv3 upsamples its coarse feature map by 2 to merge it with a finer one; GAN generators and U-Net decoders use it followed by a ' +
    'convolution as an alternative to a transposed convolution (which can leave checkerboard artifacts).',
  params: [
    { name: 'size', type: 'size', default: 2, min: 1, doc: 'The upsampling factor: an int, or `[sh, sw]`.' },
    { name: 'interpolation', type: 'string', default: 'nearest', allowed: ['nearest', 'bilinear'], doc: '`"nearest"` repeats pixels; `"bilinear"` interpolates linearly in both directions.' },
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 4, '[B, H, W, C]')) return undefined;
    const [b, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const size = sizeArg(ctx, 'size', 2);
    if (!size) return undefined;
    return [b, mul(h, size[0]!), mul(w, size[1]!), c];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: (ctx, [out]) => (ctx.string('interpolation') === 'bilinear' ? mul(8, product(out!)) : 0),
};

const PAIRS_DOC = 'an int (every side), `[ph, pw]` (top and bottom, left and right), or `[[top, bottom], [left, right]]`';

export const ZeroPadding2D: LayerSpec = {
  name: 'ZeroPadding2D',
  category: 'resizing',
  doc:
    'Adds rows and columns of zeros around an image: `[B, H, W, C] -> [B, H + top + bottom, W + left + right, C]`. A convolution\'s `padding` does this ' +
    'inside the layer; a separate ZeroPadding2D allows uneven padding (ResNet in Keras pads by 3 before its 7x7 stride-2 convolution, and by 1 before the ' +
    'max pool, to match PyTorch\'s symmetric padding).',
  params: [{ name: 'padding', type: 'padding', default: 1, doc: `The zeros to add: ${PAIRS_DOC}.` }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 4, '[B, H, W, C]')) return undefined;
    const [b, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const pads = pairsArg(ctx, 'padding', 2);
    if (!pads) return undefined;
    const [ph, pw] = pads as [{ before: Dim; after: Dim }, { before: Dim; after: Dim }];
    return [b, add(add(h, ph.before), ph.after), add(add(w, pw.before), pw.after), c];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

export const Cropping2D: LayerSpec = {
  name: 'Cropping2D',
  category: 'resizing',
  doc:
    'Removes rows and columns from the edges of an image: `[B, H, W, C] -> [B, H - top - bottom, W - left - right, C]`. The original U-Net crops the ' +
    'encoder\'s larger feature maps to the decoder\'s size before concatenating them (its unpadded convolutions shrink the image).',
  params: [{ name: 'cropping', type: 'padding', default: 0, doc: `The rows and columns to remove: ${PAIRS_DOC}.` }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 4, '[B, H, W, C]')) return undefined;
    const [b, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const crops = pairsArg(ctx, 'cropping', 2);
    if (!crops) return undefined;
    const [ch, cw] = crops as [{ before: Dim; after: Dim }, { before: Dim; after: Dim }];
    const out = [sub(sub(h, ch.before), ch.after), sub(sub(w, cw.before), cw.after)];
    if (!checkFits(ctx, out, [h, w], [msg`height`, msg`width`], 'cropping', msg`cropping`)) return undefined;
    return [b, out[0]!, out[1]!, c];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};
