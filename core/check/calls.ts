// Calls and applications: configuring a layer or block (`Conv2D(64, 3)`),
// applying it to tensors (`mha(q, k, v)`, a pipeline stage), and calling
// built-in functions (`reshape(x, [B, 784])`).

import type { CallExpr, Node, Range } from '../../grammar/ast.js';
import { applyLayer } from '../catalog/apply-layer.js';
import type { LayerSpec } from '../catalog/layer-spec.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { applyFunction } from '../functions/apply-function.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import { msg } from '../i18n/message.js';
import { dimEquals, type Dim } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { describeKind, type FunctionCallRecord, type LayerApplication, type LayerInstance, type TensorValue, type TraceSite, UNKNOWN, type Value } from '../values.js';
import { passing } from './budget.js';
import { type ArgInput, bindArgs, type BindProblem } from './bind-args.js';
import { channelsFirstNote } from './channels-first.js';
import { configureBlock, instantiate } from './definitions.js';
import { chargeListWork, listItems } from './lists.js';
import { mathRowsWanted, recordFunctionRow } from './math-rows.js';
import { isLayerLike, layerAsTensor } from './layer-as-tensor.js';
import { numberExtreme } from './number-extremes.js';
import { keepWeightMark, tiedTo } from './members.js';
import { originRelated } from './origins.js';
import { positionalHabit } from './positional-habits.js';
import type { CheckState, Frame } from './state.js';
import { warnTransposeOfBatch } from './transpose-batch.js';

/** Where an application happens: the whole expression and each input's range. */
export interface Site {
  range: Range;
  inputRanges: Range[];
  /** the call or stage (what the editor's hover finds) */
  node: Node;
}

export function callValue(st: CheckState, fr: Frame, e: CallExpr, callee: Value, args: ArgInput[]): Value {
  const site: Site = { range: e.range, inputRanges: args.map((a) => a.range), node: e };
  switch (callee.kind) {
    case 'unknown':
      return UNKNOWN;
    case 'layerKind':
      if (isApplication(args)) return applyValue(st, fr, { kind: 'layer', instance: configureLayer(st, fr, callee.spec, [], e.argsRange, e) }, args.map((a) => a.value), site);
      if (args.every((a) => a.value.kind === 'unknown') && args.length > 0) return UNKNOWN;
      return { kind: 'layer', instance: configureLayer(st, fr, callee.spec, args, e.argsRange, e) };
    case 'definition': {
      if (isApplication(args)) {
        const instance = configureBlock(st, fr, callee.definition, callee.file, [], e.argsRange, e);
        return instance ? applyValue(st, fr, { kind: 'block', instance }, args.map((a) => a.value), site) : UNKNOWN;
      }
      const instance = configureBlock(st, fr, callee.definition, callee.file, args, e.argsRange, e);
      return instance ? { kind: 'block', instance } : UNKNOWN;
    }
    case 'layer':
    case 'block': {
      const named = args.find((a) => a.name !== undefined);
      if (named) {
        st.error(fr, 'NN3005', msg`${describeKind(callee)} is already configured: apply it to tensors, without names`, named.nameRange ?? named.range);
        return UNKNOWN;
      }
      return applyValue(st, fr, callee, args.map((a) => a.value), site);
    }
    case 'function':
      return callFunction(st, fr, callee.spec, args, e.argsRange, e.range);
    default:
      st.error(fr, 'NN3005', msg`${describeKind(callee)} cannot be called`, e.callee.range);
      return UNKNOWN;
  }
}

/** `LayerNorm(x)`: every argument a tensor (or unknown), none named: an application with default settings. */
function isApplication(args: ArgInput[]): boolean {
  return (
    args.length > 0 &&
    args.every((a) => a.name === undefined && (a.value.kind === 'tensor' || a.value.kind === 'tuple' || a.value.kind === 'unknown')) &&
    args.some((a) => a.value.kind === 'tensor' || a.value.kind === 'tuple')
  );
}

/** A fresh layer, or the one created at the same place when a block is applied again (shared weights). */
export function configureLayer(st: CheckState, fr: Frame, spec: LayerSpec, args: ArgInput[], argsRange: Range, node: Node): LayerInstance {
  const key = fr.weightOwner ? `${fr.module.file}:${node.range.start}#${fr.iteration}` : '';
  const memo = fr.weightOwner?.memo.get(key);
  if (memo && 'spec' in memo) return memo;
  // PyTorch's argument order (`Dense(784, 128)`): one error, and the layer configured as its fix writes it
  const habit = positionalHabit(spec, args, argsRange, fr.module.text);
  if (habit) {
    st.error(fr, 'NN1018', habit.message, habit.range, { fixes: [habit.fix] });
    args = habit.args;
  }
  const bound = bindArgs(spec.name, spec.params, args, argsRange, { foreignNames: true });
  reportBindProblems(st, fr, bound.problems);
  const instance: LayerInstance = {
    id: st.nextId(),
    spec,
    args: bound.values,
    argRanges: bound.ranges,
    origin: { file: fr.module.file, range: node.range, what: spec.name },
  };
  fr.weightOwner?.memo.set(key, instance);
  return instance;
}

