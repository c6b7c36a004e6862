// Tracing a model for the graph view: the checker applies the model once
// more to its declared inputs, recording how every tensor is computed and
// every block application (as the compiler's tracer does, core/graph/trace.ts),
// but every size stays as the model declares it: the batch and any other
// free name (`T`, `N`) stay symbolic, so the view needs no data and shows
// the shapes the author wrote.

import type { Definition } from '../../grammar/ast.js';
import { runBudgeted } from '../check/budget.js';
import { checkGeneric, configureBlock, instantiate } from '../check/definitions.js';
import { loadModule } from '../check/modules.js';
import { Scope } from '../check/scope.js';
import { CheckState, type Frame, type Module } from '../check/state.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findModel } from '../find-model.js';
import { msg } from '../i18n/message.js';
import type { Host } from '../host.js';
import { symbolName } from '../shapes/dim.js';
import type { TensorValue, TracedBlock, Value } from '../values.js';

export interface ViewTrace {
  model: string;
  /** the file the model is defined in, and every module the check loaded (their texts give line numbers) */
  file: string;
  modules: ReadonlyMap<string, Module>;
  /** the batch symbol: the leading axis of the first input */
  batch: string | undefined;
  inputs: TensorValue[];
  outputs: { name: string; value: Value }[];
  /** every block application, the model's own first (its path is the root of all others) */
  blocks: TracedBlock[];
}

export type ViewTraceResult = { ok: true; trace: ViewTrace } | { ok: false; message: string; diagnostics: Diagnostic[] };

export function traceForView(file: string, host: Host, modelName?: string): ViewTraceResult {
  const st = new CheckState();
  const module = loadModule(st, host, file);
  if (!module) return { ok: false, message: msg`cannot read ${file}`, diagnostics: [] };
  const definitions = module.program.items.filter((i): i is Definition => i.kind === 'Definition');
  const found = findModel(definitions, file, modelName, ['model', 'loss']);
  if (typeof found === 'string') return { ok: false, message: modelName === undefined ? whichModel(definitions, file) ?? found : found, diagnostics: [] };
  const def = found;
  const generic = checkGeneric(st, module, def);
  const errors = [...module.diagnostics, ...generic.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, message: msg`${def.name.name} has errors: fix them to see its graph (${describeFirst(errors[0]!, module)})`, diagnostics: errors };

  const inputs: TensorValue[] = [];
  for (const [index, { name, value }] of generic.inputs.entries()) {
    if (value.kind !== 'tensor') return { ok: false, message: msg`input ${name} of ${def.name.name} has no shape`, diagnostics: [] };
    inputs.push({ ...value, source: { op: 'input', name, index } });
  }
  const lead = inputs[0]?.shape[0];
  const batch = lead === undefined ? undefined : symbolName(lead);

  st.trace = true;
  st.rows = [];
  st.blocks = [];
  const frame: Frame = { module, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: false };
  const { result, diagnostics } = st.collect(() =>
    runBudgeted(st, { file, range: def.name.range, what: def.name.name }, () => {
      const instance = configureBlock(st, frame, def, file, [], def.name.range, def);
      return instance ? instantiate(st, frame, instance, inputs, { range: def.name.range, inputRanges: [], node: def }) : undefined;
    }),
  );
  const traceErrors = diagnostics.filter((d) => d.severity === 'error');
  if (!result || result.kind === 'unknown' || traceErrors.length > 0) {
    const first = traceErrors[0];
    const message = first ? msg`${def.name.name} cannot be traced with its declared sizes (${describeFirst(first, module)})` : msg`${def.name.name} cannot be traced with its declared sizes`;
    return { ok: false, message, diagnostics: traceErrors };
  }
  const outputs = result.kind === 'tuple' ? result.items.map((v, i) => ({ name: result.names?.[i] ?? `output${i}`, value: v })) : [{ name: 'output', value: result }];
  return { ok: true, trace: { model: def.name.name, file, modules: st.modules, batch, inputs, outputs, blocks: st.blocks } };
}

/**
 * A file with several models and none named: the view asks which (a command
 * line's `--model` means nothing there). Undefined otherwise: then
 * `findModel`'s own message says why.
 */
function whichModel(definitions: readonly Definition[], file: string): string | undefined {
  const models = definitions.filter((d) => d.defKind === 'model');
  return models.length > 1 ? msg`${file} defines several models; choose one (${models.map((m) => m.name.name).join(', ')})` : undefined;
}

/** `line 12: message`, 1-based as an editor shows it. */
function describeFirst(d: Diagnostic, module: Module): string {
  const text = d.file === undefined || d.file === module.file ? module.text : undefined;
  const line = text === undefined ? undefined : text.slice(0, d.range.start).split('\n').length;
  return line === undefined ? d.message : msg`line ${line}: ${d.message}`;
}
