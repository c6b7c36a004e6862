// The values inside a block at each of its uses: inside `block Stem` the
// editor shows `[B, ceil(H/2), ceil(W/2), 64]`; the hover adds what that is
// where a model of this file applies the block: `at ResNet18 line 58:
// [B, 112, 112, 64]`.
//
// The recording keeps only the values of each definition checked on its own.
// On the first question about a block, the applications written in the
// file's models of that block, or of a block that leads to it, are applied
// once more (their arguments and input shapes, as recorded) with the
// recording's instance hook on: each value computed inside a definition of
// this file is kept under the model and line of the use it belongs to,
// nested blocks included. Done once per analysis and block, and only for
// what leads to the block: a hover after an edit stays cheap (bench:lsp).

import type { Definition, Node } from '../../grammar/ast.js';
import { runBudgeted } from '../check/budget.js';
import { checkGeneric, instantiate } from '../check/definitions.js';
import { Recording } from '../check/recording.js';
import { Scope } from '../check/scope.js';
import { CheckState, type Frame } from '../check/state.js';
import type { TensorValue, Value } from '../values.js';
import type { Analysis } from './analysis.js';
import { formatValue } from './hover-format.js';
import { pushChildren } from './node-at.js';

export interface UseValue {
  /** the model that applies the block */
  model: string;
  /** the line of the application in the model (1-based) */
  line: number;
  /** the value there, as the editor writes it */
  text: string;
}

/** Per check, per block of the file: the values inside it at each use (computed on the first question about that block). */
const byAnalysis = new WeakMap<Recording, Map<Definition, Map<Node, UseValue[]>>>();

/** The values of `node` (inside a block of this file) at each use by a model of this file, in order of use. */
export function valuesAtUses(a: Analysis, node: Node): UseValue[] {
  const definitions = a.program.items.filter((i): i is Definition => i.kind === 'Definition');
  const block = definitions.find((d) => d.defKind === 'block' && d.range.start <= node.range.start && node.range.end <= d.range.end);
  if (!block) return [];
  let perBlock = byAnalysis.get(a.recording);
  if (perBlock === undefined) byAnalysis.set(a.recording, (perBlock = new Map()));
  let found = perBlock.get(block);
  if (found === undefined) perBlock.set(block, (found = collect(a, definitions, block)));
  return found.get(node) ?? [];
}

/** Which blocks of this file each block's body applies (from the check's recording). */
function blockApplications(a: Analysis, definitions: Definition[]): Map<Definition, Set<Definition>> {
  const applies = new Map<Definition, Set<Definition>>();
  for (const [node, app] of a.recording.applications) {
    if (app.target.kind !== 'block' || app.target.block.file !== a.file) continue;
    const inside = definitions.find((d) => d.defKind === 'block' && d.range.start <= node.range.start && node.range.end <= d.range.end);
    const target = app.target.block.definition;
    if (inside && inside !== target) (applies.get(inside) ?? applies.set(inside, new Set()).get(inside)!).add(target);
  }
  return applies;
}

/** `start` and every block that applies one of them, directly or through other blocks (`backward`), or that one of them applies (forward). */
function closure(applies: Map<Definition, Set<Definition>>, start: Set<Definition>, backward: boolean): Set<Definition> {
  const out = new Set(start);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [from, targets] of applies) {
      for (const to of targets) {
        const [known, next] = backward ? [to, from] : [from, to];
        if (!out.has(known) || out.has(next)) continue;
        out.add(next);
        grew = true;
      }
    }
  }
  return out;
}

function collect(a: Analysis, definitions: Definition[], block: Definition): Map<Node, UseValue[]> {
  const found = new Map<Node, UseValue[]>();
  const module = a.modules.get(a.file);
  if (!module) return found;
  const st = new CheckState();
  for (const [file, m] of a.modules) st.modules.set(file, m);
  const recording = new Recording();
  st.recording = recording;
  st.recordFile = a.file;
  const applies = blockApplications(a, definitions);
  // the uses to replay: applications (in models) of this block or of a block that leads to it
  const reaching = closure(applies, new Set([block]), true);
  // each block they run, on its own first (memoised): a block applied inside another block's own check is no use of a model's
  for (const def of closure(applies, reaching, false)) checkGeneric(st, module, def);
  const models = definitions.filter((d) => d.defKind === 'model');
  for (const model of models) {
    const before = stageInputs(model);
    for (const [node, app] of a.recording.applications) {
      if (app.target.kind !== 'block' || app.target.block.file !== a.file || !reaching.has(app.target.block.definition)) continue;
      if (node.range.start < model.range.start || node.range.end > model.range.end) continue;
      const inputs = inputTensors(a, node, before.get(node), app.inputs);
      const use = { model: model.name.name, line: a.lines.position(node.range.start).line + 1 };
      recording.onInstanceValue = (inner, value) => {
        if (value.kind !== 'tensor' && value.kind !== 'tuple') return;
        const text = formatValue(value);
        const list = found.get(inner) ?? [];
        if (!list.some((u) => u.model === use.model && u.line === use.line && u.text === text)) list.push({ ...use, text });
        found.set(inner, list);
      };
      // each use runs its blocks afresh: a reused result would record nothing for this use
      st.instances.clear();
      const frame: Frame = { module, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: false };
      const instance = { ...app.target.block, id: st.nextId(), memo: new Map(), applications: 0 };
      // a use too large to replay (the check's work budget) shows what it found until it stopped
      st.collect(() => runBudgeted(st, { file: a.file, range: node.range, what: model.name.name }, () => instantiate(st, frame, instance, inputs, { range: node.range, inputRanges: [], node })));
      if (st.budget.stopped) break;
    }
  }
  recording.onInstanceValue = undefined;
  return found;
}

/** Each stage of the pipelines in `root` -> the node whose value flows into it. */
function stageInputs(root: Node): Map<Node, Node> {
  const before = new Map<Node, Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'Pipe') node.stages.forEach((s, i) => before.set(s, i === 0 ? node.head : node.stages[i - 1]!));
    pushChildren(node, stack);
  }
  return before;
}

/** The tensors applied at `node`: the value before the stage (with its dtype), else float32 tensors of the recorded shapes. */
function inputTensors(a: Analysis, node: Node, previous: Node | undefined, shapes: TensorValue['shape'][]): TensorValue[] {
  const value: Value | undefined = previous ? a.recording.values.get(previous) : undefined;
  const items = value?.kind === 'tuple' ? value.items : value ? [value] : [];
  if (items.length === shapes.length && items.every((v): v is TensorValue => v.kind === 'tensor')) return items;
  const origin = { file: a.file, range: node.range, what: 'input' };
  return shapes.map((shape) => ({ kind: 'tensor', shape, dtype: 'float32', origin }));
}
