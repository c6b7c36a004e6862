// Train blocks: the model and data exist and fit each other, and every
// setting is known and well typed (tables in ../train/settings.ts).

import type { Definition, Expr, InputStmt, Range, TrainDecl, TrainEntry } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { type Dim, sym, symbolsOf } from '../shapes/dim.js';
import { formatShape, product } from '../shapes/shape.js';
import { closestName } from '../text/did-you-mean.js';
import type { DataShape } from '../train/data-shapes.js';
import { lossPredictions } from '../train/loss-inputs.js';
import { DEFAULT_CHECKPOINTS_DIR, runPathProblem } from '../train/run-paths.js';
import { ADVERSARIAL, type Callable, DATA_SOURCES, LOSSES, METRICS, OPTIMIZERS, SCHEDULES, TRAIN_KEYS, type TrainKey } from '../train/settings.js';
import { type BlockInstance, describeKind, type TensorValue, type Value } from '../values.js';
import { evaluateArgs } from './arguments.js';
import { evaluatePattern, matchPattern } from './annotations.js';
import { bindArgs } from './bind-args.js';
import { reportBindProblems } from './calls.js';
import { checkGeneric, configureBlock } from './definitions.js';
import { evaluate } from './evaluate.js';
import { Scope } from './scope.js';
import type { CheckState, Frame, Module } from './state.js';
import { checkDiscriminatorFitsData, checkModelFitsData, knownData } from './train-data.js';

export function checkTrain(st: CheckState, module: Module, decl: TrainDecl): void {
  const fr: Frame = { module, scope: new Scope(), mode: 'generic', iteration: '', path: '', lenient: false };
  // In a train block, B is the batch size (`noise: normal([B, 100])`).
  fr.scope.define({ name: 'B', value: { kind: 'int', value: sym('B') }, kind: 'dim', used: true });
  const adversarial = decl.entries.find((e) => !e.key && e.value.kind === 'Call' && e.value.callee.kind === 'Identifier' && e.value.callee.name === 'adversarial');
  const model = adversarial ? undefined : trainedModel(st, fr, decl);
  const data = callOf(st, fr, decl.data, DATA_SOURCES, msg`data source`);
  const shape = data ? knownData(data.spec.name, data.values) : undefined;
  if (data) checkFullMnistSplit(st, fr, data);
  const lossEntry = decl.entries.find((e) => e.key?.name === 'loss');
  const seen = new Map<string, TrainEntry>();
  for (const entry of decl.entries) {
    if (!entry.key) {
      if (entry === adversarial) checkAdversarial(st, fr, entry.value, shape);
      else st.error(fr, 'NN4001', msg`a train setting is written 'name: value'`, entry.range);
      continue;
    }
    const name = entry.key.name;
    const key = TRAIN_KEYS.find((k) => k.name === name);
    if (!key) {
      const guess = closestName(name, TRAIN_KEYS.map((k) => k.name));
      st.error(fr, 'NN4002', msg`unknown train setting '${name}'${guess ? msg`; did you mean '${guess}'?` : ''}`, entry.key.range, {
        fixes: guess ? [{ title: msg`Change to '${guess}'`, edits: [{ range: entry.key.range, newText: guess }] }] : [],
      });
      continue;
    }
    if (seen.has(name)) st.error(fr, 'NN1005', msg`'${name}' is set twice`, entry.key.range);
    seen.set(name, entry);
    checkSetting(st, fr, key, entry.value, model);
  }
  // after the settings, so that a loss already reported as not fitting the model is not reported again at the data's sizes
  if (model && shape) checkModelFitsData(st, fr, decl, model, shape, lossEntry?.value);
  if (model && shape) checkLossFitsTargets(st, fr, model, shape, seen.get('loss')?.value);
}

