// Helpers shared by the catalog entries: argument normalisation and counts.

import { msg } from '../../i18n/message.js';
import { type Padding } from '../../shapes/conv-size.js';
import { add, type Dim, formatDim, isConst, mul } from '../../shapes/dim.js';
import { formatShape, product } from '../../shapes/shape.js';
import type { LayerContext, ParamSpec } from '../layer-spec.js';

/** The `padding` argument as explicit sizes per spatial axis, or `same` / `valid`. */
export function paddingArg(ctx: LayerContext, rank: number, name = 'padding'): Padding[] {
  const v = ctx.args[name];
  if (!v || v.kind === 'string' || v.kind === 'name') {
    const text = !v ? 'valid' : v.kind === 'string' ? v.value : v.name;
    return new Array<Padding>(rank).fill(text === 'same' ? 'same' : 'valid');
  }
  if (v.kind === 'int') return new Array<Padding>(rank).fill({ before: v.value, after: v.value });
  if (v.kind === 'list' && v.items.length === rank) {
    return v.items.map((item) => {
      if (item.kind === 'int') return { before: item.value, after: item.value };
      if (item.kind === 'list' && item.items.length === 2 && item.items.every((x) => x.kind === 'int')) {
        const [b, a] = item.items as { kind: 'int'; value: Dim }[];
        return { before: b!.value, after: a!.value };
      }
      return 'valid';
    });
  }
  ctx.error('NN3002', msg`${ctx.spec.name}: padding needs 1 or ${rank} values`, { arg: name });
  return new Array<Padding>(rank).fill('valid');
}

/** Checks the input rank; reports NN2001 at the input when it differs. */
export function expectRank(ctx: LayerContext, rank: number, layout: string, input = 0, fix?: Parameters<LayerContext['error']>[3]): boolean {
  const shape = ctx.inputs[input]!.shape;
  if (shape.length === rank) return true;
  ctx.error('NN2001', msg`${ctx.spec.name} expects a rank-${rank} input ${layout}, but got rank ${shape.length}: ${formatShape(shape)}`, { input }, fix);
  return false;
}

/** Elements of one output, without the batch axis. */
export function perExample(shape: readonly Dim[]): Dim {
  return product(shape.slice(1));
}

/** Weights of a kernel plus an optional bias. */
export function kernelAndBias(kernel: Dim, bias: Dim, useBias: boolean): Dim {
  return useBias ? add(kernel, bias) : kernel;
}

/** 2 FLOPs per multiply-add, times the output elements (batch included). */
export function macFlops(outputElements: Dim, macsPerElement: Dim): Dim {
  return mul(2, mul(outputElements, macsPerElement));
}

export const ACTIVATIONS = ['linear', 'relu', 'gelu', 'sigmoid', 'tanh', 'softmax', 'leaky_relu', 'elu', 'selu', 'swish', 'softplus'] as const;

export const activationParam: ParamSpec = {
  name: 'activation',
  type: 'string',
  default: 'linear',
  allowed: ACTIVATIONS,
  doc: 'An activation applied to the output (`linear`: none).',
};

export const biasParam: ParamSpec = { name: 'bias', type: 'bool', default: true, doc: 'Whether to add a learned bias.' };

/**
 * `init:` for a layer's main weight (a kernel, a table, a scale): an
 * initialiser string, `start` its default with why; `pytorch` what
 * `"pytorch"` means for it (absent: it means nothing here).
 */
export function initParam(weight: string, start: string, why: string, pytorch?: string, needs?: string): ParamSpec {
  return {
    name: 'init',
    type: 'string',
    default: start,
    initializer: { pytorch: pytorch !== undefined, ...(needs ? { needs } : {}) },
    doc: `The initialiser of ${weight}, such as \`"he_normal"\` or \`"normal(0, 0.02)"\` (see Initialisers in the language guide). Default \`"${start}"\`${why}.` + (pytorch ? ` \`"pytorch"\`: ${pytorch}.` : ''),
  };
}

/** `bias_init:` for a layer's additive weight (a bias, a shift); the default is zeros, as in Keras and tfjs. */
export function biasInitParam(weight: string, pytorch?: string, needs = 'bias'): ParamSpec {
  return {
    name: 'bias_init',
    type: 'string',
    default: 'zeros',
    initializer: { pytorch: pytorch !== undefined, needs },
    doc: `The initialiser of ${weight}. Default \`"zeros"\` (Keras's and tfjs's).` + (pytorch ? ` \`"pytorch"\`: ${pytorch}.` : ''),
  };
}

/** PyTorch's nn.Linear and nn.ConvNd start kernel and bias alike: kaiming_uniform with a = sqrt(5). */
export const PYTORCH_LINEAR = 'as PyTorch\'s module, uniform in `±1/sqrt(fan_in)`';

// ---------------------------------------------------------------- more helpers for the catalog

/** Whether an argument was given (for optional parameters). */
export function hasArg(ctx: LayerContext, name: string): boolean {
  const v = ctx.args[name];
  return v !== undefined && v.kind !== 'unknown';
}

/**
 * `ctx.size` with every known entry checked to be at least `min` (a list
 * entry escapes `bindArgs`' range check); reports NN3003 and returns
 * undefined otherwise, so a zero stride never reaches a division.
 */
export function sizeArg(ctx: LayerContext, name: string, rank: number, min = 1): Dim[] | undefined {
  const dims = ctx.size(name, rank);
  for (const d of dims) {
    if (isConst(d) && (d < min || !Number.isInteger(d))) {
      return ctx.error('NN3003', msg`${ctx.spec.name}: every value of '${name}' must be a whole number of at least ${min}, but one is ${d}`, { arg: name });
    }
  }
  return dims;
}

