#!/usr/bin/env node
// Sets up a Python environment in the cache outside the clone (cache.mjs):
// by default the test environment that runs exported PyTorch models (the CPU
// build of PyTorch, NumPy and safetensors); with --bench, the benchmark's
// (TensorFlow CPU with Keras 3, PyTorch CPU, NumPy: `npm run bench:train`'s
// contenders). A no-op when it is ready (under a second); an environment left
// half-made by an interrupted run is rebuilt.
//
//   node scripts/python/setup.mjs [--bench] [--quiet]
//
//   NN_PYTHON           the Python to build the environment from (default: python3, else python)
//   NN_TORCH_INDEX_URL  an extra index for the torch wheel, e.g. PyTorch's CPU index,
//                       https://download.pytorch.org/whl/cpu (default: pip's configured index only)
//   NN_PYTHON_CACHE     where the environment lives (see cache.mjs)
//
// Each failing step says what failed and what to do; the exit status is then 1.
// Set-ups started at once (test files run in parallel) take turns: one
// builds, the others wait for it (a lock folder holding the builder's pid; a
// lock whose process is gone is taken over).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENTS, TORCH_VERSION, environmentFolder, environmentPython, environmentReadyMarker, environmentReadyRecord, pythonCacheRoot } from './cache.mjs';

const quiet = process.argv.includes('--quiet');
const kind = process.argv.includes('--bench') ? 'bench' : 'test';
const { packages: PACKAGES, modules: MODULES } = ENVIRONMENTS[kind];
const venvFolder = () => environmentFolder(kind);
const venvPython = () => environmentPython(kind);
const readyMarker = () => environmentReadyMarker(kind);
const readyRecord = () => environmentReadyRecord(kind);
const size = kind === 'bench' ? 'tensorflow-cpu is about 250 MB, torch about 190 MB' : 'torch is about 190 MB';
const started = Date.now();

function say(text) {
  process.stderr.write(`python set-up: ${text}\n`);
}

function fail(message) {
  say(message);
  process.exit(1);
}

function lastLines(text, count = 8) {
  return String(text ?? '').trimEnd().split('\n').slice(-count).join('\n  ');
}

/** The first of NN_PYTHON, python3, python that runs and is Python 3.9 or later. */
function findPython() {
  const candidates = process.env.NN_PYTHON ? [process.env.NN_PYTHON] : ['python3', 'python'];
  for (const command of candidates) {
    const run = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
    if (run.status !== 0) continue;
    const [major, minor] = run.stdout.trim().split('.').map(Number);
    if (major === 3 && minor >= 9) return command;
    fail(`${command} is Python ${run.stdout.trim()}; PyTorch ${TORCH_VERSION} needs Python 3.9 or later (set NN_PYTHON to another one).`);
  }
  fail(`no Python found (tried ${candidates.join(', ')}): install Python 3 with its venv module (Debian: apt-get install python3 python3-venv), or set NN_PYTHON.`);
}

function makeVenv(python) {
  const folder = venvFolder();
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(pythonCacheRoot(), { recursive: true });
  const run = spawnSync(python, ['-m', 'venv', folder], { encoding: 'utf8' });
  if (run.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    fail(`'${python} -m venv' failed: install Python's venv module (Debian: apt-get install python3-venv).\n  ${lastLines(run.stderr)}`);
  }
}

function installPackages() {
  const extraIndex = process.env.NN_TORCH_INDEX_URL;
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', ...(extraIndex ? ['--extra-index-url', extraIndex] : []), ...PACKAGES];
  say(`installing ${PACKAGES.join(' ')} into ${venvFolder()} (once; ${size})...`);
  const run = spawnSync(venvPython(), args, { encoding: 'utf8', stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'pipe'] });
  if (run.status !== 0) {
    const hint = extraIndex
      ? `check that ${extraIndex} is reachable`
      : `pip's configured index may not hold torch ${TORCH_VERSION}: set NN_TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu (or a mirror of it)`;
    fail(`pip could not install ${PACKAGES.join(' ')} (exit ${run.status}): ${hint}.\n  ${lastLines(run.stderr)}`);
  }
}

/** The versions the environment really imports, or a failure naming what does not import. */
function importedVersions() {
  const versions = MODULES.map((name) => `"${name}": ${name}.__version__`).join(', ');
  const script = `import sys, json, ${MODULES.join(', ')}; print(json.dumps({"python": sys.version.split()[0], ${versions}}))`;
  const run = spawnSync(venvPython(), ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) fail(`the new environment does not import ${MODULES.join(', ')}:\n  ${lastLines(run.stderr)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

/** "tensorflow 2.21.0, keras 3.15.1, ..., Python 3.11.7": what a ready record holds. */
function describe(record) {
  return [...MODULES.map((name) => `${name} ${record[name]}`), `Python ${record.python}`].join(', ');
}

const lockFolder = () => join(pythonCacheRoot(), `${venvFolder().split(/[\\/]/).pop()}.lock`);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Takes the lock, waiting while another live set-up holds it; false when that one made the environment ready meanwhile. */
function takeLock() {
  mkdirSync(pythonCacheRoot(), { recursive: true });
  for (let said = false; ; ) {
    try {
      mkdirSync(lockFolder());
      writeFileSync(join(lockFolder(), 'pid'), String(process.pid));
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(lockFolder(), 'pid'), 'utf8'));
    } catch {
      // the holder has not written its pid yet
    }
    if (Number.isInteger(holder) && !isAlive(holder)) {
      rmSync(lockFolder(), { recursive: true, force: true });
      continue;
    }
    if (!said && !quiet) say('another set-up is installing; waiting for it...');
    said = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    if (readyRecord()) return false;
  }
}

function build() {
  const python = findPython();
  makeVenv(python);
  installPackages();
  const versions = importedVersions();
  writeFileSync(readyMarker(), `${JSON.stringify({ ...versions, at: new Date().toISOString() }, null, 2)}\n`);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s (${describe(versions)} in ${venvFolder()})`);
}

const ready = readyRecord();
if (ready) {
  if (!quiet) say(`ready (${describe(ready)} in ${venvFolder()})`);
} else if (takeLock()) {
  process.on('exit', () => rmSync(lockFolder(), { recursive: true, force: true }));
  if (!readyRecord()) build();
}
