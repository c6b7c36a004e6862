// `node dist/bench-train.mjs --profile`: one nn training step of each
// workload taken apart. The step is the supervised loop's (a batch, the
// forward pass and loss under `variableGrads`, the loss read back, Adam's
// update), set up as `nn train` sets it up. Its time is measured plain
// first, then with every op recorded (op-recorder.ts): of the recorded
// steps, the time in the native op calls is the kernels' (with each call's
// fixed cost, measured apart on a tiny op), the rest is dispatch.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../../cli/node-host.js';
import { Random } from '../../runtime/random.js';
import { type Batch, disposeBatch, epochOrder, takeBatch } from '../../runtime/train/batches.js';
import { predictAll } from '../../runtime/train/evaluate.js';
import { disposeSupervised, loadRunData, planOf, setUpSupervised, type SupervisedSetup } from '../../runtime/train/run-training.js';
import { graphSteps } from '../../runtime/train/graph-step/graph-steps.js';
import { nodeBackend } from '../../runtime/train/graph-step/step-trace.js';
import { update } from '../../runtime/train/supervised.js';
import { trainableVariables } from '../../runtime/train/variables.js';
import type { TF } from '../../runtime/tf-types.js';
import { OpRecorder } from './op-recorder.js';
import { type Floor, profileTables, type StepProfile } from './profile-table.js';
import { BATCH, type Workload } from './workloads.js';

const WARM_UP_STEPS = 5;
const PLAIN_STEPS = Number(process.env['BENCH_PROFILE_STEPS'] ?? 20);
const RECORDED_STEPS = PLAIN_STEPS;

export async function profileWorkloads(tf: TF, backend: string, workloads: readonly Workload[]): Promise<void> {
  const floor = opFloor(tf);
  const profiles: StepProfile[] = [];
  for (const workload of workloads) profiles.push(profileStep(tf, backend, workload));
  console.log(`\n${profileTables(profiles, floor)}`);
}

function profileStep(tf: TF, backend: string, workload: Workload): StepProfile {
  const request = { file: join(process.cwd(), workload.file), host: nodeHost, target: workload.model, tf, backend: { name: backend, device: 'cpu' as const } };
  const plan = { ...planOf(request), batch: BATCH, seed: 1 };
  const setup = setUpSupervised(request, plan, loadRunData(request, plan, 1), 1);
  const variables = trainableVariables(setup.model);
  const order = epochOrder(setup.train.count, true, new Random(1));
  const batches = Math.floor(setup.train.count / BATCH);
  const recorder = new OpRecorder();
  let b = 0;
  /** one training step as trainSupervised takes it (ms) */
  const step = (): number => {
    const started = performance.now();
    const batch = recorder.within('batch', () => takeBatch(tf, setup.train, order, b++ % batches, BATCH));
    const { value, grads } = recorder.within('other', () => tf.variableGrads(() => forwardAndLoss(recorder, setup, batch), variables.list));
    recorder.within('loss read', () => value.dataSync());
    value.dispose();
    recorder.within('optimizer', () => update({ tf, plan, optimizer: setup.optimizer }, variables, grads));
    recorder.within('dispose', () => {
      for (const g of Object.values(grads)) g.dispose();
      disposeBatch(batch);
    });
    return performance.now() - started;
  };
  const runner = graphSteps(
    { tf, variables, lossOf: (batch) => setup.loss(batch.target!, predictAll(setup.model, batch.inputs, true)), update: (grads) => update({ tf, plan, optimizer: setup.optimizer }, variables, grads) },
    nodeBackend(tf)!,
    { folder: mkdtempSync(join(tmpdir(), 'nn-profile-')), warn: (message) => console.log(`${workload.id}: ${message}`) },
  );
  /** one training step through the graph runner, as trainSupervised takes it with graph steps (ms) */
  const graphStep = (): number => {
    const started = performance.now();
    const batch = takeBatch(tf, setup.train, order, b++ % batches, BATCH);
    runner.step(batch, 'profile', () => undefined);
    disposeBatch(batch);
    return performance.now() - started;
  };
  try {
    for (let i = 0; i < WARM_UP_STEPS; i++) step();
    // recorded, recorded and loaded, first run (grappler optimises the graph then)
    const graphReady = [graphStep(), graphStep(), graphStep()];
    // op by op and as a graph in turns, a few steps each: a shared machine's load hits both alike
    const eagerTimes: number[] = [];
    const graphTimes: number[] = [];
    for (let i = 0; i < PLAIN_STEPS; i += 5) {
      for (let j = 0; j < 5; j++) eagerTimes.push(step());
      for (let j = 0; j < 5; j++) graphTimes.push(graphStep());
    }
    const plain = median(eagerTimes);
    const graph = { stepMs: median(graphTimes), readyMs: graphReady };
    runner.dispose();
    recorder.install(tf, [setup.model]);
    recorder.recording = true;
    // the kernels' share is taken of these same steps: their mean, as the kernel times are summed
    const recorded = mean(Array.from({ length: RECORDED_STEPS }, step));
    recorder.recording = false;
    recorder.uninstall();
    console.log(`${workload.id}: ${plain.toFixed(2)} ms a step (${recorded.toFixed(2)} ms recorded, mean), ${(recorder.records.length / RECORDED_STEPS).toFixed(0)} ops a step; ${graph.stepMs.toFixed(2)} ms as one graph`);
    return { workload, stepMs: plain, recordedStepMs: recorded, steps: RECORDED_STEPS, records: recorder.records, handles: recorder.handles, graph };
  } finally {
    recorder.uninstall();
    setup.model.dispose();
    disposeSupervised(setup);
  }
}

/** The forward pass and the loss, as the supervised loop computes them; after it, the tape's own work (gradient sums) is `backward`. */
function forwardAndLoss(recorder: OpRecorder, setup: SupervisedSetup, batch: Batch) {
  recorder.label = 'loss';
  const loss = setup.loss(batch.target!, predictAll(setup.model, batch.inputs, true)) as never;
  recorder.label = 'backward (tape)';
  return loss;
}

/**
 * The fixed cost of one op: a scalar add (no arithmetic to speak of), timed
 * inside the native call and around the whole `tf.add` (engine, kernel in
 * JavaScript, handles, dispose).
 */
function opFloor(tf: TF): Floor {
  const a = tf.scalar(1);
  const b = tf.scalar(2);
  const recorder = new OpRecorder();
  const calls = 2000;
  for (let i = 0; i < 200; i++) tf.add(a, b).dispose();
  recorder.install(tf, []);
  recorder.recording = true;
  const started = performance.now();
  for (let i = 0; i < calls; i++) tf.add(a, b).dispose();
  const total = performance.now() - started;
  recorder.uninstall();
  a.dispose();
  b.dispose();
  const native = recorder.records.reduce((s, r) => s + r.ms, 0);
  return { nativeUs: (native / calls) * 1000, wholeUs: (total / calls) * 1000 };
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)]!;
}
