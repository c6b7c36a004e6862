// Whether a train block's data fits its model, for the data sources whose
// shapes are known from their arguments (../train/data-shapes.ts). The
// rules are the runtime's (runtime/data/dataset.ts toDataset,
// core/graph/trace.ts, runtime/train/run-training.ts, adversarial.ts):
// as many inputs as the data gives; each input's declared shape either
// holds as many values (the data is reshaped to it) or matches the
// data's; the model applied to inputs of those sizes; class ids that fit
// the model's output; targets `shapes` can give for that output. So a
// train block that checks clean starts training.

import type { Definition, Expr, InputStmt, Range, TrainDecl } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { type Dim, isConst, symbolName, symbolsOf, sym } from '../shapes/dim.js';
import { formatShape, product } from '../shapes/shape.js';
import { type DataShape, type DataTarget, dataShapeOf, formatExample } from '../train/data-shapes.js';
import { lossPredictions } from '../train/loss-inputs.js';
import type { PlainValue } from '../train/plan.js';
import type { TensorValue, Value } from '../values.js';
import { matchPattern } from './annotations.js';
import { checkGeneric, configureBlock, instantiate } from './definitions.js';
import { evaluate } from './evaluate.js';
import { Scope } from './scope.js';
import type { CheckState, Frame, Module } from './state.js';

/** What a data call gives, from its checked arguments; `undefined` when only its files can tell. */
export function knownData(source: string, values: Record<string, Value>): DataShape | undefined {
  const args: Record<string, PlainValue> = {};
  for (const [name, v] of Object.entries(values)) {
    const p = plainOf(v);
    if (p !== undefined) args[name] = p;
  }
  return dataShapeOf(source, args);
}

function plainOf(v: Value): PlainValue | undefined {
  if (v.kind === 'int') return isConst(v.value) ? v.value : undefined;
  if (v.kind === 'float' || v.kind === 'bool' || v.kind === 'string') return v.value;
  if (v.kind === 'list') {
    const items = v.items.map(plainOf);
    return items.every((i) => i !== undefined) ? (items as PlainValue[]) : undefined;
  }
  return undefined;
}

/** Losses that read the targets as class ids (runtime/train/run-training.ts CLASS_LOSSES); crossentropy is the default. */
const CLASS_LOSSES = new Set(['crossentropy', 'sparse_crossentropy', 'hinge']);

/** A model as the data sees it: its definition, its module, and where to report. */
interface Trained {
  definition: Definition;
  module: Module;
  /** the role in messages: "M" or "the discriminator D" */
  role: string;
}

/**
 * Supervised training: the model's inputs take what the data gives, the
 * model works on those sizes, and its output fits the data's targets.
 */
export function checkModelFitsData(st: CheckState, fr: Frame, decl: TrainDecl, model: Definition, data: DataShape, loss: Expr | undefined): void {
  const trained: Trained = { definition: model, module: moduleOf(st, fr, model), role: model.name.name };
  const outputs = fitAndApply(st, fr, trained, data, decl.data.range, decl.data);
  const output = outputs?.[0];
  if (!outputs || !output) return;
  const lossName = loss === undefined ? 'crossentropy' : loss.kind === 'Identifier' && !fr.module.definitions.get(loss.name) ? loss.name : undefined;
  const targets = data.targets;
  if (targets.kind === 'classes' && lossName !== undefined && CLASS_LOSSES.has(lossName)) {
    const problem = classOutputProblem(output, targets.shape, targets.classes);
    if (problem) {
      const [source, classes, name, given] = [data.source, targets.classes, model.name.name, `[B, ${output.join(', ')}]`];
      const message =
        targets.shape.length === 0
          ? msg`${source} gives class ids (one per example, ${classes} classes), so with ${lossName} ${name}'s output must be ${problem}, but it is ${given}`
          : msg`${source} gives class ids (one per position of ${formatExample(targets.shape)}, ${classes} classes), so with ${lossName} ${name}'s output must be ${problem}, but it is ${given}`;
      st.error(fr, 'NN4006', message, decl.target.range);
    }
  }
  if (targets.kind === 'model') {
    const problem = targets.problem(output);
    if (problem) st.error(fr, 'NN4006', problem, decl.data.range);
    else if (targets.target && loss) checkLossAtDataSizes(st, fr, loss, outputs, targets.target(output), data);
  }
  if (targets.kind === 'classes' && loss) checkLossAtDataSizes(st, fr, loss, outputs, { shape: targets.shape, dtype: 'int32' }, data);
}

