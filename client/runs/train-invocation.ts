// The command line of a run (`nn train FILE --model M --json [--engine torch] ...`), and
// where a run's folder goes (the setting nn.train.outDir, relative to the
// workspace folder, holds one folder per train block, like `runs/`).
// Pure: tested without VS Code.

import { dirname, join, resolve } from 'node:path';

export type TrainDevice = 'auto' | 'cpu' | 'gpu';
/** what trains: TensorFlow.js's native backend, or the model exported to PyTorch (`nn train --engine torch`) */
export type TrainEngine = 'tfjs' | 'torch';

export interface TrainInvocation {
  /** the `nn` CLI script (the runtime's bin/nn.js or nn.mjs) */
  script: string;
  /** the .nn file (absolute) */
  file: string;
  /** the train block's target */
  model: string;
  device: TrainDevice;
  /** default tfjs: the argument is left out, so a runtime older than the engine option still runs */
  engine?: TrainEngine;
  /** the run's folder (`--out`); default: runs/<model> next to the file */
  outDir?: string;
  resume?: boolean;
  /** the CLI's language arguments (`--lang zh`; client/cli-language.ts), so that its messages are in the editor's language */
  language?: readonly string[];
}

/** The arguments after the Node executable. */
export function trainArgs(run: TrainInvocation): string[] {
  return [
    run.script,
    'train',
    run.file,
    '--model',
    run.model,
    '--json',
    '--device',
    run.device,
    ...(run.engine === 'torch' ? ['--engine', 'torch'] : []),
    ...(run.outDir !== undefined ? ['--out', run.outDir] : []),
    ...(run.resume ? ['--resume'] : []),
    ...(run.language ?? []),
  ];
}

/** `--out` for the setting nn.train.outDir ('' = unset): `<workspace folder>/<setting>/<model>`. */
export function outDirFor(setting: string, workspaceFolder: string | undefined, file: string, model: string): string | undefined {
  if (setting === '') return undefined;
  return join(resolve(workspaceFolder ?? dirname(file), setting), model);
}

/** The folder a run of `model` writes to. */
export function runDirOf(file: string, model: string, outDir: string | undefined): string {
  return outDir ?? join(dirname(file), 'runs', model);
}
