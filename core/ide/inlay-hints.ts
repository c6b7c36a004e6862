// Inlay hints: the shapes the checker computed, where the source does not
// say them.
//
// - After a stage of a pipeline with two or more stages (offset: the stage's
//   end), the tensor after it: `[B, 56, 56, 64]`. A stage that keeps the
//   shape of the value before it (activations, dropout, norms) gets no hint
//   unless it is the last stage: the last stage always shows the result.
// - After each name of a `let` without an annotation whose value is a tensor
//   (offset: the name's end): `: [B, 10]`.
// - Inputs get none (their shape is written), nor does anything whose value
//   is unknown, nor anything inside a loop body (`repeat`, `for`): the
//   recording keeps only the last iteration's value, which would mislead.
//
// - A stage never repeats a shape already shown on its line (`x -> Conv2D(...)
//   -> BatchNorm`, or a `let` whose hint already says it): the first one stays.
//
// Sizes are written in their simplest exact form (`ceil(H/4)`, not
// `floor(floor(H/2 - 1/2)/2) + 1`).
// Labels carry no leading space: the language server pads hints on the left.
// A dtype other than float32 follows the shape: `[B, S] int`.
// Tooltips (Markdown) describe the stage's layer or block application:
// arguments, input -> output shapes, weights and FLOPs per example.
//
// After an edit, a definition whose recorded values the checker carried over
// shows the hints it had before, moved: only what changed is walked again.

import type { Node, Range, TopLevel } from '../../grammar/ast.js';
import type { ApplicationRecord } from '../check/state.js';
import { shapesEqual } from '../shapes/shape.js';
import { msg } from '../i18n/message.js';
import type { Value } from '../values.js';
import type { Analysis } from './analysis.js';
import { applicationLines, formatArgs, formatValue, usesOfLayer } from './hover-format.js';
import { pushChildren } from './node-at.js';
import type { InlayHint } from './types.js';

export interface InlayHintOptions {
  /** leave the tooltips out (an editor that asks for them one at a time: `inlayHintTooltip`) */
  tooltips?: boolean;
}

export function inlayHints(a: Analysis, range?: Range, options: InlayHintOptions = {}): InlayHint[] {
  const tooltips = options.tooltips !== false;
  const hints: InlayHint[] = [];
  for (const item of a.program.items) {
    if (range && (item.range.end < range.start || item.range.start > range.end)) continue;
    for (const h of itemHints(a, item, tooltips)) if (!range || (h.offset >= range.start && h.offset <= range.end)) hints.push(h);
  }
  return hints.sort((x, y) => x.offset - y.offset);
}

/** The hints of each check's definitions (by the check's stamp), by where the definition starts and whether with tooltips. */
const hintsCache = new WeakMap<object, Map<string, InlayHint[]>>();

function hintsOfCheck(stamp: object): Map<string, InlayHint[]> {
  let hints = hintsCache.get(stamp);
  if (hints === undefined) {
    hints = new Map();
    hintsCache.set(stamp, hints);
  }
  return hints;
}

/**
 * The hints of one top-level item. A definition whose recorded values were
 * carried over from the previous check has the hints it had there, moved.
 */
function itemHints(a: Analysis, item: TopLevel, tooltips: boolean): InlayHint[] {
  if (item.kind !== 'Definition') return walk(a, item, tooltips);
  const own = hintsOfCheck(a.check.stamp);
  const key = (start: number) => `${start}:${tooltips}`;
  let hints = own.get(key(item.range.start));
  if (hints !== undefined) return hints;
  const carried = a.check.carriedOver;
  const before = carried?.starts.get(item);
  const earlier = before !== undefined ? hintsCache.get(carried!.from)?.get(key(before)) : undefined;
  hints = earlier !== undefined ? moved(earlier, item.range.start - before!) : walk(a, item, tooltips);
  own.set(key(item.range.start), hints);
  return hints;
}

function moved(hints: InlayHint[], delta: number): InlayHint[] {
  return delta === 0 ? hints : hints.map((h) => ({ ...h, offset: h.offset + delta }));
}

