// `nn doctor` on a GPU build, end to end on a machine without an NVIDIA GPU:
// a second project whose install record says its binding was built against
// the tensorflow GPU wheel (the binding itself is this machine's CPU build,
// restored from the cache). Doctor must report the recorded CUDA and cuDNN
// and say why no GPU is used; `--device gpu` must fail with that reason.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectWithoutBinding } from '../helpers/project-copy.js';

const noNvidiaDriver = !existsSync('/proc/driver/nvidia/version');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function gpuBuildProject(): string {
  const dir = projectWithoutBinding(['scripts/native', 'package.json', 'bin', 'dist']);
  made.push(dir);
  const install = spawnSync(process.execPath, [join(dir, 'scripts', 'native', 'install.mjs')], { cwd: dir, encoding: 'utf8' });
  expect(install.stderr).toMatch(/native TensorFlow backend ready/);
  const recordPath = join(dir, 'node_modules', '@tensorflow', 'tfjs-node', 'deps', 'nn-install.json');
  const record = JSON.parse(readFileSync(recordPath, 'utf8'));
  record.gpu = { cudaLibraryDirs: [join(dir, 'cuda', 'nvidia', 'cudnn', 'lib')], cuda: '12.9.79', cudnn: '9.10.2.21' };
  writeFileSync(recordPath, JSON.stringify(record));
  return dir;
}

describe.skipIf(!noNvidiaDriver)('nn doctor on a GPU build without an NVIDIA driver', () => {
  const doctor = (dir: string, args: string[]) =>
    spawnSync(process.execPath, [join(dir, 'bin', 'nn.js'), 'doctor', '--json', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LD_LIBRARY_PATH: '' } });

  it('reports the recorded CUDA and cuDNN, the missing driver, and still trains natively on the CPU', () => {
    const dir = gpuBuildProject();
    const r = doctor(dir, []);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, backend: 'tensorflow', device: 'cpu', package: '@tensorflow/tfjs-node' });
    expect(report.gpu).toEqual({ available: false, nvidiaDriver: false, reason: 'the GPU build (CUDA 12.9.79, cuDNN 9.10.2.21) finds no NVIDIA driver on this machine' });
    expect(report.nvidia).toEqual({
      driver: null,
      gpus: [],
      build: { cudaLibraryDirs: [join(dir, 'cuda', 'nvidia', 'cudnn', 'lib')], cuda: '12.9.79', cudnn: '9.10.2.21' },
      missingLibraryDirs: [join(dir, 'cuda', 'nvidia', 'cudnn', 'lib')],
    });

    const gpu = doctor(dir, ['--device', 'gpu']);
    expect(gpu.status).toBe(1);
    expect(JSON.parse(gpu.stdout).error).toBe('a GPU was asked for, but the GPU build (CUDA 12.9.79, cuDNN 9.10.2.21) finds no NVIDIA driver on this machine');
  }, 120_000);
});
