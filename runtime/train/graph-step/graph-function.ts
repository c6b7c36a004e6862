// A function of some tensors, run as one TensorFlow graph once it has been
// seen to be the same computation twice: Keras's way of reaching
// TensorFlow, from JavaScript. A training step is one (graph-steps.ts), and
// so is the forward pass that measures held-out examples (../evaluate.ts).
//
// The first calls run eagerly, as tfjs runs them, while every op they ask of
// TensorFlow is recorded (step-trace.ts). Two recorded calls that are the
// same computation (trace-shape.ts) become one graph (step-graph.ts): the
// fed tensors and every variable the function reads (weights, BatchNorm
// statistics, optimizer slots, random-number counters) go in; its results and
// every variable it changed come out; from then on each call of that shape
// is one call of the graph. The variables stay tfjs variables between calls,
// so checkpoints, pictures, stopping and resuming see them as always.
//
// A function is never run as a graph when its recording shows it could be
// wrong: it reads a tensor back mid-way (the next ops could depend on the
// value), makes other values in JavaScript from call to call (random numbers
// drawn in JavaScript), or TensorFlow refuses the graph. From then on every
// call runs eagerly, and `off` says why. A new `variant` (a schedule's next
// learning rate) is a new graph; fed tensors of another shape (an epoch's
// last batch) have their own.

import { msg } from '../../../core/i18n/message.js';
import type { Tensor, TF } from '../../tf-types.js';
import { StepGraph } from './step-graph.js';
import { handleId, type HandleInfo, type NodeBackend, traceNative, valueReads } from './step-trace.js';
import { type RecordedStep, traceDifference } from './trace-shape.js';

type Variable = import('@tensorflow/tfjs').Variable;

/** Recordings in a row unlike the one before them after which calls run eagerly for good. */
const UNLIKE_RECORDINGS = 3;

/** A call's results, and the variables it changed: kept when committed, else undone (eager) or dropped (graph) on release. */
export interface GraphCall {
  results: Tensor[];
  /** whether the graph ran (else `fn`, eagerly) */
  byGraph: boolean;
  commit(): void;
  release(): void;
}

/** A recorded call, with the variables it read and changed. */
interface Recording extends RecordedStep {
  read: Variable[];
  changed: Variable[];
}

interface Compiled {
  graph: StepGraph;
  read: Variable[];
  changed: Variable[];
}

export class GraphFunction {
  private readonly compiled = new Map<string, Compiled>();
  private readonly recorded = new Map<string, Recording>();
  /** recordings unlike the one before them, by key */
  private readonly unlike = new Map<string, number>();
  private variant: string | undefined;
  /** why calls run eagerly, once they do */
  off: string | undefined;

  constructor(
    private readonly tf: TF,
    private readonly backend: NodeBackend,
    /** where a graph is written while TensorFlow loads it (a run's own folder) */
    private readonly folder: string,
  ) {}

  /**
   * `fn` on `fed` (the tensors it is given, which must be all that varies
   * from call to call besides variables): as a graph when one is ready,
   * else eagerly, recorded until it is. `fn` must not dispose `fed`.
   */
  call(fed: Tensor[], variant: string, fn: () => Tensor[]): GraphCall {
    if (this.off !== undefined) return eagerCall(fn);
    if (variant !== this.variant) {
      this.dispose();
      this.variant = variant;
    }
    const key = fed.map((t) => `${t.dtype}[${t.shape.join(',')}]`).join(' ');
    const compiled = this.compiled.get(key);
    if (compiled) {
      try {
        return graphCall(compiled, fed);
      } catch (e) {
        this.turnOff(msg`TensorFlow could not run the step as a graph (${firstLine(e)})`);
        return eagerCall(fn);
      }
    }
    const { call, recording, refused } = recordedCall(this.tf, this.backend, fed, fn);
    if (refused) this.turnOff(refused);
    else if (recording) this.learn(key, recording, fed);
    return call;
  }

  dispose(): void {
    for (const c of this.compiled.values()) c.graph.dispose();
    this.compiled.clear();
    this.recorded.clear();
    this.unlike.clear();
  }

  /** A second recording like the first makes the graph. */
  private learn(key: string, recording: Recording, fed: Tensor[]): void {
    const earlier = this.recorded.get(key);
    if (!earlier) {
      this.recorded.set(key, recording);
      return;
    }
    const difference = sameVariables(earlier, recording) ? traceDifference(earlier, recording) : 'it uses other variables';
    if (difference) {
      // a first call can differ from the next and still be like every later one: a constant tfjs
      // made on first use is a value made in JavaScript in the first, a tensor from before in the next
      const unlike = (this.unlike.get(key) ?? 0) + 1;
      this.unlike.set(key, unlike);
      if (unlike >= UNLIKE_RECORDINGS) this.turnOff(msg`the step changes from batch to batch (${difference})`);
      else this.recorded.set(key, recording);
      return;
    }
    try {
      const feeds = feedInfos(this.backend, [...fed, ...recording.read], recording.feeds);
      this.compiled.set(key, { graph: StepGraph.load(this.backend, recording, feeds, this.folder), read: recording.read, changed: recording.changed });
    } catch (e) {
      this.turnOff(msg`TensorFlow could not load the step as a graph (${firstLine(e)})`);
    }
  }

