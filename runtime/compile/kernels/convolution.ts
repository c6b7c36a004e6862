// Convolutions (1-D, 2-D, transposed 2-D) with PyTorch's options: explicit
// padding, dilation and channel groups. Layout is channels-last:
// [B, H, W, C] and [B, T, C].

import { msg } from '../../../core/i18n/message.js';
import type { Tensor, TF } from '../../tf-types.js';
import { type BuildContext, CompileError, type Kernel, type WeightSpec } from '../kernel.js';
import { lastDim } from '../kernel.js';
import { chosenInitializer, type Fans, pytorchLinear } from '../initializers.js';
import { applyActivation } from './activations.js';
import { isZero, type Padding, type Pair, paddingOf } from './padding.js';

function convWeights(k: BuildContext, rank: 1 | 2): WeightSpec[] {
  const channels = lastDim(k.inputs[0]!);
  const filters = k.args.int('filters');
  const groups = k.args.int('groups');
  const kernel = k.args.size('kernel', rank);
  const area = kernel.reduce((a, b) => a * b, 1);
  const fans = { fanIn: area * (channels / groups), fanOut: area * (filters / groups) };
  return [
    {
      name: 'kernel',
      // [kh, kw, C/groups, F]: each group of F/groups filters sees C/groups channels
      shape: [...kernel, channels / groups, filters],
      init: chosenInitializer(k.args, 'init', 'glorot_uniform', fans, pytorchLinear(fans.fanIn)),
      trainable: true,
    },
    ...biasWeight(k, filters, fans),
  ];
}

/** The bias [F], when the layer has one; PyTorch starts it as the kernel, uniform in ±1/sqrt(fan_in). */
function biasWeight(k: BuildContext, filters: number, fans: Fans): WeightSpec[] {
  if (!k.args.bool('bias')) return [];
  return [{ name: 'bias', shape: [filters], init: chosenInitializer(k.args, 'bias_init', 'zeros', fans, pytorchLinear(fans.fanIn)), trainable: true }];
}

/** Explicit zeros around the spatial axes of a channels-last tensor. */
export function padSpatial(tf: TF, x: Tensor, pairs: Pair[], value = 0): Tensor {
  if (isZero(pairs)) return x;
  return tf.pad(x, [[0, 0], ...pairs.map((p): [number, number] => [p.before, p.after]), [0, 0]], value);
}

/**
 * A kernel [k1, (k2,) C, F] spread out with zeros between its taps, so that a
 * plain convolution with it is the dilated one (tfjs has no gradient for
 * dilated convolutions). Differentiable: pad, reshape and slice.
 */
export function dilateKernel(tf: TF, w: Tensor, dilation: number[]): Tensor {
  if (dilation.every((d) => d === 1)) return w;
  const spatial = w.shape.slice(0, -2);
  const [c, f] = w.shape.slice(-2) as [number, number];
  // [k1, k2, C, F] -> [k1, 1, k2, 1, C, F] -> zeros after each tap -> [k1*d1, k2*d2, C, F] -> cut the trailing zeros
  const spaced = tf.reshape(w, spatial.flatMap((k) => [k, 1]).concat([c, f]));
  const padded = tf.pad(spaced, [...spatial.flatMap((_, i): [number, number][] => [[0, 0], [0, dilation[i]! - 1]]), [0, 0], [0, 0]]);
  const grown = tf.reshape(padded, [...spatial.map((k, i) => k * dilation[i]!), c, f]);
  return tf.slice(grown, spatial.map(() => 0).concat([0, 0]), [...spatial.map((k, i) => (k - 1) * dilation[i]! + 1), c, f]);
}

/** Runs `conv` once per channel group and joins the results along the channels. */
function grouped(tf: TF, x: Tensor, w: Tensor, groups: number, conv: (x: Tensor, w: Tensor) => Tensor): Tensor {
  if (groups === 1) return conv(x, w);
  const xs = tf.split(x, groups, x.rank - 1);
  const ws = tf.split(w, groups, w.rank - 1);
  return tf.concat(
    xs.map((xi, i) => conv(xi, ws[i]!)),
    x.rank - 1,
  );
}

function finish(k: Parameters<Kernel['call']>[0], y: Tensor): Tensor {
  const out = k.args.bool('bias') ? k.tf.add(y, k.weight('bias')) : y;
  return applyActivation(k.tf, k.args.string('activation'), out);
}

/**
 * Explicit padding that is exactly what TensorFlow's "same" would add for
 * this input (`padding: 1` around a 3x3 kernel at stride 1) runs as "same":
 * no padded copy of the input.
 */
export function asSame(padding: Padding, sizes: number[], kernel: number[], stride: number[], dilation: number[]): Padding {
  if (typeof padding === 'string') return padding;
  const same = padding.every((p, i) => {
    const effective = (kernel[i]! - 1) * dilation[i]! + 1;
    const total = Math.max((Math.ceil(sizes[i]! / stride[i]!) - 1) * stride[i]! + effective - sizes[i]!, 0);
    return p.before === Math.floor(total / 2) && p.after === total - Math.floor(total / 2);
  });
  return same ? 'same' : padding;
}

