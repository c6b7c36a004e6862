// `nn doctor --json` in the editor: asking it (the status bar without the
// torch side), reading its output, the status bar item for each state of
// the runtime, and NN: Doctor's Markdown document, whose NVIDIA and PyTorch
// rows say what `nn doctor`'s text says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { backendAppearance } from '../../client/backend/backend-appearance.js';
import { doctorArgs, readDoctorOutput, refusedOption, withoutOption, type DoctorReport } from '../../client/backend/doctor-answer.js';
import { doctorMarkdown, gpuDemanded } from '../../client/backend/doctor-markdown.js';
import { cliLanguageArgs } from '../../client/cli-language.js';
import { fromBundle, useTranslator } from '../../client/l10n.js';
import { setLocale } from '../../core/i18n/locale.js';
import { doctorText } from '../../cli/doctor-command.js';

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

// the GPU machine: a driver, the native backend's GPU build with a CUDA folder missing from LD_LIBRARY_PATH, PyTorch for CUDA seeing the GPU
const nvidia: NonNullable<DoctorReport['nvidia']> = { driver: '550.54.15', gpus: ['NVIDIA H200'], build: { cudaLibraryDirs: ['/venv/nvidia/cudnn/lib'], cuda: '12.5.82', cudnn: '9.3.0' }, missingLibraryDirs: ['/venv/nvidia/cudnn/lib'] };
const cudaPython: NonNullable<DoctorReport['python']> = {
  python: '/opt/py/bin/python', source: 'NN_PYTHON', found: true, executable: '/opt/py/bin/python3.12', version: '3.12.3',
  packages: { torch: '2.13.0+cu128', safetensors: '0.8.0', numpy: '2.4.6' },
  cuda: { build: '12.8', available: true, gpus: [{ name: 'NVIDIA H200', memoryBytes: 150_100_000_000 }] },
};
const noTorch: NonNullable<DoctorReport['python']> = {
  python: 'python3', source: 'PATH', found: true, executable: '/usr/bin/python3', version: '3.11.2',
  packages: { torch: null, safetensors: null, numpy: '1.26.4' },
  cuda: { build: null, available: false, gpus: [] },
  problem: '/usr/bin/python3 (Python 3.11.2) has no torch, safetensors: the torch engine needs them; `/usr/bin/python3 -m pip install torch safetensors numpy`',
};
const gpuMachine: DoctorReport = { ...native, nvidia, python: cudaPython };

