// `nn doctor --json`, asked and read: its command line (with the torch
// engine's side or without it), the report when the CLI answered (exit 0:
// the native backend works; exit 1: only pure JavaScript, or not the device
// asked for), or a failure with the tail of its stderr. Pure.

import type { DoctorReport } from '../../cli/doctor-command.js';

export type { DoctorReport };

export type DoctorAnswer =
  | { ok: true; report: DoctorReport; exitCode: number }
  | { ok: false; message: string; stderrTail: string[] };

export interface DoctorQuestion {
  /** also the torch engine's Python, PyTorch and CUDA (seconds slower: importing torch) */
  torch: boolean;
}

export const NO_TORCH = '--no-torch';

/** The command line: the device the settings train on, and `--no-torch` unless the torch side is wanted. */
export function doctorArgs(device: string, question: DoctorQuestion): string[] {
  return ['doctor', '--json', '--device', device, ...(question.torch ? [] : [NO_TORCH])];
}

/** A runtime from before `--no-torch`: its usage error names the option (it is then asked without it). */
export function refusedNoTorch(answer: DoctorAnswer): boolean {
  return !answer.ok && answer.stderrTail.some((line) => line.includes(`unknown option ${NO_TORCH}`));
}

export function readDoctorOutput(output: { code: number | null; stdout: string; stderrTail: string[]; startError?: string }): DoctorAnswer {
  if (output.startError !== undefined) return { ok: false, message: `nn doctor did not start: ${output.startError}`, stderrTail: [] };
  const report = parseReport(output.stdout);
  if (report && (output.code === 0 || output.code === 1)) return { ok: true, report, exitCode: output.code };
  const how = output.code === null ? 'was ended by a signal' : `exited with status ${output.code}`;
  return { ok: false, message: `nn doctor ${how}${report ? '' : ' without a report'}`, stderrTail: output.stderrTail };
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
      return 'the native TensorFlow backend on the GPU';
    case 'native-cpu':
      return 'the native TensorFlow backend on the CPU';
    case 'pure-js':
      return 'pure JavaScript (about 100 times slower than the native backend)';
    case 'none':
      return 'no TensorFlow backend';
  }
}
