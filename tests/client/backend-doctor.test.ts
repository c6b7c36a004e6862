// `nn doctor --json` in the editor: reading its output, the status bar item
// for each state of the runtime, and NN: Doctor's Markdown document.

import { describe, expect, test } from 'vitest';
import { backendAppearance } from '../../client/backend/backend-appearance.js';
import { readDoctorOutput, type DoctorReport } from '../../client/backend/doctor-answer.js';
import { doctorMarkdown } from '../../client/backend/doctor-markdown.js';

const native: DoctorReport = {
  ok: true,
  backend: 'tensorflow',
  native: true,
  device: 'cpu',
  gpu: { available: false, reason: '@tensorflow/tfjs-node-gpu is not installed', nvidiaDriver: false },
  package: '@tensorflow/tfjs-node',
  versions: { tfjs: '4.22.0', tfjsNode: '4.22.0', tensorflow: '2.21.0', node: 'v20.20.2', napi: '9', abi: '115' },
  library: '/rt/node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow_cc.so.2',
  binding: '/rt/node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node',
  install: { route: 'wheel', restoredFromCache: true, tfjsNode: '4.22.0', tensorflow: '2.21.0', library: 'tensorflow-cpu 2.21.0 wheel (pip)', node: 'v20.20.2', napi: 8, platform: 'linux-x64', installedAt: '2026-12-02T00:27:14.463Z', reasons: [] } as unknown as DoctorReport['install'],
  reasons: ['official download failed: Error: getaddrinfo ENOTFOUND storage.googleapis.com', 'built from the tensorflow-cpu 2.21.0 wheel with node-gyp'],
};
const pureJs: DoctorReport = { ...native, ok: false, backend: 'cpu', native: false, library: null, binding: null, install: null, reasons: ['the tfjs-node binding does not load: libtensorflow.so.2: cannot open shared object file'] };
const runtime = { source: 'global' as const, script: '/storage/runtime/nn.mjs', root: '/storage/runtime' };

describe('reading nn doctor --json', () => {
  test('exit 0 with the report: the native backend works', () => {
    const answer = readDoctorOutput({ code: 0, stdout: `${JSON.stringify(native, null, 2)}\n`, stderrTail: [] });
    expect(answer).toEqual({ ok: true, report: native, exitCode: 0 });
  });

  test('exit 1 with the report: pure JavaScript, still an answer; lines TensorFlow prints before the JSON are skipped', () => {
    const answer = readDoctorOutput({ code: 1, stdout: `Platform node has already been set.\n${JSON.stringify(pureJs, null, 2)}\n`, stderrTail: [] });
    expect(answer).toMatchObject({ ok: true, exitCode: 1, report: { native: false } });
  });

  test('a crash is a failure with the stderr tail', () => {
    const answer = readDoctorOutput({ code: null, stdout: '', stderrTail: ['Segmentation fault'] });
    expect(answer).toEqual({ ok: false, message: 'nn doctor was ended by a signal without a report', stderrTail: ['Segmentation fault'] });
  });

  test('a Node that does not start', () => {
    expect(readDoctorOutput({ code: null, stdout: '', stderrTail: [], startError: 'spawn node ENOENT' })).toMatchObject({ ok: false, message: 'nn doctor did not start: spawn node ENOENT' });
  });
});

