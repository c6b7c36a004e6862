// Checkpoints: the weights of every model of a run and its optimizers'
// state, saved atomically (see ../files/atomic-files.ts) as
//
//   <dir>/checkpoint-0007/{model-<Name>.json/.bin, optimizer-<role>.json/.bin, state.json, manifest.json}
//   <dir>/latest.json  -> which checkpoint is the newest
//
// A checkpoint is named by the epochs completed when it was saved
// (checkpoint-0007: after epoch 7; a resumed run goes on from the epoch it
// resumed at). A run stopped during an epoch saves the epochs it completed
// and the batches since: when that epoch's checkpoint is there already,
// the later one is checkpoint-0007-2.
//
// A new checkpoint folder appears only when complete (every byte written
// and flushed; its manifest lists each file's size and CRC-32), then
// latest.json is replaced atomically: killing the process or filling the
// disk at any moment leaves the previous checkpoint or the new one, never
// a broken one. Restoring checks a checkpoint before it changes a single
// weight, and falls back to the newest intact one. `<dir>` is inside the
// run's own folder (run-folder.ts): pruning touches only its run.

import { msg } from '../../core/i18n/message.js';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { writeDirectoryAtomically, writeFileAtomically } from '../files/atomic-files.js';
import { MANIFEST, manifestOf, readVerified } from './checkpoint-manifest.js';
import { isTorchCheckpoint } from './torch-checkpoint-kind.js';
import { LARGEST_BUFFER_BYTES, readFileOrThrow, SMALL_FILE_BYTES } from '../files/read-regular-file.js';

type NamedTensor = { name: string; tensor: Tensor };
type Optimizer = { getWeights(): Promise<NamedTensor[]>; setWeights(w: NamedTensor[]): Promise<void> };

/** A checkpoint that cannot be saved, or does not belong to the run resuming it. */
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

/** The only names a checkpoint folder has: anything else (`../../etc` in a damaged latest.json) is not followed. */
export const CHECKPOINT_NAME = /^checkpoint-(\d+)(?:-(\d+))?$/;

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
  files[MANIFEST] = JSON.stringify(manifestOf(files));
  try {
    const name = writeNext(dir, files, state.epoch);
    writeFileAtomically(join(dir, 'latest.json'), JSON.stringify({ checkpoint: name, epoch: state.epoch } satisfies Latest));
    prune(dir, name, keep);
    return join(dir, name);
  } catch (e) {
    throw new CheckpointError(msg`cannot save the checkpoint of epoch ${state.epoch} in ${dir}: ${reason(e)}`);
  }
}

/** A checkpoint restored: where it was, and what it says. */
export interface Restored {
  path: string;
  state: CheckpointState;
}

/**
 * Restores the newest intact checkpoint of `candidates` (checkpoint folders,
 * newest first) into the models and optimizers. A damaged one is named in a
 * warning and the next is tried; none intact is an error naming each one;
 * no candidates: undefined. A checkpoint of another train block or model is
 * an error at once (it is not damage: the folder is the wrong one).
 */
export async function restoreNewestIntact(
  tf: TF,
  candidates: readonly string[],
  models: Record<string, LayersModel>,
  optimizers: Record<string, Optimizer>,
  /** the run it must come from (a train block's name) */
  expected: string | undefined,
  warn: (message: string) => void,
): Promise<Restored | undefined> {
  const damaged: string[] = [];
  for (const path of candidates) {
    let read: ReadCheckpoint;
    try {
      read = readCheckpoint(tf, path, models, optimizers, expected);
    } catch (e) {
      if (e instanceof CheckpointError) throw e;
      damaged.push(reason(e));
      warn(msg`the checkpoint ${path} cannot be used: ${reason(e)}; trying an earlier one`);
      continue;
    }
    try {
      for (const [name, model] of Object.entries(models)) {
        const saved = read.models.get(name)!;
        const missing = model.weights.find((w) => !saved.has(w.originalName));
        if (missing) throw new CheckpointError(msg`the checkpoint ${path} has no weight ${missing.originalName}: it was saved from another model`);
        for (const w of model.weights) w.write(saved.get(w.originalName)!);
      }
      for (const [role, optimizer] of Object.entries(optimizers)) {
        const saved = read.optimizers.get(role)!;
        if (saved.size > 0) await optimizer.setWeights([...saved].map(([name, tensor]) => ({ name, tensor })));
      }
      return { path, state: read.state };
    } finally {
      read.dispose();
    }
  }
  if (damaged.length > 0) throw new CheckpointError(msg`no intact checkpoint to continue from: ${damaged.join('; ')}`);
  return undefined;
}