export function reportBindProblems(st: CheckState, fr: Frame, problems: BindProblem[]): void {
  for (const p of problems) {
    const fixes: Fix[] = p.replacement ? [{ title: msg`Change to '${p.replacement}'`, edits: [{ range: p.range, newText: p.replacement }] }] : [];
    if (p.append) fixes.push({ title: msg`Add '${p.append}'`, edits: [{ range: { start: p.range.end, end: p.range.end }, newText: p.append }] });
    if (p.removal) fixes.push({ title: msg`Remove the argument`, edits: [{ range: p.removal, newText: '' }] });
    st.error(fr, p.code, p.message, p.range, { fixes });
  }
}

/** Applies a layer, a block or a function to input values. */
export function applyValue(st: CheckState, fr: Frame, target: Value, inputs: Value[], site: Site): Value {
  const flat = inputs.some((v) => v.kind === 'tuple') ? inputs.flatMap((v) => (v.kind === 'tuple' ? v.items : [v])) : inputs;
  let bad = -1;
  for (let i = 0; i < flat.length; i++) {
    const kind = flat[i]!.kind;
    if (kind === 'unknown') return UNKNOWN;
    if (kind !== 'tensor' && bad < 0) bad = i;
  }
  if (bad >= 0 && isLayerLike(flat[bad]!)) {
    // `Concat()(Weight([1, 8]), x)`: a layer where its tensor was meant
    const inputRange = site.inputRanges[bad] ?? site.range;
    const { what, advice, fixes } = layerAsTensor(fr.module.text, flat[bad]!, inputRange);
    st.error(fr, 'NN3020', msg`${describeKind(target)} is applied to tensors, but ${what}: ${advice}`, inputRange, { fixes });
    return UNKNOWN;
  }
  if (bad >= 0) {
    st.error(fr, 'NN3001', msg`${describeKind(target)} is applied to tensors, but this is ${describeKind(flat[bad]!)}`, site.inputRanges[bad] ?? site.range);
    return UNKNOWN;
  }
  const tensors = flat as TensorValue[];
  switch (target.kind) {
    case 'layer':
      return applyLayerInstance(st, fr, target.instance, tensors, site);
    case 'block':
      return instantiate(st, fr, target.instance, tensors, site);
    default:
      st.error(fr, 'NN3005', msg`${describeKind(target)} cannot be applied to tensors`, site.range);
      return UNKNOWN;
  }
}

function applyLayerInstance(st: CheckState, fr: Frame, layer: LayerInstance, inputs: TensorValue[], site: Site): Value {
  try {
    st.budget.application();
  } catch (e) {
    throw passing(e, { file: fr.module.file, range: site.range, what: layer.binding ?? layer.spec.name });
  }
  const recording = isRecorded(st, fr);
  const app = applyLayer(layer.spec, layer.args, inputs, st.rows !== undefined || recording);
  for (const p of app.problems) {
    const inputRange = p.at?.input !== undefined ? site.inputRanges[p.at.input] : undefined;
    const input = p.at?.input !== undefined ? inputs[p.at.input] : undefined;
    const range = (p.at?.arg !== undefined ? layer.argRanges[p.at.arg] : undefined) ?? (inputRange ? inputSiteRange(site, inputRange) : undefined) ?? site.range;
    // the layer that rejects its input is underlined; where the input's shape comes from is related
    const related = p.at?.arg === undefined && input ? originRelated(input, msg`the input has shape ${formatShape(input.shape)}`) : [];
    const fixes: Fix[] = [];
    if (p.fix?.kind === 'insertBefore' && inputRange) {
      const end = inputRange.end;
      fixes.push({ title: p.fix.title, edits: [{ range: { start: end, end }, newText: ` -> ${p.fix.stage}` }] });
    }
    const argRange = p.at?.arg !== undefined ? layer.argRanges[p.at.arg] : undefined;
    // a literal is replaced; a name bound elsewhere (`init: chosen`) is fixed where it is bound
    if (p.fix?.kind === 'replaceArg' && argRange && fr.module.text[argRange.start] === '"') fixes.push({ title: p.fix.title, edits: [{ range: argRange, newText: p.fix.text }] });
    // `[B, 1, 32, 32]` into a convolution: images here are channels-last
    const channels = channelsFirstNote(st, fr, layer.spec.name, p.code, input ?? inputs[0]);
    if (channels) fixes.push(...channels.fixes);
    st.error(fr, p.code, channels ? p.message + channels.clause : p.message, range, { fixes, related });
  }
  if (app.outputs.length === 0) return UNKNOWN;
  let trainable = app.weights.trainable;
  let nonTrainable = app.weights.nonTrainable;
  let sharedWith: string | undefined;
  if (layer.firstWeights) {
    if (!dimEquals(layer.firstWeights.trainable, app.weights.trainable) || !dimEquals(layer.firstWeights.nonTrainable, app.weights.nonTrainable)) {
      st.error(
        fr,
        'NN2012',
        msg`${layer.binding ?? layer.spec.name} shares its weights, which were built for ${layer.firstWeights.inputs.map(formatShape).join(', ')}, but is applied here to ${inputs.map((t) => formatShape(t.shape)).join(', ')}`,
        site.range,
        { related: [{ ...(layer.origin.file !== undefined ? { file: layer.origin.file } : {}), range: layer.origin.range, message: msg`the layer is configured here` }] },
      );
      return UNKNOWN;
    }
    sharedWith = st.counted.get(layer.id);
    trainable = 0;
    nonTrainable = 0;
  } else layer.firstWeights = { trainable: app.weights.trainable, nonTrainable: app.weights.nonTrainable, inputs: inputs.map((t) => t.shape) };
  if (recording) {
    st.recording!.applications.set(site.node, { target: { kind: 'layer', layer }, inputs: inputs.map((t) => t.shape), outputs: app.outputs, trainable: app.weights.trainable, nonTrainable: app.weights.nonTrainable, flops: app.flops });
  }
  const path = st.rows ? st.uniquePath(fr.path, layer.binding ?? layer.spec.name) : '';
  if (st.rows) {
    if (!sharedWith) st.counted.set(layer.id, path);
    const shares = sharedWith ?? tiedTo(st, layer.args['kernel']); // a tied kernel is counted with its layer
    st.rows.push({ path, kind: layer.spec.name, layer, outputs: app.outputs, trainable, nonTrainable, flops: app.flops, ...(shares ? { sharedWith: shares } : {}) });
  }
  const origin = { file: fr.module.file, range: site.range, what: msg`output of ${layer.binding ?? layer.spec.name}` };
  const application: LayerApplication | undefined = st.trace ? { layer, inputs, path: sharedWith ?? path, outputs: [], counted: { trainable, nonTrainable, flops: app.flops } } : undefined;
  const tensors: TensorValue[] = app.outputs.map((shape: Dim[], output) => ({
    kind: 'tensor',
    shape,
    dtype: app.dtype,
    origin,
    ...(application ? { source: { op: 'layer', application, output, site: traceSite(fr, site.range) } } : {}),
  }));
  application?.outputs.push(...tensors);
  return tensors.length === 1 ? tensors[0]! : { kind: 'tuple', items: tensors };
}

