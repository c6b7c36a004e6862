// Tracing: the checker runs over a model once more, applied to inputs with
// concrete sizes (all but the batch), recording how every tensor is
// computed. Following those records back from the outputs gives the graph
// the compiler builds. Loops are unrolled and branches decided by the
// checker itself, so the graph is exactly what the checker checked.

import type { Definition, Range } from '../../grammar/ast.js';
import { runBudgeted, type WorkLimits } from '../check/budget.js';
import { configureBlock, checkGeneric, instantiate } from '../check/definitions.js';
import { loadModule } from '../check/modules.js';
import { Scope } from '../check/scope.js';
import { CheckState, type Frame } from '../check/state.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findModel } from '../find-model.js';
import type { Host } from '../host.js';
import { msg } from '../i18n/message.js';
import { add, type Dim, formatDim, isConst, substitute, sym, symbolName, symbolsOf } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { MAX_SIZE, SizeLimitError } from '../shapes/size-limit.js';
import type { TensorValue, Value } from '../values.js';
import { buildGraph } from './build-graph.js';
import type { Graph } from './graph.js';

export interface TraceOptions {
  /** the model (or loss) to trace; may be left out when the file has one model */
  model?: string;
  /** model parameters (`hidden: 256`) */
  overrides?: Record<string, Value>;
  /** sizes of the inputs' free names other than the batch (`T: 20`), e.g. from the data */
  sizes?: Record<string, number>;
  /**
   * the inputs' shapes without the batch axis, e.g. what the data gives:
   * they give the sizes the declarations leave open; a declared shape that
   * holds as many values is kept (the data is reshaped to it)
   */
  inputShapes?: number[][];
  /** the work the trace may do (the check's budget, budget.ts) */
  limits?: WorkLimits;
}

export type TraceResult =
  | { ok: true; graph: Graph }
  /** `message` says what is wrong in one line; `diagnostics` carry the places */
  | { ok: false; message: string; diagnostics: Diagnostic[]; range?: Range; file?: string };

export function traceModel(file: string, host: Host, options: TraceOptions = {}): TraceResult {
  const st = new CheckState(options.limits);
  const module = loadModule(st, host, file);
  if (!module) return failure(msg`cannot read ${file}`);
  const found = findModel(module.program.items.filter((i): i is Definition => i.kind === 'Definition'), file, options.model, ['model', 'loss']);
  if (typeof found === 'string') return failure(found);
  const def = found;
  const overrides = options.overrides ?? {};
  const generic = checkGeneric(st, module, def, { overrides });
  const errors = [...module.diagnostics, ...generic.diagnostics, ...generic.reached].filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, message: msg`${def.name.name} has errors`, diagnostics: errors };

  const inputs = concreteInputs(generic.inputs, options.sizes ?? {}, options.inputShapes);
  if (typeof inputs === 'string') return { ok: false, message: inputs, diagnostics: [], range: def.name.range, file };

  st.trace = true;
  st.rows = [];
  const frame: Frame = { module, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: false };
  const args = Object.entries(overrides).map(([name, value]) => ({ name, nameRange: def.name.range, value, range: def.name.range }));
  // the same work budget as `nn check`: a model too large to unroll is a diagnostic here too
  const { result, diagnostics } = st.collect(() =>
    runBudgeted(st, { file, range: def.name.range, what: def.name.name }, () => {
      const instance = configureBlock(st, frame, def, file, args, def.name.range, def);
      return instance ? instantiate(st, frame, instance, inputs.tensors, { range: def.name.range, inputRanges: [], node: def }) : undefined;
    }),
  );
  const traceErrors = diagnostics.filter((d) => d.severity === 'error');
  if (!result || result.kind === 'unknown' || traceErrors.length > 0) {
    return { ok: false, message: msg`${def.name.name} has errors with these input sizes (${inputs.tensors.map((t) => formatShape(t.shape)).join(', ')})`, diagnostics: traceErrors };
  }
  const outputs = result.kind === 'tuple' ? result.items.map((v, i) => ({ name: result.names?.[i] ?? `output${i}`, value: v })) : [{ name: 'output', value: result }];
  const rows = st.rows;
  let trainable: Dim;
  let nonTrainable: Dim;
  try {
    trainable = rows.reduce<Dim>((sum, r) => add(sum, r.trainable), 0);
    nonTrainable = rows.reduce<Dim>((sum, r) => add(sum, r.nonTrainable), 0);
  } catch (e) {
    // each layer's weights are exact (the checker saw to it), their sum may not be
    if (!(e instanceof SizeLimitError)) throw e;
    return { ok: false, message: msg`${def.name.name} has more than ${MAX_SIZE} weights: too many to train`, diagnostics: [], range: def.name.range, file };
  }
  return buildGraph({
    model: def.name.name,
    batch: inputs.batch,
    inputs: inputs.tensors.map((t, i) => ({ name: generic.inputs[i]!.name, tensor: t })),
    outputs,
    params: { trainable, nonTrainable },
    file,
  });
}

