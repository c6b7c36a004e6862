// The training runs of this window: one live run per file and train block
// (Train over a running model shows it instead of starting a second), the
// context key `nn.training` (true while any run is live), the status bar
// item while training (`MLP · epoch 3/10 · loss 0.41 · 1,200 ex/s`, with a
// hint of the backend; click: the training view), the `error` events with a
// file position as diagnostics ('nn train', cleared by the next run of the
// same model), and, when the window closes, a graceful stop of every live
// run (each saves a checkpoint) before the extension goes.

import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { cliLanguageArgs } from '../cli-language.js';
import { config } from '../config.js';
import { nodeCommand } from '../runtime.js';
import type { NnRuntime } from '../runtime-resolve.js';
import type { TrainEvent } from '../../runtime/train/events.js';
import { runStatusLine } from './run-state.js';
import { lastLines } from './stream-lines.js';
import { outDirFor, runDirOf, trainArgs } from './train-invocation.js';
import { TrainingProcess } from './training-process.js';
import { runKey, TrainingRun } from './training-run.js';

/** How long closing the window waits for live runs to save their checkpoints. */
const STOP_ON_CLOSE_MS = 10_000;

export interface StartRequest {
  file: string;
  model: string;
  runtime: NnRuntime;
  resume?: boolean;
}

export class RunManager implements vscode.Disposable {
  /** this window's runs, oldest first */
  readonly runs: TrainingRun[] = [];
  private readonly item: vscode.StatusBarItem;
  private readonly diagnostics: vscode.DiagnosticCollection;
  /** the files each run key's last run put diagnostics on */
  private readonly diagnosed = new Map<string, Set<string>>();
  private readonly started = new vscode.EventEmitter<TrainingRun>();
  /** a run of this window started (the training panels open it) */
  readonly onDidStart = this.started.event;
  private wasTraining = false;

  constructor(private readonly nn: NnContext) {
    this.item = vscode.window.createStatusBarItem('nn.training', vscode.StatusBarAlignment.Left, 8);
    this.item.name = vscode.l10n.t('nn Training');
    this.item.command = 'nn.openTrainingView';
    this.diagnostics = vscode.languages.createDiagnosticCollection('nn train');
  }

  /** The live run of this file and train block, if any. */
  liveRun(file: string, model: string): TrainingRun | undefined {
    const key = runKey(file, model);
    return this.runs.find((r) => r.key === key && r.live);
  }

  liveRuns(): TrainingRun[] {
    return this.runs.filter((r) => r.live);
  }

  /** The newest run of this window (live ones first). */
  newest(): TrainingRun | undefined {
    return this.liveRuns().at(-1) ?? this.runs.at(-1);
  }

  /** Starts `nn train` for a file's train block (the caller checked trust and that none is live). */
  start(request: StartRequest): TrainingRun {
    const { file, model } = request;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
    const outDir = outDirFor(config.trainOutDir(vscode.Uri.file(file)), folder, file, model);
    const { command, env } = nodeCommand();
    const args = trainArgs({ script: request.runtime.script, file, model, device: config.trainDevice(vscode.Uri.file(file)), engine: config.trainEngine(vscode.Uri.file(file)), ...(outDir !== undefined ? { outDir } : {}), resume: request.resume ?? false, language: cliLanguageArgs(vscode.env.language) });
    this.nn.log.info(`training ${model}: ${command} ${args.join(' ')}`);
    const process = new TrainingProcess({ command, env, args, cwd: dirname(file) });
    process.onLog(({ line, stream }) => this.nn.log.info(`[${model}${stream === 'stderr' ? ' stderr' : ''}] ${line}`));
    const run = new TrainingRun(file, model, runDirOf(file, model, outDir), process);
    this.clearDiagnostics(run.key);
    this.adopt(run);
    run.onEvent((e) => this.onEvent(run, e));
    run.onExit(() => this.onExit(run));
    this.started.fire(run);
    this.update();
    return run;
  }

  /** Keeps a run this window did not start (read from its events file), so that its view and the status bar know it. */
  adopt(run: TrainingRun): void {
    if (this.runs.includes(run)) return;
    this.runs.push(run);
    if (run.live && !run.process) {
      run.onEvent(() => this.update());
      run.onExit(() => this.update());
    }
    this.update();
  }

  /** Forgets a run that is not live (its panel closed). */
  forget(run: TrainingRun): void {
    if (run.live) return;
    run.dispose();
    const at = this.runs.indexOf(run);
    if (at >= 0) this.runs.splice(at, 1);
  }

