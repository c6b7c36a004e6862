// `nn doctor [--json] [--device cpu|gpu|auto]`: which TensorFlow backend
// training would use, and why: versions, the library and binding in use,
// the GPU, and how the native backend was installed. Exit 0 when the native
// backend works, 1 when only pure JavaScript (or not the device asked for).
// Also the torch engine's side (`nn train --engine torch`): the Python it
// would run, its PyTorch, and the CUDA GPUs PyTorch sees. For the native
// backend's GPU build (NN_NATIVE_GPU=1 npm run native): the NVIDIA driver and
// GPUs found, the CUDA and cuDNN it was built with, and why it does or does
// not use the GPU (runtime/gpu-verdict.ts). `--no-torch` leaves the Python
// out: importing torch takes seconds, and the editor's status bar asks often.

import { msg } from '../core/i18n/message.js';
import { existsSync } from 'node:fs';
import { BackendError, loadTensorflow, type Device, type LoadedTensorflow } from '../runtime/backend.js';
import { gpuVerdict, readNvidiaDriver } from '../runtime/gpu-verdict.js';
import { probePython, type PythonReport } from '../runtime/python/find-python.js';
import { parseArgs } from './args.js';
import { type NvidiaFacts, nvidiaRows, pythonRows } from './doctor-rows.js';
import { EXIT, type Io, printHelp } from './io.js';
import { displayWidth, padEnd } from './text-width.js';

export const DOCTOR_USAGE = 'usage: nn doctor [--json] [--device cpu|gpu|auto] [--no-torch]';

