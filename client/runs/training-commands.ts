// The training commands: Train Model (`nn.train`, also the Train lens with
// [file, model]), Stop Training, Resume Training and Open Training View.
// Training runs programs: refused in an untrusted workspace; where no
// runtime is ready, the set-up is offered instead. One RunManager and one
// set of training panels per window; closing the window stops live runs
// the graceful way (see run-manager.ts).

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { CommandHandler } from '../commands.js';
import { config } from '../config.js';
import { type NnContext, requireTrust } from '../context.js';
import { requireRuntime } from '../runtime.js';
import { RunManager } from './run-manager.js';
import { readRunEvents, runsIn } from './run-files.js';
import { outDirFor, runDirOf } from './train-invocation.js';
import { blocksTraining, type TrainBlock, trainBlocks } from './train-blocks.js';
import { TrainingPanels } from './training-panel.js';
import { pidAlive, TrainingRun } from './training-run.js';

let current: { manager: RunManager; panels: TrainingPanels } | undefined;

/** This window's runs (for the Runs view: which runs are live here). */
export function runManager(): RunManager | undefined {
  return current?.manager;
}

export function trainingCommands(nn: NnContext): Record<string, CommandHandler> {
  const manager = new RunManager(nn);
  const panels = new TrainingPanels(nn, manager);
  current = { manager, panels };
  // panels first, then the runs: disposing the manager waits for the live runs' checkpoints
  nn.own(panels);
  nn.own({ dispose: () => manager.dispose().finally(() => (current = undefined)) });
  manager.onDidStart((run) => panels.open(run, true));

  const train = async (resume: boolean, args: unknown[]): Promise<void> => {
    if (!requireTrust()) return;
    const target = await chooseTarget(args, resume ? vscode.l10n.t('Resume training which train block?') : vscode.l10n.t('Train which train block?'));
    if (!target) return;
    const live = manager.liveRun(target.file, target.model);
    if (live) {
      panels.open(live);
      return;
    }
    const runtime = await requireRuntime(nn);
    if (!runtime) return;
    // the set-up may have taken a while: a run may have started meanwhile
    const started = manager.liveRun(target.file, target.model) ?? manager.start({ file: target.file, model: target.model, runtime, resume });
    panels.open(started);
  };

  return {
    'nn.train': (...args: unknown[]) => train(false, args),
    'nn.resumeTraining': (...args: unknown[]) => train(true, args),
    'nn.stopTraining': async (arg?: unknown) => {
      const live = manager.liveRuns().filter((r) => r.process);
      const named = runIdOf(arg);
      if (named !== undefined && !live.some((r) => r.runId === named)) {
        // a run this window did not start (the Runs view): ask its process to stop the way Ctrl-C does
        stopElsewhere(arg as Record<string, unknown>);
        return;
      }
      // from the editor's title bar: the run of that file
      const ofFile = arg instanceof vscode.Uri ? live.filter((r) => r.file === arg.fsPath) : [];
      const chosen = live.find((r) => r === arg || (named !== undefined && r.runId === named)) ?? (ofFile.length === 1 ? ofFile[0] : live.length === 1 ? live[0] : await pickRun(live, vscode.l10n.t('Stop which run?')));
      if (!chosen) {
        if (live.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No training is running in this window.'));
        return;
      }
      chosen.stop();
      vscode.window.setStatusBarMessage(`$(debug-stop) ${vscode.l10n.t('{0}: stopping after this batch (saving a checkpoint)', chosen.model)}`, 5000);
    },
    'nn.openTrainingView': async (arg?: unknown) => {
      const run = arg instanceof TrainingRun ? arg : (runFromFolder(manager, arg) ?? manager.newest() ?? newestOfActiveFile(manager));
      if (!run) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No training run to show yet: click Train above a model, or run NN: Train Model.'));
        return;
      }
      panels.open(run);
    },
  };
}

interface Target {
  file: string;
  model: string;
}

/** The file and train block from a command's arguments: a lens's [file, model], a tree item, a URI, or the active .nn editor (saved first). */
async function chooseTarget(args: unknown[], title: string): Promise<Target | undefined> {
  const { file, model } = fileAndModel(args);
  const path = file ?? activeNnFile();
  if (!path) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .nn file with a train block to train its model.'));
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
  // training reads the file from disk
  if (document?.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be saved; training reads it from disk.', basename(path)));
    return undefined;
  }
  let text: string;
  try {
    text = document?.getText() ?? readFileSync(path, 'utf8');
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', path, e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const all = trainBlocks(text);
  const blocks = model !== undefined ? blocksTraining(all, model) : all;
  if (blocks.length === 0) {
    if (model !== undefined && all.length === 0) return { file: path, model }; // let nn train say what is wrong
    void vscode.window.showWarningMessage(
      model !== undefined
        ? vscode.l10n.t('No train block of {0} trains {1}. Add one: {2}', basename(path), model, `train ${model} on mnist { epochs: 5 }`)
        : vscode.l10n.t('{0} has no train block. Add one: {1}', basename(path), 'train MODEL on mnist { epochs: 5 }'),
    );
    return undefined;
  }
  const block = blocks.length === 1 || (model !== undefined && blocks[0]!.target === model) ? blocks[0] : await pickBlock(blocks, title);
  return block ? { file: path, model: block.target } : undefined;
}

async function pickBlock(blocks: TrainBlock[], title: string): Promise<TrainBlock | undefined> {
  const items = blocks.map((b) => ({ label: b.target, description: b.models.length > 1 || b.models[0] !== b.target ? (b.models.length === 2 ? vscode.l10n.t('trains {0} and {1}', b.models[0]!, b.models[1]!) : vscode.l10n.t('trains {0}', b.models.join(', '))) : '', block: b }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('the train block to run') }))?.block;
}

