// Windowed attention (SAM, Swin): cut a feature map into square windows that
// attend separately, and put the windows back together.

import { msg } from '../i18n/message.js';
import { ceilDiv, type Dim, div, formatDim, isIntegral, mul } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import type { FunctionSpec } from './function-spec.js';
import { NO_FLOPS } from './flops.js';
import { checkSizes, expectRank, expectSize } from './util.js';

/** Windows along one axis of size `size` (padded up to a multiple of `window`). */
const windowsAlong = (size: Dim, window: Dim): Dim => ceilDiv(size, window);

export const window_partition: FunctionSpec = {
  name: 'window_partition',
  category: 'window',
  doc:
    'Cuts a feature map `[B, H, W, C]` into non-overlapping `window x window` squares and stacks them on the batch axis: ' +
    '`[B*nH*nW, window, window, C]`, where `nH = ceil(H / window)` and `nW = ceil(W / window)`. H and W are first padded with zeros up to ' +
    'multiples of the window. SAM\'s image encoder does this so that attention costs grow with the window, not the image: its `[B, 64, 64, 768]` ' +
    'grid with window 14 is padded to 70 x 70 and becomes 25 windows, `[25*B, 14, 14, 768]`. `window_unpartition` undoes it.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The feature map, `[B, H, W, C]`.' },
    { name: 'window', type: 'int', min: 1, doc: 'The side of each square window.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const window = ctx.int('window');
    if (!expectRank(ctx, 'window_partition', 'x', x, 4, '[B, H, W, C]') || !checkSizes(ctx, 'window_partition', 'window', [window])) return undefined;
    const [b, h, w, c] = x.shape as [Dim, Dim, Dim, Dim];
    const count = mul(windowsAlong(h, window), windowsAlong(w, window));
    return ctx.result([mul(b, count), window, window, c], x.dtype);
  },
};

export const window_unpartition: FunctionSpec = {
  name: 'window_unpartition',
  category: 'window',
  doc:
    'Puts windows made by `window_partition` back together: `[B*nH*nW, window, window, C]` becomes `[B, H, W, C]`, dropping the zero ' +
    'padding. `size` is the original `[H, W]`; the batch size is recovered by dividing the first axis by the number of windows, ' +
    '`nH * nW` (for SAM, `[25*B, 14, 14, 768]` with size `[64, 64]` gives `[B, 64, 64, 768]`).',
  params: [
    { name: 'x', type: 'tensor', doc: 'The windows, `[B*nH*nW, window, window, C]`.' },
    { name: 'window', type: 'int', min: 1, doc: 'The side of each square window (as given to window_partition).' },
    { name: 'size', type: 'ints', doc: 'The original height and width, `[H, W]`, before padding.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const fn = 'window_unpartition';
    const x = ctx.tensor('x');
    const window = ctx.int('window');
    const size = ctx.ints('size');
    if (size.length !== 2) return ctx.error('NN3003', msg`${fn}: size must be [H, W], but ${formatShape(size)} has ${size.length} entries`, 'size');
    if (!checkSizes(ctx, fn, 'size', size) || !checkSizes(ctx, fn, 'window', [window])) return undefined;
    const layout = `[B*nH*nW, ${formatDim(window)}, ${formatDim(window)}, C]`;
    if (!expectRank(ctx, fn, 'x', x, 4, layout)) return undefined;
    if (!expectSize(ctx, fn, 'x', x, 1, window, layout) || !expectSize(ctx, fn, 'x', x, 2, window, layout)) return undefined;
    const [h, w] = size as [Dim, Dim];
    const count = mul(windowsAlong(h, window), windowsAlong(w, window));
    const batch = div(x.shape[0]!, count);
    if (!isIntegral(batch)) {
      return ctx.error(
        'NN2005',
        msg`${fn}: the first axis of ${formatShape(x.shape)} (${formatDim(x.shape[0]!)}) must be a whole number of images times ${formatDim(count)} windows (size ${formatShape(size)} with window ${formatDim(window)})`,
        'x',
      );
    }
    return ctx.result([batch, h, w, x.shape[3]!], x.dtype);
  },
};

export const WINDOW_FUNCTIONS: readonly FunctionSpec[] = [window_partition, window_unpartition];
