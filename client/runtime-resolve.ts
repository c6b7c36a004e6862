// Which `nn` command trains, exports and runs models, in this order:
//   1. the setting `nn.runtime.path` (a bin/nn.js, a dist/nn.mjs, or the folder of an nn-lang install);
//   2. the workspace's own node_modules/nn-lang (a project that installed this package),
//      or the workspace folder itself when it is nn-lang;
//   3. the runtime the extension set up in its global storage (NN: Set Up Training Backend).
// Pure: the file system is a parameter, so this is tested without VS Code.

import { join } from 'node:path';
import { l10n } from './l10n.js';

export type RuntimeSource = 'setting' | 'workspace' | 'global';

export interface NnRuntime {
  source: RuntimeSource;
  /** the script Node runs: `node <script> train ...` */
  script: string;
  /** the folder whose node_modules hold @tensorflow/tfjs-node */
  root: string;
}

export interface RuntimeFs {
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** the JSON of a file, or undefined */
  readJson(path: string): unknown;
}

export type Resolution =
  | { ok: true; runtime: NnRuntime }
  /** `setting`: the setting points at nothing usable (an error the user must fix, naming the setting) */
  | { ok: false; reason: 'setting'; message: string }
  | { ok: false; reason: 'none'; message: string };

export interface ResolveInput {
  settingPath: string;
  workspaceFolders: string[];
  /** the extension's global storage folder: its runtime lives in `<globalStorage>/runtime` */
  globalStorage: string;
}

export const GLOBAL_RUNTIME_FOLDER = 'runtime';

export function resolveRuntime(input: ResolveInput, fs: RuntimeFs): Resolution {
  if (input.settingPath !== '') {
    const found = fromPath(input.settingPath, fs);
    if (found) return { ok: true, runtime: { source: 'setting', ...found } };
    return {
      ok: false,
      reason: 'setting',
      message: l10n.t("The setting nn.runtime.path points at '{0}', which is not an nn command (expected bin/nn.js, dist/nn.mjs, or the folder of an nn-lang install).", input.settingPath),
    };
  }
  for (const folder of input.workspaceFolders) {
    const installed = fromPackage(join(folder, 'node_modules', 'nn-lang'), fs);
    if (installed) return { ok: true, runtime: { source: 'workspace', ...installed } };
    const self = fromPackage(folder, fs);
    if (self) return { ok: true, runtime: { source: 'workspace', ...self } };
  }
  const global = join(input.globalStorage, GLOBAL_RUNTIME_FOLDER);
  if (isGlobalRuntime(global, fs)) return { ok: true, runtime: { source: 'global', script: join(global, 'nn.mjs'), root: global } };
  return {
    ok: false,
    reason: 'none',
    message: l10n.t('Training needs the native TensorFlow backend, which is not set up yet (about 850 MB, once). Run NN: Set Up Training Backend, or install nn-lang in this workspace (npm install nn-lang).'),
  };
}

/** A runtime set up by the extension: the CLI bundle beside node_modules with tfjs-node, and the set-up's marker. */
export function isGlobalRuntime(folder: string, fs: RuntimeFs): boolean {
  return fs.isFile(join(folder, 'nn.mjs')) && fs.isFile(join(folder, 'ready.json')) && fs.isDirectory(join(folder, 'node_modules', '@tensorflow', 'tfjs-node'));
}

function fromPath(path: string, fs: RuntimeFs): Omit<NnRuntime, 'source'> | undefined {
  if (fs.isDirectory(path)) return fromPackage(path, fs) ?? (isGlobalRuntime(path, fs) ? { script: join(path, 'nn.mjs'), root: path } : undefined);
  if (fs.isFile(path) && /\.(m?js|cjs)$/.test(path)) {
    // bin/nn.js or dist/nn.mjs of a package: its root is one folder up
    return { script: path, root: join(path, '..', '..') };
  }
  return undefined;
}

/** The folder of an installed nn-lang package (its package.json names it and its bin/nn.js is there). */
function fromPackage(folder: string, fs: RuntimeFs): Omit<NnRuntime, 'source'> | undefined {
  const pkg = fs.readJson(join(folder, 'package.json')) as { name?: unknown } | undefined;
  const script = join(folder, 'bin', 'nn.js');
  if (pkg?.name !== 'nn-lang' || !fs.isFile(script)) return undefined;
  return { script, root: folder };
}
