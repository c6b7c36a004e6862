// Where the Python environments live: virtual environments outside the
// clone (the same convention as the native backend's cache in
// scripts/native/cache.mjs):
//
//   $NN_PYTHON_CACHE, else $XDG_CACHE_HOME/nn-lang/python, else ~/.cache/nn-lang/python
//     torch-<version>/{bin/python, ..., ready.json}        the "test" environment
//     bench-tensorflow-<v>-torch-<v>/{...}                  the "bench" environment
//
// The test environment holds PyTorch (CPU), NumPy and safetensors: `nn export
// --to pytorch`'s tests run model.py in it, and `nn train --engine torch`
// finds it. The bench environment holds the contenders `npm run bench:train`
// measures nn against: Keras 3 on TensorFlow (CPU) and PyTorch (CPU). They are
// apart so that the benchmark's large TensorFlow download never slows the
// tests' set-up, and a change to one never rebuilds the other.
//
// `ready.json` is written last, after the environment imported every module
// it holds: a folder without it is a half-made environment, rebuilt.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The PyTorch both environments hold: the CPU build, from pip's configured index or PyTorch's CPU index. */
export const TORCH_VERSION = '2.13.0+cpu';
export const PYTHON_PACKAGES = [`torch==${TORCH_VERSION}`, 'numpy', 'safetensors'];
/** The TensorFlow the benchmark's Keras runs on: the same major release as tfjs-node's native library is measured against. */
export const TENSORFLOW_VERSION = '2.21.0';
export const BENCH_PACKAGES = [`tensorflow-cpu==${TENSORFLOW_VERSION}`, 'keras', `torch==${TORCH_VERSION}`, 'numpy'];

/** Each environment: its folder's name, what pip installs, and the modules that must import (their versions go in ready.json). */
export const ENVIRONMENTS = {
  test: { folder: `torch-${TORCH_VERSION.replace('+', '-')}`, packages: PYTHON_PACKAGES, modules: ['torch', 'numpy', 'safetensors'] },
  bench: {
    folder: `bench-tensorflow-${TENSORFLOW_VERSION}-torch-${TORCH_VERSION.replace('+', '-')}`,
    packages: BENCH_PACKAGES,
    modules: ['tensorflow', 'keras', 'torch', 'numpy'],
  },
};

export function pythonCacheRoot() {
  if (process.env.NN_PYTHON_CACHE) return resolve(process.env.NN_PYTHON_CACHE);
  const base = process.env.XDG_CACHE_HOME
    || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined)
    || join(homedir(), '.cache');
  return join(base, 'nn-lang', 'python');
}

export const environmentFolder = (kind = 'test') => join(pythonCacheRoot(), ENVIRONMENTS[kind].folder);
export const environmentPython = (kind = 'test') =>
  join(environmentFolder(kind), process.platform === 'win32' ? join('Scripts', 'python.exe') : join('bin', 'python'));
export const environmentReadyMarker = (kind = 'test') => join(environmentFolder(kind), 'ready.json');

/** The record of a ready environment, or undefined when there is none (or it lost its python). */
export function environmentReadyRecord(kind = 'test') {
  if (!existsSync(environmentPython(kind))) return undefined;
  try {
    return JSON.parse(readFileSync(environmentReadyMarker(kind), 'utf8'));
  } catch {
    return undefined;
  }
}

// The test environment, by the names the tests and `nn train --engine torch` use.
export const venvFolder = () => environmentFolder('test');
export const venvPython = () => environmentPython('test');
export const readyMarker = () => environmentReadyMarker('test');
export const readyRecord = () => environmentReadyRecord('test');
