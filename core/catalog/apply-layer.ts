// Applies a catalog entry to resolved arguments and input tensors: runs its
// shape rule, weight count and FLOP count. Pure: problems come back as data
// for the checker to place in the source.

import { msg } from '../i18n/message.js';
import type { Dim } from '../shapes/dim.js';
import type { DType, TensorValue, Value } from '../values.js';
import { isInitProblem, parseInitializer } from './initializers.js';
import type { At, FixHint, LayerContext, LayerSpec, WeightCount } from './layer-spec.js';

export interface LayerProblem {
  code: string;
  message: string;
  at?: At;
  fix?: FixHint;
}

export interface LayerApplication {
  /** one shape per output; empty when the rule reported an error */
  outputs: Dim[][];
  dtype: DType;
  weights: WeightCount;
  flops: Dim;
  problems: LayerProblem[];
}

/** `countFlops: false` skips the FLOP count (only the summary needs it). */
export function applyLayer(spec: LayerSpec, args: Readonly<Record<string, Value>>, inputs: readonly TensorValue[], countFlops = true): LayerApplication {
  const problems: LayerProblem[] = [];
  const ctx: LayerContext = new Context(spec, args, inputs, problems);
  const failed = (): LayerApplication => ({ outputs: [], dtype: 'float32', weights: { trainable: 0, nonTrainable: 0 }, flops: 0, problems });
  if (inputs.length < spec.inputs.min || inputs.length > spec.inputs.max) {
    const expected = spec.inputs.min === spec.inputs.max ? `${spec.inputs.min}` : msg`${spec.inputs.min} to ${spec.inputs.max}`;
    const names = spec.inputs.names.slice(0, Math.max(spec.inputs.max, 1)).join(', ');
    ctx.error(
      'NN2010',
      spec.inputs.max === 1
        ? msg`${spec.name} takes ${expected} input tensor (${names}), but got ${inputs.length}`
        : msg`${spec.name} takes ${expected} input tensors (${names}), but got ${inputs.length}`,
    );
    return failed();
  }
  const accepted = spec.inputDTypes ?? ['float32'];
  for (let i = 0; i < inputs.length; i++) {
    const dtype = inputs[i]!.dtype;
    if (!accepted.includes(dtype) && !(accepted.includes('float32') && dtype === 'int32' && spec.inputDTypes === undefined)) {
      const name = spec.inputs.names[i];
      const message =
        name === undefined
          ? msg`${spec.name} expects ${accepted.join(msg` or `)} input, but the input is ${dtype}`
          : msg`${spec.name} expects ${accepted.join(msg` or `)} input, but ${name} is ${dtype}`;
      ctx.error('NN2011', message, { input: i });
      return failed();
    }
  }
  checkInitializers(spec, args, problems);
  try {
    const shape = spec.shape(ctx);
    if (!shape) return failed();
    const outputs = spec.multipleOutputs ? (shape as Dim[][]) : [shape as Dim[]];
    return { outputs, dtype: spec.outputDType ?? 'float32', weights: spec.weights(ctx, outputs), flops: countFlops ? spec.flops(ctx, outputs) : 0, problems };
  } catch (e) {
    if (e instanceof ArgumentUnavailable) return failed();
    throw e;
  }
}

/**
 * The initialiser arguments (`init: "he_normal"`): a known name with
 * numbers that make sense (NN3016, NN3017), `"pytorch"` only where it means
 * something, and only for a weight the layer has (`bias_init` with
 * `bias: false` is a mistake). Reported at the argument; the shape is still
 * computed.
 */
function checkInitializers(spec: LayerSpec, args: Readonly<Record<string, Value>>, problems: LayerProblem[]): void {
  for (const param of spec.params) {
    const v = args[param.name];
    if (!param.initializer || v?.kind !== 'string') continue;
    const at = { arg: param.name };
    const read = parseInitializer(v.value);
    if (isInitProblem(read)) {
      const fix: FixHint | undefined = read.replacement === undefined ? undefined : { kind: 'replaceArg', text: `"${read.replacement}"`, title: msg`Change to "${read.replacement}"` };
      problems.push({ code: read.code, message: msg`${spec.name}: ${read.message}`, at, ...(fix ? { fix } : {}) });
      continue;
    }
    if (read.name === 'pytorch' && !param.initializer.pytorch) {
      problems.push({ code: 'NN3017', message: msg`${spec.name}: "pytorch" names no default here (PyTorch has no module like it); say how it starts, e.g. "normal(0, 0.02)"`, at });
      continue;
    }
    const needs = param.initializer.needs;
    const flag = needs === undefined ? undefined : args[needs];
    if (flag?.kind === 'bool' && !flag.value && v.value !== param.default) {
      problems.push({ code: 'NN3017', message: msg`${spec.name}: '${param.name}' starts a weight the layer does not have (${needs}: false)`, at });
    }
  }
}

/** Thrown by an argument reader when the argument is unknown (already reported): the rule stops quietly. */
class ArgumentUnavailable extends Error {}

const toDims = (v: Value): Dim[] => (v.kind === 'list' ? v.items.map((i) => (i.kind === 'int' ? i.value : 0)) : v.kind === 'int' ? [v.value] : []);

/** The argument readers a shape rule uses (a class: no closures per application). */
class Context implements LayerContext {
  constructor(
    readonly spec: LayerSpec,
    readonly args: Readonly<Record<string, Value>>,
    readonly inputs: readonly TensorValue[],
    private readonly problems: LayerProblem[],
  ) {}

  private get(name: string): Value {
    const v = this.args[name];
    if (!v || v.kind === 'unknown') throw new ArgumentUnavailable(name);
    return v;
  }

  int(name: string): Dim {
    const v = this.get(name);
    return v.kind === 'int' ? v.value : v.kind === 'float' ? v.value : 0;
  }

  float(name: string): number {
    const v = this.get(name);
    return v.kind === 'float' ? v.value : v.kind === 'int' && typeof v.value === 'number' ? v.value : NaN;
  }

  bool(name: string): boolean {
    const v = this.get(name);
    return v.kind === 'bool' && v.value;
  }

  string(name: string): string {
    const v = this.get(name);
    return v.kind === 'string' ? v.value : v.kind === 'name' ? v.name : '';
  }

  size(name: string, rank: number): Dim[] {
    const v = this.get(name);
    if (v.kind === 'int') return new Array<Dim>(rank).fill(v.value);
    const dims = toDims(v);
    if (dims.length !== rank) {
      this.problems.push({ code: 'NN3002', message: msg`${this.spec.name}: '${name}' needs 1 or ${rank} values, but has ${dims.length}`, at: { arg: name } });
      throw new ArgumentUnavailable(name);
    }
    return dims;
  }

  ints(name: string): Dim[] {
    return toDims(this.get(name));
  }

  error(code: string, message: string, at?: At, fix?: FixHint): undefined {
    const problem: LayerProblem = { code, message };
    if (at) problem.at = at;
    if (fix) problem.fix = fix;
    this.problems.push(problem);
    return undefined;
  }
}
