// NN: Doctor's document: `nn doctor --json` as Markdown for the preview:
// what training runs on, the versions, the library and binding in use, the
// GPU, the NVIDIA driver and the GPU build, how the backend was installed,
// the torch engine (Python, PyTorch, CUDA: the rows `nn doctor` prints,
// cli/doctor-rows.ts), the reasons; or why the doctor failed, with the tail
// of its stderr. Pure.

import { nvidiaRows, pythonRows, type RowStyle } from '../../cli/doctor-rows.js';
import { l10n } from '../l10n.js';
import type { NnRuntime } from '../runtime-resolve.js';
import { backendKind, backendWords, type DoctorAnswer, type DoctorReport } from './doctor-answer.js';

function sourceWords(source: NnRuntime['source']): string {
  switch (source) {
    case 'setting':
      return l10n.t('the setting `nn.runtime.path`');
    case 'workspace':
      return l10n.t("the workspace's `nn-lang`");
    case 'global':
      return l10n.t('set up by **NN: Set Up Training Backend**');
  }
}

/** `device`: the one the doctor was asked for (`--device`), which tells why a report has no backend. */
export function doctorMarkdown(answer: DoctorAnswer, runtime: NnRuntime, askedAt: Date, device = 'auto'): string {
  const head = ['# nn doctor', '', l10n.t('What training would run on, asked at {0}.', askedAt.toLocaleString()), ''];
  const where = [`## ${l10n.t('Runtime')}`, '', table([
    [l10n.t('runtime'), sourceWords(runtime.source)],
    [l10n.t('command'), code(runtime.script)],
    [l10n.t('folder'), code(runtime.root)],
  ]), ''];
  if (!answer.ok) {
    return [
      ...head,
      `> **${l10n.t('The doctor failed: {0}.', escape(answer.message))}**`,
      '',
      ...where,
      `## ${l10n.t('stderr (last lines)')}`,
      '',
      '```text',
      ...(answer.stderrTail.length > 0 ? answer.stderrTail : [l10n.t('(nothing)')]),
      '```',
      '',
      fixHint(runtime),
      '',
    ].join('\n');
  }
  const r = answer.report;
  const kind = backendKind(r);
  const verdict = kind === 'native-cpu' || kind === 'gpu'
    ? `**${l10n.t('Training runs on {0}.', backendWords(r))}**`
    : kind === 'pure-js'
      ? `**${l10n.t('Warning: training would run on {0}.', backendWords(r))}**`
      : `**${l10n.t('Training would not start:')}**`;
  return [
    ...head,
    `> ${verdict}${r.ok ? '' : ` ${r.error ? escape(r.error) : l10n.t('Not what was asked for.')}`}`,
    '',
    `## ${l10n.t('Backend')}`,
    '',
    table(backendRows(r)),
    '',
    `## ${l10n.t('Installation')}`,
    '',
    r.install ? table(installRows(r.install)) : l10n.t("No record from nn's native installer (the backend was installed some other way, or not at all)."),
    '',
    '## PyTorch (`nn train --engine torch`)',
    '',
    r.python ? table(pythonRows(r.python, MARKDOWN)) : l10n.t("Not reported: this runtime's `nn doctor` does not look for PyTorch."),
    '',
    ...where,
    `## ${l10n.t('Why')}`,
    '',
    ...(r.reasons.length > 0 ? r.reasons.map((reason) => `- ${escape(reason)}`) : [`- ${l10n.t('(no reasons given)')}`]),
    '',
    ...(r.ok ? [] : [gpuDemanded(r, device) ? l10n.t('The setting `nn.train.device` asks for a GPU: set it to `auto` or `cpu` to train on the CPU.') : fixHint(runtime), '']),
  ].join('\n');
}

/**
 * Whether the report has no backend because a GPU was demanded and none is in
 * use. Read from what was asked and the report's structure, not its words
 * (they are in the CLI's language): with `--device gpu`, `nn doctor` reports
 * no backend (`backend: null`, with an `error`) exactly when no GPU loads.
 */
export function gpuDemanded(report: DoctorReport, device: string): boolean {
  return device === 'gpu' && report.backend === null && report.error !== undefined;
}

function backendRows(r: DoctorReport): [string, string][] {
  const v = r.versions;
  const backend = r.backend === null
    ? l10n.t('none')
    : r.native
      ? l10n.t('tensorflow (native), on the {0}', (r.device ?? 'cpu').toUpperCase())
      : l10n.t('cpu (pure JavaScript)');
  const gpu = r.gpu.nvidiaDriver && !r.gpu.available
    ? l10n.t('{0}: {1} (an NVIDIA driver is present)', yesNo(r.gpu.available), escape(r.gpu.reason))
    : l10n.t('{0}: {1}', yesNo(r.gpu.available), escape(r.gpu.reason));
  return [
    [l10n.t('backend'), backend],
    [l10n.t('package'), r.package ? code(r.package) : l10n.t('none')],
    ['tfjs', v.tfjs ?? l10n.t('not loaded')],
    ['tfjs-node', v.tfjsNode ?? '-'],
    ['TensorFlow', v.tensorflow ?? l10n.t('not in use')],
    [l10n.t('library'), r.library ? code(r.library) : '-'],
    [l10n.t('binding'), r.binding ? code(r.binding) : '-'],
    ['Node', l10n.t('{0} (ABI {1}, N-API {2})', v.node, v.abi, v.napi)],
    ['GPU', gpu],
    ...(r.nvidia ? nvidiaRows(r.nvidia, MARKDOWN) : []),
  ];
}

function yesNo(value: boolean): string {
  return value ? l10n.t('yes') : l10n.t('no');
}

function installRows(install: NonNullable<DoctorReport['install']>): [string, string][] {
  const how = install.route === 'wheel'
    ? l10n.t('built from the {0}', install.library)
    : install.route === 'official'
      ? l10n.t("tfjs-node's own download")
      : l10n.t('found in place');
  return [
    [l10n.t('how'), install.restoredFromCache ? l10n.t('{0}, copied from the cache', escape(how)) : escape(how)],
    [l10n.t('when'), install.installedAt],
    [l10n.t('for'), l10n.t('Node {0}, N-API {1}, {2}', install.node, install.napi, install.platform)],
  ];
}

function fixHint(runtime: NnRuntime): string {
  return runtime.source === 'global'
    ? l10n.t('To repair it, run **NN: Set Up Training Backend** again and choose Reinstall; its log is in the output channel **nn** (NN: Show Logs).')
    : runtime.source === 'workspace'
      ? l10n.t("To repair it, run `npm run native` (or `npm install`) in the folder of the workspace's nn-lang.")
      : l10n.t('Check the setting `nn.runtime.path`, or clear it to use the runtime of **NN: Set Up Training Backend**.');
}

/** The shared rows written for the preview: paths and commands as code spans, other words escaped. */
const MARKDOWN: RowStyle = { code: (t) => code(t), text: (t) => escape(t) };

function table(rows: [string, string][]): string {
  return [`| ${l10n.t('item')} | ${l10n.t('value')} |`, '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`)].join('\n');
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