describe('the backend status item', () => {
  test.each([
    [{ ok: true as const, report: native, exitCode: 0 }, '$(chip) native CPU', undefined],
    [{ ok: true as const, report: { ...native, device: 'gpu' as const }, exitCode: 0 }, '$(chip) GPU', undefined],
    [{ ok: true as const, report: pureJs, exitCode: 1 }, '$(warning) pure JS', 'warning'],
    [{ ok: false as const, message: 'nn doctor exited with status 2', stderrTail: ['boom'] }, '$(error) backend', 'error'],
  ])('%#: %s', (answer, text, background) => {
    const look = backendAppearance({ kind: 'answered', source: 'global', answer });
    expect(look.text).toBe(text);
    expect(look.background).toBe(background);
    expect(look.command).toBe('nn.doctor');
  });

  test('the tooltip gives the reasons', () => {
    const look = backendAppearance({ kind: 'answered', source: 'workspace', answer: { ok: true, report: pureJs, exitCode: 1 } });
    expect(look.tooltip).toContain('- the tfjs-node binding does not load: libtensorflow.so.2: cannot open shared object file');
    expect(look.tooltip).toContain("the workspace's nn-lang");
  });

  test('a GPU asked for but missing: native CPU with a warning', () => {
    const look = backendAppearance({ kind: 'answered', source: 'global', answer: { ok: true, report: { ...native, ok: false }, exitCode: 1 } });
    expect(look).toMatchObject({ text: '$(chip) native CPU', background: 'warning' });
  });

  test('a GPU demanded by nn.train.device and none in use: no backend, and why', () => {
    const gpuMissing: DoctorReport = { ...pureJs, backend: null, device: null, error: 'a GPU was asked for, but @tensorflow/tfjs-node-gpu is not installed' };
    const look = backendAppearance({ kind: 'answered', source: 'global', answer: { ok: true, report: gpuMissing, exitCode: 1 } });
    expect(look).toMatchObject({ text: '$(error) no backend', background: 'error' });
    expect(look.tooltip).toContain('Training would not start: a GPU was asked for, but @tensorflow/tfjs-node-gpu is not installed.');
  });

  test('no runtime: a click sets it up; a setting that points nowhere: a click opens it', () => {
    expect(backendAppearance({ kind: 'missing', reason: 'none', message: 'not set up' })).toMatchObject({ text: '$(cloud-download) set up training', command: 'nn.setUpBackend' });
    expect(backendAppearance({ kind: 'missing', reason: 'setting', message: 'bad path' })).toMatchObject({ command: 'workbench.action.openSettings', args: ['nn.runtime.path'] });
    expect(backendAppearance({ kind: 'untrusted' }).command).toBe('workbench.trust.manage');
  });
});

describe("NN: Doctor's document", () => {
  const at = new Date('2026-12-02T10:00:00Z');

  test('the backend, versions, library and binding, GPU, installation and reasons', () => {
    const text = doctorMarkdown({ ok: true, report: native, exitCode: 0 }, runtime, at);
    expect(text).toContain('**Training runs on the native TensorFlow backend on the CPU.**');
    expect(text).toContain('| TensorFlow | 2.21.0 |');
    expect(text).toContain('| binding | `/rt/node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node` |');
    expect(text).toContain('| GPU | no: @tensorflow/tfjs-node-gpu is not installed |');
    expect(text).toContain('| how | built from the tensorflow-cpu 2.21.0 wheel (pip), copied from the cache |');
    expect(text).toContain('- official download failed: Error: getaddrinfo ENOTFOUND storage.googleapis.com');
    expect(text).not.toContain('To repair it');
  });

  test('a command in a reason stays a code span; the text around it is escaped', () => {
    const gpu = { available: false, reason: 'built for the CPU; `NN_NATIVE_GPU=1 npm run native` builds it for a GPU_BUILD', nvidiaDriver: false };
    const text = doctorMarkdown({ ok: true, report: { ...native, gpu }, exitCode: 0 }, runtime, at);
    expect(text).toContain('| GPU | no: built for the CPU; `NN_NATIVE_GPU=1 npm run native` builds it for a GPU\\_BUILD |');
  });

  test('pure JavaScript: a warning and how to repair', () => {
    const text = doctorMarkdown({ ok: true, report: pureJs, exitCode: 1 }, runtime, at);
    expect(text).toContain('**Warning: training would run on pure JavaScript');
    expect(text).toContain('Reinstall');
  });

  test('a failure shows the stderr tail', () => {
    const text = doctorMarkdown({ ok: false, message: 'nn doctor exited with status 134 without a report', stderrTail: ['terminate called', 'Aborted (core dumped)'] }, runtime, at);
    expect(text).toContain('The doctor failed: nn doctor exited with status 134 without a report.');
    expect(text).toContain('```text\nterminate called\nAborted (core dumped)\n```');
  });
});
