// Carries out the set-up's steps (setup-plan.ts): writes, copies and child
// processes, each line of their output to `log`, the telling ones to
// `progress`. ready.json is removed first and written last, only after
// `nn doctor` says the native backend works: a cancelled or failed set-up
// leaves no runtime that looks ready. No `vscode` import.

import { copyFileSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runProcess, type ProcessResult } from '../child-process.js';
import { l10n } from '../l10n.js';
import { readDoctorOutput, type DoctorReport } from './doctor-answer.js';
import type { NpmCommand } from './npm-location.js';
import { MIN_NODE_MAJOR, nodeMajor, readyRecord, type SetupStep } from './setup-plan.js';
import { installerFailure, installerProgress, npmProgress } from './setup-progress.js';

export interface SetupDeps {
  /** the Node that runs the runtime (runtime.ts's nodeCommand()) */
  node: { command: string; env: NodeJS.ProcessEnv };
  npm: NpmCommand;
  extensionVersion: string;
  signal: AbortSignal;
  log(line: string): void;
  /** `increment`: percent of the whole set-up */
  progress(update: { message?: string; increment?: number }): void;
}

export class SetupCancelled extends Error {
  constructor() {
    super(l10n.t('The set-up of the training backend was cancelled.'));
  }
}

/** A set-up that failed: `message` for the notification, `details` (the telling lines) for the log and the error. */
export class SetupFailed extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export interface SetupDone {
  report: DoctorReport;
  seconds: number;
}

export async function runSetup(steps: readonly SetupStep[], deps: SetupDeps): Promise<SetupDone> {
  const started = Date.now();
  const total = steps.reduce((sum, s) => sum + s.weight, 0);
  const ready = steps.find((s): s is Extract<SetupStep, { kind: 'ready' }> => s.kind === 'ready');
  if (ready) rmSync(ready.path, { force: true });
  let nodeVersion = '';
  let report: DoctorReport | undefined;
  let installerLines: string[] = [];
  for (const step of steps) {
    if (deps.signal.aborted) throw new SetupCancelled();
    deps.log(`== ${step.title}`);
    deps.progress({ message: step.title });
    switch (step.kind) {
      case 'check-node':
        nodeVersion = await checkNode(deps);
        break;
      case 'write-json':
        mkdirSync(dirname(step.path), { recursive: true });
        writeFileSync(step.path, `${JSON.stringify(step.json, null, 2)}\n`);
        break;
      case 'copy':
        for (const { from, to } of step.files) {
          mkdirSync(dirname(to), { recursive: true });
          copyFileSync(from, to);
        }
        break;
      case 'npm': {
        const result = await run(deps, deps.npm.command, [...deps.npm.args, ...step.args], step.cwd, npmEnv(deps), npmProgress);
        if (result.code !== 0) throw new SetupFailed(result.code === null ? l10n.t('npm install failed (ended by a signal).') : l10n.t('npm install failed (exit status {0}).', result.code), telling(result.stderrTail, /npm (error|ERR!)/));
        break;
      }
      case 'node':
        if (step.id === 'native') {
          installerLines = [];
          const result = await run(deps, deps.node.command, [step.script, ...step.args], step.cwd, installerEnv(deps), (line) => {
            installerLines.push(line);
            return installerProgress(line);
          });
          if (result.code !== 0) throw new SetupFailed(result.code === null ? l10n.t('The native installer failed (ended by a signal).') : l10n.t('The native installer failed (exit status {0}).', result.code), result.stderrTail.slice(-10));
        } else {
          report = await doctor(deps, step);
          if (!report.ok) {
            const why = installerFailure(installerLines);
            throw new SetupFailed(l10n.t('The native TensorFlow backend does not work after the set-up: training would run on pure JavaScript.'), why.length > 0 ? why : report.reasons);
          }
        }
        break;
      case 'ready':
        if (!report) throw new SetupFailed(l10n.t('The set-up has no answer from nn doctor to record.'));
        writeFileSync(
          step.path,
          `${JSON.stringify(readyRecord({ installedAt: new Date(), node: nodeVersion, npm: deps.npm.found, extensionVersion: deps.extensionVersion, doctor: report, seconds: Math.round((Date.now() - started) / 1000) }), null, 2)}\n`,
        );
        break;
    }
    deps.progress({ increment: (100 * step.weight) / total });
  }
  if (!report) throw new SetupFailed(l10n.t('The set-up ended without checking the backend.'));
  return { report, seconds: (Date.now() - started) / 1000 };
}

