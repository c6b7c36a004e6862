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
// Labels carry no leading space: the language server pads hints on the left.
// A dtype other than float32 follows the shape: `[B, S] int`.
// Tooltips (Markdown) describe the stage's layer or block application:
// arguments, input -> output shapes, weights and FLOPs per example.

import type { Node, Range } from '../../grammar/ast.js';
import { shapesEqual } from '../shapes/shape.js';
import type { Value } from '../values.js';
import type { Analysis } from './analysis.js';
import { applicationLines, formatArgs, formatValue, usesOfLayer } from './hover-format.js';
import { childrenOf } from './node-at.js';
import type { InlayHint } from './types.js';

export function inlayHints(a: Analysis, range?: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  const visit = (node: Node, inLoop: boolean): void => {
    if (range && (node.range.end < range.start || node.range.start > range.end)) return;
    if (!inLoop) {
      if (node.kind === 'Pipe' && node.stages.length >= 2) pipeHints(a, node.head, node.stages, hints);
      if (node.kind === 'Let' && !node.annotation) {
        for (const id of node.names) {
          const v = a.recording.values.get(id);
          if (v?.kind === 'tensor') hints.push({ offset: id.range.end, label: `: ${formatValue(v)}` });
        }
      }
    }
    const loop = node.kind === 'RepeatStmt' || node.kind === 'For' || node.kind === 'Repeat';
    for (const child of childrenOf(node)) visit(child, inLoop || (loop && child !== countOf(node)));
  };
  visit(a.program, false);
  return hints.filter((h) => !range || (h.offset >= range.start && h.offset <= range.end)).sort((x, y) => x.offset - y.offset);
}

function countOf(node: Node): Node | undefined {
  if (node.kind === 'RepeatStmt' || node.kind === 'Repeat') return node.count;
  if (node.kind === 'For') return node.iterable;
  return undefined;
}

function pipeHints(a: Analysis, head: Node, stages: Node[], hints: InlayHint[]): void {
  let previous: Value | undefined = a.recording.values.get(head);
  stages.forEach((stage, i) => {
    const v = a.recording.values.get(stage);
    const last = i === stages.length - 1;
    if (v?.kind === 'tensor') {
      const unchanged = previous?.kind === 'tensor' && previous.dtype === v.dtype && shapesEqual(previous.shape, v.shape);
      if (!unchanged || last) {
        const tooltip = stageTooltip(a, stage);
        hints.push({ offset: stage.range.end, label: formatValue(v), ...(tooltip !== undefined ? { tooltip } : {}) });
      }
    }
    previous = v;
  });
}

function stageTooltip(a: Analysis, stage: Node): string | undefined {
  const app = a.recording.applications.get(stage);
  if (!app) return undefined;
  const name = app.target.kind === 'layer' ? app.target.layer.spec.name : app.target.block.definition.name.name;
  const args = formatArgs(app.target.kind === 'layer' ? app.target.layer.args : app.target.block.args);
  const kind = app.target.kind === 'layer' ? 'layer' : app.target.block.definition.defKind;
  return [`*${kind}* \`${name}(${args})\``, applicationLines(app, usesOfLayer(a.recording.applications, app)).join('  \n')].join('\n\n');
}