/** The input's axes as named positions: `at(ctx, -1)` is the last axis of input 0. */
export function axisOf(ctx: LayerContext, axis: number, input = 0): Dim {
  const shape = ctx.inputs[input]!.shape;
  return shape[axis < 0 ? shape.length + axis : axis]!;
}

/** Checks the input has at least `rank` axes; reports NN2001 at the input otherwise. */
export function expectMinRank(ctx: LayerContext, rank: number, layout: string, input = 0): boolean {
  const shape = ctx.inputs[input]!.shape;
  if (shape.length >= rank) return true;
  ctx.error('NN2001', msg`${ctx.spec.name} expects an input of rank ${rank} or more ${layout}, but got rank ${shape.length}: ${formatShape(shape)}`, { input });
  return false;
}

/**
 * Reports NN2003 when a known output size is below 1; `what` names the window
 * and `axes` the spatial axes, as message fragments (msg`kernel`, msg`height`).
 */
export function checkFits(ctx: LayerContext, sizes: readonly Dim[], inputs: readonly Dim[], axes: readonly string[], arg: string, what: string): boolean {
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    if (isConst(size) && size < 1) {
      ctx.error('NN2003', msg`${ctx.spec.name}: the ${what} does not fit: output ${axes[i]} would be ${size} for input ${axes[i]} ${formatDim(inputs[i]!)}`, { arg });
      return false;
    }
  }
  return true;
}

/** Elements of the whole tensor (batch included). */
export function elements(shape: readonly Dim[]): Dim {
  return product(shape);
}

/** `n` FLOPs per element of the first output (elementwise layers). */
export function perElementFlops(outputs: Dim[][], n: number): Dim {
  return n === 0 ? 0 : mul(n, product(outputs[0]!));
}

/**
 * A list of pairs `[[before, after], ...]` for `rank` spatial axes, from an
 * int (the same on every side), `[p1, p2]` (symmetric per axis) or
 * `[[b1, a1], [b2, a2]]`. Reports NN3002 for a wrong count and NN3003 for a
 * negative value or a string.
 */
export function pairsArg(ctx: LayerContext, name: string, rank: number): { before: Dim; after: Dim }[] | undefined {
  const v = ctx.args[name];
  if (!v || v.kind === 'unknown') return undefined;
  const layer = ctx.spec.name;
  const bad = (message: string) => ctx.error('NN3003', message, { arg: name });
  let pairs: { before: Dim; after: Dim }[] | undefined;
  if (v.kind === 'int') pairs = new Array(rank).fill(0).map(() => ({ before: v.value, after: v.value }));
  else if (v.kind === 'list') {
    if (v.items.length !== rank) {
      return ctx.error('NN3002', msg`${layer}: '${name}' needs 1 or ${rank} values, but has ${v.items.length}`, { arg: name });
    }
    pairs = [];
    for (const item of v.items) {
      if (item.kind === 'int') pairs.push({ before: item.value, after: item.value });
      else if (item.kind === 'list' && item.items.length === 2 && item.items[0]!.kind === 'int' && item.items[1]!.kind === 'int') {
        pairs.push({ before: item.items[0].value, after: item.items[1].value });
      } else if (item.kind === 'list') {
        return ctx.error('NN3002', msg`${layer}: each entry of '${name}' is an int or a pair [before, after]`, { arg: name });
      } else return bad(msg`${layer}: each entry of '${name}' must be an int or a pair of ints`);
    }
  } else {
    const each = rank === 2 ? 'ph, pw' : 'p';
    return bad(
      v.kind === 'string'
        ? msg`${layer}: '${name}' must be an int, [${each}] or pairs [[before, after], ...], not a string "${v.value}"`
        : msg`${layer}: '${name}' must be an int, [${each}] or pairs [[before, after], ...], not a ${v.kind}`,
    );
  }
  for (const p of pairs) {
    for (const d of [p.before, p.after]) if (isConst(d) && d < 0) return bad(msg`${layer}: '${name}' must not be negative, but has ${d}`);
  }
  return pairs;
}

/**
 * Stops the rule quietly when an argument is already in error (bound to
 * `unknown`): `applyLayer` runs `weights` and `flops` outside its guard, so
 * every shape rule calls this first, before anything reads an argument.
 */
export function argumentsKnown(ctx: LayerContext): void {
  for (const p of ctx.spec.params) {
    // a reader on an unknown value throws the context's quiet "argument unavailable" signal
    if (ctx.args[p.name]?.kind === 'unknown') ctx.string(p.name);
  }
}

/** Grouped convolutions: input channels and filters must both divide by `groups` (NN2005 otherwise). */
export function groupsDivide(ctx: LayerContext, channels: Dim, filters: Dim): boolean {
  const groups = ctx.int('groups');
  const layer = ctx.spec.name;
  // one whole sentence for each, so that a translation can word them apart
  const messages = [
    [channels, (n: string) => msg`${layer}: input channels (${n}) must divide by groups (${groups})`],
    [filters, (n: string) => msg`${layer}: filters (${n}) must divide by groups (${groups})`],
  ] as const;
  for (const [n, message] of messages) {
    if (isConst(n) && isConst(groups) && n % groups !== 0) {
      ctx.error('NN2005', message(formatDim(n)), { arg: 'groups' });
      return false;
    }
  }
  return true;
}
