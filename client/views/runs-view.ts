// The Runs view (`nn.runs`): every run kept in the workspace's run folders
// (`<runDir>/events/<runId>.jsonl`, found wherever they are: `runs/<name>/`
// next to the `.nn` files or under `nn.train.outDir`), newest first, with
// its state, last metrics and actions. The tree element is the run's
// record (client/runs/run-folders.ts); contextValue `run.<state>` keys the
// manifest's menus. Refreshed by a file watcher on the events files
// (debounced), by `nn.runs.refresh`, and every few seconds while a run is
// running (a process that dies writes nothing more).

import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { nodeRunFs, processAlive } from '../runs/node-run-fs.js';
import { type RunRecord, RunReader, type RunState } from '../runs/run-folders.js';
import { runDescription, runDetails, runLabel } from '../runs/run-labels.js';

/** events files of run folders anywhere (a custom `nn.train.outDir` included) */
const EVENTS_FILES = '**/events/*.jsonl';
const EXCLUDED = '**/node_modules/**';
const MAX_FILES = 5000;
const REFRESH_DELAY_MS = 500;
const POLL_WHILE_RUNNING_MS = 5000;

const ICONS: Record<RunState, vscode.ThemeIcon> = {
  running: new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('charts.blue')),
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  stopped: new vscode.ThemeIcon('debug-stop', new vscode.ThemeColor('charts.yellow')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
};

export class RunsView implements vscode.TreeDataProvider<RunRecord> {
  private readonly reader = new RunReader(nodeRunFs);
  private runDirs = new Set<string>();
  private records: RunRecord[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private readonly view: vscode.TreeView<RunRecord>;

  constructor(private readonly nn: NnContext) {
    nn.own(this.changed);
    this.view = nn.own(vscode.window.createTreeView('nn.runs', { treeDataProvider: this }));
    // `runs/<name>/events/` and any other run folder (`nn.train.outDir`)
    const watcher = nn.own(vscode.workspace.createFileSystemWatcher(EVENTS_FILES));
    nn.own(watcher.onDidCreate((uri) => this.found(uri)));
    nn.own(watcher.onDidChange((uri) => this.found(uri)));
    nn.own(watcher.onDidDelete(() => this.refreshSoon(true)));
    nn.own(vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshSoon(true)));
    nn.own({ dispose: () => (clearTimeout(this.timer), clearInterval(this.poll)) });
    void this.refresh(true);
  }

  /** The runs shown now (the last refresh's). */
  runs(): readonly RunRecord[] {
    return this.records;
  }

  private found(uri: vscode.Uri): void {
    this.runDirs.add(dirname(dirname(uri.fsPath)));
    this.refreshSoon(false);
  }

  /** `search`: look for run folders again (else re-read the known ones). */
  refreshSoon(search: boolean): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(search), REFRESH_DELAY_MS);
  }

  async refresh(search = true): Promise<void> {
    clearTimeout(this.timer);
    if (search) {
      try {
        const files = await vscode.workspace.findFiles(EVENTS_FILES, EXCLUDED, MAX_FILES);
        this.runDirs = new Set(files.filter((u) => u.scheme === 'file').map((u) => dirname(dirname(u.fsPath))));
      } catch (e) {
        this.nn.log.warn(`Runs view: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.records = this.reader.runs(this.runDirs, processAlive);
    this.view.message = undefined;
    this.changed.fire();
    // while a run is running, look again now and then: its process may die without a word
    const running = this.records.some((r) => r.state === 'running');
    if (running && !this.poll) this.poll = setInterval(() => void this.refresh(false), POLL_WHILE_RUNNING_MS);
    if (!running && this.poll) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }

  getChildren(run?: RunRecord): RunRecord[] {
    return run ? [] : this.records;
  }

  getTreeItem(run: RunRecord): vscode.TreeItem {
    const item = new vscode.TreeItem(runLabel(run), vscode.TreeItemCollapsibleState.None);
    item.id = run.eventsFile;
    item.description = runDescription(run);
    item.iconPath = ICONS[run.state];
    item.contextValue = `run.${run.state}`;
    const tooltip = new vscode.MarkdownString();
    for (const line of runDetails(run, (p) => vscode.workspace.asRelativePath(p))) tooltip.appendText(line).appendMarkdown('  \n');
    item.tooltip = tooltip;
    item.command = { command: 'nn.runs.open', title: vscode.l10n.t('Open Training View'), arguments: [run] };
    return item;
  }
}
