// Definitions (model, block, loss, pipeline): checked once on their own
// ("generic": parameters without defaults and unbound sizes stay symbolic),
// and again each time they are applied to concrete inputs ("instance").
// A problem found only in an instance is reported at the call, with the
// place inside the definition as related information.

import type { Definition, InputStmt, Node, Param, Range } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { keyOf, sym } from '../shapes/dim.js';
import { SizeLimitError } from '../shapes/size-limit.js';
import { formatShape } from '../shapes/shape.js';
import { type BlockInstance, type TensorValue, UNKNOWN, type Value } from '../values.js';
import { type ArgInput, type BindableParam, bindArgs } from './bind-args.js';
import { BudgetExceeded, passing, reportStop } from './budget.js';
import type { Site } from './calls.js';
import { isRecorded, reportBindProblems } from './calls.js';
import { useOfDefinition } from './definition-errors.js';
import { evaluate } from './evaluate.js';
import { Scope } from './scope.js';
import { reportSizeLimit } from './size-limits.js';
import { type CheckState, diagnosticKey, type Frame, type LayerRow, type Module } from './state.js';
import { type Body, type OutputValue, runStatements } from './statements.js';

const TYPES: Record<string, BindableParam['type']> = { int: 'int', float: 'float', bool: 'bool', string: 'string', shape: 'ints' };

function paramType(p: Param): BindableParam['type'] {
  if (!p.type) return 'any';
  if (p.type.list) return p.type.name === 'int' ? 'ints' : 'any';
  return TYPES[p.type.name] ?? 'any';
}

/** Binds a definition's parameters: call arguments first, then defaults evaluated in order (`ff: int = 4*d`). */
function bindParams(st: CheckState, callerFrame: Frame, defFrame: Frame, def: Definition, args: ArgInput[], argsRange: Range): Record<string, Value> | undefined {
  const params: BindableParam[] = def.params.map((p) => ({ name: p.name.name, type: paramType(p), optional: p.default !== undefined }));
  const bound = bindArgs(def.name.name, params, args, argsRange);
  reportBindProblems(st, callerFrame, bound.problems);
  if (bound.problems.length > 0) return undefined;
  for (const p of def.params) {
    let value = bound.values[p.name.name];
    if (value === undefined && p.default) value = evaluate(st, defFrame, p.default);
    defFrame.scope.define({ name: p.name.name, value: value ?? UNKNOWN, kind: 'param', declaration: p.name, used: true });
    bound.values[p.name.name] = value ?? UNKNOWN;
  }
  return bound.values;
}

function moduleOf(st: CheckState, file: string): Module {
  const m = st.modules.get(file);
  if (!m) throw new Error(`module not loaded: ${file}`);
  return m;
}

export function configureBlock(st: CheckState, fr: Frame, def: Definition, file: string, args: ArgInput[], argsRange: Range, node: Node): BlockInstance | undefined {
  const key = `${fr.module.file}:${node.range.start}#${fr.iteration}`;
  const memo = fr.weightOwner?.memo.get(key);
  if (memo && 'definition' in memo) return memo;
  const defFrame: Frame = { module: moduleOf(st, file), definition: def, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: fr.lenient };
  const values = bindParams(st, fr, defFrame, def, args, argsRange);
  if (!values) return undefined;
  const instance: BlockInstance = {
    id: st.nextId(),
    definition: def,
    file,
    args: values,
    origin: { file: fr.module.file, range: node.range, what: def.name.name },
    memo: new Map(),
    applications: 0,
  };
  fr.weightOwner?.memo.set(key, instance);
  return instance;
}

