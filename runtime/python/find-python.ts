// Which Python trains with PyTorch (`nn train --engine torch`, `nn doctor`),
// and what it has: `NN_PYTHON`, else the project's own environment when it
// is ready (scripts/python/cache.mjs: `npm run python:setup`), else
// `python3` on the PATH. The chosen Python is asked once, with a timeout
// (importing torch takes seconds; a Python that hangs must not hang nn),
// for its version, torch, numpy and safetensors, CUDA and the GPUs.

import { msg } from '../../core/i18n/message.js';
import { spawnSync } from 'node:child_process';
import { readyRecord, venvPython } from '../../scripts/python/cache.mjs';

/** What the engine needs in the Python it runs. */
export const TORCH_PACKAGES = ['torch', 'safetensors', 'numpy'] as const;

/** How to get them, for messages (`pip` or `<python> -m pip`): on a machine without an NVIDIA GPU the CPU-only build is the small one. */
export function installHint(pip = 'pip'): string {
  return msg`\`${pip} install torch safetensors numpy\` (without an NVIDIA GPU, the CPU-only build: \`${pip} install torch --index-url https://download.pytorch.org/whl/cpu\` first)`;
}

export interface PythonChoice {
  /** the command run */
  python: string;
  /** why this one: the variable, the project's environment, or the PATH */
  source: 'NN_PYTHON' | 'environment' | 'PATH';
}

export interface PythonReport extends PythonChoice {
  /** the interpreter answered */
  found: boolean;
  /** its own path and version (when found) */
  executable: string | null;
  version: string | null;
  /** each package's version, null when it cannot be imported */
  packages: Record<(typeof TORCH_PACKAGES)[number], string | null>;
  /** the CUDA version torch was built with (null: a CPU-only build), and whether it sees a GPU now */
  cuda: { build: string | null; available: boolean; gpus: { name: string; memoryBytes: number }[] };
  /** why the torch engine cannot run with it (absent: it can) */
  problem?: string;
}

/** The Python to use, from the environment variables and the project's environment. */
export function choosePython(env: NodeJS.ProcessEnv = process.env): PythonChoice {
  const named = env.NN_PYTHON?.trim();
  if (named) return { python: named, source: 'NN_PYTHON' };
  if (readyRecord()) return { python: venvPython(), source: 'environment' };
  return { python: process.platform === 'win32' ? 'python' : 'python3', source: 'PATH' };
}

/** Asked of the Python: one JSON line. Every failure to import is a null, never an exception. */
const PROBE = `
import json, platform, sys
out = {"executable": sys.executable, "version": platform.python_version(), "packages": {}, "cuda": {"build": None, "available": False, "gpus": []}}
for name in ${JSON.stringify(TORCH_PACKAGES)}:
    try:
        out["packages"][name] = str(getattr(__import__(name), "__version__", "?"))
    except Exception:
        out["packages"][name] = None
if out["packages"]["torch"] is not None:
    import torch
    out["cuda"]["build"] = torch.version.cuda
    try:
        if torch.cuda.is_available():
            out["cuda"]["available"] = True
            for i in range(torch.cuda.device_count()):
                p = torch.cuda.get_device_properties(i)
                out["cuda"]["gpus"].append({"name": p.name, "memoryBytes": int(p.total_memory)})
    except Exception:
        pass
print(json.dumps(out))
`;

/** Asks `choice.python` what it has; `timeoutMs` bounds the wait (a Python that hangs is reported as such). */
export function probePython(choice: PythonChoice = choosePython(), timeoutMs = 60_000): PythonReport {
  const none: PythonReport = {
    ...choice,
    found: false,
    executable: null,
    version: null,
    packages: { torch: null, safetensors: null, numpy: null },
    cuda: { build: null, available: false, gpus: [] },
  };
  const where = choice.source === 'NN_PYTHON' ? `NN_PYTHON=${choice.python}` : choice.python;
  const run = spawnSync(choice.python, ['-c', PROBE], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? msg`not found` : code === 'ETIMEDOUT' ? msg`gave no answer in ${Math.round(timeoutMs / 1000)} s` : run.error.message;
    return { ...none, problem: msg`no Python to train with: ${where} ${why}; the torch engine needs Python 3 with PyTorch: install it, then ${installHint()}, or set NN_PYTHON=/path/to/python` };
  }
  let answer: Pick<PythonReport, 'executable' | 'version' | 'packages' | 'cuda'>;
  try {
    answer = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    const said = run.stderr.trim().split('\n').at(-1) ?? msg`exit status ${run.status}`;
    return { ...none, problem: msg`${where} is not a Python the torch engine can use (${said}); it needs Python 3 with PyTorch: ${installHint()}` };
  }
  const report: PythonReport = { ...none, ...answer, found: true };
  const missing = TORCH_PACKAGES.filter((p) => report.packages[p] === null);
  if (missing.length > 0) {
    report.problem = msg`${where} (Python ${report.version}) has no ${missing.join(', ')}: the torch engine needs them; ${installHint(`${report.executable ?? choice.python} -m pip`)}`;
  }
  return report;
}
