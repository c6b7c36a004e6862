// The profile of a training step as Markdown tables: where a step's time
// goes (kernels against dispatch), which TensorFlow ops take it, and which
// layer kinds ask for them, forward and backward.

import type { HandleCounts, OpRecord } from './op-recorder.js';
import type { Workload } from './workloads.js';

export interface StepProfile {
  workload: Workload;
  /** median step, not recorded (ms) */
  stepMs: number;
  /** mean step while every op was recorded (ms): the kernels' share is taken of these */
  recordedStepMs: number;
  steps: number;
  records: OpRecord[];
  handles: HandleCounts;
  /** the same step as one TensorFlow graph (runtime/train/graph-step/): its median (ms), and the first three steps (recorded; recorded and loaded; first run) */
  graph: { stepMs: number; readyMs: number[] };
}

/** One op's fixed cost (µs): inside the native call, and of a whole `tf.add` on scalars. */
export interface Floor {
  nativeUs: number;
  wholeUs: number;
}

const TOP_OPS = 12;
const BACKWARD = ' ↩';

export function profileTables(profiles: readonly StepProfile[], floor: Floor): string {
  const out = [
    `One op's fixed cost (a scalar add): ${floor.nativeUs.toFixed(1)} µs inside the native call, ${floor.wholeUs.toFixed(1)} µs for the whole tf.add (engine, handles, dispose).`,
    '',
    'Where a step goes (batch 64; plain step: median of steps not recorded; step: mean of the recorded steps; kernels: their time inside tfjs-node\'s native op calls; dispatch: the rest, in JavaScript, N-API and handles):',
    '',
    '| workload | plain step ms | step ms | ops / step | kernels ms | kernels % | dispatch ms | dispatch % | ops × whole-op floor ms | tensors uploaded / freed / read a step |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const p of profiles) {
    const ops = p.records.length / p.steps;
    const kernels = sum(p.records) / p.steps;
    const step = p.recordedStepMs;
    const dispatch = Math.max(0, step - kernels);
    const h = p.handles;
    out.push(
      `| ${p.workload.name} | ${ms(p.stepMs)} | ${ms(step)} | ${ops.toFixed(0)} | ${ms(kernels)} | ${pct(kernels, step)} | ${ms(dispatch)} | ${pct(dispatch, step)} | ${ms((ops * floor.wholeUs) / 1000)} | ${[h.created, h.deleted, h.reads].map((n) => (n / p.steps).toFixed(0)).join(' / ')} |`,
    );
  }
  out.push(
    '',
    'Op by op against one graph (the same steps, in turns of 5; graph: the step run as one TensorFlow graph; its first steps: recorded, recorded and loaded, first run):',
    '',
    '| workload | op by op ms | one graph ms | op by op / graph | first graph steps ms |',
    '|---|---:|---:|---:|---|',
  );
  for (const p of profiles) out.push(`| ${p.workload.name} | ${ms(p.stepMs)} | ${ms(p.graph.stepMs)} | ${(p.stepMs / p.graph.stepMs).toFixed(2)} | ${p.graph.readyMs.map(ms).join(' / ')} |`);
  for (const p of profiles) out.push('', ...opTable(p), '', ...layerTable(p));
  return out.join('\n');
}

function opTable(p: StepProfile): string[] {
  const byOp = groupBy(p.records, (r) => r.op);
  const rows = [...byOp].sort((a, b) => sum(b[1]) - sum(a[1]));
  const shown = rows.slice(0, TOP_OPS);
  const rest = rows.slice(TOP_OPS).flatMap(([, records]) => records);
  const line = (name: string, records: OpRecord[]) =>
    `| ${name} | ${(records.length / p.steps).toFixed(1)} | ${ms(sum(records) / p.steps)} | ${pct(sum(records) / p.steps, p.recordedStepMs)} | ${((sum(records) / records.length) * 1000).toFixed(0)} |`;
  return [
    `${p.workload.name}: the op kinds that take the most time (of ${byOp.size} kinds)`,
    '',
    '| TensorFlow op | calls / step | ms / step | % of step | µs / call |',
    '|---|---:|---:|---:|---:|',
    ...shown.map(([op, records]) => line(op, records)),
    ...(rest.length > 0 ? [line(`the other ${rows.length - shown.length} kinds`, rest)] : []),
  ];
}

function layerTable(p: StepProfile): string[] {
  const byLabel = groupBy(p.records, (r) => r.label.replace(BACKWARD, ''));
  const rows = [...byLabel].sort((a, b) => sum(b[1]) - sum(a[1]));
  const part = (records: OpRecord[], backward: boolean) => records.filter((r) => r.label.endsWith(BACKWARD) === backward);
  const cells = (records: OpRecord[]) => `${(records.length / p.steps).toFixed(0)} | ${ms(sum(records) / p.steps)}`;
  return [
    `${p.workload.name}: kernel time by what asked for it (a layer kind, all its layers; ↩ a backward op is its forward op's layer's)`,
    '',
    '| layer kind or part of the step | forward ops | forward ms | backward ops | backward ms | % of step |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(([label, records]) => `| ${label} | ${cells(part(records, false))} | ${cells(part(records, true))} | ${pct(sum(records) / p.steps, p.recordedStepMs)} |`),
  ];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const sum = (records: readonly OpRecord[]) => records.reduce((s, r) => s + r.ms, 0);
const ms = (x: number) => x.toFixed(2);
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
