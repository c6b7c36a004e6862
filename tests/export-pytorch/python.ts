// The Python environment with PyTorch that the export's tests run model.py
// in: set up once by scripts/python/setup.mjs in the cache outside the
// clone (a no-op when ready), found here.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { venvPython } from '../../scripts/python/cache.mjs';

const root = join(import.meta.dirname, '..', '..');

/** Sets the environment up when it is not (a few minutes, once) and returns its python. */
export function ensureTorchPython(): string {
  const setup = spawnSync(process.execPath, [join(root, 'scripts', 'python', 'setup.mjs'), '--quiet'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (setup.status !== 0) throw new Error(`the Python environment for the PyTorch export could not be set up:\n${setup.stderr}`);
  return venvPython();
}

/** Runs a Python script with the environment's python; its stdout's last line as JSON. */
export function runPython<T>(python: string, script: string, args: string[]): T {
  const run = spawnSync(python, [script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}
