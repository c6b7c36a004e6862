#!/usr/bin/env node
// Sets up the Python environment that runs exported PyTorch models: a virtual
// environment in the cache outside the clone (cache.mjs) holding the CPU
// build of PyTorch, NumPy and safetensors. A no-op when it is ready (under a
// second); an environment left half-made by an interrupted run is rebuilt.
//
//   node scripts/python/setup.mjs [--quiet]
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
import { PYTHON_PACKAGES, TORCH_VERSION, pythonCacheRoot, readyMarker, readyRecord, venvFolder, venvPython } from './cache.mjs';

const quiet = process.argv.includes('--quiet');
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
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', ...(extraIndex ? ['--extra-index-url', extraIndex] : []), ...PYTHON_PACKAGES];
  say(`installing ${PYTHON_PACKAGES.join(' ')} into ${venvFolder()} (once; torch is about 190 MB)...`);
  const run = spawnSync(venvPython(), args, { encoding: 'utf8', stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'pipe'] });
  if (run.status !== 0) {
    const hint = extraIndex
      ? `check that ${extraIndex} is reachable`
      : `pip's configured index may not hold torch ${TORCH_VERSION}: set NN_TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu (or a mirror of it)`;
    fail(`pip could not install ${PYTHON_PACKAGES.join(' ')} (exit ${run.status}): ${hint}.\n  ${lastLines(run.stderr)}`);
  }
}

/** The versions the environment really imports, or a failure naming what does not import. */
function importedVersions() {
  const script = 'import sys, json, torch, numpy, safetensors; print(json.dumps({"python": sys.version.split()[0], "torch": torch.__version__, "numpy": numpy.__version__, "safetensors": safetensors.__version__}))';
  const run = spawnSync(venvPython(), ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) fail(`the new environment does not import torch, numpy and safetensors:\n  ${lastLines(run.stderr)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
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
  say(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s (torch ${versions.torch}, Python ${versions.python} in ${venvFolder()})`);
}

const ready = readyRecord();
if (ready) {
  if (!quiet) say(`ready (torch ${ready.torch}, Python ${ready.python} in ${venvFolder()})`);
} else if (takeLock()) {
  process.on('exit', () => rmSync(lockFolder(), { recursive: true, force: true }));
  if (!readyRecord()) build();
}
