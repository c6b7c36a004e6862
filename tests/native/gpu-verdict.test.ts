// Why the native backend does or does not use a GPU (runtime/gpu-verdict.ts),
// reasoned from hand-made facts: built for the CPU; a GPU build without a
// driver; with a driver but its CUDA libraries off LD_LIBRARY_PATH; all in
// place but TensorFlow sees no GPU; in use. And the driver's /proc files.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gpuVerdict, parseDriverVersion, parseGpuModel, readNvidiaDriver, type GpuBuild } from '../../runtime/gpu-verdict.js';

const build: GpuBuild = { cudaLibraryDirs: ['/cache/cuda/nvidia/cudnn/lib', '/cache/cuda/nvidia/cublas/lib'], cuda: '12.9.79', cudnn: '9.10.2.21' };
const driver = { version: '550.54.15', gpus: ['NVIDIA H100 80GB HBM3'] };
const allOnPath = '/usr/lib:/cache/cuda/nvidia/cudnn/lib:/cache/cuda/nvidia/cublas/lib/';

describe('gpuVerdict', () => {
  it('a CPU build: says how to build for a GPU', () => {
    const v = gpuVerdict({ build: undefined, usingGpu: false, driver, libraryPath: '' });
    expect(v).toEqual({ available: false, missingLibraryDirs: [], reason: 'the native backend is built for the CPU; `NN_NATIVE_GPU=1 npm run native` builds it for an NVIDIA GPU (Linux)' });
  });

  it('a GPU build on a machine without an NVIDIA driver', () => {
    const v = gpuVerdict({ build, usingGpu: false, driver: undefined, libraryPath: allOnPath });
    expect(v.available).toBe(false);
    expect(v.reason).toBe('the GPU build (CUDA 12.9.79, cuDNN 9.10.2.21) finds no NVIDIA driver on this machine');
  });

  it('a GPU build whose CUDA libraries are not on LD_LIBRARY_PATH: names them, as the line to run', () => {
    const v = gpuVerdict({ build, usingGpu: false, driver, libraryPath: '/usr/lib:/cache/cuda/nvidia/cudnn/lib' });
    expect(v.available).toBe(false);
    expect(v.missingLibraryDirs).toEqual(['/cache/cuda/nvidia/cublas/lib']);
    expect(v.reason).toBe('the GPU build (CUDA 12.9.79, cuDNN 9.10.2.21) with NVIDIA driver 550.54.15 (NVIDIA H100 80GB HBM3): its CUDA libraries are not on LD_LIBRARY_PATH; export LD_LIBRARY_PATH=/cache/cuda/nvidia/cublas/lib:$LD_LIBRARY_PATH');
  });

  it('everything in place but TensorFlow sees no GPU', () => {
    const v = gpuVerdict({ build, usingGpu: false, driver, libraryPath: allOnPath });
    expect(v).toMatchObject({ available: false, missingLibraryDirs: [] });
    expect(v.reason).toMatch(/^the GPU build .* with NVIDIA driver 550\.54\.15 .*: TensorFlow sees no GPU/);
  });

  it('TensorFlow uses the GPU', () => {
    const v = gpuVerdict({ build, usingGpu: true, driver, libraryPath: allOnPath });
    expect(v).toEqual({ available: true, missingLibraryDirs: [], reason: 'TensorFlow is using a GPU (NVIDIA H100 80GB HBM3), GPU build with CUDA 12.9.79, cuDNN 9.10.2.21' });
  });
});

describe('the NVIDIA driver files', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('parses the driver version and GPU model lines', () => {
    expect(parseDriverVersion('NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC 2024\nGCC version:  gcc version 12.3.0\n')).toBe('550.54.15');
    expect(parseDriverVersion('something else')).toBeUndefined();
    expect(parseGpuModel('Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   \t\t 16\n')).toBe('NVIDIA H100 80GB HBM3');
    expect(parseGpuModel('IRQ: 16\n')).toBeUndefined();
  });

  it('reads a driver folder laid out like /proc/driver/nvidia, and none where there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'nn-nvidia-'));
    made.push(root);
    expect(readNvidiaDriver(root)).toBeUndefined();
    writeFileSync(join(root, 'version'), 'NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\n');
    for (const [bus, model] of [['0000:01:00.0', 'NVIDIA A100-SXM4-40GB'], ['0000:02:00.0', 'NVIDIA A100-SXM4-80GB']]) {
      mkdirSync(join(root, 'gpus', bus), { recursive: true });
      writeFileSync(join(root, 'gpus', bus, 'information'), `Model: \t\t ${model}\nIRQ: \t\t 30\n`);
    }
    expect(readNvidiaDriver(root)).toEqual({ version: '535.104.05', gpus: ['NVIDIA A100-SXM4-40GB', 'NVIDIA A100-SXM4-80GB'] });
  });
});