/** Applies a configured definition to input tensors: runs its body with them. */
export function instantiate(st: CheckState, fr: Frame, inst: BlockInstance, inputs: TensorValue[], site: Site): Value {
  const def = inst.definition;
  const { declared, required } = inputsOf(def);
  if (inputs.length < required || inputs.length > declared.length) {
    st.error(fr, 'NN2010', inputCountMessage(def.name.name, declared, required, inputs.length), site.range);
    return UNKNOWN;
  }
  if (st.active.includes(def)) {
    st.error(fr, 'NN1010', msg`${def.name.name} applies itself: definitions cannot be recursive`, site.range);
    return UNKNOWN;
  }
  let result: Value;
  try {
    st.budget.application();
    useOfDefinition(st, fr, def, checkGeneric(st, moduleOf(st, inst.file), def), site.range);
    result = applyDefinition(st, fr, inst, inputs, site);
  } catch (e) {
    throw passing(e, { file: fr.module.file, range: site.range, what: inst.binding ?? def.name.name });
  }
  if (isRecorded(st, fr) && result.kind !== 'unknown') {
    const outputs = result.kind === 'tuple' ? result.items.map((v) => (v.kind === 'tensor' ? v.shape : [])) : result.kind === 'tensor' ? [result.shape] : [];
    st.recording!.applications.set(site.node, { target: { kind: 'block', block: inst }, inputs: inputs.map((t) => t.shape), outputs });
  }
  return result;
}

function applyDefinition(st: CheckState, fr: Frame, inst: BlockInstance, inputs: TensorValue[], site: Site): Value {
  const def = inst.definition;
  const origin = { file: fr.module.file, range: site.range, what: msg`output of ${inst.binding ?? def.name.name}` };
  // The same definition with the same arguments on the same shapes gives the same result: reuse it
  // (not while summarising, which lists every layer).
  const key = st.rows ? undefined : instanceKey(inst, inputs, fr.lenient);
  const cached = key === undefined ? undefined : st.instances.get(key);
  if (cached) {
    st.budget.reuseApplications(cached.applications);
    inst.applications++;
    for (const d of cached.errors) st.diagnostics.push(atCallSite(fr, d, def, site.range));
    return cached.errors.length > 0 ? UNKNOWN : outputValue(cached.outputs, origin);
  }
  const freshBefore = st.fresh.next;
  const applicationsBefore = st.budget.applications;
  const scope = new Scope();
  for (const [name, value] of Object.entries(inst.args)) scope.define({ name, value, kind: 'param', used: true });
  const frame: Frame = {
    module: moduleOf(st, inst.file),
    definition: def,
    scope,
    mode: 'instance',
    weightOwner: inst,
    iteration: '',
    path: st.rows ? `${st.uniquePath(fr.path, inst.binding ?? def.name.name)}/` : '',
    lenient: fr.lenient,
  };
  const body: Body = { inputs: [...inputs], outputs: [], bindings: [] };
  st.blocks?.push({ path: frame.path, parent: fr.path, instance: inst, file: fr.module.file, range: site.range });
  st.active.push(def);
  let diagnostics: Diagnostic[];
  try {
    diagnostics = st.collect(() => runStatements(st, frame, def.body, body)).diagnostics;
  } finally {
    st.active.pop();
  }
  inst.applications++;
  const generic = st.genericKeys.get(def) ?? new Set();
  const errors = diagnostics.filter((d) => d.severity === 'error' && !generic.has(diagnosticKey(d)));
  // a result with data-dependent sizes (K1) is not reused: each application gets its own
  if (key !== undefined && st.fresh.next === freshBefore) st.instances.set(key, { errors, outputs: body.outputs, applications: st.budget.applications - applicationsBefore });
  for (const d of errors) st.diagnostics.push(atCallSite(fr, d, def, site.range));
  if (errors.length > 0) return UNKNOWN;
  return outputValue(body.outputs, origin);
}

/** `Stem takes 1 input (x), but got 2`: how many inputs a definition takes (a range when some are optional), and their names. */
function inputCountMessage(name: string, declared: readonly InputStmt[], required: number, got: number): string {
  const names = declared.map((s) => s.name.name).join(', ');
  const one = declared.length === 1;
  if (required === declared.length) return one ? msg`${name} takes ${required} input (${names}), but got ${got}` : msg`${name} takes ${required} inputs (${names}), but got ${got}`;
  return one ? msg`${name} takes ${required} to ${declared.length} input (${names}), but got ${got}` : msg`${name} takes ${required} to ${declared.length} inputs (${names}), but got ${got}`;
}

const inputCache = new WeakMap<Definition, { declared: InputStmt[]; required: number }>();

