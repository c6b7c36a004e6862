// Whether a model fits in memory, asked before anything is allocated: a
// model of billions of parameters is refused with the bytes it needs and
// the bytes there are, instead of being killed by the system halfway
// through allocating its weights.
//
// What training holds at once, in 4-byte floats: the weights, their
// gradients (one step's worth), the optimizer's state (a slot per weight
// per moment it keeps: Adam 2, SGD with momentum 1), and the activations
// of one batch, which the backward pass keeps (each node's outputs, from
// the traced graph's shapes). The estimate leaves out what is hard to know
// (workspace of convolutions, the data already loaded), so it errs low: a
// refusal means the run surely does not fit.

import { msg } from '../../core/i18n/message.js';
import { readFileSync } from 'node:fs';
import { freemem } from 'node:os';
import type { Graph, RuntimeDim } from '../../core/graph/graph.js';
import type { CallPlan } from '../../core/train/plan.js';

/** A model that needs more memory than there is. */
export class NotEnoughMemoryError extends Error {}

export interface MemoryNeed {
  weights: number;
  gradients: number;
  optimizerState: number;
  activations: number;
  total: number;
}

const FLOAT_BYTES = 4;

/** The optimizer's slots: how many numbers it keeps per weight. */
export function optimizerSlots(optimizer: CallPlan): number {
  switch (optimizer.name) {
    case 'Adam':
    case 'AdamW':
      return 2; // first and second moments
    case 'RMSprop':
      return 2; // mean squares and moments (tfjs keeps both, whatever the momentum)
    case 'SGD':
      return typeof optimizer.args['momentum'] === 'number' && optimizer.args['momentum'] > 0 ? 1 : 0;
    default:
      return 2;
  }
}

const size = (d: RuntimeDim, batch: number) => (typeof d === 'number' ? d : d.perBatch * batch + d.plus);

/** Bytes of every tensor a forward pass of a batch computes (kept for the backward pass). */
export function activationBytes(graph: Graph, batch: number): number {
  let bytes = 0;
  for (const node of graph.nodes) {
    for (const output of node.outputs) {
      const elements = output.shape.reduce<number>((n, d) => n * Math.max(0, size(d, batch)), 1);
      bytes += elements * (output.dtype === 'bool' ? 1 : FLOAT_BYTES);
    }
  }
  return bytes;
}

/** What training the graphs (each with its own optimizer of this kind) on batches of `batch` needs. */
export function trainingMemory(graphs: Graph[], optimizer: CallPlan, batch: number): MemoryNeed {
  const parameters = graphs.reduce((n, g) => n + g.params.trainable + g.params.nonTrainable, 0);
  const trainable = graphs.reduce((n, g) => n + g.params.trainable, 0);
  const weights = parameters * FLOAT_BYTES;
  const gradients = trainable * FLOAT_BYTES;
  const optimizerState = trainable * FLOAT_BYTES * optimizerSlots(optimizer);
  const activations = graphs.reduce((n, g) => n + activationBytes(g, batch), 0);
  return { weights, gradients, optimizerState, activations, total: weights + gradients + optimizerState + activations };
}

/** Reads a small system file, or undefined when there is none. */
export type ReadSystemFile = (path: string) => string | undefined;

const readSystemFile: ReadSystemFile = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** A cgroup limit above this is no limit (cgroup v1 writes "unlimited" as a huge number). */
const NO_LIMIT = 2 ** 60;

/** `inactive_file` of a cgroup's memory.stat: page cache the kernel can drop, counted in the usage. */
function reclaimable(stat: string | undefined, key: string): number {
  const match = stat?.match(new RegExp(`^${key} (\\d+)$`, 'm'));
  return match ? Number(match[1]) : 0;
}

/** The memory this process may still take: the system's available memory, or less when a cgroup (a container) limits it. */
export function availableMemory(read: ReadSystemFile = readSystemFile, systemFree: number = freemem()): number {
  let available = systemFree;
  // cgroup v2, then v1
  const v2Limit = read('/sys/fs/cgroup/memory.max')?.trim();
  if (v2Limit !== undefined && v2Limit !== 'max' && Number(v2Limit) < NO_LIMIT) {
    const used = Number(read('/sys/fs/cgroup/memory.current') ?? 0) - reclaimable(read('/sys/fs/cgroup/memory.stat'), 'inactive_file');
    available = Math.min(available, Number(v2Limit) - Math.max(0, used));
  }
  const v1Limit = Number(read('/sys/fs/cgroup/memory/memory.limit_in_bytes') ?? NaN);
  if (Number.isFinite(v1Limit) && v1Limit < NO_LIMIT) {
    const used = Number(read('/sys/fs/cgroup/memory/memory.usage_in_bytes') ?? 0) - reclaimable(read('/sys/fs/cgroup/memory/memory.stat'), 'total_inactive_file');
    available = Math.min(available, v1Limit - Math.max(0, used));
  }
  return Math.max(0, available);
}

/** Bytes for people: `7.6 GB`, `512 MB` (powers of 1,000). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [scale, unit] of units) if (bytes >= scale) return `${(bytes / scale).toFixed(bytes / scale >= 100 ? 0 : 1)} ${unit}`;
  return `${bytes} bytes`;
}

/** The sentence that refuses a run: what it needs, for what, and what there is. */
export function memoryMessage(name: string, need: MemoryNeed, optimizer: string, batch: number, available: number): string {
  const parts = [msg`${formatBytes(need.weights)} of weights`, msg`${formatBytes(need.gradients)} for their gradients`];
  if (need.optimizerState > 0) parts.push(msg`${formatBytes(need.optimizerState)} for ${optimizer}'s state`);
  parts.push(msg`about ${formatBytes(need.activations)} for the activations of a batch of ${batch}`);
  return msg`${name} needs ${formatBytes(need.total)} of memory to train (${parts.join(msg`, `)}); ${formatBytes(available)} are available`;
}

export interface MemoryCheck {
  /** the train block's target, for the message */
  name: string;
  graphs: Graph[];
  optimizer: CallPlan;
  batch: number;
  /** on a GPU the weights live in its own memory, which is not measured here: only a CPU run is checked */
  device: 'cpu' | 'gpu';
}

/** Refuses (NotEnoughMemoryError) a run on the CPU whose graphs do not fit in the memory there is. */
export function checkMemory(run: MemoryCheck, available: () => number = availableMemory): void {
  if (run.device !== 'cpu') return;
  const need = trainingMemory(run.graphs, run.optimizer, run.batch);
  const free = available();
  if (need.total > free) throw new NotEnoughMemoryError(memoryMessage(run.name, need, run.optimizer.name, run.batch, free));
}
