// `nn doctor --json`, asked and read: its command line (with the torch
// engine's side or without it), the report when the CLI answered (exit 0:
// the native backend works; exit 1: only pure JavaScript, or not the device
// asked for), or a failure with the tail of its stderr. Pure.

import type { DoctorReport } from '../../cli/doctor-command.js';
import { l10n } from '../l10n.js';

export type { DoctorReport };

export type DoctorAnswer =
  | { ok: true; report: DoctorReport; exitCode: number }
  | { ok: false; message: string; stderrTail: string[] };

export interface DoctorQuestion {
  /** also the torch engine's Python, PyTorch and CUDA (seconds slower: importing torch) */
  torch: boolean;
}

export const NO_TORCH = '--no-torch';
export const LANG = '--lang';

/**
 * The command line: the device the settings train on, `--no-torch` unless
 * the torch side is wanted, and the CLI's language arguments (cli-language.ts),
 * so the reasons and errors in the report are in the editor's language.
 */
export function doctorArgs(device: string, question: DoctorQuestion, language: readonly string[] = []): string[] {
  return ['doctor', '--json', '--device', device, ...(question.torch ? [] : [NO_TORCH]), ...language];
}

/**
 * The option a runtime older than it refused (`--no-torch`, `--lang`), named
 * by its usage error; it is then asked without it. Such a runtime predates
 * the CLI's Chinese, so its usage error is in English.
 */
export function refusedOption(answer: DoctorAnswer): string | undefined {
  if (answer.ok) return undefined;
  return [NO_TORCH, LANG].find((option) => answer.stderrTail.some((line) => line.includes(`unknown option ${option}`)));
}

/** The command line without `option` (and without the value `--lang` takes). */
export function withoutOption(args: readonly string[], option: string): string[] {
  const at = args.indexOf(option);
  if (at < 0) return [...args];
  return [...args.slice(0, at), ...args.slice(at + (option === LANG ? 2 : 1))];
}

export function readDoctorOutput(output: { code: number | null; stdout: string; stderrTail: string[]; startError?: string }): DoctorAnswer {
  if (output.startError !== undefined) return { ok: false, message: l10n.t('nn doctor did not start: {0}', output.startError), stderrTail: [] };
  const report = parseReport(output.stdout);
  if (report && (output.code === 0 || output.code === 1)) return { ok: true, report, exitCode: output.code };
  return { ok: false, message: failureWords(output.code, report !== undefined), stderrTail: output.stderrTail };
}

/** Why there is no answer, as whole sentences (a translation cannot be put together from pieces). */
function failureWords(code: number | null, withReport: boolean): string {
  if (code === null) return withReport ? l10n.t('nn doctor was ended by a signal') : l10n.t('nn doctor was ended by a signal without a report');
  return withReport ? l10n.t('nn doctor exited with status {0}', code) : l10n.t('nn doctor exited with status {0} without a report', code);
}

/** The JSON object on stdout (TensorFlow may print lines of its own before it). */
function parseReport(stdout: string): DoctorReport | undefined {
  const start = stdout.indexOf('{\n');
  const text = start >= 0 ? stdout.slice(start) : stdout.trim();
  try {
    const value = JSON.parse(text) as Partial<DoctorReport>;
    if (typeof value !== 'object' || value === null || typeof value.ok !== 'boolean' || !Array.isArray(value.reasons)) return undefined;
    return value as DoctorReport;
  } catch {
    return undefined;
  }
}

/** What training runs on, in a few words: `native CPU`, `GPU`, `pure JS`, or `none`. */
export type BackendKind = 'native-cpu' | 'gpu' | 'pure-js' | 'none';

export function backendKind(report: DoctorReport): BackendKind {
  if (report.backend === null) return 'none';
  if (!report.native) return 'pure-js';
  return report.device === 'gpu' ? 'gpu' : 'native-cpu';
}

export function backendWords(report: DoctorReport): string {
  switch (backendKind(report)) {
    case 'gpu':
      return l10n.t('the native TensorFlow backend on the GPU');
    case 'native-cpu':
      return l10n.t('the native TensorFlow backend on the CPU');
    case 'pure-js':
      return l10n.t('pure JavaScript (about 100 times slower than the native backend)');
    case 'none':
      return l10n.t('no TensorFlow backend');
  }
}
