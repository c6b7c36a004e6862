// A train block as plain data for the runtime: which model (or generator and
// discriminator), which data, loss, optimizer, schedule and settings, with
// defaults filled in. Built only from a file that checks without errors.

import type { Expr, Range, TrainDecl } from '../../grammar/ast.js';
import { evaluateArgs } from '../check/arguments.js';
import { bindArgs } from '../check/bind-args.js';
import { evaluate } from '../check/evaluate.js';
import { checkFile } from '../check/program.js';
import { Scope } from '../check/scope.js';
import type { CheckState, Frame } from '../check/state.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host } from '../host.js';
import { msg } from '../i18n/message.js';
import { isConst, sym } from '../shapes/dim.js';
import type { Value } from '../values.js';
import { ADVERSARIAL, type Callable, DATA_SOURCES, OPTIMIZERS, SCHEDULES } from './settings.js';

/** A setting's value as JSON. */
export type PlainValue = number | string | boolean | PlainValue[] | { [key: string]: PlainValue };

export interface CallPlan {
  name: string;
  args: Record<string, PlainValue>;
}

export interface TrainPlan {
  file: string;
  /** the train block's target: the model, or the name of an adversarial pair (`GAN`) */
  name: string;
  /** where the block is, for messages */
  range: Range;
  data: CallPlan;
  /** supervised: the model trained */
  model?: string;
  adversarial?: { generator: string; discriminator: string; noise: { distribution: 'normal' | 'uniform'; shape: number[]; args: Record<string, number> } };
  /** a built-in loss, or a `loss` definition with its arguments */
  loss: { builtin: string } | { definition: string; args: Record<string, PlainValue>; inputs: number };
  optimizer: CallPlan;
  schedule: CallPlan;
  epochs: number;
  batch: number;
  metrics: string[];
  validation: number;
  earlyStopping?: number;
  clip?: number;
  seed?: number;
  device: 'cpu' | 'gpu' | 'auto';
  checkpoints: { every: number; keep: number; dir?: string };
  /** pictures while training (every run draws them): `count` examples each, every `every` epochs (0: none) */
  samples?: { count: number; every: number };
  steps: { discriminator: number; generator: number };
  shuffle: boolean;
}

export type PlanResult = { ok: true; plan: TrainPlan } | { ok: false; message: string; diagnostics: Diagnostic[] };

/** The plan of the train block for `target` (or the file's only train block). */
export function planTraining(file: string, host: Host, target?: string): PlanResult {
  const check = checkFile(file, host);
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (!check.module) return { ok: false, message: msg`cannot read ${file}`, diagnostics: [] };
  if (errors.length > 0) return { ok: false, message: msg`${file} has errors`, diagnostics: errors };
  const blocks = check.module.program.items.filter((i): i is TrainDecl => i.kind === 'Train');
  const names = blocks.map((b) => b.target.name);
  const decl = target === undefined ? (blocks.length === 1 ? blocks[0] : undefined) : blocks.find((b) => b.target.name === target);
  if (!decl) {
    const message =
      blocks.length === 0
        ? msg`${file} has no train block`
        : target === undefined
          ? msg`${file} has several train blocks; choose one with --model (${names.join(', ')})`
          : msg`no train block for '${target}' in ${file} (train blocks: ${names.join(', ')})`;
    return { ok: false, message, diagnostics: [] };
  }
  const fr: Frame = { module: check.module, scope: new Scope(), mode: 'generic', iteration: '', path: '', lenient: false };
  fr.scope.define({ name: 'B', value: { kind: 'int', value: sym('B') }, kind: 'dim', used: true });
  return { ok: true, plan: buildPlan(check.state, fr, decl, file) };
}

function buildPlan(st: CheckState, fr: Frame, decl: TrainDecl, file: string): TrainPlan {
  const setting = (name: string): Expr | undefined => decl.entries.find((e) => e.key?.name === name)?.value;
  const value = (name: string): PlainValue | undefined => {
    const e = setting(name);
    return e ? plain(evaluate(st, fr, e, { bareNames: true })) : undefined;
  };
  const adversarialEntry = decl.entries.find((e) => !e.key && e.value.kind === 'Call');
  const lossExpr = setting('loss');
  const record = (name: string): Record<string, PlainValue> => {
    const v = value(name);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  };
  const checkpoints = record('checkpoints');
  const samples = record('samples');
  const steps = record('steps');
  const adversarial = adversarialEntry ? adversarialPlan(st, fr, adversarialEntry.value) : undefined;
  const metrics = value('metrics');
  return {
    file,
    name: decl.target.name,
    range: decl.range,
    data: callPlan(st, fr, decl.data, DATA_SOURCES),
    ...(adversarial ? { adversarial } : { model: decl.target.name }),
    loss: lossPlan(st, fr, lossExpr),
    optimizer: setting('optimizer') ? callPlan(st, fr, setting('optimizer')!, OPTIMIZERS) : defaults(OPTIMIZERS, 'Adam'),
    schedule: setting('schedule') ? callPlan(st, fr, setting('schedule')!, SCHEDULES) : { name: 'constant', args: {} },
    epochs: num(value('epochs'), 10),
    batch: num(value('batch'), 32),
    metrics: Array.isArray(metrics) ? metrics.map(String) : typeof metrics === 'string' ? [metrics] : [],
    validation: num(value('validation'), 0),
    ...optional('earlyStopping', value('early_stopping')),
    ...optional('clip', value('clip')),
    ...optional('seed', value('seed')),
    device: (value('device') as 'cpu' | 'gpu' | undefined) ?? 'auto',
    checkpoints: { every: num(checkpoints['every'], 1), keep: num(checkpoints['keep'], 3), ...(typeof checkpoints['dir'] === 'string' ? { dir: checkpoints['dir'] } : {}) },
    samples: { count: num(samples['count'], 16), every: num(samples['every'], 1) },
    steps: { discriminator: num(steps['discriminator'], 1), generator: num(steps['generator'], 1) },
    shuffle: value('shuffle') !== false,
  };
}

