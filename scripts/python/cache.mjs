// Where PyTorch lives for `nn export --to pytorch`'s tests and tools: a
// virtual environment outside the clone (the same convention as the native
// backend's cache in scripts/native/cache.mjs):
//
//   $NN_PYTHON_CACHE, else $XDG_CACHE_HOME/nn-lang/python, else ~/.cache/nn-lang/python
//     torch-<version>/{bin/python, ..., ready.json}
//
// `ready.json` is written last, after the environment imported torch, numpy
// and safetensors: a folder without it is a half-made environment, rebuilt.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The PyTorch the environment holds: the CPU build, from pip's configured index or PyTorch's CPU index. */
export const TORCH_VERSION = '2.13.0+cpu';
export const PYTHON_PACKAGES = [`torch==${TORCH_VERSION}`, 'numpy', 'safetensors'];

export function pythonCacheRoot() {
  if (process.env.NN_PYTHON_CACHE) return resolve(process.env.NN_PYTHON_CACHE);
  const base = process.env.XDG_CACHE_HOME
    || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined)
    || join(homedir(), '.cache');
  return join(base, 'nn-lang', 'python');
}

export const venvFolder = () => join(pythonCacheRoot(), `torch-${TORCH_VERSION.replace('+', '-')}`);
export const venvPython = () => join(venvFolder(), process.platform === 'win32' ? join('Scripts', 'python.exe') : join('bin', 'python'));
export const readyMarker = () => join(venvFolder(), 'ready.json');

/** The record of a ready environment, or undefined when there is none (or it lost its python). */
export function readyRecord() {
  if (!existsSync(venvPython())) return undefined;
  try {
    return JSON.parse(readFileSync(readyMarker(), 'utf8'));
  } catch {
    return undefined;
  }
}
