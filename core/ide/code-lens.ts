// Code lenses over each `model` definition, on its name:
// - "Train" (`nn.train`) only when a `train` block of this file trains the
//   model (targets it, or names it in `adversarial(...)`): training needs
//   the data, loss and optimizer that only a train block gives;
// - "Summary" (`nn.summary`), titled with the parameter count when the model
//   checks cleanly (`Summary · 101,770 params`);
// - "Graph" (`nn.graph`).
// Each command's arguments are [file, modelName]. The count comes from
// core/summary.ts over the analysis's own modules (no disk access); it is
// computed once per analysis.

import type { Definition, Node, Program } from '../../grammar/ast.js';
import type { Host } from '../host.js';
import { summarize } from '../summary.js';
import type { Analysis } from './analysis.js';
import { walk } from './node-at.js';
import type { CodeLens } from './types.js';

const cache = new WeakMap<Analysis, CodeLens[]>();

export function codeLenses(a: Analysis): CodeLens[] {
  const cached = cache.get(a);
  if (cached) return cached;
  const trained = trainedModels(a.program);
  // the texts the analysis saw (an editor's unsaved ones included), then the analysis's own host
  const host: Host = {
    readFile: (path) => a.modules.get(path)?.text ?? a.host.readFile(path),
    resolveImport: (from, spec) => a.host.resolveImport(from, spec),
  };
  const lenses: CodeLens[] = [];
  for (const item of a.program.items) {
    if (item.kind !== 'Definition' || item.defKind !== 'model' || item.name.name === '') continue;
    const name = item.name.name;
    const args = [a.file, name];
    const range = item.name.range;
    if (trained.has(name)) lenses.push({ range, title: 'Train', command: 'nn.train', arguments: args });
    lenses.push({ range, title: summaryTitle(a, host, item), command: 'nn.summary', arguments: args });
    lenses.push({ range, title: 'Graph', command: 'nn.graph', arguments: args });
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

function summaryTitle(a: Analysis, host: Host, model: Definition): string {
  // A model with errors has no meaningful count.
  if (a.check.diagnostics.some((d) => d.severity === 'error' && d.range.start >= model.range.start && d.range.end <= model.range.end)) return 'Summary';
  try {
    const r = summarize(a.file, host, model.name.name);
    if (!r.ok) return 'Summary';
    const p = r.summary.params;
    return typeof p === 'number' ? `Summary · ${p.toLocaleString('en-US')} params` : `Summary · ${p} params`;
  } catch {
    return 'Summary';
  }
}