/** The checkpoints of one checkpoint folder, newest first: the one latest.json names, then by number. */
export function checkpointsNewestFirst(dir: string, warn?: (message: string) => void): string[] {
  const names = checkpointsIn(dir).reverse();
  const latest = latestOf(dir, warn);
  if (latest !== undefined && names.includes(latest)) names.splice(names.indexOf(latest), 1), names.unshift(latest);
  return names.map((n) => join(dir, n));
}

/** Whether `dir` is a checkpoint folder: it holds a tfjs checkpoint (a runs folder has a latest.json too, and none). */
export function isCheckpointFolder(dir: string): boolean {
  return checkpointsIn(dir).length > 0;
}

/** The newest checkpoint's name that `dir/latest.json` gives, when it is one; a name that is none is reported and ignored. */
function latestOf(dir: string, warn?: (message: string) => void): string | undefined {
  let text: string;
  try {
    text = readFileOrThrow(join(dir, 'latest.json'), SMALL_FILE_BYTES).toString('utf8');
  } catch {
    return undefined;
  }
  try {
    const { checkpoint } = JSON.parse(text) as Latest;
    if (typeof checkpoint === 'string' && CHECKPOINT_NAME.test(checkpoint)) return checkpoint;
    warn?.(`${join(dir, 'latest.json')} names ${JSON.stringify(checkpoint)}, which is no checkpoint name; ignored`);
  } catch {
    warn?.(`${join(dir, 'latest.json')} is damaged; ignored`);
  }
  return undefined;
}

interface ReadCheckpoint {
  state: CheckpointState;
  models: Map<string, Map<string, Tensor>>;
  optimizers: Map<string, Map<string, Tensor>>;
  dispose(): void;
}

/**
 * Reads and checks a whole checkpoint before anything is restored: a plain
 * Error naming the bad file when it is damaged, a CheckpointError when it
 * belongs to another train block or model.
 */
function readCheckpoint(tf: TF, path: string, models: Record<string, LayersModel>, optimizers: Record<string, Optimizer>, expected: string | undefined): ReadCheckpoint {
  const verified = readVerified(path);
  const file = (name: string): Buffer | undefined => {
    if (verified) return verified.get(name);
    try {
      return readFileOrThrow(join(path, name), LARGEST_BUFFER_BYTES);
    } catch {
      return undefined;
    }
  };
  const state = parseJson(path, 'state.json', file('state.json')) as CheckpointState | undefined;
  if (!state || typeof state.epoch !== 'number') throw new Error(msg`${join(path, 'state.json')} is missing or damaged`);
  if (expected !== undefined && state.name !== expected) throw new CheckpointError(msg`the checkpoint ${path} was saved by the run of ${state.name}, not ${expected}`);
  for (const name of Object.keys(models)) {
    if (!file(`model-${name}.json`)) throw new CheckpointError(msg`the checkpoint ${path} has no weights for ${name}: it was saved from another model`);
  }
  const read: ReadCheckpoint = {
    state,
    models: new Map(),
    optimizers: new Map(),
    dispose: () => {
      for (const group of [read.models, read.optimizers]) for (const tensors of group.values()) for (const t of tensors.values()) t.dispose();
    },
  };
  try {
    for (const name of Object.keys(models)) read.models.set(name, decodeTensors(tf, path, `model-${name}`, file, true));
    for (const role of Object.keys(optimizers)) read.optimizers.set(role, decodeTensors(tf, path, `optimizer-${role}`, file, false));
  } catch (e) {
    read.dispose();
    throw e;
  }
  return read;
}