function optional<K extends string>(key: K, v: PlainValue | undefined): { [P in K]?: number } {
  return typeof v === 'number' ? ({ [key]: v } as { [P in K]?: number }) : {};
}

const num = (v: PlainValue | undefined, fallback: number): number => (typeof v === 'number' ? v : fallback);

/** A call with every argument at its default. */
function defaults(table: readonly Callable[], name: string): CallPlan {
  const spec = table.find((c) => c.name === name)!;
  return { name, args: Object.fromEntries(spec.params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default as PlainValue])) };
}

/** A call to one of `table`, with its arguments bound and defaults filled in. */
function callPlan(st: CheckState, fr: Frame, e: Expr, table: readonly Callable[]): CallPlan {
  const id = e.kind === 'Call' ? e.callee : e;
  const name = id.kind === 'Identifier' ? id.name : '';
  const spec = table.find((c) => c.name === name)!;
  const args = e.kind === 'Call' ? evaluateArgs(st, fr, e.args, { bareNames: true }) : [];
  const bound = bindArgs(name, spec.params, args, e.range);
  const out: Record<string, PlainValue> = {};
  for (const p of spec.params) {
    const v = bound.values[p.name];
    if (v !== undefined && v.kind !== 'unknown') out[p.name] = plain(v);
    else if (p.default !== undefined) out[p.name] = p.default as PlainValue;
  }
  return { name, args: out };
}

function lossPlan(st: CheckState, fr: Frame, e: Expr | undefined): TrainPlan['loss'] {
  if (!e) return { builtin: 'crossentropy' };
  const id = e.kind === 'Call' ? e.callee : e;
  const name = id.kind === 'Identifier' ? id.name : '';
  if (fr.module.definitions.get(name)?.definition.defKind !== 'loss') return { builtin: name };
  const args: Record<string, PlainValue> = {};
  if (e.kind === 'Call') for (const a of evaluateArgs(st, fr, e.args)) if (a.name) args[a.name] = plain(a.value);
  const inputs = fr.module.definitions.get(name)!.definition.body.filter((s) => s.kind === 'Input').length;
  return { definition: name, args, inputs };
}


function adversarialPlan(st: CheckState, fr: Frame, e: Expr): TrainPlan['adversarial'] {
  if (e.kind !== 'Call') return undefined;
  const bound = bindArgs(ADVERSARIAL.name, ADVERSARIAL.params, evaluateArgs(st, fr, e.args), e.argsRange);
  const name = (v: Value | undefined): string => (v?.kind === 'definition' ? v.definition.name.name : '');
  const noiseExpr = e.args.find((a) => a.name?.name === 'noise')?.value ?? e.args[2]?.value;
  return { generator: name(bound.values['generator']), discriminator: name(bound.values['discriminator']), noise: noisePlan(st, fr, noiseExpr) };
}

/** `normal([B, 100])`: the distribution and the per-example shape (the batch axis dropped). */
function noisePlan(st: CheckState, fr: Frame, e: Expr | undefined): NonNullable<TrainPlan['adversarial']>['noise'] {
  const fallback = { distribution: 'normal' as const, shape: [100], args: {} };
  if (!e || e.kind !== 'Call' || e.callee.kind !== 'Identifier') return fallback;
  const distribution = e.callee.name === 'uniform' ? 'uniform' : 'normal';
  const args = evaluateArgs(st, fr, e.args);
  const shape = args[0]?.value;
  const dims = shape?.kind === 'list' ? shape.items.slice(1).map((i) => (i.kind === 'int' && isConst(i.value) ? i.value : 1)) : fallback.shape;
  const extra: Record<string, number> = {};
  for (const a of args.slice(1)) if (a.name && (a.value.kind === 'float' || (a.value.kind === 'int' && isConst(a.value.value)))) extra[a.name] = a.value.value as number;
  return { distribution, shape: dims, args: extra };
}

function plain(v: Value): PlainValue {
  switch (v.kind) {
    case 'int':
      return isConst(v.value) ? v.value : String(v.value);
    case 'float':
    case 'bool':
    case 'string':
      return v.value;
    case 'name':
      return v.name;
    case 'list':
    case 'tuple':
      return v.items.map(plain);
    case 'record':
      return Object.fromEntries([...v.fields].map(([k, f]) => [k, plain(f)]));
    case 'definition':
      return v.definition.name.name;
    default:
      return '';
  }
}
