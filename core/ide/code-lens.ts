// Code lenses over each `model` definition, on its name:
// - "Train" (`nn.train`) only when a `train` block of this file trains the
//   model (targets it, or names it in `adversarial(...)`): training needs
//   the data, loss and optimizer that only a train block gives;
// - "Summary" (`nn.summary`), titled with the parameter count when the model
//   checks cleanly (`Summary · 101,770 params`);
// - "Graph" (`nn.graph`).
// Each command's arguments are [file, modelName]. The count is the summary's
// total (core/summary.ts): the model checked once more on its own, listing its
// layers, over the modules the analysis already parsed (no disk access, no
// parse: a file of 30,000 models is not parsed 30,000 times); it is computed
// once per analysis.

import type { Definition, Node, Program } from '../../grammar/ast.js';
import { checkGeneric } from '../check/definitions.js';
import { CheckState } from '../check/state.js';
import { msg } from '../i18n/message.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { add, type Dim, formatDim, isConst } from '../shapes/dim.js';
import type { Analysis } from './analysis.js';
import { walk } from './node-at.js';
import type { CodeLens } from './types.js';

const cache = new WeakMap<Analysis, CodeLens[]>();

export function codeLenses(a: Analysis): CodeLens[] {
  const cached = cache.get(a);
  if (cached) return cached;
  const trained = trainedModels(a.program);
  const errors = a.check.diagnostics.filter((d) => d.severity === 'error');
  // a syntax or import error anywhere: no model has a meaningful count (as the summary says)
  const fileHasErrors = a.check.module?.diagnostics.some((d) => d.severity === 'error') ?? true;
  const lenses: CodeLens[] = [];
  for (const item of a.program.items) {
    if (item.kind !== 'Definition' || item.defKind !== 'model' || item.name.name === '') continue;
    const name = item.name.name;
    const args = [a.file, name];
    const range = item.name.range;
    if (trained.has(name)) lenses.push({ range, title: msg`Train`, command: 'nn.train', arguments: args });
    const count = fileHasErrors || hasErrorWithin(errors, item) ? undefined : parameterCount(a, item);
    lenses.push({ range, title: count === undefined ? msg`Summary` : msg`Summary · ${count} params`, command: 'nn.summary', arguments: args });
    lenses.push({ range, title: msg`Graph`, command: 'nn.graph', arguments: args });
  }
  cache.set(a, lenses);
  return lenses;
}

/** The models a program's train blocks train: their targets, and the models named in `adversarial(...)`. */
export function trainedModels(program: Program): Set<string> {
  const out = new Set<string>();
  for (const item of program.items) {
    if (item.kind !== 'Train') continue;
    out.add(item.target.name);
    for (const entry of item.entries) {
      if (entry.key) continue;
      for (const n of walk(entry.value) as Generator<Node>) if (n.kind === 'Identifier') out.add(n.name);
    }
  }
  return out;
}

/** Whether an error lies within `model` (`errors` in source order, as the check gives them). */
function hasErrorWithin(errors: readonly Diagnostic[], model: Definition): boolean {
  const { start, end } = model.range;
  let lo = 0;
  let hi = errors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (errors[mid]!.range.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < errors.length && errors[i]!.range.start <= end; i++) if (errors[i]!.range.end <= end) return true;
  return false;
}

/** The summary's total of `model`'s weights, as the lens shows it; undefined when the model has errors. */
function parameterCount(a: Analysis, model: Definition): string | undefined {
  const module = a.check.module;
  if (!module) return undefined;
  try {
    const st = new CheckState();
    for (const [file, m] of a.modules) st.modules.set(file, m);
    const result = checkGeneric(st, module, model, { rows: true });
    if (result.diagnostics.some((d) => d.severity === 'error')) return undefined;
    const total = (result.rows ?? []).reduce<Dim>((sum, r) => add(sum, add(r.trainable, r.nonTrainable)), 0);
    return isConst(total) ? total.toLocaleString('en-US') : formatDim(total);
  } catch {
    return undefined;
  }
}
