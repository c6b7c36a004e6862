// Whether two recorded steps are the same computation, so that one graph can
// stand for every step like them. Handle ids differ from step to step; what
// must not is each op's name, attributes and where its inputs come from (a
// fed handle by position, a made value by position, an earlier op's output,
// or one handle from before the step), the values made from JavaScript
// (a random mask drawn in JavaScript differs, and so is refused), and the
// shapes of what comes out.

import type { StepTrace } from './step-trace.js';

/** A step recorded with the handles it was given and what it gave back. */
export interface RecordedStep {
  trace: StepTrace;
  /** handle ids fed to the step: the batch, then the state (weights, optimizer slots) */
  feeds: number[];
  /** handle ids the step gave back: the loss, then the state it changed */
  outputs: number[];
}

/** Where each handle of a recorded step came from, in words that do not depend on handle ids. */
function originsOf(step: RecordedStep): Map<number, string> {
  const origins = new Map<number, string>();
  step.feeds.forEach((id, i) => origins.set(id, `feed ${i}`));
  step.trace.created.forEach((c, i) => origins.set(c.id, `value ${i}`));
  step.trace.ops.forEach((op, k) => op.outputs.forEach((o, j) => origins.set(o.id, `op ${k}:${j}`)));
  return origins;
}

const originOf = (origins: Map<number, string>, id: number) => origins.get(id) ?? `outside ${id}`;

/** Undefined when `a` and `b` are the same computation, else what differs first (for a message). */
export function traceDifference(a: RecordedStep, b: RecordedStep): string | undefined {
  if (a.feeds.length !== b.feeds.length) return `${a.feeds.length} inputs, then ${b.feeds.length}`;
  if (a.trace.ops.length !== b.trace.ops.length) return `${a.trace.ops.length} ops, then ${b.trace.ops.length}`;
  if (a.trace.created.length !== b.trace.created.length) return `${a.trace.created.length} values made in JavaScript, then ${b.trace.created.length}`;
  for (let i = 0; i < a.trace.created.length; i++) {
    const [p, q] = [a.trace.created[i]!, b.trace.created[i]!];
    if (p.dtype !== q.dtype || !sameNumbers(p.shape, q.shape) || !sameBytes(p.bytes, q.bytes)) return `value ${i} made in JavaScript differs (random numbers drawn in JavaScript?)`;
  }
  const [oa, ob] = [originsOf(a), originsOf(b)];
  for (let k = 0; k < a.trace.ops.length; k++) {
    const [p, q] = [a.trace.ops[k]!, b.trace.ops[k]!];
    if (p.op !== q.op) return `op ${k} is ${p.op}, then ${q.op}`;
    if (JSON.stringify(p.attrs) !== JSON.stringify(q.attrs)) return `op ${k} (${p.op}) has other attributes`;
    if (p.inputs.length !== q.inputs.length || p.inputs.some((id, i) => originOf(oa, id) !== originOf(ob, q.inputs[i]!))) return `op ${k} (${p.op}) takes other inputs`;
    if (p.outputs.length !== q.outputs.length || p.outputs.some((o, i) => o.dtype !== q.outputs[i]!.dtype || !sameNumbers(o.shape, q.outputs[i]!.shape))) return `op ${k} (${p.op}) gives other outputs`;
  }
  if (a.outputs.length !== b.outputs.length || a.outputs.some((id, i) => originOf(oa, id) !== originOf(ob, b.outputs[i]!))) return 'the step gives back other tensors';
  return undefined;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