/** A definition's top-level input declarations, and how many are required. */
function inputsOf(def: Definition): { declared: InputStmt[]; required: number } {
  let found = inputCache.get(def);
  if (!found) {
    const declared = def.body.filter((s): s is InputStmt => s.kind === 'Input');
    found = { declared, required: declared.filter((s) => !s.optional).length };
    inputCache.set(def, found);
  }
  return found;
}

/** What an application's result depends on, as text; undefined when an argument cannot be keyed. */
function instanceKey(inst: BlockInstance, inputs: TensorValue[], lenient: boolean): string | undefined {
  let key = `${inst.file}:${inst.definition.range.start}|${lenient ? 1 : 0}`;
  for (const name of Object.keys(inst.args)) {
    const v = valueKey(inst.args[name]!);
    if (v === undefined) return undefined;
    key += `|${name}=${v}`;
  }
  for (const t of inputs) key += `|${t.dtype}[${t.shape.map(keyOf).join(',')}]`;
  return key;
}

function valueKey(v: Value): string | undefined {
  switch (v.kind) {
    case 'int':
      return `i${keyOf(v.value)}`;
    case 'float':
      return `f${v.value}`;
    case 'bool':
      return `b${v.value}`;
    case 'string':
      return `s${JSON.stringify(v.value)}`;
    case 'name':
      return `n${v.name}`;
    case 'unknown':
      return 'u';
    case 'list': {
      const items = v.items.map(valueKey);
      return items.every((i) => i !== undefined) ? `[${items.join(',')}]` : undefined;
    }
    default:
      return undefined;
  }
}

function atCallSite(fr: Frame, d: Diagnostic, def: Definition, range: Range): Diagnostic {
  const inner = { ...(d.file !== undefined ? { file: d.file } : {}), range: d.range, message: msg`here, in ${def.name.name}` };
  return {
    severity: d.severity,
    code: d.code,
    message: msg`in ${def.name.name}: ${d.message}`,
    range,
    file: fr.module.file,
    related: [inner, ...(d.related ?? [])],
  };
}

/** One output is a tensor; several are a tuple with their names. */
function outputValue(outputs: OutputValue[], origin: TensorValue['origin']): Value {
  const values = outputs.map((o) => (o.value.kind === 'tensor' ? { ...o.value, origin } : o.value));
  if (values.some((v) => v.kind === 'unknown')) return UNKNOWN;
  if (values.length === 1) return values[0]!;
  return { kind: 'tuple', items: values, names: outputs.map((o, i) => o.name ?? `output${i}`) };
}

export interface GenericResult {
  frame: Frame;
  outputs: OutputValue[];
  inputs: { name: string; value: Value }[];
  diagnostics: Diagnostic[];
  /** the layers applied, when asked for (the summary) */
  rows?: LayerRow[];
  /** the errors of the definitions it applies (theirs and those they reach in turn): a use of this one is a use of them */
  reached: Diagnostic[];
}

/**
 * Checks a definition on its own: parameters take their defaults (or the
 * `overrides`), or stay symbolic; inputs have the shapes they declare.
 * Memoised per run; diagnostics are returned, not reported.
 */