/** mnist(set: "full") is the standard split: a `split` would be ignored. */
function checkFullMnistSplit(st: CheckState, fr: Frame, data: BoundCall): void {
  const set = data.values['set'];
  const split = data.ranges['split'];
  if (data.spec.name !== 'mnist' || set?.kind !== 'string' || set.value !== 'full' || !split) return;
  st.error(fr, 'NN4005', msg`mnist(set: "full") has the standard split, 60,000 training and 10,000 test digits: leave out 'split' (or use the 10,000 digits of set: "small")`, split);
}

function trainedModel(st: CheckState, fr: Frame, decl: TrainDecl): Definition | undefined {
  const found = fr.module.definitions.get(decl.target.name);
  if (found?.definition.defKind === 'model') return found.definition;
  if (decl.target.name === '') return undefined;
  const models = [...fr.module.definitions.values()].filter((d) => d.definition.defKind === 'model').map((d) => d.definition.name.name);
  const guess = closestName(decl.target.name, models);
  const what = found ? msg`'${decl.target.name}' is a ${found.definition.defKind}, not a model` : msg`unknown model '${decl.target.name}'`;
  st.error(fr, 'NN4003', msg`${what}${guess ? msg`; did you mean '${guess}'?` : ''} (or declare adversarial(...) training)`, decl.target.range, {
    fixes: guess ? [{ title: msg`Change to '${guess}'`, edits: [{ range: decl.target.range, newText: guess }] }] : [],
  });
  return undefined;
}

/** A call to one of a table's entries, with the values of its arguments (those given). */
interface BoundCall {
  spec: Callable;
  values: Record<string, Value>;
  /** where each argument given is (defaults have none) */
  ranges: Record<string, Range>;
}

/** A call (or bare name) to one of `table`: checks the name and binds the arguments. */
function callOf(st: CheckState, fr: Frame, e: Expr, table: readonly Callable[], what: string): BoundCall | undefined {
  const id = e.kind === 'Call' ? e.callee : e;
  if (id.kind !== 'Identifier') {
    st.error(fr, 'NN4004', msg`expected a ${what} (${table.map((c) => c.name).join(', ')})`, e.range);
    return undefined;
  }
  const spec = table.find((c) => c.name === id.name);
  if (!spec) {
    const guess = closestName(id.name, table.map((c) => c.name));
    st.error(fr, 'NN4004', msg`unknown ${what} '${id.name}'${guess ? msg`; did you mean '${guess}'?` : ''} (known: ${table.map((c) => c.name).join(', ')})`, id.range, {
      fixes: guess ? [{ title: msg`Change to '${guess}'`, edits: [{ range: id.range, newText: guess }] }] : [],
    });
    return undefined;
  }
  const args = e.kind === 'Call' ? evaluateArgs(st, fr, e.args, { bareNames: true }) : [];
  const range: Range = e.kind === 'Call' ? e.argsRange : e.range;
  const bound = bindArgs(spec.name, spec.params, args, range);
  reportBindProblems(st, fr, bound.problems);
  return { spec, values: bound.values, ranges: bound.ranges };
}

function checkSetting(st: CheckState, fr: Frame, key: TrainKey, e: Expr, model: Definition | undefined): void {
  switch (key.kind) {
    case 'optimizer':
      callOf(st, fr, e, OPTIMIZERS, msg`optimizer`);
      return;
    case 'schedule':
      callOf(st, fr, e, SCHEDULES, msg`schedule`);
      return;
    case 'loss':
      return checkLoss(st, fr, e, model);
    case 'metrics': {
      const items = e.kind === 'List' ? e.items : [e];
      for (const item of items) namedIn(st, fr, item, METRICS.map((m) => m.name), msg`metric`);
      return;
    }
    case 'device':
      namedIn(st, fr, e, ['cpu', 'gpu'], msg`device`);
      return;
    case 'record':
      return checkRecord(st, fr, key, e);
    default:
      return checkScalar(st, fr, key, evaluate(st, fr, e), e.range);
  }
}

