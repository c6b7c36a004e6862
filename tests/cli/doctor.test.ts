// `nn doctor` end to end: the real binary, the real backend.

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWithoutBinding } from '../helpers/project-copy.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const nn = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

const gpuPackageInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node-gpu');
    return true;
  } catch {
    return false;
  }
})();

describe('nn doctor', () => {
  it('--json reports the native backend, its versions, library, binding and how it was installed; exit 0', () => {
    const r = nn(['doctor', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout); // nothing else reaches stdout
    expect(report).toMatchObject({ ok: true, backend: 'tensorflow', native: true, device: 'cpu', package: '@tensorflow/tfjs-node' });
    expect(report.versions).toMatchObject({ tfjs: '4.22.0', tfjsNode: '4.22.0', node: process.version, napi: process.versions.napi, abi: process.versions.modules });
    expect(report.versions.tensorflow).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.library).toMatch(/tensorflow/);
    expect(existsSync(report.binding)).toBe(true);
    expect(report.gpu).toMatchObject({ available: false });
    expect(typeof report.gpu.reason).toBe('string');
    expect(['official', 'wheel', 'found']).toContain(report.install.route);
    expect(report.install.tensorflow).toBe(report.versions.tensorflow);
    expect(report.reasons).toContain(`native binding loaded from ${report.binding}`);
  });

  it('says the same as text', () => {
    const r = nn(['doctor']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^backend +tensorflow \(native\), on the CPU$/m);
    expect(r.stdout).toMatch(/^TensorFlow +\d+\.\d+\.\d+ at .*tensorflow/m);
    expect(r.stdout).toContain('\nwhy:\n  - ');
    expect(r.stdout).toContain('ok: training runs on the native TensorFlow backend');
  });

  it.skipIf(gpuPackageInstalled)('--device gpu without tfjs-node-gpu: not ok, says why, exit 1', () => {
    const r = nn(['doctor', '--json', '--device', 'gpu']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: false, backend: null, gpu: { available: false } });
    expect(report.error).toMatch(/a GPU was asked for, but @tensorflow\/tfjs-node-gpu is not installed/);
  });

  it('without a native binding: the pure-JavaScript backend, a loud warning on stderr, exit 1', () => {
    const dir = projectWithoutBinding(['bin', 'dist', 'package.json']);
    try {
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'nn.js'), 'doctor', '--json'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report).toMatchObject({ ok: false, backend: 'cpu', native: false, package: '@tensorflow/tfjs', versions: { tfjs: '4.22.0', tensorflow: null } });
      expect(report.reasons).toContainEqual(expect.stringMatching(/^@tensorflow\/tfjs-node's native binding did not load: .*tfjs_binding\.node/));
      expect(r.stderr).toContain("nn: WARNING: TensorFlow's native backend is not available, so nn runs on pure JavaScript:\nnn: training is about 100x slower.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown device', () => {
    const r = nn(['doctor', '--device', 'tpu']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--device takes cpu, gpu or auto, not 'tpu'");
  });
});
