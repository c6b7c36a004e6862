// Hover on a built-in function where a definition of the file calls it on
// tensors (`softmax(scores)`, `x -> reshape([B, 784])`, `-> softmax`): the
// shapes it takes and gives there and its FLOPs per example, counted as the
// summary counts them (core/functions/flops.ts), under its reference entry.

import type { Node } from '../../grammar/ast.js';
import { type ArgInput, bindArgs } from '../check/bind-args.js';
import { functionMarkdown } from '../docs/markdown.js';
import { applyFunction } from '../functions/apply-function.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import { findFunction } from '../functions/index.js';
import { msg } from '../i18n/message.js';
import { type Dim, substitute, symbolName } from '../shapes/dim.js';
import type { TensorValue, Value } from '../values.js';
import type { Analysis } from './analysis.js';
import { definitionAt, findDeclaration, formatBig, formatShapes } from './hover-format.js';

/** A built-in function's hover: its reference entry and, where it is called on tensors, the shapes and FLOPs there. */
export function functionHover(a: Analysis, path: readonly Node[], spec: FunctionSpec): string {
  const here = functionCallLines(a, path, spec);
  return here ? `${functionMarkdown(spec)}\n\n---\n\n${here}` : functionMarkdown(spec);
}

/** The function a bare pipeline stage names (`-> softmax`), unless the name is declared in its definition. */
export function bareFunctionStage(a: Analysis, path: readonly Node[]): FunctionSpec | undefined {
  const id = path[path.length - 1]!;
  const pipe = path[path.length - 2];
  if (id.kind !== 'Identifier' || pipe?.kind !== 'Pipe' || !pipe.stages.includes(id)) return undefined;
  const def = definitionAt(a.program, id.range.start);
  return def && findDeclaration(def, id.name, id.range.start) ? undefined : findFunction(id.name);
}

/** The Markdown lines for the call of `spec` whose callee ends `path`; undefined where it is not called on tensors here. */
export function functionCallLines(a: Analysis, path: readonly Node[], spec: FunctionSpec): string | undefined {
  const call = callOf(a, path);
  if (!call || call.args.some((arg) => arg.value.kind === 'unknown')) return undefined;
  const bound = bindArgs(spec.name, spec.params, call.args, call.range);
  if (bound.problems.length > 0) return undefined;
  const result = applyFunction(spec, bound.values, { range: call.range, what: `result of ${spec.name}` }, { next: 1 }, true);
  if (result.made.length === 0) return undefined;
  const inputs = Object.values(bound.values).flatMap(tensorsIn);
  const shapes = inputs.length > 0 ? `\`${formatShapes(inputs.map((t) => t.shape))}\` → ` : '';
  return [`${shapes}\`${formatShapes(result.made.map((t) => t.shape))}\``, msg`FLOPs per example: ${formatBig(perExample(inputs, result.flops))}`].join('  \n');
}

/** The call's arguments as the checker bound them (a stage's input first) and its range. */
function callOf(a: Analysis, path: readonly Node[]): { args: ArgInput[]; range: { start: number; end: number } } | undefined {
  const id = path[path.length - 1]!;
  const parent = path[path.length - 2];
  const valueOf = (n: Node): Value => a.recording.values.get(n) ?? { kind: 'unknown' };
  const written = parent?.kind === 'Call' && parent.callee === id ? parent : undefined;
  const args: ArgInput[] = (written?.args ?? []).map((arg) => ({ ...(arg.name ? { name: arg.name.name, nameRange: arg.name.range } : {}), value: valueOf(arg.value), range: arg.range }));
  // a pipeline stage (`-> softmax`, `-> softmax(axis: 1)`): the value before it is its first argument
  const stage = written ?? id;
  const pipe = path[path.length - (written ? 3 : 2)];
  const index = pipe?.kind === 'Pipe' ? pipe.stages.indexOf(stage as never) : -1;
  if (pipe?.kind === 'Pipe' && index >= 0) {
    const before = index === 0 ? pipe.head : pipe.stages[index - 1]!;
    return { args: [{ value: valueOf(before), range: before.range }, ...args], range: stage.range };
  }
  return written ? { args, range: written.range } : undefined;
}

function tensorsIn(v: Value): TensorValue[] {
  if (v.kind === 'tensor') return [v];
  return v.kind === 'list' || v.kind === 'tuple' ? v.items.flatMap(tensorsIn) : [];
}

/** FLOPs of one example: the leading symbolic axis of the first tensor argument (the batch) is taken as 1, as for a layer. */
function perExample(inputs: readonly TensorValue[], flops: Dim): Dim {
  const lead = inputs[0]?.shape[0];
  const name = lead === undefined ? undefined : symbolName(lead);
  return name === undefined ? flops : substitute(flops, new Map([[name, 1]]));
}
