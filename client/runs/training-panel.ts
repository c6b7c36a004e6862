// The training view: a webview panel (viewType `nn.training`) per run,
// showing the web app of client/webviews/training/. The extension posts the
// run (all its events so far), then its new events in batches of about
// 100 ms, the sample pictures' URIs, the earlier runs of the same model
// (with the events of those the user ticks), and how the process exited;
// it answers the view's buttons (stop, export, train again, resume, open
// the folder, reveal a file). A panel outlives a window reload: the
// serializer rebuilds it from the view's state and the run's events file.
// Messages: client/webviews/training/protocol.ts.

import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { webviewHtml } from '../webview-html.js';
import type { FromTrainingView, RunInfo, ToTrainingView, TrainEvent, TrainingViewState } from '../webviews/training/protocol.js';
import { exportRun } from './export-run.js';
import type { RunManager } from './run-manager.js';
import { earlierRuns } from './run-files.js';
import { TrainingRun } from './training-run.js';

export const TRAINING_VIEW_TYPE = 'nn.training';
/** events are posted at most this often */
const POST_EVERY_MS = 100;
/** earlier runs offered for overlay */
const HISTORY_RUNS = 20;

export class TrainingPanels implements vscode.Disposable {
  private readonly panels = new Set<TrainingPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly nn: NnContext,
    private readonly manager: RunManager,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(TRAINING_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
      }),
      vscode.window.onDidChangeActiveColorTheme(() => {
        for (const p of this.panels) p.post({ type: 'theme' });
      }),
    );
  }

  /** The panel showing `run`, or one showing a finished run of the same model (reused), or a new one. */
  open(run: TrainingRun, preserveFocus = false): TrainingPanel {
    const panel = [...this.panels].find((p) => p.run === run) ?? [...this.panels].find((p) => p.run.key === run.key && !p.run.live);
    if (panel) {
      if (panel.run !== run) panel.show(run);
      panel.reveal(preserveFocus);
      return panel;
    }
    const created = vscode.window.createWebviewPanel(TRAINING_VIEW_TYPE, titleOf(run), { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, this.options(run));
    return this.adopt(created, run, []);
  }

  /** The newest panel, if any is open. */
  newest(): TrainingPanel | undefined {
    return [...this.panels].at(-1);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const s = state as Partial<TrainingViewState> | undefined;
    if (!s || typeof s.file !== 'string' || typeof s.model !== 'string' || typeof s.runDir !== 'string' || typeof s.runId !== 'string' || s.runId === '') {
      panel.dispose();
      return;
    }
    const live = this.manager.runs.find((r) => r.runId === s.runId);
    const run = live ?? TrainingRun.fromFile(s.file, s.model, s.runDir, s.runId);
    if (!live) this.manager.adopt(run);
    panel.webview.options = this.options(run);
    this.adopt(panel, run, Array.isArray(s.overlay) ? s.overlay.filter((id): id is string => typeof id === 'string') : []);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, run: TrainingRun, overlay: string[]): TrainingPanel {
    const panel = new TrainingPanel(this.nn, webviewPanel, run, overlay, () => {
      this.panels.delete(panel);
      // a finished run with no view is no longer this window's business
      if (![...this.panels].some((p) => p.run === panel.run)) this.manager.forget(panel.run);
    });
    this.panels.add(panel);
    return panel;
  }

  private options(run: TrainingRun): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.nn.extension.extensionUri, 'dist'), vscode.Uri.file(run.runDir)],
    };
  }
}

function titleOf(run: TrainingRun): string {
  return vscode.l10n.t('Training · {0}', run.model);
}