/** Activations TensorFlow fuses into a convolution. */
const FUSED: Record<string, 'linear' | 'relu' | 'sigmoid' | 'elu' | 'relu6'> = { linear: 'linear', relu: 'relu', sigmoid: 'sigmoid', elu: 'elu' };

export const Conv2D: Kernel = {
  weights: (k) => convWeights(k, 2),
  call(k, [x]) {
    const { tf } = k;
    const stride = k.args.size('stride', 2) as [number, number];
    const dilation = k.args.size('dilation', 2) as [number, number];
    const kernel = k.args.size('kernel', 2);
    const padding = asSame(paddingOf(k.args, 2), x!.shape.slice(1, 3), kernel, stride, dilation);
    const input = typeof padding === 'string' ? x! : padSpatial(tf, x!, padding);
    const pad = padding === 'same' ? 'same' : 'valid';
    const groups = k.args.int('groups');
    const activation = FUSED[k.args.string('activation')];
    const filter = dilateKernel(tf, k.weight('kernel'), dilation);
    if (groups === 1 && activation) {
      // one fused operation: convolution, bias and activation
      return tf.fused.conv2d({
        x: input as never,
        filter: filter as never,
        strides: stride,
        pad,
        ...(k.args.bool('bias') ? { bias: k.weight('bias') } : {}),
        activation,
      });
    }
    const y = grouped(tf, input, filter, groups, (xi, wi) => tf.conv2d(xi as never, wi as never, stride, pad));
    return finish(k, y);
  },
};

export const Conv1D: Kernel = {
  weights: (k) => convWeights(k, 1),
  call(k, [x]) {
    const { tf } = k;
    const [stride] = k.args.size('stride', 1) as [number];
    const [dilation] = k.args.size('dilation', 1) as [number];
    const padding = asSame(paddingOf(k.args, 1), [x!.shape[1]!], k.args.size('kernel', 1), [stride], [dilation]);
    const input = typeof padding === 'string' ? x! : padSpatial(tf, x!, padding);
    const pad = padding === 'same' ? 'same' : 'valid';
    const filter = dilateKernel(tf, k.weight('kernel'), [dilation]);
    const y = grouped(tf, input, filter, k.args.int('groups'), (xi, wi) => tf.conv1d(xi as never, wi as never, stride, pad));
    return finish(k, y);
  },
};

/**
 * The transposed convolution (PyTorch's ConvTranspose2d): the full output
 * `(H - 1)*stride + kernel`, then cropped by `padding` on both sides and
 * extended by `output_padding` at the end.
 */
export const Conv2DTranspose: Kernel = {
  weights(k) {
    const channels = lastDim(k.inputs[0]!);
    const filters = k.args.int('filters');
    const kernel = k.args.size('kernel', 2);
    const area = kernel[0]! * kernel[1]!;
    if (k.args.int('groups') !== 1) throw new CompileError(msg`Conv2DTranspose with groups is not supported by the compiler yet`);
    // Keras and PyTorch both count a transposed kernel's fan-in over the filters
    const fans = { fanIn: area * filters, fanOut: area * channels };
    return [
      // tfjs's layout for the transposed filter: [kh, kw, F, C]
      { name: 'kernel', shape: [...kernel, filters, channels], init: chosenInitializer(k.args, 'init', 'glorot_uniform', fans, pytorchLinear(fans.fanIn)), trainable: true },
      ...biasWeight(k, filters, fans),
    ];
  },
  call(k, [x]) {
    const { tf } = k;
    const input = x!;
    const [sh, sw] = k.args.size('stride', 2) as [number, number];
    const [kh, kw] = k.args.size('kernel', 2) as [number, number];
    const dilation = k.args.size('dilation', 2);
    if (dilation.some((d) => d !== 1)) throw new CompileError(msg`Conv2DTranspose with dilation is not supported by the compiler yet`);
    const filters = k.args.int('filters');
    const [b, h, w] = input.shape as [number, number, number, number];
    const padding = paddingOf(k.args, 2);
    if (padding === 'same') {
      return finish(k, tf.conv2dTranspose(input as never, k.weight('kernel') as never, [b, h * sh, w * sw, filters], [sh, sw], 'same'));
    }
    const full = tf.conv2dTranspose(input as never, k.weight('kernel') as never, [b, (h - 1) * sh + kh, (w - 1) * sw + kw, filters], [sh, sw], 'valid') as Tensor;
    const pads = padding === 'valid' ? [{ before: 0, after: 0 }, { before: 0, after: 0 }] : padding;
    const extra = k.args.size('output_padding', 2);
    const [fh, fw] = [full.shape[1]!, full.shape[2]!];
    // crop `before` at the start; at the end crop `after - output_padding` (negative: pad with zeros)
    const endH = pads[0]!.after - extra[0]!;
    const endW = pads[1]!.after - extra[1]!;
    const grown = padSpatial(tf, full, [{ before: 0, after: Math.max(0, -endH) }, { before: 0, after: Math.max(0, -endW) }]);
    const out = tf.slice(grown, [0, pads[0]!.before, pads[1]!.before, 0], [-1, fh - pads[0]!.before - Math.max(0, endH) + Math.max(0, -endH), fw - pads[1]!.before - Math.max(0, endW) + Math.max(0, -endW), -1]);
    return finish(k, out);
  },
};
