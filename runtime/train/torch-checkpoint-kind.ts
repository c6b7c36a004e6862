// Whether a checkpoint folder was written by PyTorch's train.py (`nn train
// --engine torch`: weights.safetensors, or a GAN's generator.safetensors and
// discriminator.safetensors, and state.json) rather than by the
// tfjs engine (model-*.json): the two engines' runs may share a runs
// folder, and each engine resumes only from its own checkpoints.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileOrThrow, SMALL_FILE_BYTES } from '../files/read-regular-file.js';

/** The weights files of train.py's checkpoints: one module's, or each of a GAN's pair (adversarial-program.ts). */
const TORCH_WEIGHTS = [['weights.safetensors'], ['generator.safetensors', 'discriminator.safetensors']];

/** A folder holding train.py's weights and a readable state.json with its epoch. */
export function isTorchCheckpoint(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  if (!TORCH_WEIGHTS.some((files) => files.every((f) => names.includes(f)))) return false;
  try {
    const state = JSON.parse(readFileOrThrow(join(dir, 'state.json'), SMALL_FILE_BYTES).toString('utf8')) as { epoch?: unknown };
    return typeof state.epoch === 'number';
  } catch {
    return false;
  }
}
