// Whether the native backend can use a GPU, and why (not): the reasoning is
// pure (tested with data, no GPU needed); the facts come from the install
// record, TensorFlow's answer, the NVIDIA driver's files under
// /proc/driver/nvidia, and LD_LIBRARY_PATH.
//
// The GPU build (NN_NATIVE_GPU=1 npm run native) is tfjs-node compiled against
// the `tensorflow` wheel, which loads the CUDA libraries of the
// nvidia-*-cu12 wheels at run time. The dynamic loader reads LD_LIBRARY_PATH
// once, when a process starts, so those folders must be on it before nn
// starts: nn cannot add them to its own process.

import { msg } from '../core/i18n/message.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** What the installer recorded about a GPU build (absent for a CPU build). */
export interface GpuBuild {
  /** The folders of the CUDA libraries (nvidia/<part>/lib), absolute. */
  cudaLibraryDirs: string[];
  /** The CUDA runtime's and cuDNN's versions, from their wheels; null when unknown. */
  cuda: string | null;
  cudnn: string | null;
}

export interface NvidiaDriver {
  /** The kernel module's version, e.g. '550.54.15'. */
  version: string;
  /** The GPUs it drives, e.g. ['NVIDIA H100 80GB HBM3']. */
  gpus: string[];
}

export interface GpuFacts {
  /** The install record's `gpu`: undefined when the binding was built for the CPU. */
  build: GpuBuild | undefined;
  /** TensorFlow's own answer: is it placing work on a GPU device? */
  usingGpu: boolean;
  driver: NvidiaDriver | undefined;
  /** LD_LIBRARY_PATH as this process started with it. */
  libraryPath: string;
}

export interface GpuVerdict {
  available: boolean;
  reason: string;
  /** Recorded CUDA library folders that are not on LD_LIBRARY_PATH. */
  missingLibraryDirs: string[];
}

export const GPU_BUILD_COMMAND = 'NN_NATIVE_GPU=1 npm run native';

export function gpuVerdict(f: GpuFacts): GpuVerdict {
  const onPath = new Set(f.libraryPath.split(delimiter).filter(Boolean).map((d) => resolve(d)));
  const missingLibraryDirs = (f.build?.cudaLibraryDirs ?? []).filter((d) => !onPath.has(resolve(d)));
  const verdict = (available: boolean, reason: string): GpuVerdict => ({ available, reason, missingLibraryDirs });
  const versions = f.build ? `CUDA ${f.build.cuda ?? '?'}, cuDNN ${f.build.cudnn ?? '?'}` : '';
  const gpus = f.driver && f.driver.gpus.length > 0 ? ` (${f.driver.gpus.join(', ')})` : '';
  if (f.usingGpu) return verdict(true, f.build ? msg`TensorFlow is using a GPU${gpus}, GPU build with ${versions}` : msg`TensorFlow is using a GPU${gpus}`);
  if (!f.build) return verdict(false, msg`the native backend is built for the CPU; \`${GPU_BUILD_COMMAND}\` builds it for an NVIDIA GPU (Linux)`);
  if (!f.driver) return verdict(false, msg`the GPU build (${versions}) finds no NVIDIA driver on this machine`);
  if (missingLibraryDirs.length > 0) {
    return verdict(false, msg`the GPU build (${versions}) with NVIDIA driver ${f.driver.version}${gpus}: its CUDA libraries are not on LD_LIBRARY_PATH; ${libraryPathExport(missingLibraryDirs)}`);
  }
  return verdict(false, msg`the GPU build (${versions}) with NVIDIA driver ${f.driver.version}${gpus}: TensorFlow sees no GPU (TF_CPP_MIN_LOG_LEVEL=0 shows its reasons)`);
}

/** The shell line that puts `dirs` in front of LD_LIBRARY_PATH. */
export function libraryPathExport(dirs: readonly string[]): string {
  return `export LD_LIBRARY_PATH=${[...dirs, '$LD_LIBRARY_PATH'].join(delimiter)}`;
}

/** The kernel module's version from /proc/driver/nvidia/version ("NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  ..."). */
export function parseDriverVersion(text: string): string | undefined {
  return /Kernel Module\s+(\d+(?:\.\d+)+)/.exec(text)?.[1];
}

/** The GPU's name from /proc/driver/nvidia/gpus/<bus>/information ("Model: \t NVIDIA H100 ..."). */
export function parseGpuModel(text: string): string | undefined {
  return /^Model:\s*(.+?)\s*$/m.exec(text)?.[1];
}

/** The loaded NVIDIA driver and its GPUs, or undefined when none is loaded. */
export function readNvidiaDriver(root = '/proc/driver/nvidia'): NvidiaDriver | undefined {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const text = read(join(root, 'version'));
  const version = text === undefined ? undefined : parseDriverVersion(text);
  if (!version) return undefined;
  const gpusDir = join(root, 'gpus');
  const buses = existsSync(gpusDir) ? readdirSync(gpusDir).sort() : [];
  const gpus = buses.map((b) => parseGpuModel(read(join(gpusDir, b, 'information')) ?? '')).filter((m): m is string => m !== undefined);
  return { version, gpus };
}