describe('asking nn doctor', () => {
  test('the status bar leaves the torch side out; NN: Doctor asks for it', () => {
    expect(doctorArgs('auto', { torch: false })).toEqual(['doctor', '--json', '--device', 'auto', '--no-torch']);
    expect(doctorArgs('gpu', { torch: true })).toEqual(['doctor', '--json', '--device', 'gpu']);
  });

  test("a Chinese editor asks in Chinese; an English one adds nothing", () => {
    expect(doctorArgs('auto', { torch: false }, cliLanguageArgs('zh-cn'))).toEqual(['doctor', '--json', '--device', 'auto', '--no-torch', '--lang', 'zh']);
    expect(doctorArgs('auto', { torch: false }, cliLanguageArgs('en'))).toEqual(doctorArgs('auto', { torch: false }));
  });

  const usage = (line: string) => ({ ok: false as const, message: 'nn doctor exited with status 2 without a report', stderrTail: [line, 'usage: nn doctor [--json] [--device cpu|gpu|auto]'] });
  test.each([
    [usage('nn doctor: unknown option --no-torch'), '--no-torch'],
    [usage('nn doctor: unknown option --lang'), '--lang'],
    [usage('nn doctor: unknown option --devise'), undefined],
    [{ ok: true as const, report: native, exitCode: 0 }, undefined],
  ])('a runtime from before an option is asked again without the one it refuses (%#)', (answer, refused) => {
    expect(refusedOption(answer)).toBe(refused);
  });

  test('the refused option goes, and the value of --lang with it', () => {
    const args = doctorArgs('cpu', { torch: false }, ['--lang', 'zh']);
    expect(withoutOption(args, '--no-torch')).toEqual(['doctor', '--json', '--device', 'cpu', '--lang', 'zh']);
    expect(withoutOption(withoutOption(args, '--no-torch'), '--lang')).toEqual(['doctor', '--json', '--device', 'cpu']);
    expect(withoutOption(['doctor', '--json'], '--lang')).toEqual(['doctor', '--json']);
  });
});

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

  test('the NVIDIA driver and GPU build, and the torch engine: Python, PyTorch, CUDA', () => {
    const text = doctorMarkdown({ ok: true, report: gpuMachine, exitCode: 0 }, runtime, at);
    expect(text).toContain('| NVIDIA | driver 550.54.15: NVIDIA H200 |');
    expect(text).toContain('| GPU build | CUDA 12.5.82, cuDNN 9.3.0; not on `LD_LIBRARY_PATH`, run: `export LD_LIBRARY_PATH=/venv/nvidia/cudnn/lib:$LD_LIBRARY_PATH` |');
    expect(text).toContain('## PyTorch (`nn train --engine torch`)');
    expect(text).toContain('| Python | 3.12.3 at `/opt/py/bin/python3.12` (`NN_PYTHON`) |');
    expect(text).toContain('| PyTorch | 2.13.0+cu128 (built for CUDA 12.8) |');
    expect(text).toContain('| CUDA | yes: NVIDIA H200 (139.8 GiB) |');
    expect(text).toContain('| torch engine | ready: `nn train --engine torch --device cuda` |');
  });

  test('no torch: what to install, its command a code span', () => {
    const text = doctorMarkdown({ ok: true, report: { ...native, python: noTorch }, exitCode: 0 }, runtime, at);
    expect(text).toContain('| PyTorch | not installed |');
    expect(text).toContain('| CUDA | unknown (no PyTorch) |');
    expect(text).toContain('| torch engine | /usr/bin/python3 (Python 3.11.2) has no torch, safetensors: the torch engine needs them; `/usr/bin/python3 -m pip install torch safetensors numpy` |');
  });

  test('a report without the torch side (an older runtime) says so', () => {
    expect(doctorMarkdown({ ok: true, report: native, exitCode: 0 }, runtime, at)).toContain("Not reported: this runtime's `nn doctor` does not look for PyTorch.");
  });

  test.each([
    ['the GPU machine', gpuMachine],
    ['no torch', { ...native, python: noTorch }],
  ])("%s: each NVIDIA and PyTorch row says what nn doctor's text says", (_, report) => {
    const markdown = doctorMarkdown({ ok: true, report, exitCode: 0 }, runtime, at);
    // the same words; the document's code spans and escapes aside
    const plain = (cell: string) => cell.replaceAll('`', '').replace(/\\(.)/g, '$1');
    const cells = new Map(markdown.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.slice(2, -2).split(' | ') as [string, string]));
    const rows = doctorText(report).split('\n').map((line) => /^(NVIDIA|GPU build|Python|PyTorch|CUDA|torch engine) {2,}(.*)$/.exec(line)).filter((m) => m !== null);
    expect(rows.length).toBe(report.nvidia ? 6 : 4);
    for (const [, label, value] of rows) expect(plain(cells.get(label!) ?? '(missing)'), label).toBe(plain(value!));
  });
});

describe('a GPU demanded and none in use', () => {
  // what nn doctor --json --device gpu reports when no GPU loads; its words are in the CLI's language
  const gpuMissing = (error: string): DoctorReport => ({ ...pureJs, backend: null, device: null, error, reasons: [error] });
  const at = new Date('2026-12-02T10:00:00Z');
  const hint = 'The setting `nn.train.device` asks for a GPU: set it to `auto` or `cpu` to train on the CPU.';

  test.each([
    ['English', 'a GPU was asked for, but @tensorflow/tfjs-node-gpu is not installed'],
    ['Chinese', '要求使用 GPU，但没有安装 @tensorflow/tfjs-node-gpu'],
  ])('the document points at nn.train.device, whatever the language of the error (%s)', (_, error) => {
    expect(gpuDemanded(gpuMissing(error), 'gpu')).toBe(true);
    const text = doctorMarkdown({ ok: true, report: gpuMissing(error), exitCode: 1 }, runtime, at, 'gpu');
    expect(text).toContain(hint);
    expect(text).not.toContain('To repair it');
  });

  test('no backend without a GPU demanded (no TensorFlow.js at all): how to repair instead', () => {
    const none = gpuMissing('no TensorFlow.js is installed: Cannot find package; run `npm install`');
    expect(gpuDemanded(none, 'auto')).toBe(false);
    const text = doctorMarkdown({ ok: true, report: none, exitCode: 1 }, runtime, at, 'auto');
    expect(text).not.toContain(hint);
    expect(text).toContain('To repair it, run **NN: Set Up Training Backend** again');
  });

  test('a native backend on the CPU with a GPU asked for is not "no backend"', () => {
    expect(gpuDemanded({ ...native, ok: false }, 'gpu')).toBe(false);
  });
});

