// Layers whose names are ours but whose arguments were written in PyTorch's
// order (NN1018): `Dense(784, 128)` (Linear's input size first),
// `GroupNorm(32, 256)` (with the channels), `MultiHeadAttention(512, 8)`
// (embed_dim before num_heads), `Conv2D(3, 64, 3)` (in, out, kernel). Each
// is recognised only where our reading of the arguments cannot be meant;
// the layer is then configured as the fix will write it, so the mistake is
// one error and the shapes after it are still checked.

import type { Range } from '../../grammar/ast.js';
import type { LayerSpec } from '../catalog/layer-spec.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { isConst } from '../shapes/dim.js';
import type { ArgInput } from './bind-args.js';
import { applyEdits } from './foreign-calls.js';

export interface PositionalHabit {
  message: string;
  /** the arguments at fault */
  range: Range;
  fix: Fix;
  /** the arguments as the fix writes them */
  args: ArgInput[];
}

/** The habit these arguments show for this layer, if any. `text` is the file's source. */
export function positionalHabit(spec: LayerSpec, args: readonly ArgInput[], argsRange: Range, text: string): PositionalHabit | undefined {
  const positional = args.filter((a) => a.name === undefined);
  const named = (name: string) => args.some((a) => a.name === name);
  const int = (i: number): number | undefined => {
    const v = positional[i]?.value;
    return v?.kind === 'int' && isConst(v.value) ? v.value : undefined;
  };
  const written = (): string => text.slice(argsRange.start, argsRange.end);
  switch (spec.name) {
    case 'Dense':
      // the second positional argument is the activation, a string: an int there is Linear's out_features
      if (positional.length >= 2 && positional[1]!.value.kind === 'int') {
        return drop('Dense', args, positional[0]!, argsRange, text, msg`Dense${written()} reads as PyTorch's Linear(in, out): Dense takes only the output size, the input size comes from the input`);
      }
      return undefined;
    case 'GroupNorm':
      // the second positional argument is epsilon: a whole number of at least 1 there is PyTorch's num_channels
      if (positional.length >= 2 && positional[1]!.value.kind === 'int' && (int(1) === undefined || int(1)! >= 1)) {
        return drop('GroupNorm', args, positional[1]!, argsRange, text, msg`GroupNorm${written()} reads as PyTorch's GroupNorm(num_groups, num_channels): GroupNorm takes only the groups, the channels come from the input`);
      }
      return undefined;
    case 'MultiHeadAttention': {
      // more heads than the model width cannot be meant (every head would be narrower than one feature)
      const [heads, d] = [int(0), int(1)];
      if (heads !== undefined && d !== undefined && heads > d && !named('inner')) return swap(args, positional[0]!, positional[1]!, text);
      return undefined;
    }
    case 'Conv2D':
    case 'Conv2DTranspose': {
      // (in, out, k): a kernel of 16 or more with a stride of at most 7 and no more filters than that "kernel"
      const [a, b, c] = [int(0), int(1), int(2)];
      if (a !== undefined && b !== undefined && c !== undefined && b >= 16 && c <= 7 && a <= b && !named('kernel') && !named('stride')) {
        const torch = spec.name === 'Conv2D' ? 'Conv2d' : 'ConvTranspose2d';
        return drop(spec.name, args, positional[0]!, argsRange, text, msg`${spec.name}${written()} reads as PyTorch's ${torch}(in, out, k): ${spec.name} takes (filters, kernel, stride), the input channels come from the input`);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function drop(layer: string, args: readonly ArgInput[], arg: ArgInput, argsRange: Range, text: string, why: string): PositionalHabit {
  const i = args.indexOf(arg);
  const next = args[i + 1];
  const previous = args[i - 1];
  const range = next ? { start: argStart(arg), end: argStart(next) } : previous ? { start: previous.range.end, end: arg.range.end } : arg.range;
  const edits = [{ range, newText: '' }];
  const result = applyEdits(text, argsRange, edits);
  const fixed = `${layer}${result}`;
  return {
    message: msg`${why}; write ${fixed}`,
    range: arg.range,
    fix: { title: msg`Change to '${fixed}'`, edits },
    args: args.filter((a) => a !== arg),
  };
}

function swap(args: readonly ArgInput[], a: ArgInput, b: ArgInput, text: string): PositionalHabit {
  const [ta, tb] = [text.slice(a.range.start, a.range.end), text.slice(b.range.start, b.range.end)];
  const range = { start: a.range.start, end: b.range.end };
  const fixed = `MultiHeadAttention(${tb}, ${ta})`;
  return {
    message: msg`MultiHeadAttention(${ta}, ${tb}) reads as PyTorch's MultiheadAttention(embed_dim, num_heads): here the heads come first, MultiHeadAttention(heads, d); write ${fixed}`,
    range,
    fix: {
      title: msg`Change to '${fixed}'`,
      edits: [
        { range: a.range, newText: tb },
        { range: b.range, newText: ta },
      ],
    },
    args: args.map((x) => (x === a ? b : x === b ? a : x)),
  };
}

function argStart(a: ArgInput): number {
  return a.nameRange?.start ?? a.range.start;
}