/** The hints under `root`, in no particular order. */
function walk(a: Analysis, root: Node, tooltips: boolean): InlayHint[] {
  const hints: InlayHint[] = [];
  const values = a.recording.values;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'Pipe' && node.stages.length >= 2) pipeHints(a, node.head, node.stages, tooltips, hints);
    if (node.kind === 'Let' && !node.annotation) {
      for (const id of node.names) {
        const v = values.get(id);
        if (v?.kind === 'tensor') hints.push({ offset: id.range.end, label: `: ${label(v)}` });
      }
    }
    // nothing inside a loop body gets a hint: only the count is looked into
    const count = countOf(node);
    if (count !== undefined) stack.push(count);
    else pushChildren(node, stack);
  }
  return onceALine(a, hints);
}

/** The hints in source order, without a stage's shape already shown earlier on the same line. */
function onceALine(a: Analysis, hints: InlayHint[]): InlayHint[] {
  hints.sort((x, y) => x.offset - y.offset);
  const kept: InlayHint[] = [];
  let line = -1;
  let shown = new Set<string>();
  for (const h of hints) {
    const at = a.lines.position(h.offset).line;
    if (at !== line) {
      line = at;
      shown = new Set();
    }
    // a name's hint types that name (`let a, b` gets two); a stage's repeats nothing
    const named = h.label.startsWith(': ');
    const shape = named ? h.label.slice(2) : h.label;
    if (!named && shown.has(shape)) continue;
    shown.add(shape);
    kept.push(h);
  }
  return kept;
}

/** The tooltip of the hint at `offset` with `label` (undefined when there is none). */
export function inlayHintTooltip(a: Analysis, offset: number, label: string): string | undefined {
  return inlayHints(a, { start: offset, end: offset }).find((h) => h.offset === offset && h.label === label)?.tooltip;
}

function countOf(node: Node): Node | undefined {
  if (node.kind === 'RepeatStmt' || node.kind === 'Repeat') return node.count;
  if (node.kind === 'For') return node.iterable;
  return undefined;
}

function pipeHints(a: Analysis, head: Node, stages: Node[], tooltips: boolean, hints: InlayHint[]): void {
  let previous: Value | undefined = a.recording.values.get(head);
  stages.forEach((stage, i) => {
    const v = a.recording.values.get(stage);
    const last = i === stages.length - 1;
    if (v?.kind === 'tensor') {
      const unchanged = previous?.kind === 'tensor' && previous.dtype === v.dtype && shapesEqual(previous.shape, v.shape);
      if (!unchanged || last) {
        const app = tooltips ? a.recording.applications.get(stage) : undefined;
        const tooltip = app && stageTooltip(app, usesOfLayer(a.recording.applications, app));
        hints.push({ offset: stage.range.end, label: label(v), ...(tooltip !== undefined ? { tooltip } : {}) });
      }
    }
    previous = v;
  });
}

/** Labels by value: a value carried over from the previous check keeps its text. */
const labelCache = new WeakMap<Value, string>();

function label(v: Value): string {
  let text = labelCache.get(v);
  if (text === undefined) {
    text = formatValue(v);
    labelCache.set(v, text);
  }
  return text;
}

/** Tooltips by application: an application carried over from the previous check keeps its text. */
const tooltipCache = new WeakMap<ApplicationRecord, { uses: number; text: string }>();

function stageTooltip(app: ApplicationRecord, uses: number): string {
  const cached = tooltipCache.get(app);
  if (cached?.uses === uses) return cached.text;
  const name = app.target.kind === 'layer' ? app.target.layer.spec.name : app.target.block.definition.name.name;
  const args = formatArgs(app.target.kind === 'layer' ? app.target.layer.args : app.target.block.args);
  const kind = app.target.kind === 'layer' ? msg`layer` : app.target.block.definition.defKind;
  const text = [`*${kind}* \`${name}(${args})\``, applicationLines(app, uses).join('  \n')].join('\n\n');
  tooltipCache.set(app, { uses, text });
  return text;
}
