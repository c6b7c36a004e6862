#!/usr/bin/env node
// Makes @tensorflow/tfjs-node's native backend work, also where Google's
// storage cannot be reached. Run by `npm install` (the root postinstall) and
// by `npm run native`. In order, stopping at the first that works:
//
//   a. the binding is already there and loads: nothing to do;
//   b. a working build is in the cache outside the clone: copy it in;
//   c. tfjs-node's own installer (downloads from Google's storage);
//   d. the tensorflow-cpu wheel from pip: its libtensorflow, and the binding
//      compiled with node-gyp; the result is cached for (b).
//
// With NN_NATIVE_GPU=1 (Linux), first the GPU build (gpu.mjs): the binding
// compiled against the `tensorflow` wheel, with the nvidia-*-cu12 CUDA
// libraries; when that cannot be fetched or built it says so in one line and
// goes on as above, so the CPU backend stays installed.
//
// Every result is checked in a fresh Node process. This never fails the
// install: when nothing works it says so loudly and exits 0 (training then
// falls back to pure JavaScript; `nn doctor` tells). NN_SKIP_NATIVE=1 skips it.

import { platform } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBinding } from './build-binding.mjs';
import { cacheEntry, cachedRecord, cacheRoot, forgetCache, isCached, restoreFromCache, storeInCache, wheelFolder } from './cache.mjs';
import { cudaVersions, extractCudaLibraries, fetchCudaWheels, GPU_WHEEL, gpuRequested } from './gpu.mjs';
import { runOfficialInstaller } from './official.mjs';
import { makeRecord, readRecord, writeRecord } from './record.mjs';
import { oneLine, say, warnLoudly } from './say.mjs';
import { findTfjsNode } from './tfjs-node-package.mjs';
import { verifyBinding } from './verify.mjs';
import { extractWheel, fetchWheel, WHEEL } from './wheel.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OFFICIAL_TIMEOUT_S = Number(process.env.NN_NATIVE_OFFICIAL_TIMEOUT) || 120;

async function install() {
  if (process.env.NN_SKIP_NATIVE && process.env.NN_SKIP_NATIVE !== '0') {
    say('NN_SKIP_NATIVE is set: not installing the native TensorFlow backend');
    return true;
  }
  const pkg = findTfjsNode(root);
  if (!pkg) return fail(['@tensorflow/tfjs-node is not installed (was `npm install` run with --omit or --no-optional?)']);
  if (gpuRequested(process.env) && (await installGpu(pkg))) return true;

  const present = verifyBinding(pkg);
  if (present.ok) {
    say(`native TensorFlow backend already installed (tfjs-node ${pkg.version}, TensorFlow ${present.tensorflow})`);
    if (!readRecord(pkg)) writeRecord(pkg, makeRecord(pkg, { route: 'found', tensorflow: present.tensorflow, library: 'installed outside nn', reasons: ['found a working binding that nn did not install (tfjs-node\'s own installer, or by hand)'] }));
    if (!isCached(pkg) && !readRecord(pkg)?.gpu) cache(pkg, readRecord(pkg));
    return true;
  }

  const failures = [];
  if (isCached(pkg)) {
    say(`copying the native backend from the cache (${cacheEntry(pkg)})`);
    const restored = restore(pkg);
    if (restored.ok) {
      const cached = cachedRecord(pkg);
      writeRecord(pkg, { ...cached, restoredFromCache: true, reasons: [...cached.reasons, `copied from the cache at ${cacheEntry(pkg)}`] });
      return done(pkg, restored, 'from the cache');
    }
    failures.push(`the cached build does not work (${restored.error}); removed it from the cache`);
    forgetCache(pkg);
  }

  say(`trying tfjs-node's own installer (downloads libtensorflow from Google's storage; up to ${OFFICIAL_TIMEOUT_S} s)`);
  const official = await runOfficialInstaller(pkg, OFFICIAL_TIMEOUT_S);
  const afterOfficial = official.ok ? verifyBinding(pkg) : undefined;
  if (afterOfficial?.ok) {
    finish(pkg, makeRecord(pkg, { route: 'official', tensorflow: afterOfficial.tensorflow, library: "libtensorflow from tfjs-node's own download", reasons: [...failures, "installed by tfjs-node's own installer"] }));
    return done(pkg, afterOfficial, "by tfjs-node's own installer");
  }
  failures.push(official.ok ? `tfjs-node's own installer finished, but the binding does not load: ${afterOfficial.error}` : `official download failed: ${official.error}`);
  say(`${failures.at(-1)}; building from the ${WHEEL.name} wheel instead`);

  if (platform() !== 'linux') return fail([...failures, `the ${WHEEL.name} wheel fallback is for Linux only`]);
  try {
    const wheel = await fetchWheel(wheelFolder(), say);
    say('extracting libtensorflow and its C headers from the wheel');
    await extractWheel(wheel, pkg);
    say('compiling the tfjs-node binding with node-gyp (about 30 s)');
    await buildBinding(pkg);
  } catch (e) {
    return fail([...failures, ...String(e instanceof Error ? e.message : e).split('\n')]);
  }
  const built = verifyBinding(pkg);
  if (!built.ok) return fail([...failures, `the binding built from the ${WHEEL.name} wheel does not load: ${built.error}`]);
  finish(pkg, makeRecord(pkg, { route: 'wheel', tensorflow: built.tensorflow, library: `${WHEEL.name} ${WHEEL.version} wheel (pip)`, reasons: [...failures, `built from the ${WHEEL.name} ${WHEEL.version} wheel with node-gyp`] }));
  return done(pkg, built, `built from the ${WHEEL.name} wheel`);
}

