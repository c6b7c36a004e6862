// `nn doctor [--json] [--device cpu|gpu|auto]`: which TensorFlow backend
// training would use, and why: versions, the library and binding in use,
// the GPU, and how the native backend was installed. Exit 0 when the native
// backend works, 1 when only pure JavaScript (or not the device asked for).

import { existsSync } from 'node:fs';
import { BackendError, loadTensorflow, type Device, type LoadedTensorflow } from '../runtime/backend.js';
import { parseArgs } from './args.js';
import { EXIT, type Io, printHelp } from './io.js';

export const DOCTOR_USAGE = 'usage: nn doctor [--json] [--device cpu|gpu|auto]';

export const DOCTOR_HELP = `${DOCTOR_USAGE}

Says which TensorFlow backend training uses (native or pure JavaScript, CPU or
GPU), where it was loaded from, and why; exit status 1 when training cannot run.
  --device cpu|gpu|auto   check for this device (default auto)
  --json                  the report as JSON
`;

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
}

export async function doctorCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['device'] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, DOCTOR_HELP);
  if (args.positional.length > 0) return usage(io, `unexpected argument '${args.positional[0]}'`);
  const device = args.options.get('device')?.[0] ?? 'auto';
  if (device !== 'cpu' && device !== 'gpu' && device !== 'auto') return usage(io, `--device takes cpu, gpu or auto, not '${device}'`);
  const report = await diagnose(device, io);
  io.stdout.write(args.flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : doctorText(report));
  return report.ok ? EXIT.ok : EXIT.problems;
}

async function diagnose(device: Device, io: Io): Promise<DoctorReport> {
  const node = { node: process.version, napi: process.versions.napi ?? '?', abi: process.versions.modules };
  const nvidiaDriver = existsSync('/proc/driver/nvidia/version');
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
  const gpuReason = loaded.reasons.find((r) => r.includes('tfjs-node-gpu') || r.includes('GPU')) ?? 'not asked for (--device cpu)';
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
  };
}

export function doctorText(r: DoctorReport): string {
  const v = r.versions;
  const rows: [string, string][] = [
    ['backend', r.backend === null ? 'none' : r.native ? `tensorflow (native), on the ${r.device?.toUpperCase()}` : 'cpu (pure JavaScript: about 100x slower)'],
    ['tfjs', v.tfjs === null ? 'not loaded' : `${v.tfjs}${v.tfjsNode ? ` (${r.package} ${v.tfjsNode})` : ''}`],
    ['TensorFlow', v.tensorflow ? `${v.tensorflow}${r.library ? ` at ${r.library}` : ''}` : 'not in use'],
    ['binding', r.binding ?? 'none'],
    ['Node', `${v.node} (ABI ${v.abi}, N-API ${v.napi})`],
    ['GPU', `${r.gpu.available ? 'yes' : 'no'}: ${r.gpu.reason}${r.gpu.nvidiaDriver && !r.gpu.available ? ' (an NVIDIA driver is present)' : ''}`],
    ['installed', r.install ? `${installedBy(r.install)}, ${r.install.installedAt}` : 'no record from nn\'s installer'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    ...rows.map(([k, value]) => `${k.padEnd(width)}  ${value}`),
    'why:',
    ...r.reasons.map((reason) => `  - ${reason}`),
    r.ok ? 'ok: training runs on the native TensorFlow backend' : 'not ok: run `npm run native` in the nn folder, then `nn doctor` again',
    '',
  ].join('\n');
}

function installedBy(record: NonNullable<DoctorReport['install']>): string {
  const how = record.route === 'wheel' ? `built from the ${record.library}` : record.route === 'official' ? "tfjs-node's own download" : 'found in place';
  return record.restoredFromCache ? `${how}, copied from the cache` : how;
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn doctor: ${message}\n${DOCTOR_USAGE}\n`);
  return EXIT.usage;
}
