// Checkpoints: the weights of every model of a run and its optimizers'
// state, saved atomically (see atomic-files.ts) as
//
//   <dir>/checkpoint-0007/{model-<Name>.json, model-<Name>.bin, optimizer-<role>.json/.bin, state.json}
//   <dir>/latest.json  -> which checkpoint is the newest
//
// A new checkpoint directory appears only when complete, then latest.json
// is replaced atomically: killing the process at any moment leaves the
// previous checkpoint or the new one, never a broken one.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { writeDirectoryAtomically, writeFileAtomically } from './atomic-files.js';

type NamedTensor = { name: string; tensor: Tensor };
type Optimizer = { getWeights(): Promise<NamedTensor[]>; setWeights(w: NamedTensor[]): Promise<void> };

/** A checkpoint that does not belong to the run resuming it. */
export class CheckpointError extends Error {}

export interface CheckpointState {
  /** epochs completed when it was saved */
  epoch: number;
  /** the train block, so that a checkpoint is not resumed into another run */
  name: string;
  savedAt: string;
}

interface Latest {
  checkpoint: string;
  epoch: number;
}

export async function saveCheckpoint(
  tf: TF,
  dir: string,
  state: CheckpointState,
  models: Record<string, LayersModel>,
  optimizers: Record<string, Optimizer>,
  keep: number,
): Promise<string> {
  const files: Record<string, string | Uint8Array> = { 'state.json': JSON.stringify(state, null, 2) };
  for (const [name, model] of Object.entries(models)) {
    const named = model.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
    Object.assign(files, await encodeTensors(tf, `model-${name}`, named));
  }
  for (const [role, optimizer] of Object.entries(optimizers)) {
    const weights = await optimizer.getWeights();
    Object.assign(files, await encodeTensors(tf, `optimizer-${role}`, weights));
    // the optimizer's variables stay; what it made for saving (its step count) goes
    for (const { tensor } of weights) if (!('assign' in tensor)) tensor.dispose();
  }
  const id = nextId(dir);
  const path = join(dir, id);
  writeDirectoryAtomically(path, files);
  writeFileAtomically(join(dir, 'latest.json'), JSON.stringify({ checkpoint: id, epoch: state.epoch } satisfies Latest));
  prune(dir, id, keep);
  return path;
}

/** Restores the newest checkpoint into the models and optimizers; returns its state, or undefined when there is none. */
export async function loadCheckpoint(
  tf: TF,
  dir: string,
  models: Record<string, LayersModel>,
  optimizers: Record<string, Optimizer>,
  /** the run it must come from (a train block's name) */
  expected?: string,
): Promise<CheckpointState | undefined> {
  const latestPath = join(dir, 'latest.json');
  if (!existsSync(latestPath)) return undefined;
  const latest = JSON.parse(readFileSync(latestPath, 'utf8')) as Latest;
  const path = join(dir, latest.checkpoint);
  const state = JSON.parse(readFileSync(join(path, 'state.json'), 'utf8')) as CheckpointState;
  if (expected !== undefined && state.name !== expected) throw new CheckpointError(`the checkpoint ${path} was saved by the run of ${state.name}, not ${expected}`);
  for (const [name, model] of Object.entries(models)) {
    const saved = decodeTensors(tf, path, `model-${name}`);
    for (const w of model.weights) {
      const t = saved.get(w.originalName);
      if (!t) throw new CheckpointError(`the checkpoint ${path} has no weight ${w.originalName}: it was saved from another model`);
      w.write(t);
      t.dispose();
    }
  }
  for (const [role, optimizer] of Object.entries(optimizers)) {
    const saved = decodeTensors(tf, path, `optimizer-${role}`);
    if (saved.size > 0) await optimizer.setWeights([...saved].map(([name, tensor]) => ({ name, tensor })));
  }
  return state;
}

async function encodeTensors(tf: TF, prefix: string, tensors: NamedTensor[]): Promise<Record<string, string | Uint8Array>> {
  const { data, specs } = await tf.io.encodeWeights(tensors);
  const buffers = Array.isArray(data) ? data : [data];
  const bytes = Buffer.concat(buffers.map((b) => Buffer.from(b)));
  return { [`${prefix}.json`]: JSON.stringify(specs), [`${prefix}.bin`]: bytes };
}

function decodeTensors(tf: TF, path: string, prefix: string): Map<string, Tensor> {
  const specsPath = join(path, `${prefix}.json`);
  if (!existsSync(specsPath)) return new Map();
  const specs = JSON.parse(readFileSync(specsPath, 'utf8'));
  const bytes = readFileSync(join(path, `${prefix}.bin`));
  const decoded = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs);
  return new Map(Object.entries(decoded));
}

function checkpointsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^checkpoint-\d+$/.test(n))
    .sort();
}

function nextId(dir: string): string {
  const last = checkpointsIn(dir).at(-1);
  const n = last ? Number(last.slice('checkpoint-'.length)) + 1 : 1;
  return `checkpoint-${String(n).padStart(4, '0')}`;
}

/** Keeps the newest `keep` checkpoints (and always the latest). */
function prune(dir: string, latest: string, keep: number): void {
  const all = checkpointsIn(dir);
  for (const name of all.slice(0, Math.max(0, all.length - Math.max(1, keep)))) if (name !== latest) rmSync(join(dir, name), { recursive: true, force: true });
}