export class TrainingPanel {
  private ready = false;
  private pending: TrainEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly nn: NnContext,
    private readonly panel: vscode.WebviewPanel,
    public run: TrainingRun,
    /** the earlier runs ticked for overlay */
    private overlay: string[],
    private readonly onDispose: () => void,
  ) {
    panel.webview.html = webviewHtml(panel.webview, nn.extension.extensionUri, { app: 'training', title: titleOf(run), initial: this.viewState() });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromTrainingView) => void this.receive(m).catch((e: unknown) => this.fail(e))),
      panel.onDidDispose(() => this.dispose()),
    );
    this.show(run);
  }

  /** Shows another run (train again) in this panel. */
  show(run: TrainingRun): void {
    for (const u of this.unsubscribe) u();
    this.flushSoon(true);
    this.pending = [];
    this.run = run;
    this.panel.title = titleOf(run);
    const roots = this.panel.webview.options.localResourceRoots ?? [];
    if (!roots.some((r) => r.fsPath === run.runDir)) this.panel.webview.options = { ...this.panel.webview.options, localResourceRoots: [...roots, vscode.Uri.file(run.runDir)] };
    this.unsubscribe = [
      run.onEvent((e) => {
        // the start names the run: the view begins again with its id
        if (e.type === 'start') this.postRun();
        else {
          this.pending.push(e);
          this.flushSoon();
        }
      }),
      run.onExit((exit) => {
        this.flushSoon(true);
        this.post({ type: 'exited', runId: run.runId ?? '', code: exit.code, signal: exit.signal, stderrTail: exit.stderrTail });
      }),
    ];
    if (this.ready) {
      this.postRun();
      this.postHistory();
    }
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  post(message: ToTrainingView): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const u of this.unsubscribe) u();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }

  private info(run: TrainingRun = this.run): RunInfo {
    return { runId: run.runId ?? '', file: run.file, model: run.model, runDir: run.runDir };
  }

  private viewState(): TrainingViewState {
    return { ...this.info(), overlay: this.overlay };
  }

  /** The whole run: what it emitted so far, and how it ended when it has. */
  private postRun(): void {
    this.pending = [];
    const run = this.run;
    this.postSampleUris(run.events);
    this.post({ type: 'run', run: this.info(), events: [...run.events], live: run.live });
    if (run.exit) this.post({ type: 'exited', runId: run.runId ?? '', code: run.exit.code, signal: run.exit.signal, stderrTail: run.exit.stderrTail });
  }

  private postHistory(): void {
    const runs = earlierRuns(this.run.runDir, this.run.runId, HISTORY_RUNS)
      .filter(({ events }) => events.some((e) => e.type === 'start' && e.name === this.run.model))
      .map(({ runId, runDir, events }) => ({ run: { runId, file: this.run.file, model: this.run.model, runDir }, events: this.overlay.includes(runId) ? events : [] }));
    this.post({ type: 'history', runs });
  }

  private postSampleUris(events: readonly TrainEvent[]): void {
    const uris: Record<string, string> = {};
    for (const e of events) if (e.type === 'sample') uris[e.path] = this.panel.webview.asWebviewUri(vscode.Uri.file(e.path)).toString();
    if (Object.keys(uris).length > 0) this.post({ type: 'sampleUris', uris });
  }

  /** Posts the pending events now (`now`) or within POST_EVERY_MS. */
  private flushSoon(now = false): void {
    const flush = () => {
      this.timer = undefined;
      if (this.pending.length === 0) return;
      const events = this.pending;
      this.pending = [];
      this.postSampleUris(events);
      this.post({ type: 'events', runId: this.run.runId ?? '', events });
    };
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      flush();
    } else if (!this.timer) {
      this.timer = setTimeout(flush, POST_EVERY_MS);
    }
  }

  private async receive(message: FromTrainingView): Promise<void> {
    const run = this.run;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postRun();
        this.postHistory();
        return;
      case 'stop':
        if (run.live && run.process) run.stop();
        else if (run.live) void vscode.window.showInformationMessage(vscode.l10n.t('{0} is trained by another process (pid {1}): stop it where it runs, or press Ctrl-C in its terminal.', run.model, run.start?.pid ?? '?'));
        return;
      case 'export':
        await exportRun(run);
        return;
      case 'trainAgain':
        await vscode.commands.executeCommand('nn.train', run.file, run.model);
        return;
      case 'resume':
        await vscode.commands.executeCommand('nn.resumeTraining', run.file, run.model);
        return;
      case 'openFolder':
        await revealPath(run.runDir);
        return;
      case 'reveal':
        await revealPath(message.path, message.line, message.column);
        return;
      case 'overlay':
        this.overlay = message.runIds.filter((id) => typeof id === 'string');
        this.postHistory();
        return;
    }
  }

  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.nn.log.error(`training view: ${message}`);
    void vscode.window.showErrorMessage(message);
  }
}

/** Opens a file (at a position) in the editor, or shows a folder in the Explorer (or the system's file manager outside the workspace). */
async function revealPath(path: string, line?: number, column?: number): Promise<void> {
  const uri = vscode.Uri.file(path);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not there any more.', path));
    return;
  }
  if (stat.isDirectory()) {
    if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
    else await vscode.commands.executeCommand('revealFileInOS', uri);
    return;
  }
  if (line !== undefined) {
    const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, (column ?? 1) - 1));
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
    return;
  }
  await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.One });
}