export function checkGeneric(st: CheckState, module: Module, def: Definition, options: { overrides?: Record<string, Value>; rows?: boolean } = {}): GenericResult {
  const overrides = options.overrides ?? {};
  const memoise = Object.keys(overrides).length === 0 && !options.rows;
  const cached = st.generic.get(def);
  if (cached && memoise) return cached;
  const savedRows = st.rows;
  st.rows = options.rows ? [] : undefined;
  const frame: Frame = { module, definition: def, scope: new Scope(), mode: 'generic', iteration: '', path: '', lenient: def.defKind !== 'model' };
  const body: Body = { outputs: [], bindings: [] };
  // the check of a definition that is not applied inside another: where a spent budget becomes its diagnostic
  const outermost = st.active.length === 0;
  st.active.push(def);
  const reached = new Set<Diagnostic>();
  st.reached.push(reached);
  let rows: LayerRow[] | undefined;
  // sizes made up while it runs (`K1` from nms) are numbered within the definition, so that its
  // results are the same whatever was checked before it (an editor reuses them from the last check)
  const freshBefore = st.fresh.next;
  st.fresh.next = 1;
  const { diagnostics } = st.collect(() => {
    try {
      runGeneric();
    } catch (e) {
      if (e instanceof BudgetExceeded && outermost) reportStop(st, e, { file: module.file, range: def.name.range, what: def.name.name });
      // Recursion deeper than the stack (a 50,000-term sum): a diagnostic, not a crash.
      else if (e instanceof SizeLimitError) reportSizeLimit(st, frame, e, def.name.range);
      else if (e instanceof RangeError) st.error(frame, 'NN0003', msg`${def.name.name} nests too deeply to check (an expression with tens of thousands of parts)`, def.name.range);
      else throw e;
    } finally {
      st.active.pop();
      st.reached.pop();
      rows = st.rows;
      st.rows = savedRows;
      st.fresh.next = freshBefore;
    }
  });
  function runGeneric(): void {
    for (const p of def.params) {
      let value: Value = overrides[p.name.name] ?? (p.default ? evaluate(st, frame, p.default) : symbolicParam(p));
      if (value.kind === 'int' && paramType(p) === 'float') value = { kind: 'float', value: typeof value.value === 'number' ? value.value : NaN };
      frame.scope.define({ name: p.name.name, value, kind: 'param', declaration: p.name, used: true });
    }
    runStatements(st, frame, def.body, body);
    if (def.defKind !== 'pipeline' && def.body.length > 0 && body.outputs.length === 0 && !def.body.some((s) => s.kind === 'RepeatStmt' || s.kind === 'For' || s.kind === 'IfStmt')) {
      st.error(frame, 'NN3011', msg`${def.defKind} ${def.name.name} has no output`, def.name.range);
    }
    if (def.defKind === 'loss') for (const o of body.outputs) requireScalar(st, frame, o);
    warnUnused(st, frame, body);
  }
  const result: GenericResult = {
    frame,
    outputs: body.outputs,
    inputs: def.body.flatMap((s) => (s.kind === 'Input' ? [{ name: s.name.name, value: frame.scope.own(s.name.name)?.value ?? UNKNOWN }] : [])),
    diagnostics,
    ...(rows ? { rows } : {}),
    reached: [...reached],
  };
  // a stopped check is not a definition's result: nothing may reuse it
  if (memoise && !st.budget.stopped) {
    st.generic.set(def, result);
    st.genericKeys.set(def, new Set(diagnostics.map(diagnosticKey)));
  }
  return result;
}

/** A loss is a number to minimise: its output must be a scalar. */
function requireScalar(st: CheckState, fr: Frame, o: OutputValue): void {
  const v = o.value;
  if (v.kind === 'tensor' && v.shape.length > 0) {
    st.error(fr, 'NN2001', msg`a loss must output a scalar, but this is ${formatShape(v.shape)}: reduce it (sum, mean)`, o.node.value.range);
  }
}

function symbolicParam(p: Param): Value {
  return paramType(p) === 'int' ? { kind: 'int', value: sym(p.name.name) } : UNKNOWN;
}

/** Warnings for names bound and never used (a leading `_` silences them). */
function warnUnused(st: CheckState, fr: Frame, body: Body): void {
  const byDeclaration = new Map<Node, { name: string; kind: string; used: boolean; range: Range }>();
  for (const b of body.bindings) {
    if (!b.declaration || b.name.startsWith('_')) continue;
    if (b.kind !== 'let' && b.kind !== 'input') continue;
    const prev = byDeclaration.get(b.declaration);
    byDeclaration.set(b.declaration, { name: b.name, kind: b.kind, used: (prev?.used ?? false) || b.used, range: b.declaration.range });
  }
  for (const b of byDeclaration.values()) {
    if (b.used) continue;
    if (b.kind === 'input') st.report(fr, 'warning', 'NN5002', msg`input '${b.name}' is never used`, b.range, { unnecessary: true });
    else st.report(fr, 'warning', 'NN5001', msg`binding '${b.name}' is never used`, b.range, { unnecessary: true });
  }
}