async function encodeTensors(tf: TF, prefix: string, tensors: NamedTensor[]): Promise<Record<string, string | Uint8Array>> {
  const { data, specs } = await tf.io.encodeWeights(tensors);
  const buffers = Array.isArray(data) ? data : [data];
  const bytes = Buffer.concat(buffers.map((b) => Buffer.from(b)));
  return { [`${prefix}.json`]: JSON.stringify(specs), [`${prefix}.bin`]: bytes };
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** The tensors of `<prefix>.json/.bin`; none when the checkpoint has no such files and they are optional. */
function decodeTensors(tf: TF, path: string, prefix: string, file: (name: string) => Buffer | undefined, required: boolean): Map<string, Tensor> {
  const specsBytes = file(`${prefix}.json`);
  if (!specsBytes) {
    if (required) throw new Error(msg`${join(path, `${prefix}.json`)} is missing`);
    return new Map();
  }
  const specs = parseJson(path, `${prefix}.json`, specsBytes) as { shape: number[]; dtype: string }[] | undefined;
  const bytes = file(`${prefix}.bin`);
  if (!Array.isArray(specs)) throw new Error(msg`${join(path, `${prefix}.json`)} is damaged`);
  if (!bytes) throw new Error(msg`${join(path, `${prefix}.bin`)} is missing`);
  // checkpoints saved without a manifest are checked at least for their length
  const expected = specs.reduce((n, s) => n + (DTYPE_BYTES[s.dtype] ?? 4) * (s.shape ?? []).reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength !== expected) throw new Error(msg`${join(path, `${prefix}.bin`)} has ${bytes.byteLength} bytes instead of ${expected} (cut short)`);
  const decoded = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, specs as never);
  return new Map(Object.entries(decoded));
}

function parseJson(path: string, name: string, bytes: Buffer | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(msg`${join(path, name)} is damaged`);
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The checkpoint names in `dir`, oldest first: by epoch as a number (checkpoint-10000 comes after checkpoint-9999), then by the number after it. */
/** The tfjs engine's checkpoints of a folder, oldest first (a PyTorch run's in the same runs folder are not ours to restore). */
function checkpointsIn(dir: string): string[] {
  return list(dir)
    .filter((n) => CHECKPOINT_NAME.test(n) && !isTorchCheckpoint(join(dir, n)))
    .sort((a, b) => epochOf(a) - epochOf(b) || againOf(a) - againOf(b));
}

const epochOf = (name: string): number => Number(CHECKPOINT_NAME.exec(name)![1]);
/** 1 for checkpoint-0007, 2 for checkpoint-0007-2 */
const againOf = (name: string): number => Number(CHECKPOINT_NAME.exec(name)![2] ?? 1);

/** Writes the checkpoint of `epoch` epochs under its name (checkpoint-0007, or checkpoint-0007-2 after it); returns the name. */
function writeNext(dir: string, files: Record<string, string | Uint8Array>, epoch: number): string {
  const base = `checkpoint-${String(epoch).padStart(4, '0')}`;
  const taken = checkpointsIn(dir).filter((n) => epochOf(n) === epoch);
  const first = taken.length === 0 ? 1 : againOf(taken.at(-1)!) + 1;
  for (let n = first; n < first + 100; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      writeDirectoryAtomically(join(dir, name), files);
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(msg`${base}-${first} to ${base}-${first + 99} already exist`);
}

/** Keeps the newest `keep` checkpoints of this folder (and always the latest). */
function prune(dir: string, latest: string, keep: number): void {
  const all = checkpointsIn(dir);
  for (const name of all.slice(0, Math.max(0, all.length - Math.max(1, keep)))) if (name !== latest) rmSync(join(dir, name), { recursive: true, force: true });
}

/** An error as one line: Node's `ENOSPC: no space left on device, write`, or the message. */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
