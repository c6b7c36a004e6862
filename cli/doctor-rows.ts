// The rows `nn doctor` prints for the GPU side and the torch engine: the
// NVIDIA driver and the native backend's GPU build; the Python, its
// PyTorch, CUDA and whether `nn train --engine torch` can run. One source
// for the terminal's text (doctor-command.ts) and the editor's NN: Doctor
// document (client/backend/doctor-markdown.ts), which differ only in how
// a path or a command and free text are written: a `RowStyle`. Pure.

import { msg } from '../core/i18n/message.js';
import type { PythonReport } from '../runtime/python/find-python.js';
import { libraryPathExport, type GpuBuild } from '../runtime/gpu-verdict.js';

export type Row = [label: string, value: string];

/** How a value's parts are written: `code` for a path or a command, `text` for words from elsewhere (a reason, a GPU's name). */
export interface RowStyle {
  code(text: string): string;
  text(text: string): string;
}

/** The terminal: everything as it is. */
export const PLAIN: RowStyle = { code: (t) => t, text: (t) => t };

/** The NVIDIA driver and GPUs on the machine, and the native backend's GPU build (null: built for the CPU). */
export interface NvidiaFacts {
  driver: string | null;
  gpus: string[];
  build: GpuBuild | null;
  missingLibraryDirs: string[];
}

/** The NVIDIA driver and the native backend's GPU build. */
export function nvidiaRows(n: NvidiaFacts, s: RowStyle = PLAIN): Row[] {
  const b = n.build;
  return [
    ['NVIDIA', n.driver === null ? msg`no driver loaded` : `${msg`driver ${n.driver}`}${n.gpus.length > 0 ? `: ${s.text(n.gpus.join(', '))}` : ''}`],
    [msg`GPU build`, b === null ? msg`no (built for the CPU)` : `CUDA ${b.cuda ?? '?'}, cuDNN ${b.cudnn ?? '?'}${n.missingLibraryDirs.length > 0 ? msg`; not on ${s.code('LD_LIBRARY_PATH')}, run: ${s.code(libraryPathExport(n.missingLibraryDirs))}` : ''}`],
  ];
}

/** The torch engine's rows: Python, PyTorch, CUDA, and whether `--engine torch` can run. */
export function pythonRows(p: PythonReport, s: RowStyle = PLAIN): Row[] {
  const from = p.source === 'NN_PYTHON' ? s.code('NN_PYTHON') : p.source === 'environment' ? msg`nn's Python environment` : msg`${s.code(p.python)} on the PATH`;
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  const torch = p.packages.torch;
  return [
    ['Python', p.found ? msg`${p.version} at ${s.code(p.executable ?? p.python)} (${from})` : msg`none (${from})`],
    ['PyTorch', torch === null ? msg`not installed` : `${torch} (${p.cuda.build === null ? msg`CPU-only build` : msg`built for CUDA ${p.cuda.build}`})`],
    ['CUDA', p.cuda.available ? msg`yes: ${p.cuda.gpus.map((g) => `${s.text(g.name)} (${gib(g.memoryBytes)})`).join(', ')}` : torch === null ? msg`unknown (no PyTorch)` : msg`no GPU that PyTorch sees`],
    [msg`torch engine`, p.problem !== undefined ? s.text(p.problem) : msg`ready: ${s.code(`nn train --engine torch${p.cuda.available ? ' --device cuda' : ''}`)}`],
  ];
}