/**
 * A `loss` definition applied to the model's outputs and the data's
 * targets at their sizes, as the runtime traces it (run-training.ts
 * lossFunction): a problem is reported at the loss. How many outputs it
 * takes, and whether they fit, checkLoss (train.ts) says.
 */
function checkLossAtDataSizes(st: CheckState, fr: Frame, loss: Expr, outputs: number[][], target: DataTarget, data: DataShape): void {
  // a loss that does not fit the model's outputs is reported there once (train.ts checkLossFitsModel)
  if (st.diagnostics.some((d) => d.severity === 'error' && d.range.start === loss.range.start && d.range.end === loss.range.end)) return;
  const id = loss.kind === 'Call' ? loss.callee : loss;
  const def = id.kind === 'Identifier' ? fr.module.definitions.get(id.name) : undefined;
  if (!def || def.definition.defKind !== 'loss') return;
  const taken = lossPredictions(def.definition.body.filter((s) => s.kind === 'Input').length, outputs.length);
  const generic = checkGeneric(st, st.modules.get(def.file) ?? fr.module, def.definition);
  if (taken === undefined || [...generic.diagnostics, ...generic.reached].some((d) => d.severity === 'error')) return;
  const instance = st.collect(() => {
    const value = evaluate(st, fr, loss);
    return value.kind === 'block' ? value.instance : value.kind === 'definition' ? configureBlock(st, fr, def.definition, def.file, [], loss.range, loss) : undefined;
  }).result;
  if (!instance) return;
  const origin = (what: string) => ({ file: fr.module.file, range: loss.range, what });
  const batch = sym('B');
  const tensors: TensorValue[] = [
    ...outputs.slice(0, taken).map((shape, i): TensorValue => ({ kind: 'tensor', shape: [batch, ...shape], dtype: declaredType(generic.inputs[i]?.value) ?? 'float32', origin: origin(msg`output ${i + 1} of the model`) })),
    // of the type the loss declares, as the runtime traces it (its targets' type is not checked)
    { kind: 'tensor', shape: [batch, ...target.shape], dtype: declaredType(generic.inputs[taken]?.value) ?? target.dtype, origin: origin(msg`${data.source}'s targets`) },
  ];
  const frame: Frame = { module: fr.module, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: false };
  const freshBefore = st.fresh.next;
  const { diagnostics } = st.collect(() => {
    try {
      return instantiate(st, frame, instance, tensors, { range: loss.range, inputRanges: [], node: loss });
    } finally {
      st.fresh.next = freshBefore;
    }
  });
  const sizes = tensors.map((t) => formatShape(t.shape)).join(', ');
  for (const d of diagnostics) if (d.severity === 'error') st.diagnostics.push({ ...d, message: msg`with ${data.source}'s targets (the loss given ${sizes}): ${d.message}` });
}

/**
 * Class ids of `shape` per example and an output of `output` per example:
 * the loss turns the ids into one-hot rows of the output's last axis, so
 * the output is the ids' shape with a score per class added (or, read as
 * one-hot rows already, the ids' own rank with at least that many classes).
 * Returns the output it must be, or nothing when it fits.
 */
