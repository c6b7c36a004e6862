// The values inside a block at each of its uses: inside `block Stem` the
// editor shows `[B, ceil(H/2), ceil(W/2), 64]`; the hover adds what that is
// where a model of this file applies the block: `at ResNet18 line 58:
// [B, 112, 112, 64]`.
//
// The recording keeps only the values of each definition checked on its own.
// On the first question, every block application written in a model of the
// file (its arguments and input shapes, as recorded) is applied once more,
// with the recording's instance hook on: each value computed inside a
// definition of this file is kept under the model and line of the use it
// belongs to, nested blocks included. Done once per analysis.

import type { Definition, Node } from '../../grammar/ast.js';
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

const byAnalysis = new WeakMap<Recording, Map<Node, UseValue[]>>();

/** The values of `node` (inside a block of this file) at each use by a model of this file, in order of use. */
export function valuesAtUses(a: Analysis, node: Node): UseValue[] {
  let found = byAnalysis.get(a.recording);
  if (found === undefined) {
    found = collect(a);
    byAnalysis.set(a.recording, found);
  }
  return found.get(node) ?? [];
}

function collect(a: Analysis): Map<Node, UseValue[]> {
  const found = new Map<Node, UseValue[]>();
  const module = a.modules.get(a.file);
  if (!module) return found;
  const st = new CheckState();
  for (const [file, m] of a.modules) st.modules.set(file, m);
  const recording = new Recording();
  st.recording = recording;
  st.recordFile = a.file;
  const definitions = a.program.items.filter((i): i is Definition => i.kind === 'Definition');
  // each definition on its own first (memoised): a block applied inside another block's own check is no use of a model's
  for (const def of definitions) checkGeneric(st, module, def);
  const models = definitions.filter((d) => d.defKind === 'model');
  for (const model of models) {
    const before = stageInputs(model);
    for (const [node, app] of a.recording.applications) {
      if (app.target.kind !== 'block' || app.target.block.file !== a.file) continue;
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
      st.collect(() => instantiate(st, frame, instance, inputs, { range: node.range, inputRanges: [], node }));
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
