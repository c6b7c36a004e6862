// The GPU build of the native backend (NN_NATIVE_GPU=1, Linux only): the
// binding compiled against the `tensorflow` wheel's libraries (the GPU build:
// the same C API and the same two library names as tensorflow-cpu's), with
// the CUDA libraries of the `nvidia-*-cu12` wheels that its `and-cuda` extra
// names. Those are unpacked into the cache outside the clone
// (<cache>/cuda/tensorflow-<version>/nvidia/<part>/lib) and their folders
// written into the install record, so that `nn doctor` can tell whether they
// are on LD_LIBRARY_PATH (the dynamic loader reads it once, when a process
// starts, so nn cannot add them to its own process).
//
// Untested end to end: no machine this was written on has an NVIDIA GPU or
// can fetch these wheels. The pure parts below are tested with data.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { failureLine, runTool } from './run-tool.mjs';

export const GPU_WHEEL = { name: 'tensorflow', version: '2.21.0', size: 'about 620 MB' };
const PYTHON = process.env.PYTHON || 'python3';

/** Did the user ask for the GPU build? NN_NATIVE_GPU set to anything but '' or '0'. */
export function gpuRequested(env) {
  return Boolean(env.NN_NATIVE_GPU) && env.NN_NATIVE_GPU !== '0';
}

/**
 * The requirements of a wheel's `and-cuda` extra, from its METADATA text:
 * `Requires-Dist: nvidia-cudnn-cu12<10.0,>=9.3.0.75; extra == "and-cuda"`
 * gives `nvidia-cudnn-cu12<10.0,>=9.3.0.75`.
 */
export function cudaRequirements(metadata) {
  return metadata
    .split('\n')
    .map((line) => /^Requires-Dist:\s*([^;]+?)\s*;\s*extra\s*==\s*["']and-cuda["']\s*$/.exec(line.trim()))
    .filter(Boolean)
    .map((m) => m[1].replace(/\s+/g, ''));
}

/** The folders holding shared libraries among a CUDA wheel's entries: `nvidia/<part>/lib`, each once, sorted. */
export function cudaLibraryFolders(entryNames) {
  const folders = entryNames.map((n) => /^(nvidia\/[^/]+\/lib)\/[^/]+\.so(\.[\d.]+)?$/.exec(n)?.[1]).filter(Boolean);
  return [...new Set(folders)].sort();
}

/** The CUDA runtime's and cuDNN's versions, from the downloaded wheels' file names (null when that wheel is not among them). */
export function cudaVersions(wheelFileNames) {
  const version = (project) => wheelFileNames.map((f) => new RegExp(`^${project}-([^-]+)-`).exec(f)?.[1]).find(Boolean) ?? null;
  return { cuda: version('nvidia_cuda_runtime_cu12'), cudnn: version('nvidia_cudnn_cu12') };
}

/** The wheel's METADATA text (a wheel is a zip file). */
async function wheelMetadata(wheel) {
  const read = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nsys.stdout.write(z.read(next(n for n in z.namelist() if n.endswith('.dist-info/METADATA'))).decode())";
  const r = await runTool(PYTHON, ['-c', read, wheel], { timeoutSeconds: 120 });
  if (r.status !== 0) throw new Error(`reading the METADATA of ${wheel} failed: ${failureLine(r)}`);
  return r.output;
}

/** Downloads the CUDA wheels the tensorflow wheel asks for into `folder` (pip keeps the ones already there); their paths. */
export async function fetchCudaWheels(tensorflowWheel, folder, say) {
  const requirements = cudaRequirements(await wheelMetadata(tensorflowWheel));
  if (requirements.length === 0) throw new Error(`${tensorflowWheel} names no and-cuda requirements: it is not a GPU build`);
  mkdirSync(folder, { recursive: true });
  say(`downloading the ${requirements.length} CUDA wheels it needs with pip (about 3 GB): ${requirements.map((r) => r.split(/[<>=!~]/)[0]).join(', ')}`);
  const r = await runTool(PYTHON, ['-m', 'pip', 'download', ...requirements, '--no-deps', '--only-binary=:all:', '--no-cache-dir', '-d', folder], { timeoutSeconds: 3600 });
  if (r.status !== 0) throw new Error(`pip download of the CUDA wheels (${requirements.join(' ')}) failed: ${failureLine(r)}`);
  return readdirSync(folder).filter((f) => f.endsWith('.whl')).map((f) => join(folder, f));
}

// Extracts every shared library under nvidia/<part>/lib/ of the wheels in
// argv[2:] (JSON) into argv[1], keeping that layout; prints the entry names.
const EXTRACT_CUDA = `
import json, os, re, shutil, sys, zipfile
target, wheels, done = sys.argv[1], json.loads(sys.argv[2]), []
for wheel in wheels:
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if re.fullmatch(r'nvidia/[^/]+/lib/[^/]+\\.so(\\.[\\d.]+)?', name):
                os.makedirs(os.path.join(target, os.path.dirname(name)), exist_ok=True)
                with z.open(name) as src, open(os.path.join(target, name), 'wb') as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                done.append(name)
print(json.dumps(done))
`;

/** Unpacks the CUDA wheels' libraries under `target`; the absolute folders that hold them. */
export async function extractCudaLibraries(wheels, target) {
  mkdirSync(target, { recursive: true });
  const r = await runTool(PYTHON, ['-c', EXTRACT_CUDA, target, JSON.stringify(wheels)], { timeoutSeconds: 1800 });
  if (r.status !== 0) throw new Error(`extracting the CUDA libraries failed: ${failureLine(r)}`);
  const folders = cudaLibraryFolders(JSON.parse(r.output.trim().split('\n').at(-1)));
  if (folders.length === 0) throw new Error('the CUDA wheels hold no nvidia/*/lib/*.so libraries');
  return folders.map((f) => join(target, f)).filter((f) => existsSync(f));
}