/** The command's help, in the language chosen; the usage line and option names stay as typed. */
export function doctorHelp(): string {
  return `${DOCTOR_USAGE}

${msg`Says which TensorFlow backend training uses (native or pure JavaScript, CPU or
GPU), where it was loaded from, and why; exit status 1 when training cannot run.
Then the torch engine (nn train --engine torch): the Python it runs (NN_PYTHON,
else python3), its PyTorch and CUDA build, and the GPUs PyTorch sees.`}
  --device cpu|gpu|auto   ${msg`check for this device (default auto)`}
  --json                  ${msg`the report as JSON`}
  --no-torch              ${msg`leave the torch engine's Python out (importing torch takes seconds)`}
`;
}

export interface DoctorReport {
  ok: boolean;
  backend: 'tensorflow' | 'cpu' | null;
  native: boolean;
  device: 'cpu' | 'gpu' | null;
  gpu: { available: boolean; reason: string; nvidiaDriver: boolean };
  package: string | null;
  versions: { tfjs: string | null; tfjsNode: string | null; tensorflow: string | null; node: string; napi: string; abi: string };
  library: string | null;
  binding: string | null;
  install: LoadedTensorflow['install'] | null;
  reasons: string[];
  error?: string;
  /** the NVIDIA driver and GPUs on this machine, and the native backend's GPU build (null: built for the CPU) */
  nvidia?: NvidiaFacts;
  /** the torch engine's Python (written by this version unless --no-torch): found or not, its packages, CUDA, the GPUs; `problem` when it cannot train */
  python?: PythonReport;
}

/** How long doctor waits for Python's answer (importing torch takes seconds). */
const PYTHON_TIMEOUT_MS = 30_000;

export async function doctorCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'no-torch'], options: ['device'] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, doctorHelp());
  if (args.positional.length > 0) return usage(io, msg`unexpected argument '${args.positional[0]}'`);
  const device = args.options.get('device')?.[0] ?? 'auto';
  if (device !== 'cpu' && device !== 'gpu' && device !== 'auto') return usage(io, msg`--device takes cpu, gpu or auto, not '${device}'`);
  const diagnosed = await diagnose(device, io);
  const report: DoctorReport = args.flags.has('no-torch') ? diagnosed : { ...diagnosed, python: probePython(undefined, PYTHON_TIMEOUT_MS) };
  io.stdout.write(args.flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : doctorText(report));
  return report.ok ? EXIT.ok : EXIT.problems;
}

async function diagnose(device: Device, io: Io): Promise<DoctorReport> {
  const node = { node: process.version, napi: process.versions.napi ?? '?', abi: process.versions.modules };
  const driver = readNvidiaDriver();
  const nvidiaDriver = driver !== undefined || existsSync('/proc/driver/nvidia/version');
  let loaded: LoadedTensorflow;
  try {
    loaded = await loadTensorflow({ device, stderr: io.stderr });
  } catch (e) {
    if (!(e instanceof BackendError)) throw e;
    return {
      ok: false, backend: null, native: false, device: null,
      gpu: { available: false, reason: e.message, nvidiaDriver },
      package: null, versions: { tfjs: null, tfjsNode: null, tensorflow: null, ...node },
      library: null, binding: null, install: null, reasons: [e.message], error: e.message,
    };
  }
  const build = loaded.install?.gpu;
  const verdict = gpuVerdict({ build, usingGpu: loaded.gpu, driver, libraryPath: process.env.LD_LIBRARY_PATH ?? '' });
  const gpuReason = loaded.package === '@tensorflow/tfjs-node'
    ? verdict.reason
    : (loaded.reasons.find((r) => r.includes('tfjs-node-gpu') || r.includes('GPU')) ?? msg`not asked for (--device cpu)`);
  return {
    ok: loaded.backend === 'tensorflow',
    backend: loaded.backend,
    native: loaded.backend === 'tensorflow',
    device: loaded.device,
    gpu: { available: loaded.gpu, reason: gpuReason, nvidiaDriver },
    package: loaded.package,
    versions: { tfjs: loaded.versions.tfjs, tfjsNode: loaded.versions.tfjsNode ?? null, tensorflow: loaded.versions.tensorflow ?? null, ...node },
    library: loaded.libraryPath ?? null,
    binding: loaded.bindingPath ?? null,
    install: loaded.install ?? null,
    reasons: [...(loaded.install?.reasons ?? []), ...loaded.reasons],
    nvidia: { driver: driver?.version ?? null, gpus: driver?.gpus ?? [], build: build ?? null, missingLibraryDirs: verdict.missingLibraryDirs },
  };
}

export function doctorText(r: DoctorReport): string {
  const v = r.versions;
  const rows: [string, string][] = [
    [msg`backend`, r.backend === null ? msg`none` : r.native ? msg`tensorflow (native), on the ${r.device?.toUpperCase()}` : msg`cpu (pure JavaScript: about 100x slower)`],
    ['tfjs', v.tfjs === null ? msg`not loaded` : `${v.tfjs}${v.tfjsNode ? ` (${r.package} ${v.tfjsNode})` : ''}`],
    ['TensorFlow', v.tensorflow ? (r.library ? msg`${v.tensorflow} at ${r.library}` : v.tensorflow) : msg`not in use`],
    [msg`binding`, r.binding ?? msg`none`],
    ['Node', `${v.node} (ABI ${v.abi}, N-API ${v.napi})`],
    ['GPU', `${r.gpu.available ? msg`yes: ${r.gpu.reason}` : msg`no: ${r.gpu.reason}`}${r.gpu.nvidiaDriver && !r.gpu.available ? msg` (an NVIDIA driver is present)` : ''}`],
    ...(r.nvidia ? nvidiaRows(r.nvidia) : []),
    [msg`installed`, r.install ? msg`${installedBy(r.install)}, ${r.install.installedAt}` : msg`no record from nn's installer`],
  ];
  if (r.python) rows.push(...pythonRows(r.python));
  const width = Math.max(...rows.map(([k]) => displayWidth(k)));
  return [
    ...rows.map(([k, value]) => `${padEnd(k, width)}  ${value}`),
    msg`why:`,
    ...r.reasons.map((reason) => `  - ${reason}`),
    r.ok ? msg`ok: training runs on the native TensorFlow backend` : msg`not ok: run \`npm run native\` in the nn folder, then \`nn doctor\` again`,
    '',
  ].join('\n');
}

function installedBy(record: NonNullable<DoctorReport['install']>): string {
  const how = record.route === 'wheel' ? msg`built from the ${record.library}` : record.route === 'official' ? msg`tfjs-node's own download` : msg`found in place`;
  return record.restoredFromCache ? msg`${how}, copied from the cache` : how;
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn doctor: ${message}\n${DOCTOR_USAGE}\n`);
  return EXIT.usage;
}