function checkLoss(st: CheckState, fr: Frame, e: Expr, model: Definition | undefined): void {
  const id = e.kind === 'Call' ? e.callee : e;
  if (id.kind === 'Identifier') {
    const def = fr.module.definitions.get(id.name);
    if (def?.definition.defKind === 'loss') {
      const value = evaluate(st, fr, e);
      const instance = value.kind === 'block' ? value.instance : value.kind === 'definition' ? configureBlock(st, fr, def.definition, def.file, [], e.range, e) : undefined;
      if (instance && model) checkLossFitsModel(st, fr, instance, model, e);
      return;
    }
  }
  const losses = [...LOSSES.map((l) => l.name), ...[...fr.module.definitions.values()].filter((d) => d.definition.defKind === 'loss').map((d) => d.definition.name.name)];
  namedIn(st, fr, id, losses, msg`loss`);
}

/**
 * A loss definition takes the model's first output then the targets (two
 * inputs), or every output in order then the targets (plan.ts
 * lossPredictions); each prediction input must match its output.
 */
function checkLossFitsModel(st: CheckState, fr: Frame, loss: BlockInstance, model: Definition, e: Expr): void {
  const inputs = loss.definition.body.filter((s): s is InputStmt => s.kind === 'Input');
  const outputs = checkGeneric(st, st.modules.get(fr.module.definitions.get(model.name.name)!.file)!, model).outputs;
  if (inputs.length === 0 || outputs.length === 0) return;
  const taken = lossPredictions(inputs.length, outputs.length);
  const name = loss.definition.name.name;
  if (taken === undefined) {
    const outs = outputs.map((o) => o.name).join(', ');
    st.error(fr, 'NN4006', msg`the loss ${name} takes ${inputs.length} inputs, but a loss takes the model's first output and the targets (2 inputs) or all of ${model.name.name}'s ${outputs.length} outputs (${outs}) and the targets (${outputs.length + 1} inputs)`, e.range);
    return;
  }
  const scope = new Scope();
  for (const [arg, value] of Object.entries(loss.args)) scope.define({ name: arg, value, kind: 'param', used: true });
  const lossFrame: Frame = { module: st.modules.get(loss.file)!, definition: loss.definition, scope, mode: 'instance', iteration: '', path: '', lenient: false };
  // the prediction inputs share their size names (N, M): matched together, as a call of the loss binds them
  const patterns = inputs.slice(0, taken).map((input) => st.collect(() => evaluatePattern(st, lossFrame, input.shape)).result);
  const given = outputs.slice(0, taken).map((o) => o.value);
  if (patterns.some((p) => !p) || given.some((v) => v?.kind !== 'tensor')) return;
  const variables = new Set(patterns.flatMap((p) => [...p!.variables]));
  const pattern = { dims: patterns.flatMap((p) => p!.dims), variables };
  const shapes = given.flatMap((v) => (v as TensorValue).shape);
  if (matchPattern(pattern, shapes).ok) return;
  const what = (dims: Dim[][]) => dims.map(formatShape).join(', ');
  const takes = what(patterns.map((p) => p!.dims));
  const outs = what(given.map((v) => (v as TensorValue).shape));
  st.error(fr, 'NN4006', msg`the loss ${name} takes predictions ${takes}, but ${model.name.name} outputs ${outs}`, e.range);
}

function namedIn(st: CheckState, fr: Frame, e: Expr, names: readonly string[], what: string): void {
  const name = e.kind === 'Identifier' ? e.name : e.kind === 'String' ? e.value : undefined;
  if (name !== undefined && names.includes(name)) return;
  const guess = name === undefined ? undefined : closestName(name, names);
  const known = names.join(', ');
  const message = name === undefined ? msg`expected a ${what} (known: ${known})` : msg`unknown ${what} '${name}'${guess ? msg`; did you mean '${guess}'?` : ''} (known: ${known})`;
  st.error(fr, 'NN4004', message, e.range, {
    fixes: guess ? [{ title: msg`Change to '${guess}'`, edits: [{ range: e.range, newText: guess }] }] : [],
  });
}

