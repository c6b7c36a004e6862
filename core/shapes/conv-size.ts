// Output lengths of convolutions and pools along one spatial axis, with the
// exact formulas of tfjs-layers (`padding: "same" | "valid"`) and PyTorch
// (explicit padding, dilation, ceil mode).

import { add, ceilDiv, type Dim, floorDiv, isConst, mul, sub } from './dim.js';

/** `"same"`, `"valid"`, or explicit zeros added before and after. */
export type Padding = 'same' | 'valid' | { before: Dim; after: Dim };

/** The receptive length of a dilated kernel: `(k - 1) * d + 1`. */
export function effectiveKernel(kernel: Dim, dilation: Dim): Dim {
  return add(mul(sub(kernel, 1), dilation), 1);
}

/**
 * tfjs `convOutputLength` / PyTorch `Conv2d`:
 * - same:     ceil(L / s)
 * - valid:    floor((L - k_eff) / s) + 1
 * - explicit: floor((L + before + after - k_eff) / s) + 1, or with ceil mode
 *   ceil(...) + 1, dropping a last window that would start in the padding.
 */
export function convOutputLength(length: Dim, kernel: Dim, stride: Dim, padding: Padding, dilation: Dim = 1, ceilMode = false): Dim {
  const k = effectiveKernel(kernel, dilation);
  if (padding === 'same') return ceilDiv(length, stride);
  const padded = padding === 'valid' ? length : add(add(length, padding.before), padding.after);
  if (!ceilMode) return add(floorDiv(sub(padded, k), stride), 1);
  let out = add(ceilDiv(sub(padded, k), stride), 1);
  const before = padding === 'valid' ? 0 : padding.before;
  // PyTorch: the last pooling window must start inside the input or the left padding.
  if (isConst(out) && isConst(length) && isConst(stride) && isConst(before) && (out - 1) * stride >= length + before) out -= 1;
  return out;
}

/**
 * Transposed convolution (tfjs `deconvLength`, PyTorch `ConvTranspose2d`):
 * - same:     L * s
 * - valid:    L * s + max(k_eff - s, 0)
 * - explicit: (L - 1) * s - before - after + k_eff + outputPadding
 */
export function deconvOutputLength(length: Dim, kernel: Dim, stride: Dim, padding: Padding, dilation: Dim = 1, outputPadding: Dim = 0): Dim {
  const k = effectiveKernel(kernel, dilation);
  if (padding === 'same') return mul(length, stride);
  if (padding === 'valid') {
    const extra = isConst(k) && isConst(stride) ? Math.max(k - stride, 0) : sub(k, stride);
    return add(mul(length, stride), extra);
  }
  return add(sub(sub(add(mul(sub(length, 1), stride), k), padding.before), padding.after), outputPadding);
}