async function pickRun(runs: TrainingRun[], title: string): Promise<TrainingRun | undefined> {
  if (runs.length === 0) return undefined;
  const items = runs.map((r) => ({ label: r.model, description: vscode.workspace.asRelativePath(r.file), run: r }));
  return (await vscode.window.showQuickPick(items, { title }))?.run;
}

function fileAndModel(args: unknown[]): { file?: string; model?: string } {
  const [first, second] = args;
  const model = typeof second === 'string' ? second : undefined;
  if (typeof first === 'string') return { file: first, ...(model !== undefined ? { model } : {}) };
  if (first instanceof vscode.Uri) return first.scheme === 'file' ? { file: first.fsPath, ...(model !== undefined ? { model } : {}) } : {};
  if (first && typeof first === 'object') {
    // a tree item's element: { file | filePath | uri, model | name }
    const o = first as Record<string, unknown>;
    const uri = o['uri'] instanceof vscode.Uri ? o['uri'].fsPath : undefined;
    const file = [o['file'], o['filePath'], uri].find((v): v is string => typeof v === 'string');
    const name = [o['model'], o['modelName'], o['name']].find((v): v is string => typeof v === 'string');
    return { ...(file !== undefined ? { file } : {}), ...((model ?? name) !== undefined ? { model: model ?? name } : {}) };
  }
  return {};
}

function activeNnFile(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'nn' && doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
}

function runIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const id = arg && typeof arg === 'object' ? (arg as Record<string, unknown>)['runId'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A run named by `{ runDir, runId }` (the Runs view): this window's, or read from its events file. */
function runFromFolder(manager: RunManager, arg: unknown): TrainingRun | undefined {
  const runId = runIdOf(arg);
  if (runId === undefined) return undefined;
  const known = manager.runs.find((r) => r.runId === runId);
  if (known) return known;
  const runDir = (arg as Record<string, unknown>)['runDir'];
  if (typeof runDir !== 'string') return undefined;
  const start = readRunEvents(runDir, runId).find((e) => e.type === 'start');
  if (!start || start.type !== 'start') return undefined;
  const file = start.file ?? (arg as Record<string, unknown>)['file'];
  const run = TrainingRun.fromFile(typeof file === 'string' ? file : '', start.name, runDir, runId);
  manager.adopt(run);
  return run;
}

/** With no run in this window: the newest run kept for the active .nn file's train blocks. */
function newestOfActiveFile(manager: RunManager): TrainingRun | undefined {
  const file = activeNnFile();
  if (!file) return undefined;
  let text: string;
  try {
    text = vscode.window.activeTextEditor!.document.getText();
  } catch {
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
  const setting = config.trainOutDir(vscode.Uri.file(file));
  const newest = trainBlocks(text)
    .map((b) => {
      const newestRun = runsIn(runDirOf(file, b.target, outDirFor(setting, folder, file, b.target)))[0];
      return { model: b.target, runDir: newestRun?.runDir, runId: newestRun?.runId };
    })
    .filter((r): r is { model: string; runDir: string; runId: string } => r.runId !== undefined && r.runDir !== undefined)
    .sort((a, b) => (a.runId < b.runId ? 1 : -1))[0];
  if (!newest) return undefined;
  const run = TrainingRun.fromFile(file, newest.model, newest.runDir, newest.runId);
  manager.adopt(run);
  return run;
}

/** Stops a run another process trains (a terminal, another window): SIGINT, as Ctrl-C, when its process is that run's `nn train`. */
function stopElsewhere(ref: Record<string, unknown>): void {
  const runDir = ref['runDir'];
  const runId = runIdOf(ref);
  const start = typeof runDir === 'string' && runId !== undefined ? readRunEvents(runDir, runId).find((e) => e.type === 'start') : undefined;
  const pid = start?.type === 'start' ? start.pid : undefined;
  if (pid === undefined || !pidAlive(pid) || !isTrainProcess(pid)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('That run is not running any more.'));
    return;
  }
  try {
    process.kill(pid, 'SIGINT');
    vscode.window.setStatusBarMessage(`$(debug-stop) ${vscode.l10n.t('{0}: asked process {1} to stop (it saves a checkpoint first)', String(ref['model'] ?? ''), pid)}`, 5000);
  } catch (e) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not stop process {0}: {1}', pid, e instanceof Error ? e.message : String(e)));
  }
}

/** Whether a process is an `nn train` (Linux: its command line; elsewhere it cannot be told, so no). */
function isTrainProcess(pid: number): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.includes('train') && args.some((a) => /nn(\.js|\.mjs)?$/.test(a));
  } catch {
    return false;
  }
}