describe('in a Chinese editor', () => {
  const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'client', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const at = new Date('2026-12-02T10:00:00Z');
  afterEach(() => {
    useTranslator(fromBundle(undefined));
    setLocale('en');
  });

  test('the status item speaks Chinese; the reasons stay as the CLI wrote them', () => {
    useTranslator(fromBundle(bundle));
    const look = backendAppearance({ kind: 'answered', source: 'workspace', answer: { ok: true, report: pureJs, exitCode: 1 } });
    expect(look.text).toBe('$(warning) 纯 JS');
    expect(look.tooltip.split('\n')).toEqual([
      '训练会在纯 JavaScript 上运行，慢约 100 倍：原生 TensorFlow 后端无法加载。',
      '运行时：工作区的 nn-lang。',
      '- the tfjs-node binding does not load: libtensorflow.so.2: cannot open shared object file',
      '运行“NN: 安装训练后端”即可安装。',
      '单击查看详情（NN: 诊断）。',
    ]);
    expect(backendAppearance({ kind: 'checking', source: 'global' }).tooltip).toBe('正在询问“NN: 安装训练后端”安装的运行时：训练会使用哪个后端（nn doctor）…');
  });

  test("the doctor's document: headings, row labels and verdict in Chinese, the names as written", () => {
    useTranslator(fromBundle(bundle));
    const text = doctorMarkdown({ ok: true, report: native, exitCode: 0 }, runtime, at);
    expect(text).toContain('> **训练在使用 CPU 的原生 TensorFlow 后端上运行。**');
    for (const line of ['## 后端', '## 安装', '## 运行时', '## 原因', '| 项目 | 值 |', '| 后端 | tensorflow（原生），使用 CPU |', '| TensorFlow | 2.21.0 |', '| GPU | 否：@tensorflow/tfjs-node-gpu is not installed |', '| 方式 | 由 tensorflow-cpu 2.21.0 wheel (pip) 构建，从缓存复制 |', '| 运行时 | 由 **NN: 安装训练后端** 安装 |']) {
      expect(text.split('\n')).toContain(line);
    }
    const failed = doctorMarkdown(readDoctorOutputFailure(), runtime, at);
    expect(failed).toContain('> **诊断失败：nn doctor 以状态 134 退出，没有给出报告。**');
    expect(failed).toContain('要修复它，请再次运行 **NN: 安装训练后端** 并选择“重新安装”');
  });

  test("the rows shared with nn doctor's text (NVIDIA, PyTorch) follow the locale the extension sets at activation", () => {
    useTranslator(fromBundle(bundle));
    setLocale('zh');
    const labels = doctorMarkdown({ ok: true, report: gpuMachine, exitCode: 0 }, runtime, at).split('\n').filter((l) => l.startsWith('| ')).map((l) => l.split(' | ')[0]!.slice(2));
    expect(labels).toContain('NVIDIA');
    expect(labels.filter((l) => /^(GPU build|torch engine|backend|package|item|runtime)$/.test(l))).toEqual([]);
  });

  test('English is unchanged once the Chinese translator is gone', () => {
    useTranslator(fromBundle(bundle));
    useTranslator(fromBundle(undefined));
    expect(doctorMarkdown({ ok: true, report: native, exitCode: 0 }, runtime, at)).toContain('| item | value |');
  });
});

function readDoctorOutputFailure() {
  return readDoctorOutput({ code: 134, stdout: '', stderrTail: ['Aborted (core dumped)'] });
}
