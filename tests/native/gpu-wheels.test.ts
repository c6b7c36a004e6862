// The GPU build's installer logic (scripts/native/gpu.mjs), with data: which
// CUDA wheels the tensorflow wheel asks for, where their libraries are, and
// which CUDA and cuDNN they are. Nothing here needs a GPU or a download.

import { describe, expect, it } from 'vitest';
import { cudaLibraryFolders, cudaRequirements, cudaVersions, gpuRequested } from '../../scripts/native/gpu.mjs';

// Lines of tensorflow 2.21.0's METADATA (the and-cuda extra, and neighbours that must be left out).
const METADATA = [
  'Name: tensorflow',
  'Version: 2.21.0',
  'Requires-Dist: numpy>=1.26.0',
  'Requires-Dist: ml_dtypes<1.0.0,>=0.5.1',
  'Provides-Extra: and-cuda',
  'Requires-Dist: nvidia-cublas-cu12<13.0,>=12.5.3.2; extra == "and-cuda"',
  'Requires-Dist: nvidia-cuda-runtime-cu12<13.0,>=12.5.82; extra == "and-cuda"',
  'Requires-Dist: nvidia-cudnn-cu12<10.0,>=9.3.0.75; extra == "and-cuda"',
  'Provides-Extra: gcs-filesystem',
  'Requires-Dist: tensorflow-io-gcs-filesystem>=0.23.1; (sys_platform != "win32" and python_version < "3.13") and extra == "gcs-filesystem"',
  '',
].join('\n');

describe('the GPU build of the native backend', () => {
  it('is asked for with NN_NATIVE_GPU set to anything but empty or 0', () => {
    expect(gpuRequested({ NN_NATIVE_GPU: '1' })).toBe(true);
    expect(gpuRequested({ NN_NATIVE_GPU: 'yes' })).toBe(true);
    expect(gpuRequested({ NN_NATIVE_GPU: '0' })).toBe(false);
    expect(gpuRequested({ NN_NATIVE_GPU: '' })).toBe(false);
    expect(gpuRequested({})).toBe(false);
  });

  it("fetches exactly the requirements of the wheel's and-cuda extra", () => {
    expect(cudaRequirements(METADATA)).toEqual([
      'nvidia-cublas-cu12<13.0,>=12.5.3.2',
      'nvidia-cuda-runtime-cu12<13.0,>=12.5.82',
      'nvidia-cudnn-cu12<10.0,>=9.3.0.75',
    ]);
    expect(cudaRequirements('Requires-Dist: numpy>=1.26.0\n')).toEqual([]);
  });

  it('finds the library folders among the CUDA wheels\' entries, each once', () => {
    const entries = [
      'nvidia/cudnn/lib/libcudnn.so.9',
      'nvidia/cudnn/lib/libcudnn_ops.so.9',
      'nvidia/cudnn/include/cudnn.h',
      'nvidia/cublas/lib/libcublas.so.12',
      'nvidia/cublas/lib/libcublasLt.so.12',
      'nvidia/cuda_runtime/lib/libcudart.so.12',
      'nvidia/cuda_nvcc/bin/ptxas',
      'nvidia/__init__.py',
      'nvidia_cudnn_cu12-9.3.0.75.dist-info/RECORD',
    ];
    expect(cudaLibraryFolders(entries)).toEqual(['nvidia/cublas/lib', 'nvidia/cuda_runtime/lib', 'nvidia/cudnn/lib']);
    expect(cudaLibraryFolders(['nvidia/cudnn/include/cudnn.h'])).toEqual([]);
  });

  it('reads the CUDA runtime and cuDNN versions from the wheel file names', () => {
    const wheels = [
      'nvidia_cublas_cu12-12.9.1.4-py3-none-manylinux_2_27_x86_64.whl',
      'nvidia_cuda_runtime_cu12-12.9.79-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl',
      'nvidia_cudnn_cu12-9.10.2.21-py3-none-manylinux_2_27_x86_64.whl',
    ];
    expect(cudaVersions(wheels)).toEqual({ cuda: '12.9.79', cudnn: '9.10.2.21' });
    expect(cudaVersions(wheels.slice(0, 1))).toEqual({ cuda: null, cudnn: null });
  });
});
