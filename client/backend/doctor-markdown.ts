// NN: Doctor's document: `nn doctor --json` as Markdown for the preview:
// what training runs on, the versions, the library and binding in use, the
// GPU, the NVIDIA driver and the GPU build, how the backend was installed,
// the torch engine (Python, PyTorch, CUDA: the rows `nn doctor` prints,
// cli/doctor-rows.ts), the reasons; or why the doctor failed, with the tail
// of its stderr. Pure.

import { nvidiaRows, pythonRows, type RowStyle } from '../../cli/doctor-rows.js';
import type { NnRuntime } from '../runtime-resolve.js';
import { backendKind, backendWords, type DoctorAnswer, type DoctorReport } from './doctor-answer.js';

const SOURCE_WORDS: Record<NnRuntime['source'], string> = {
  setting: 'the setting `nn.runtime.path`',
  workspace: "the workspace's `nn-lang`",
  global: 'set up by **NN: Set Up Training Backend**',
};

export function doctorMarkdown(answer: DoctorAnswer, runtime: NnRuntime, askedAt: Date): string {
  const head = ['# nn doctor', '', `What training would run on, asked at ${askedAt.toLocaleString()}.`, ''];
  const where = ['## Runtime', '', table([
    ['runtime', SOURCE_WORDS[runtime.source]],
    ['command', code(runtime.script)],
    ['folder', code(runtime.root)],
  ]), ''];
  if (!answer.ok) {
    return [
      ...head,
      `> **The doctor failed: ${escape(answer.message)}.**`,
      '',
      ...where,
      '## stderr (last lines)',
      '',
      '```text',
      ...(answer.stderrTail.length > 0 ? answer.stderrTail : ['(nothing)']),
      '```',
      '',
      fixHint(runtime),
      '',
    ].join('\n');
  }
  const r = answer.report;
  const kind = backendKind(r);
  const verdict = kind === 'native-cpu' || kind === 'gpu'
    ? `**Training runs on ${backendWords(r)}.**`
    : kind === 'pure-js'
      ? `**Warning: training would run on ${backendWords(r)}.**`
      : '**Training would not start:**';
  return [
    ...head,
    `> ${verdict}${r.ok ? '' : ` ${r.error ? escape(r.error) : 'Not what was asked for.'}`}`,
    '',
    '## Backend',
    '',
    table(backendRows(r)),
    '',
    '## Installation',
    '',
    r.install ? table(installRows(r.install)) : 'No record from nn\'s native installer (the backend was installed some other way, or not at all).',
    '',
    '## PyTorch (`nn train --engine torch`)',
    '',
    r.python ? table(pythonRows(r.python, MARKDOWN)) : "Not reported: this runtime's `nn doctor` does not look for PyTorch.",
    '',
    ...where,
    '## Why',
    '',
    ...(r.reasons.length > 0 ? r.reasons.map((reason) => `- ${escape(reason)}`) : ['- (no reasons given)']),
    '',
    ...(r.ok ? [] : [r.error?.startsWith('a GPU was asked for') ? 'The setting `nn.train.device` asks for a GPU: set it to `auto` or `cpu` to train on the CPU.' : fixHint(runtime), '']),
  ].join('\n');
}

function backendRows(r: DoctorReport): [string, string][] {
  const v = r.versions;
  return [
    ['backend', r.backend === null ? 'none' : r.native ? `tensorflow (native), on the ${(r.device ?? 'cpu').toUpperCase()}` : 'cpu (pure JavaScript)'],
    ['package', r.package ? code(r.package) : 'none'],
    ['tfjs', v.tfjs ?? 'not loaded'],
    ['tfjs-node', v.tfjsNode ?? '-'],
    ['TensorFlow', v.tensorflow ?? 'not in use'],
    ['library', r.library ? code(r.library) : '-'],
    ['binding', r.binding ? code(r.binding) : '-'],
    ['Node', `${v.node} (ABI ${v.abi}, N-API ${v.napi})`],
    ['GPU', `${r.gpu.available ? 'yes' : 'no'}: ${escape(r.gpu.reason)}${r.gpu.nvidiaDriver && !r.gpu.available ? ' (an NVIDIA driver is present)' : ''}`],
    ...(r.nvidia ? nvidiaRows(r.nvidia, MARKDOWN) : []),
  ];
}

function installRows(install: NonNullable<DoctorReport['install']>): [string, string][] {
  const how = install.route === 'wheel' ? `built from the ${install.library}` : install.route === 'official' ? "tfjs-node's own download" : 'found in place';
  return [
    ['how', `${escape(how)}${install.restoredFromCache ? ', copied from the cache' : ''}`],
    ['when', install.installedAt],
    ['for', `Node ${install.node}, N-API ${install.napi}, ${install.platform}`],
  ];
}

function fixHint(runtime: NnRuntime): string {
  return runtime.source === 'global'
    ? 'To repair it, run **NN: Set Up Training Backend** again and choose Reinstall; its log is in the output channel **nn** (NN: Show Logs).'
    : runtime.source === 'workspace'
      ? 'To repair it, run `npm run native` (or `npm install`) in the folder of the workspace\'s nn-lang.'
      : 'Check the setting `nn.runtime.path`, or clear it to use the runtime of **NN: Set Up Training Backend**.';
}

/** The shared rows written for the preview: paths and commands as code spans, other words escaped. */
const MARKDOWN: RowStyle = { code: (t) => code(t), text: (t) => escape(t) };

function table(rows: [string, string][]): string {
  return ['| item | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`)].join('\n');
}

function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

/** Markdown's active characters in free text from the CLI; a `code span` in it stays as written (Markdown shows it literally). */
function escape(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : part.replace(/([\\*_[\]<>#])/g, '\\$1')))
    .join('');
}
