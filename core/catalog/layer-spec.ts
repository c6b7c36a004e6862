// What one layer kind is, as one catalog entry: its parameters (types,
// defaults, allowed values, docs), a symbolic shape rule, its weight counts
// and its FLOP count. Hover, completion, checking and the summary all read
// this one entry; the compiler adds a builder keyed by the same name.

import type { Dim } from '../shapes/dim.js';
import type { DType, TensorValue, Value } from '../values.js';

/**
 * The type of a layer parameter.
 * - `int`: a whole number, possibly a symbolic dimension (`d`, `2*C`)
 * - `float`: any number
 * - `size`: an int or a list of ints, one per spatial axis (kernel size, stride)
 * - `padding`: `"same"`, `"valid"`, an int, or a list of ints, one per spatial axis
 * - `ints`: a list of ints (axes, a shape)
 * - `axis`: an int; negative counts from the end
 * - `tensor`: a tensor (a weight given to the layer: tied weights)
 */
export type ParamType = 'int' | 'float' | 'bool' | 'string' | 'size' | 'padding' | 'ints' | 'axis' | 'tensor';

export type Literal = number | string | boolean | readonly number[];

export interface ParamSpec {
  name: string;
  type: ParamType;
  /** absent (and not `optional`): the parameter is required */
  default?: Literal;
  /** may be left out, and then has no value (the rule decides what that means) */
  optional?: boolean;
  /** for strings: the values allowed */
  allowed?: readonly string[];
  /** for numbers: the smallest value allowed */
  min?: number;
  /** for numbers: the largest value allowed */
  max?: number;
  /**
   * A string naming an initialiser (`init`, `bias_init`), read and checked by
   * `initializers.ts`. `pytorch`: whether `"pytorch"` means something here;
   * `needs`: the bool parameter without which the weight does not exist.
   */
  initializer?: { pytorch: boolean; needs?: string };
  doc: string;
}

/** Which tensors a layer takes: `names` are for messages and hover. */
export interface InputSpec {
  min: number;
  max: number;
  names: readonly string[];
}

/** Where a rule's complaint should point: an argument by name, or an input tensor by index. */
export interface At {
  arg?: string;
  input?: number;
}

/** A fix the rule can suggest without knowing the syntax: the checker turns it into an edit. */
export type FixHint =
  | { kind: 'insertBefore'; stage: string; title: string }
  /** the argument's whole text replaced (a did-you-mean) */
  | { kind: 'replaceArg'; text: string; title: string };

export interface LayerContext {
  readonly spec: LayerSpec;
  /** every parameter, defaults filled in */
  readonly args: Readonly<Record<string, Value>>;
  readonly inputs: readonly TensorValue[];
  /** argument readers: the value already has the parameter's type */
  int(name: string): Dim;
  float(name: string): number;
  bool(name: string): boolean;
  string(name: string): string;
  /** an int or a list, expanded to `rank` entries */
  size(name: string, rank: number): Dim[];
  ints(name: string): Dim[];
  /** reports a problem; returns undefined so a rule can `return ctx.error(...)` */
  error(code: string, message: string, at?: At, fix?: FixHint): undefined;
}

export interface WeightCount {
  trainable: Dim;
  nonTrainable: Dim;
}

export interface LayerSpec {
  name: string;
  /** a group for docs and completion: 'core', 'convolution', 'pooling', 'normalization', 'activation', ... */
  category: string;
  /** one paragraph that teaches what the layer does (shown on hover) */
  doc: string;
  params: readonly ParamSpec[];
  inputs: InputSpec;
  /** input dtypes accepted (default: float32 only) */
  inputDTypes?: readonly DType[];
  outputDType?: DType;
  /**
   * The output shape(s) from the input shapes, or undefined after reporting
   * an error with `ctx.error`. Several outputs: return an array of shapes
   * and set `multipleOutputs`.
   */
  shape(ctx: LayerContext): Dim[] | Dim[][] | undefined;
  multipleOutputs?: boolean;
  /** weight counts, as PyTorch and Keras count them (batch norm statistics are non-trainable) */
  weights(ctx: LayerContext, outputs: Dim[][]): WeightCount;
  /** floating-point operations for the whole batch: 2 per multiply-add */
  flops(ctx: LayerContext, outputs: Dim[][]): Dim;
}

export const NO_WEIGHTS: WeightCount = { trainable: 0, nonTrainable: 0 };
