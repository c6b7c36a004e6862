// The native-backend installer (scripts/native/install.mjs), for real: run
// again on this project it finds the binding in place; a fresh copy of
// tfjs-node (as in a second clone) is filled from the cache outside the clone.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectWithoutBinding, root } from '../helpers/project-copy.js';

const installer = (projectRoot: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(projectRoot, 'scripts', 'native', 'install.mjs')], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...env } });

const secondProject = () => projectWithoutBinding(['scripts/native', 'package.json']);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the native-backend installer', () => {
  it('run again, finds the working binding in place and does nothing', () => {
    const r = installer(root);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^nn: native TensorFlow backend already installed \(tfjs-node 4\.22\.0, TensorFlow \d+\.\d+\.\d+\)$/m);
    expect(r.stderr).not.toContain('WARNING');
  });

  it('fills a fresh copy of tfjs-node from the cache, after which it is installed', () => {
    const dir = secondProject();
    made.push(dir);
    const first = installer(dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('nn: copying the native backend from the cache');
    expect(first.stderr).toMatch(/^nn: native TensorFlow backend ready: .*, from the cache$/m);
    expect(first.stderr).not.toContain('trying tfjs-node');
    const record = JSON.parse(readFileSync(join(dir, 'node_modules', '@tensorflow', 'tfjs-node', 'deps', 'nn-install.json'), 'utf8'));
    expect(record.restoredFromCache).toBe(true);

    const probe = spawnSync(process.execPath, ['-e', "const tf = require('@tensorflow/tfjs-node'); console.log(tf.getBackend(), tf.matMul([[1, 2]], [[3], [4]]).dataSync()[0])"], { cwd: dir, encoding: 'utf8' });
    expect(probe.stdout.trim()).toBe('tensorflow 11');

    const second = installer(dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/already installed/);
  });

  it('never fails the install: when nothing works it says why, loudly, and exits 0', () => {
    const dir = secondProject();
    made.push(dir);
    const r = installer(dir, {
      NN_NATIVE_CACHE: join(dir, 'empty-cache'),
      TFJS_NODE_CDN_STORAGE: 'https://127.0.0.1:9/', // tfjs-node's own download: refused at once
      PYTHON: join(dir, 'no-python-here'), // the wheel fallback: no pip
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('nn: WARNING: the native TensorFlow backend could not be installed.');
    expect(r.stderr).toMatch(/^nn: {3}official download failed: .*ECONNREFUSED/m);
    expect(r.stderr).toMatch(/^nn: {3}pip download tensorflow-cpu==2\.21\.0 failed: .*ENOENT/m);
    expect(r.stderr).toContain('Retry with `npm run native`');
  });

  it('with NN_NATIVE_GPU=1 where the GPU wheels cannot be fetched: says so in one line and keeps the CPU backend', () => {
    const r = installer(root, { NN_NATIVE_GPU: '1', PYTHON: join(root, 'no-python-here') });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^nn: NN_NATIVE_GPU: no GPU build \(could not fetch it: pip download tensorflow==2\.21\.0 failed: .*ENOENT.*\); the CPU backend stays installed$/m);
    expect(r.stderr).toMatch(/^nn: native TensorFlow backend already installed/m);
    expect(r.stderr).not.toContain('WARNING');
  });

  it('is skipped with NN_SKIP_NATIVE=1', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'native', 'install.mjs')], { cwd: root, encoding: 'utf8', env: { ...process.env, NN_SKIP_NATIVE: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('nn: NN_SKIP_NATIVE is set: not installing the native TensorFlow backend\n');
  });
});