/**
 * Where a problem with an input is shown: the argument when the input is
 * written inside the application (`mha(q, k, v)`); the application itself
 * when the input is everything to its left (a pipeline stage: the chain
 * `image -> ... -> MaxPool2D(2)` is not what to fix, the `Dense` is).
 */
function inputSiteRange(site: Site, input: Range): Range {
  return input.start >= site.range.start && input.end <= site.range.end ? input : site.range;
}

/** Whether this frame's nodes are recorded for the editor (the checked file, checked on its own). */
export function isRecorded(st: CheckState, fr: Frame): boolean {
  return st.recording !== undefined && fr.mode === 'generic' && fr.module.file === st.recordFile;
}

export function callFunction(st: CheckState, fr: Frame, spec: FunctionSpec, args: ArgInput[], argsRange: Range, range: Range): Value {
  if (spec.pipelineOnly && fr.definition?.defKind !== 'pipeline') {
    st.error(fr, 'NN1011', msg`${spec.name} is a pipeline step, not a layer: use it inside a 'pipeline' definition`, range);
    return UNKNOWN;
  }
  const numbers = numberExtreme(st, fr, spec, args, argsRange, range);
  if (numbers) return numbers;
  const bound = bindArgs(spec.name, spec.params, args, argsRange, { foreignNames: true });
  reportBindProblems(st, fr, bound.problems);
  if (bound.problems.length > 0) return UNKNOWN;
  if (spec.checkTimeOnly) for (const v of Object.values(bound.values)) chargeListWork(st, listItems(v)?.length ?? 0);
  const call = applyFunction(spec, bound.values, { file: fr.module.file, range, what: msg`result of ${spec.name}` }, st.fresh, mathRowsWanted(st));
  for (const p of call.problems) st.error(fr, p.code, p.message, (p.arg !== undefined ? bound.ranges[p.arg] : undefined) ?? range);
  recordFunctionRow(st, fr, spec, call.made, call.flops, range);
  if (spec.name === 'transpose' && call.value) warnTransposeOfBatch(st, fr, bound.values, argsRange, range);
  if (st.trace && call.value) traceFunctionOutputs(call.made, spec, bound.values, traceSite(fr, range));
  if (call.value) keepWeightMark(Object.values(bound.values), call.value);
  return call.value ?? UNKNOWN;
}

/** Where a traced computation runs: the expression at `range` in the frame's file and block. */
export function traceSite(fr: Frame, range: Range): TraceSite {
  return { file: fr.module.file, range, block: fr.path };
}

/**
 * Marks each tensor a function made, in order, as its output number n. A tensor
 * it returns as it was given (`reverse(skips)`) is not among them: it keeps where it came from.
 */
function traceFunctionOutputs(made: readonly TensorValue[], spec: FunctionSpec, args: Readonly<Record<string, Value>>, site: TraceSite): void {
  const call: FunctionCallRecord = { spec, args, outputs: [] };
  for (const t of made) {
    t.source = { op: 'function', call, output: call.outputs.length, site };
    call.outputs.push(t);
  }
}