function classOutputProblem(output: readonly number[], shape: readonly number[], classes: number): string | undefined {
  const want = `[B, ${[...shape, classes].join(', ')}]`;
  if (output.length === shape.length + 1) {
    const same = shape.every((d, i) => output[i] === d);
    return same && output.at(-1)! >= classes ? undefined : want;
  }
  const asOneHot = output.length === shape.length && shape.every((d, i) => output[i] === d) && (output.length === 0 || output.at(-1)! >= classes);
  return asOneHot ? undefined : want;
}

/**
 * Adversarial training: the discriminator takes the data's examples (one
 * input), works on their sizes, and the generator's output is what it
 * then takes.
 */
export function checkDiscriminatorFitsData(st: CheckState, fr: Frame, discriminator: Definition, generatorOutput: Value | undefined, data: DataShape, range: Range, node: Expr): void {
  const trained: Trained = { definition: discriminator, module: moduleOf(st, fr, discriminator), role: msg`the discriminator ${discriminator.name.name}` };
  if (data.inputs.length !== 1) {
    st.error(fr, 'NN4009', msg`adversarial training takes data of one input (the real examples), but ${data.source} gives ${data.inputs.length} (${data.inputs.map((i) => i.name).join(', ')})`, range);
    return;
  }
  const traced = fitInputs(st, fr, trained, data, range);
  if (!traced) return;
  apply(st, fr, trained, traced.tensors, data, range, node);
  if (generatorOutput?.kind !== 'tensor') return;
  // D is built for the data's sizes: the generator's samples must have them too
  const wanted = traced.tensors[0]!.shape;
  const pattern = { dims: wanted, variables: new Set([traced.batch]) };
  if (!matchPattern(pattern, generatorOutput.shape).ok) {
    st.error(fr, 'NN4006', msg`the generator's output ${formatShape(generatorOutput.shape)} does not fit the discriminator's input, which is ${formatShape(wanted)} on ${data.source}'s ${data.inputs[0]!.what}`, range);
  }
}

const declaredType = (v: Value | undefined): TensorValue['dtype'] | undefined => (v?.kind === 'tensor' ? v.dtype : undefined);

function moduleOf(st: CheckState, fr: Frame, def: Definition): Module {
  const file = fr.module.definitions.get(def.name.name)?.file ?? fr.module.file;
  return st.modules.get(file) ?? fr.module;
}

/** The inputs fitted to the data and the model applied to them: one example's shape of each output, when all are concrete. */
function fitAndApply(st: CheckState, fr: Frame, trained: Trained, data: DataShape, range: Range, node: Expr): number[][] | undefined {
  const generic = checkGeneric(st, trained.module, trained.definition);
  if (generic.inputs.length !== data.inputs.length) {
    const takes = generic.inputs.map((i) => i.name).join(', ');
    const gives = data.inputs.map((i) => `${i.name} ${formatExample(i.shape)}`).join(', ');
    const [source, given, role, taken] = [data.source, data.inputs.length, trained.role, generic.inputs.length];
    const names = takes ? msg` (${takes})` : '';
    const message = given === 1 ? msg`${source} gives 1 input per example (${gives}), but ${role} takes ${taken}${names}` : msg`${source} gives ${given} inputs per example (${gives}), but ${role} takes ${taken}${names}`;
    st.error(fr, 'NN4009', message, range);
    return undefined;
  }
  const traced = fitInputs(st, fr, trained, data, range);
  if (!traced) return undefined;
  const result = apply(st, fr, trained, traced.tensors, data, range, node);
  const all = result?.kind === 'tuple' ? result.items : result ? [result] : [];
  const shapes = all.map((v) => (v.kind === 'tensor' ? v.shape.slice(1) : undefined));
  // every output's shape without the batch, when each is concrete
  return shapes.length > 0 && shapes.every((s) => s?.every(isConst)) ? (shapes as number[][]) : undefined;
}

/**
 * Each input with the sizes the runtime gives it (core/graph/trace.ts
 * concreteInputs): the declared shape when it is concrete and holds as
 * many values as the data's (the data is reshaped), else the data's own,
 * which the declaration must match.
 */