  /** Stops every live run the graceful way and waits (up to `timeoutMs`) for their checkpoints; the stragglers are killed. */
  async stopAll(timeoutMs = STOP_ON_CLOSE_MS): Promise<void> {
    const live = this.runs.filter((r) => r.process?.running);
    if (live.length === 0) return;
    this.nn.log.info(`stopping ${live.length} run${live.length === 1 ? '' : 's'} (saving checkpoints)`);
    for (const run of live) run.stop({ forceAfterMs: timeoutMs });
    await Promise.all(live.map((r) => r.process!.exited));
  }

  async dispose(): Promise<void> {
    try {
      await this.stopAll();
    } finally {
      for (const run of this.runs) run.dispose();
      this.item.dispose();
      this.diagnostics.dispose();
      this.started.dispose();
    }
  }

  private onEvent(run: TrainingRun, event: TrainEvent): void {
    if (event.type === 'error' && event.file !== undefined && event.line !== undefined) this.addDiagnostic(run.key, event);
    if (event.type === 'start' || event.type === 'batch' || event.type === 'epoch' || event.type === 'end') this.update();
  }

  private onExit(run: TrainingRun): void {
    this.update();
    const exit = run.exit!;
    const failure = exit.failure;
    const name = run.model;
    if (failure === undefined) {
      const line = runStatusLine(run.state);
      this.nn.log.info(`${name}: ${line}`);
      vscode.window.setStatusBarMessage(`$(check) ${name}: ${line}`, 10_000);
      return;
    }
    this.nn.log.error(`${name}: ${failure}${exit.stderrTail.trim() !== '' ? `\nstderr (last lines):\n${lastLines(exit.stderrTail, 40)}` : ''}`);
    const [headline, ...tail] = failure.split('\n');
    const message = tail.length > 0 ? vscode.l10n.t('Training {0} failed: {1} ({2})', name, headline ?? '', tail.slice(-3).join(' | ')) : vscode.l10n.t('Training {0} failed: {1}', name, headline ?? '');
    const openView = vscode.l10n.t('Open Training View');
    const showLogs = vscode.l10n.t('Show Logs');
    void vscode.window.showErrorMessage(message, openView, showLogs).then((pick) => {
      if (pick === openView) void vscode.commands.executeCommand('nn.openTrainingView', run);
      else if (pick === showLogs) this.nn.log.show(true);
    });
  }

  private addDiagnostic(key: string, event: Extract<TrainEvent, { type: 'error' }>): void {
    const uri = vscode.Uri.file(event.file!);
    const line = Math.max(0, event.line! - 1);
    const column = Math.max(0, (event.column ?? 1) - 1);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
    const at = new vscode.Position(line, column);
    const range = document?.getWordRangeAtPosition(at) ?? new vscode.Range(at, at.translate(0, 1));
    const diagnostic = new vscode.Diagnostic(range, event.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'nn train';
    this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), diagnostic]);
    const files = this.diagnosed.get(key) ?? new Set<string>();
    files.add(uri.toString());
    this.diagnosed.set(key, files);
  }

  private clearDiagnostics(key: string): void {
    for (const uri of this.diagnosed.get(key) ?? []) this.diagnostics.delete(vscode.Uri.parse(uri));
    this.diagnosed.delete(key);
  }

  /** The status bar item and the context key, after any change of the live runs. */
  private update(): void {
    const live = this.liveRuns();
    const training = live.length > 0;
    if (training !== this.wasTraining) {
      this.wasTraining = training;
      void vscode.commands.executeCommand('setContext', 'nn.training', training);
    }
    const shown = live.at(-1);
    if (!shown) {
      this.item.hide();
      return;
    }
    const start = shown.start;
    const pureJs = start !== undefined && start.backend !== 'tensorflow';
    const where = start === undefined ? '' : pureJs ? ` · ${vscode.l10n.t('pure JS')}` : start.device === 'gpu' ? ' · GPU' : ' · CPU';
    const others = live.length > 1 ? ` (+${live.length - 1})` : '';
    this.item.text = `$(loading~spin) ${shown.model} · ${runStatusLine(shown.state)}${where}${others}`;
    const backend =
      start === undefined
        ? vscode.l10n.t('starting')
        : pureJs
          ? vscode.l10n.t('on pure JavaScript, about 100 times slower than the native backend (NN: Doctor says why)')
          : vscode.l10n.t('on the native TensorFlow backend, {0}', start.device === 'gpu' ? 'GPU' : 'CPU');
    const path = vscode.workspace.asRelativePath(shown.file);
    const what = others ? vscode.l10n.t('Training {0} ({1}) {2}; {3} runs are live.', shown.model, path, backend, live.length) : vscode.l10n.t('Training {0} ({1}) {2}.', shown.model, path, backend);
    this.item.tooltip = `${what}\n${vscode.l10n.t('Click to open the training view.')}`;
    this.item.backgroundColor = pureJs ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = { title: vscode.l10n.t('Open Training View'), command: 'nn.openTrainingView', arguments: [shown] };
    this.item.show();
  }
}
