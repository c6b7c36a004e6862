// `nn doctor` on the torch engine's side: the Python it would run, its
// PyTorch and CUDA build, the GPUs PyTorch sees; quick when there is no
// Python at all; left out, and its seconds saved, with --no-torch (the
// editor's status bar).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../cli/doctor-command.js';
import { TORCH_VERSION } from '../../scripts/python/cache.mjs';
import { ensureTorchPython } from '../export-pytorch/python.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');

function doctor(args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, 'doctor', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { stdout: r.stdout, seconds: (Date.now() - started) / 1000 };
}

describe('nn doctor and PyTorch', () => {
  let python: string;
  beforeAll(() => {
    python = ensureTorchPython();
  }, 600_000);

  it('--json reports the Python, its torch (the CPU build), no CUDA, and that the engine is ready', () => {
    const report = JSON.parse(doctor(['--json'], { NN_PYTHON: python }).stdout) as DoctorReport;
    expect(report.python).toMatchObject({ python, source: 'NN_PYTHON', found: true, version: expect.stringMatching(/^3\.\d+\.\d+$/) });
    expect(report.python!.packages).toEqual({ torch: TORCH_VERSION, safetensors: expect.any(String), numpy: expect.any(String) });
    expect(report.python!.cuda).toEqual({ build: null, available: false, gpus: [] });
    expect(report.python!.problem).toBeUndefined();
  }, 60_000);

  it('the text names them in rows', () => {
    const text = doctor([], { NN_PYTHON: python }).stdout;
    expect(text).toMatch(/^Python +3\.\d+\.\d+ at \S+ \(NN_PYTHON\)$/m);
    expect(text).toContain(`PyTorch       ${TORCH_VERSION} (CPU-only build)`);
    expect(text).toMatch(/^CUDA +no GPU that PyTorch sees$/m);
    expect(text).toMatch(/^torch engine +ready: nn train --engine torch$/m);
  }, 60_000);

  it('without Python: the problem and what to install, at once', () => {
    const r = doctor(['--json'], { NN_PYTHON: '/no/such/python' });
    const report = JSON.parse(r.stdout) as DoctorReport;
    expect(report.python).toMatchObject({ found: false, executable: null, packages: { torch: null, safetensors: null, numpy: null } });
    expect(report.python!.problem).toContain('pip install torch safetensors numpy');
    expect(r.seconds).toBeLessThan(20); // the TensorFlow part takes its seconds; Python adds none
    expect(doctor([], { NN_PYTHON: '/no/such/python' }).stdout).toMatch(/^torch engine +no Python to train with: NN_PYTHON=\/no\/such\/python not found;/m);
  }, 60_000);

  it('--no-torch leaves the Python out: no python in the JSON, no torch rows in the text', () => {
    const full = doctor(['--json'], { NN_PYTHON: python });
    const quick = doctor(['--json', '--no-torch'], { NN_PYTHON: python });
    const report = JSON.parse(quick.stdout) as DoctorReport;
    expect(report.python).toBeUndefined();
    expect(report.backend).toBe((JSON.parse(full.stdout) as DoctorReport).backend);
    console.log(`nn doctor --json: ${full.seconds.toFixed(1)} s; with --no-torch: ${quick.seconds.toFixed(1)} s`);
    expect(doctor(['--no-torch'], { NN_PYTHON: python }).stdout).not.toMatch(/^(Python|PyTorch|CUDA|torch engine) /m);
  }, 90_000);
});
