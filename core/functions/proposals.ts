// R-CNN's first steps, before the CNN: propose regions, then warp each to
// the network's input size. Pipeline-only: they are not layers.

import { msg } from '../i18n/message.js';
import type { Dim } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { NO_FLOPS } from './flops.js';
import type { FunctionSpec } from './function-spec.js';
import { checkSizes, expectDtype, expectRank, expectSize } from './util.js';

export const selective_search: FunctionSpec = {
  name: 'selective_search',
  category: 'detection',
  pipelineOnly: true,
  // a pipeline step: only models are summarised
  flops: NO_FLOPS,
  doc:
    'Proposes `count` regions of an image that may hold an object, as boxes `[count, 4]` (x1, y1, x2, y2 in pixels, x2 and y2 exclusive): the first step of R-CNN, ' +
    'which then classifies each region. It is selective search (Uijlings et al. 2013) in its "fast" mode: the image is cut into segments by ' +
    'Felzenszwalb and Huttenlocher\'s graph-based method (scales k = 50 and 100), then neighbouring regions are merged, the most similar pair first ' +
    '(colour and texture histograms, size, how well they fill their joint box), until one region is left; every region formed is a proposal. This is done ' +
    'in two colour spaces (HSV, Lab) with two similarity combinations, and the proposals are ranked as the paper ranks them (large regions tend to come ' +
    'first), each box once. An image with fewer distinct regions than `count` repeats its list to fill the rows; `nms` drops the repeats. ' +
    'The image is `[H, W, 3]` or a batch of one, `[1, H, W, 3]`, with values in [0, 1].',
  params: [
    { name: 'image', type: 'tensor', doc: 'One RGB image, `[H, W, 3]` or `[1, H, W, 3]`.' },
    { name: 'count', type: 'int', default: 2000, min: 1, doc: 'How many regions to propose (R-CNN used about 2000).' },
  ],
  call(ctx) {
    const fn = 'selective_search';
    const image = ctx.tensor('image');
    const count = ctx.int('count');
    if (!expectRank(ctx, fn, 'image', image, [3, 4], msg`[H, W, 3] or [1, H, W, 3]`) || !checkSizes(ctx, fn, 'count', [count])) return undefined;
    const rank = image.shape.length;
    if (!expectSize(ctx, fn, 'image', image, rank - 1, 3, msg`with 3 colour channels, [H, W, 3]`)) return undefined;
    const batch = image.shape[0]!;
    if (rank === 4 && typeof batch === 'number' && batch !== 1) {
      return ctx.error('NN2004', msg`${fn} proposes regions for one image at a time, but image ${formatShape(image.shape)} holds ${batch}; pass [1, H, W, 3] or [H, W, 3]`, 'image');
    }
    return ctx.result([count, 4], 'float32');
  },
};

export const crop_and_resize: FunctionSpec = {
  name: 'crop_and_resize',
  category: 'detection',
  pipelineOnly: true,
  // a pipeline step: only models are summarised
  flops: NO_FLOPS,
  doc:
    'Cuts each box out of the image and resizes it (bilinearly) to `size`, whatever its own proportions: R-CNN warps every proposed region to ' +
    'the CNN\'s input, 227 x 227 for AlexNet or 224 x 224 for VGG. An image `[1, H, W, C]` (or `[H, W, C]`) and boxes `[N, 4]` give `[N, h, w, C]`, ' +
    'a batch of N crops. Boxes are x1, y1, x2, y2 in pixels, as selective_search gives them.',
  params: [
    { name: 'image', type: 'tensor', doc: 'The image, `[1, H, W, C]` (or `[H, W, C]`).' },
    { name: 'boxes', type: 'tensor', doc: 'The regions to cut, `[N, 4]`.' },
    { name: 'size', type: 'ints', doc: 'The output size of each crop, `[h, w]`.' },
  ],
  call(ctx) {
    const fn = 'crop_and_resize';
    const image = ctx.tensor('image');
    const boxes = ctx.tensor('boxes');
    const size = ctx.ints('size');
    if (!expectRank(ctx, fn, 'image', image, [3, 4], msg`[1, H, W, C] or [H, W, C]`)) return undefined;
    if (!expectRank(ctx, fn, 'boxes', boxes, 2, '[N, 4]') || !expectSize(ctx, fn, 'boxes', boxes, 1, 4, '[N, 4]')) return undefined;
    if (!expectDtype(ctx, fn, 'boxes', boxes, ['float32', 'int32'])) return undefined;
    if (size.length !== 2) return ctx.error('NN3003', msg`${fn}: size must be [h, w], but ${formatShape(size)} has ${size.length} entries`, 'size');
    if (!checkSizes(ctx, fn, 'size', size)) return undefined;
    const [h, w] = size as [Dim, Dim];
    const channels = image.shape[image.shape.length - 1]!;
    return ctx.result([boxes.shape[0]!, h, w, channels], 'float32');
  },
};

export const PROPOSAL_FUNCTIONS: readonly FunctionSpec[] = [selective_search, crop_and_resize];
