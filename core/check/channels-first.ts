// Images written channels-first, as PyTorch lays them out: `[B, 1, 32, 32]`
// into a convolution gives "the kernel does not fit: output height would be
// -3". Here images are channels-last, `[B, H, W, C]`. When a 2-D layer
// rejects an image that looks channels-first (a channel-sized axis 1 of 1,
// 3 or 4 before two larger axes), or the definition declares such an
// input, the error says so, and the fix declares the input channels-last.

import type { InputStmt } from '../../grammar/ast.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { type Dim, formatDim, isConst } from '../shapes/dim.js';
import type { TensorValue } from '../values.js';
import type { CheckState, Frame } from './state.js';

/** Layers that take images `[B, H, W, C]` and whose shape errors may come from a channels-first input. */
const IMAGE_LAYERS = new Set(['Conv2D', 'Conv2DTranspose', 'MaxPool2D', 'AvgPool2D', 'AdaptiveAvgPool2D', 'BatchNorm', 'GroupNorm']);

/** The errors such an input causes: a window that does not fit, channels that disagree or do not divide. */
const SHAPE_CODES = new Set(['NN2003', 'NN2004', 'NN2005']);

/** Axis 1 is a channel count (grey, RGB, RGBA) and the two after it are not; `undefined`: a size not known here. */
export function looksChannelsFirst(shape: readonly (Dim | undefined)[]): boolean {
  if (shape.length !== 4) return false;
  const [, c, h, w] = shape;
  const small = (d: Dim | undefined) => d !== undefined && isConst(d) && d <= 4;
  return c !== undefined && isConst(c) && [1, 3, 4].includes(c) && !small(h) && !small(w);
}

/**
 * What to add to a layer's shape error when its image looks channels-first:
 * a clause for the end of the message (with its leading separator) and,
 * where the input is declared in this definition, the fix that declares it
 * channels-last.
 */
export function channelsFirstNote(st: CheckState, fr: Frame, layer: string, code: string, input: TensorValue | undefined): { clause: string; fixes: Fix[] } | undefined {
  if (!IMAGE_LAYERS.has(layer) || !SHAPE_CODES.has(code)) return undefined;
  const declared = declaredInputs(fr);
  // an input of this definition written channels-first (the rejected tensor, or one it came from); else the
  // rejected tensor itself when it is an input as given (a block's input, from the caller's declaration)
  const culprit = declared.find((d) => looksChannelsFirst(d.sizes));
  const rejected = input && isDeclaredInput(st, fr, input) && looksChannelsFirst(input.shape) ? input : undefined;
  let written: string[];
  if (culprit) written = culprit.items;
  else if (rejected) written = rejected.shape.map(formatDim);
  else return undefined;
  const [b, c, h, w] = written as [string, string, string, string];
  const shape = written.join(', ');
  const channelsLast = `[${b}, ${h}, ${w}, ${c}]`;
  if (!culprit) {
    return { clause: msg`; images here are channels-last [B, H, W, C], and the input [${shape}] looks channels-first (PyTorch's [B, C, H, W]): as an image it is ${channelsLast}`, fixes: [] };
  }
  const name = culprit.stmt.name.name;
  return {
    clause: msg`; images here are channels-last [B, H, W, C], and the input ${name}: [${shape}] looks channels-first (PyTorch's [B, C, H, W]): as an image it is ${channelsLast}`,
    fixes: [{ title: msg`Declare ${name} channels-last: ${channelsLast}`, edits: [{ range: culprit.stmt.shape.range, newText: channelsLast }] }],
  };
}

/**
 * Whether a tensor is an input as its definition declares it (a block's
 * input passed on from the caller's `input image: [...]`): its origin is the
 * name of an input statement. Told by place, not by the origin's words,
 * which are in the reader's language.
 */
function isDeclaredInput(st: CheckState, fr: Frame, t: TensorValue): boolean {
  const { file, range } = t.origin;
  const program = (file === undefined ? fr.module : st.modules.get(file))?.program;
  return (program?.items ?? []).some(
    (item) => item.kind === 'Definition' && item.body.some((s) => s.kind === 'Input' && s.name.range.start === range.start && s.name.range.end === range.end),
  );
}

interface DeclaredInput {
  stmt: InputStmt;
  /** each size as written */
  items: string[];
  /** each size where it is a number here (a literal, or a parameter's value) */
  sizes: (Dim | undefined)[];
}

/** The rank-4 inputs this frame's definition declares. */
function declaredInputs(fr: Frame): DeclaredInput[] {
  const out: DeclaredInput[] = [];
  for (const s of fr.definition?.body ?? []) {
    // a channel count written as a number (`[B, 1, 32, 32]`), not a block's shape names (`[B, H, W, C]`)
    if (s.kind !== 'Input' || s.shape.items.length !== 4 || s.shape.items[1]!.kind !== 'Number') continue;
    const items = s.shape.items.map((item) => fr.module.text.slice(item.range.start, item.range.end));
    const sizes = s.shape.items.map((item): Dim | undefined => {
      if (item.kind === 'Number') return item.value;
      const v = item.kind === 'Identifier' ? fr.scope.lookup(item.name)?.value : undefined;
      return v?.kind === 'int' ? v.value : undefined;
    });
    out.push({ stmt: s, items, sizes });
  }
  return out;
}