async function checkNode(deps: SetupDeps): Promise<string> {
  const result = await run(deps, deps.node.command, ['--version'], undefined, deps.node.env, () => undefined);
  const version = result.stdout.trim();
  const major = nodeMajor(version);
  if (result.code !== 0 || major === undefined) {
    const which = result.startError ? `${deps.node.command}: ${result.startError}` : deps.node.command;
    throw new SetupFailed(l10n.t('Node.js did not answer ({0}). Install Node.js {1} or later.', which, MIN_NODE_MAJOR), result.stderrTail);
  }
  if (major < MIN_NODE_MAJOR) throw new SetupFailed(l10n.t('nn needs Node.js {0} or later; the Node on the PATH is {1}. Install Node.js {0} or later.', MIN_NODE_MAJOR, version));
  deps.log(`Node ${version} (${deps.node.command}); npm: ${deps.npm.found}`);
  return version;
}

async function doctor(deps: SetupDeps, step: Extract<SetupStep, { kind: 'node' }>): Promise<DoctorReport> {
  const result = await runProcess({ command: deps.node.command, args: [step.script, ...step.args], cwd: step.cwd, env: deps.node.env, signal: deps.signal, keepStdout: true, onLine: (line, stream) => stream === 'stderr' && deps.log(line) });
  if (result.cancelled) throw new SetupCancelled();
  const answer = readDoctorOutput(result);
  if (!answer.ok) throw new SetupFailed(l10n.t('{0}.', answer.message), answer.stderrTail.slice(-10));
  deps.log(`nn doctor: ${answer.report.backend ?? 'no backend'}${answer.report.native ? ` (native, ${answer.report.device})` : ''}, TensorFlow ${answer.report.versions.tensorflow ?? '-'}`);
  return answer.report;
}

/** Runs a tool, every line to the log, `progressOf`'s lines to the notification; throws SetupCancelled when cancelled. */
async function run(deps: SetupDeps, command: string, args: string[], cwd: string | undefined, env: NodeJS.ProcessEnv, progressOf: (line: string) => string | undefined): Promise<ProcessResult> {
  deps.log(`$ ${[command, ...args].join(' ')}`);
  const result = await runProcess({
    command,
    args,
    ...(cwd !== undefined ? { cwd } : {}),
    env,
    signal: deps.signal,
    onLine: (line) => {
      deps.log(line);
      const message = progressOf(line);
      if (message !== undefined) deps.progress({ message });
    },
  });
  if (result.cancelled) throw new SetupCancelled();
  if (result.startError !== undefined) throw new SetupFailed(l10n.t('{0} did not start: {1}.', command, result.startError));
  return result;
}

function npmEnv(deps: SetupDeps): NodeJS.ProcessEnv {
  return { ...deps.node.env, npm_config_update_notifier: 'false', npm_config_progress: 'false' };
}

/** The installer finds node-gyp (shipped in npm) through npm_execpath, as when npm runs it. */
function installerEnv(deps: SetupDeps): NodeJS.ProcessEnv {
  const cli = npmCli(deps.npm);
  return { ...deps.node.env, TF_CPP_MIN_LOG_LEVEL: deps.node.env.TF_CPP_MIN_LOG_LEVEL ?? '2', ...(cli ? { npm_execpath: cli } : {}) };
}

function npmCli(npm: NpmCommand): string | undefined {
  try {
    return realpathSync(npm.args[0] ?? npm.command);
  } catch {
    return undefined;
  }
}

function telling(lines: string[], pattern: RegExp): string[] {
  const picked = lines.filter((l) => pattern.test(l));
  return (picked.length > 0 ? picked : lines).slice(-10);
}