function fitInputs(st: CheckState, fr: Frame, trained: Trained, data: DataShape, range: Range): { tensors: TensorValue[]; batch: string } | undefined {
  const generic = checkGeneric(st, trained.module, trained.definition);
  let batch: string | undefined;
  const tensors: TensorValue[] = [];
  for (const [index, { name, value }] of generic.inputs.entries()) {
    if (value.kind !== 'tensor') return undefined;
    const lead = value.shape[0];
    const leadName = lead === undefined ? undefined : symbolName(lead);
    if (leadName === undefined) {
      st.error(fr, 'NN4010', msg`${trained.role}'s input ${name} ${formatShape(value.shape)} must start with the batch axis, a name such as B: training gives it batches of examples`, declarationOf(trained, index)?.shape.range ?? range);
      return undefined;
    }
    batch ??= leadName;
    const given = data.inputs[index]!;
    const declared = value.shape.slice(1);
    const reshaped = declared.every(isConst) && product(declared) === product(given.shape);
    if (!reshaped) {
      const pattern = { dims: value.shape, variables: new Set(value.shape.flatMap((d) => [...symbolsOf(d)])) };
      if (!matchPattern(pattern, [lead!, ...given.shape]).ok) {
        st.error(fr, 'NN4006', msg`${data.source} gives ${given.what}, but ${trained.role}'s input ${name} is ${formatShape(value.shape)}`, range, { fixes: shapeFix(fr, trained, index, given.shape, value.shape) });
        return undefined;
      }
    }
    tensors.push({ kind: 'tensor', shape: [sym(batch), ...(reshaped ? declared : given.shape)], dtype: value.dtype, origin: value.origin });
  }
  return batch === undefined ? undefined : { tensors, batch };
}

/** The model applied to inputs of the data's sizes: what the runtime traces. Problems are reported at the data. */
function apply(st: CheckState, fr: Frame, trained: Trained, tensors: TensorValue[], data: DataShape, range: Range, node: Expr): Value | undefined {
  const generic = checkGeneric(st, trained.module, trained.definition);
  // a model with errors of its own is reported there, and never traced
  if ([...generic.diagnostics, ...generic.reached].some((d) => d.severity === 'error')) return undefined;
  const frame: Frame = { module: fr.module, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: false };
  // the sizes this application makes up (`K1` from nms) are its own: the names the rest of the check gives stay as they were
  const freshBefore = st.fresh.next;
  const { result, diagnostics } = st.collect(() => {
    try {
      const instance = configureBlock(st, frame, trained.definition, trained.module.file, [], range, node);
      return instance ? instantiate(st, frame, instance, tensors, { range, inputRanges: [], node }) : undefined;
    } finally {
      st.fresh.next = freshBefore;
    }
  });
  const sizes = tensors.map((t) => formatShape(t.shape)).join(', ');
  for (const d of diagnostics) {
    st.diagnostics.push(d.severity === 'error' ? { ...d, message: msg`with ${data.source}'s examples (inputs ${sizes}): ${d.message}` } : d);
  }
  return diagnostics.some((d) => d.severity === 'error') ? undefined : result;
}

function declarationOf(trained: Trained, index: number): InputStmt | undefined {
  return trained.definition.body.filter((s): s is InputStmt => s.kind === 'Input')[index];
}

/** The fix that declares the input as the data gives it, when the model is in this file. */
function shapeFix(fr: Frame, trained: Trained, index: number, given: number[], declared: Dim[]) {
  const declaration = declarationOf(trained, index);
  if (!declaration || trained.module.file !== fr.module.file) return [];
  const first = declaration.shape.items[0];
  const batch = first ? trained.module.text.slice(first.range.start, first.range.end) : 'B';
  const dims = declared.length === 2 && given.length > 1 ? [product(given) as number] : given;
  const shape = `[${[batch, ...dims].join(', ')}]`;
  return [{ title: msg`Change ${declaration.name.name}'s shape to ${shape}`, edits: [{ range: declaration.shape.range, newText: shape }] }];
}