  private turnOff(reason: string): void {
    this.off = reason;
    this.dispose();
  }
}

const registeredVariables = (tf: TF): Variable[] => Object.values((tf.engine() as unknown as { state: { registeredVariables: Record<string, Variable> } }).state.registeredVariables);

/** `fn` run eagerly: its changes are made as it runs. */
function eagerCall(fn: () => Tensor[]): GraphCall {
  const results = fn();
  return { results, byGraph: false, commit: () => undefined, release: () => results.forEach((t) => t.dispose()) };
}

/**
 * `fn` run eagerly while it is recorded. Each variable's earlier value is
 * kept until release, which puts it back when the call was not committed.
 * The recording is left out when `fn` made variables (an optimizer's slots
 * on its first step, a random-number counter on its first use); `refused`
 * says why no call like it may run as a graph.
 */
function recordedCall(tf: TF, backend: NodeBackend, fed: Tensor[], fn: () => Tensor[]): { call: GraphCall; recording?: Recording; refused?: string } {
  const variables = registeredVariables(tf);
  const fedIds = fed.map((t) => handleId(backend, t));
  const before = variables.map((v) => handleId(backend, v));
  // the same data, one more reference: the values to go back to
  const earlier = variables.map((v) => tf.clone(v));
  let recorded: ReturnType<typeof traceNative<Tensor[]>>;
  try {
    recorded = traceNative(backend, fn);
  } catch (e) {
    for (const t of earlier) t.dispose();
    throw e;
  }
  const { result: results, trace } = recorded;
  let committed = false;
  const call: GraphCall = {
    results,
    byGraph: false,
    commit: () => (committed = true),
    release: () => {
      if (!committed) variables.forEach((v, i) => v.assign(earlier[i]!));
      for (const t of [...earlier, ...results]) t.dispose();
    },
  };
  const now = registeredVariables(tf);
  if (now.length !== variables.length || now.some((v, i) => v !== variables[i])) return { call };
  if (valueReads(trace).length > 0) return { call, refused: msg`it reads tensors back before it ends` };
  const after = variables.map((v) => handleId(backend, v));
  const used = new Set(trace.ops.flatMap((op) => op.inputs));
  const indices = variables.map((_, i) => i);
  const read = indices.filter((i) => used.has(before[i]!));
  const changed = indices.filter((i) => after[i] !== before[i]);
  return {
    call,
    recording: {
      trace,
      feeds: [...fedIds, ...read.map((i) => before[i]!)],
      outputs: [...results.map((t) => handleId(backend, t)), ...changed.map((i) => after[i]!)],
      read: read.map((i) => variables[i]!),
      changed: changed.map((i) => variables[i]!),
    },
  };
}

/** One call of the graph: its results, and the changed variables set on commit. */
function graphCall(compiled: Compiled, fed: Tensor[]): GraphCall {
  const values = compiled.graph.run([...fed, ...compiled.read]);
  const results = values.slice(0, values.length - compiled.changed.length);
  const changes = values.slice(results.length);
  return {
    results,
    byGraph: true,
    commit: () => compiled.changed.forEach((v, i) => v.assign(changes[i]!)),
    // assigned or not, the call's own references go
    release: () => values.forEach((t) => t.dispose()),
  };
}

function sameVariables(a: Recording, b: Recording): boolean {
  const same = (p: Variable[], q: Variable[]) => p.length === q.length && p.every((v, i) => v === q[i]);
  return same(a.read, b.read) && same(a.changed, b.changed);
}

/** The fed handles' shapes and dtypes (TensorFlow's), for the graph's placeholders. */
function feedInfos(backend: NodeBackend, tensors: Tensor[], ids: number[]): HandleInfo[] {
  const b = backend.binding;
  const dtypes: Record<string, number> = { float32: b.TF_FLOAT, int32: b.TF_INT32, bool: b.TF_BOOL, complex64: b.TF_COMPLEX64, string: b.TF_STRING };
  return tensors.map((t, i) => {
    const dtype = dtypes[t.dtype];
    if (dtype === undefined) throw new Error(`a tensor of dtype ${t.dtype}`);
    return { id: ids[i]!, shape: [...t.shape], dtype };
  });
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