function checkRecord(st: CheckState, fr: Frame, key: TrainKey, e: Expr): void {
  if (e.kind !== 'Record') {
    st.error(fr, 'NN4005', msg`'${key.name}' takes a record like { ${key.fields!.map((f) => `${f}: ...`).join(', ')} }`, e.range);
    return;
  }
  for (const field of e.fields) {
    const name = field.name?.name ?? '';
    if (!key.fields!.includes(name)) {
      const guess = closestName(name, key.fields!);
      st.error(fr, 'NN4002', msg`'${key.name}' has no field '${name}'${guess ? msg`; did you mean '${guess}'?` : ''} (fields: ${key.fields!.join(', ')})`, field.name?.range ?? field.range);
      continue;
    }
    const value = evaluate(st, fr, field.value, { bareNames: true });
    if (key.name === 'checkpoints' && name === 'dir') checkRunPath(st, fr, `${key.name}.${name}`, value, field.value.range);
  }
}

/**
 * A folder a run writes into (`checkpoints: { dir }`) is a path inside the
 * run's own folder: a run may replace and prune what is there, so a path
 * that leaves it could destroy another run's checkpoints or anything else.
 */
function checkRunPath(st: CheckState, fr: Frame, what: string, v: Value, range: Range): void {
  if (v.kind === 'unknown') return;
  if (v.kind !== 'string') {
    st.error(fr, 'NN4005', msg`'${what}' must be a path in quotes, but this is ${describeKind(v)}`, range);
    return;
  }
  const problem = runPathProblem(v.value);
  if (problem === undefined) return;
  st.error(fr, 'NN4007', msg`'${what}' ${problem}: a run writes only inside its own folder (runs/<name>/<run-id>/), so give a path relative to it, like "${DEFAULT_CHECKPOINTS_DIR}"`, range, {
    fixes: [{ title: msg`Change to "${DEFAULT_CHECKPOINTS_DIR}"`, edits: [{ range, newText: `"${DEFAULT_CHECKPOINTS_DIR}"` }] }],
  });
}

/** The kinds a scalar setting may take, as messages name them (core/values.ts describeKind's words). */
const SCALAR_KINDS: Readonly<Record<string, () => string>> = { int: () => msg`an int`, float: () => msg`a float`, bool: () => msg`a bool`, string: () => msg`a string` };

function checkScalar(st: CheckState, fr: Frame, key: TrainKey, v: Value, range: Range): void {
  if (v.kind === 'unknown') return;
  const ok = key.kind === 'float' ? v.kind === 'float' || v.kind === 'int' : v.kind === key.kind;
  if (!ok) {
    st.error(fr, 'NN4005', msg`'${key.name}' must be ${SCALAR_KINDS[key.kind]?.() ?? key.kind}, but this is ${describeKind(v)}`, range);
    return;
  }
  if (key.min !== undefined && (v.kind === 'int' || v.kind === 'float') && typeof v.value === 'number' && v.value < key.min) {
    st.error(fr, 'NN4005', msg`'${key.name}' must be at least ${key.min}, but is ${v.value}`, range);
  }
}