/** The GPU build, or false (having said why in one line) when it cannot be had: the CPU route then runs as usual. */
async function installGpu(pkg) {
  const gpuPkg = { ...pkg, key: `${pkg.key}-gpu` }; // cached apart from the CPU build
  if (platform() !== 'linux') return gpuFailed('the GPU build is for Linux only');
  if (readRecord(pkg)?.gpu && verifyBinding(pkg).ok) {
    say('the GPU build of the native backend is already installed (`nn doctor` tells whether it finds a GPU)');
    return true;
  }
  if (isCached(gpuPkg)) {
    say(`copying the GPU build from the cache (${cacheEntry(gpuPkg)})`);
    const restored = restore(gpuPkg);
    if (restored.ok) {
      writeRecord(pkg, { ...cachedRecord(gpuPkg), restoredFromCache: true });
      return done(pkg, restored, 'GPU build, from the cache');
    }
    forgetCache(gpuPkg);
  }
  let wheel;
  let cudaWheels;
  try {
    wheel = await fetchWheel(wheelFolder(), say, GPU_WHEEL);
    cudaWheels = await fetchCudaWheels(wheel, join(wheelFolder(), `cuda-for-tensorflow-${GPU_WHEEL.version}`), say);
  } catch (e) {
    return gpuFailed(`could not fetch it: ${oneLine(e)}`);
  }
  let built;
  let gpu;
  try {
    say('extracting the CUDA libraries, libtensorflow and its C headers');
    const cudaLibraryDirs = await extractCudaLibraries(cudaWheels, join(cacheRoot(), 'cuda', `tensorflow-${GPU_WHEEL.version}`));
    gpu = { cudaLibraryDirs, ...cudaVersions(cudaWheels.map((w) => basename(w))) };
    await extractWheel(wheel, pkg);
    say('compiling the tfjs-node binding against the GPU build with node-gyp (about 30 s)');
    await buildBinding(pkg);
    built = verifyBinding(pkg);
    if (!built.ok) throw new Error(`the binding built from the ${GPU_WHEEL.name} wheel does not load: ${built.error}`);
  } catch (e) {
    return gpuFailed(`building it failed: ${oneLine(e)}`);
  }
  const record = makeRecord(pkg, { route: 'wheel', tensorflow: built.tensorflow, library: `${GPU_WHEEL.name} ${GPU_WHEEL.version} wheel (pip, GPU build)`, reasons: [`built from the ${GPU_WHEEL.name} ${GPU_WHEEL.version} wheel (GPU build) with node-gyp, as NN_NATIVE_GPU asked`], gpu });
  writeRecord(pkg, record);
  if (cache(gpuPkg, record)) say(`cached for the next install in ${cacheEntry(gpuPkg)}`);
  return done(pkg, built, 'GPU build from the tensorflow wheel (`nn doctor` tells whether it finds a GPU)');
}

function gpuFailed(why) {
  say(`NN_NATIVE_GPU: no GPU build (${why}); the CPU backend stays installed`);
  return false;
}

function restore(pkg) {
  try {
    restoreFromCache(pkg);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return verifyBinding(pkg);
}

function finish(pkg, record) {
  writeRecord(pkg, record);
  if (cache(pkg, record)) say(`cached for the next install in ${cacheEntry(pkg)}`);
}

/** A cache that cannot be written costs the next install time, nothing more. */
function cache(pkg, record) {
  try {
    storeInCache(pkg, record);
    return true;
  } catch (e) {
    say(`could not store the build in the cache ${cacheEntry(pkg)} (${e instanceof Error ? e.message : e}); the next install will build again`);
    return false;
  }
}

function done(pkg, verified, how) {
  say(`native TensorFlow backend ready: tfjs-node ${pkg.version}, TensorFlow ${verified.tensorflow}, ${how}`);
  return true;
}

function fail(reasons) {
  warnLoudly([
    'WARNING: the native TensorFlow backend could not be installed.',
    ...reasons.map((r) => `  ${r}`),
    'nn check, summary and fmt work as usual; training would run on pure JavaScript',
    '(about 100x slower). Retry with `npm run native`; `npx nn doctor` shows the state.',
  ]);
  return false;
}

try {
  await install();
} catch (e) {
  fail([`unexpected error: ${e instanceof Error ? e.stack : e}`]);
}
process.exitCode = 0;