/** Whether a declared shape is concrete and holds as many values as `given` (mnist's 28x28x1 for an input of 784). */
function sameSize(declared: Dim[], given: number[]): boolean {
  if (!declared.every(isConst)) return false;
  return (declared as number[]).reduce((a, b) => a * b, 1) === given.reduce((a, b) => a * b, 1);
}

function failure(message: string): TraceResult {
  return { ok: false, message, diagnostics: [] };
}

/**
 * The model's inputs with every size concrete but the batch: the leading
 * axis of each input is the batch; other free names come from `sizes`.
 */
function concreteInputs(declared: { name: string; value: Value }[], sizes: Record<string, number>, given?: number[][]): { tensors: TensorValue[]; batch: string } | string {
  if (given && given.length !== declared.length) {
    const [takes, names, gives] = [declared.length, declared.map((d) => d.name).join(', '), given.length];
    return takes === 1 ? msg`the model takes 1 input (${names}), but the data gives ${gives}` : msg`the model takes ${takes} inputs (${names}), but the data gives ${gives}`;
  }
  let batch: string | undefined;
  for (const { name, value } of declared) {
    if (value.kind !== 'tensor') return msg`input ${name} has no shape`;
    const lead = value.shape[0];
    const leadName = lead === undefined ? undefined : symbolName(lead);
    if (leadName === undefined) return msg`input ${name} ${formatShape(value.shape)} must start with the batch axis, a name such as B`;
    batch ??= leadName;
  }
  if (batch === undefined) return msg`the model has no inputs`;
  // sizes from the command line or the data: whole numbers the checker computes with exactly
  const badSize = Object.entries(sizes).find(([, n]) => !Number.isSafeInteger(n) || n < 0);
  if (badSize) return msg`the size ${badSize[0]} = ${badSize[1]} must be a whole number from 0 to ${MAX_SIZE}`;
  const badShape = given?.find((shape) => shape.some((n) => !Number.isSafeInteger(n) || n < 0));
  if (badShape) return msg`the data's shape [${badShape.join(', ')}] must hold whole numbers from 0 to ${MAX_SIZE}`;
  const env = new Map<string, Dim>(Object.entries(sizes));
  const batchDim = sym(batch);
  const tensors: TensorValue[] = [];
  for (const [index, { name, value }] of declared.entries()) {
    const t = value as TensorValue;
    let declaredShape: Dim[];
    try {
      declaredShape = t.shape.slice(1).map((d) => substitute(d, env));
    } catch (e) {
      if (!(e instanceof SizeLimitError)) throw e;
      return msg`a size of input ${name} ${formatShape(t.shape)} is too large with these sizes: ${e.detail}`;
    }
    const shape = [batchDim, ...(given && !sameSize(declaredShape, given[index]!) ? given[index]! : declaredShape)];
    const unknown = shape.slice(1).find((d) => !isConst(d));
    if (unknown !== undefined) {
      const names = [...symbolsOf(unknown)].join(', ');
      return msg`the size ${formatDim(unknown)} of input ${name} ${formatShape(t.shape)} is not known: give ${names} a value (from the data, or a model parameter)`;
    }
    tensors.push({ kind: 'tensor', shape, dtype: t.dtype, origin: t.origin, source: { op: 'input', name, index } });
  }
  return { tensors, batch };
}