function checkAdversarial(st: CheckState, fr: Frame, e: Expr, data: DataShape | undefined): void {
  if (e.kind !== 'Call') return;
  const spec = ADVERSARIAL;
  const args = evaluateArgs(st, fr, e.args);
  const bound = bindArgs(spec.name, spec.params, args, e.argsRange);
  reportBindProblems(st, fr, bound.problems);
  const models: Partial<Record<'generator' | 'discriminator', ReturnType<typeof checkGeneric>>> = {};
  for (const role of ['generator', 'discriminator'] as const) {
    const v = bound.values[role];
    if (v?.kind === 'definition' && v.definition.defKind === 'model') models[role] = checkGeneric(st, st.modules.get(v.file)!, v.definition);
    else if (v && v.kind !== 'unknown') {
      const what = describeKind(v);
      st.error(fr, 'NN4003', role === 'generator' ? msg`the generator must be a model, but this is ${what}` : msg`the discriminator must be a model, but this is ${what}`, bound.ranges[role] ?? e.range);
    }
  }
  // noise -> generator -> discriminator must fit together
  const noise = bound.values.noise;
  const g = models.generator;
  const d = models.discriminator;
  if (g && noise?.kind === 'tensor') fits(st, fr, noise.shape, g.inputs[0]?.value, (input) => msg`the noise ${formatShape(noise.shape)} does not fit the generator's input ${input}`, bound.ranges.noise ?? e.range);
  const fake = g?.outputs[0]?.value;
  const fakeFits = !(d && fake?.kind === 'tensor') || fits(st, fr, fake.shape, d.inputs[0]?.value, (input) => msg`the generator's output ${formatShape(fake.shape)} does not fit the discriminator's input ${input}`, bound.ranges.discriminator ?? e.range);
  const discriminator = bound.values.discriminator;
  if (d && data && discriminator?.kind === 'definition') {
    const argument = e.args.find((a) => a.name?.name === 'discriminator')?.value ?? e.args[1]?.value ?? e;
    checkDiscriminatorFitsData(st, fr, discriminator.definition, fakeFits ? fake : undefined, data, bound.ranges.discriminator ?? e.range, argument);
  }
}

/** Reports when `shape` cannot be given to a model input declared as `input`; whether it can. */
function fits(st: CheckState, fr: Frame, shape: Dim[], input: Value | undefined, message: (input: string) => string, range: Range): boolean {
  if (input?.kind !== 'tensor') return true;
  const pattern = { dims: input.shape, variables: new Set([...input.shape.flatMap((dim) => [...symbolsOf(dim)])]) };
  const match = matchPattern(pattern, shape);
  if (!match.ok) st.error(fr, 'NN4006', message(formatShape(input.shape)), range);
  return match.ok;
}

/** Losses that compare the model's outputs with the targets value by value. */
const ELEMENTWISE_LOSSES = new Set(['mse', 'mae', 'binary_crossentropy']);

/** The targets of the data sources whose targets are known before any file is read: class ids. */
function knownTargets(data: DataShape): { values: number; what: string } | undefined {
  if (data.targets.kind !== 'classes') return undefined;
  const n = data.targets.shape.reduce((a, b) => a * b, 1);
  const what = data.targets.shape.length === 0 ? msg`${data.source} gives class ids (one per example)` : msg`${data.source} gives class ids (one per position, ${n} per example)`;
  return { values: n, what };
}

/**
 * An element-wise loss (mse) needs as many target values as the model has
 * outputs: with class ids and a model that outputs a score per class, the
 * runtime could only fail inside TensorFlow. (File data is checked by the
 * runtime once it is read.)
 */
function checkLossFitsTargets(st: CheckState, fr: Frame, model: Definition, data: DataShape, lossExpr: Expr | undefined): void {
  if (lossExpr?.kind !== 'Identifier' || !ELEMENTWISE_LOSSES.has(lossExpr.name) || fr.module.definitions.get(lossExpr.name)) return;
  const targets = knownTargets(data);
  const output = checkGeneric(st, st.modules.get(fr.module.definitions.get(model.name.name)!.file)!, model).outputs[0]?.value;
  if (!targets || output?.kind !== 'tensor') return;
  const values = product(output.shape.slice(1));
  if (typeof values !== 'number' || values === targets.values) return;
  st.error(
    fr,
    'NN4008',
    msg`${lossExpr.name} compares outputs with targets value by value, but ${targets.what} and ${model.name.name} outputs ${formatShape(output.shape)} (${values} values per example): use crossentropy for class ids, or data with one-hot targets`,
    lossExpr.range,
    { fixes: [{ title: msg`Change to '${'crossentropy'}'`, edits: [{ range: lossExpr.range, newText: 'crossentropy' }] }] },
  );
}
