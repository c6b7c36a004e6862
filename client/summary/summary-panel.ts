// The summary of one model of one file in a webview panel (viewType
// `nn.summary`): one panel per file and model, reused when asked again. The
// table comes from the language server's `nn.summary` (the JSON of
// `nn summary --json`) and follows edits: a change to the file, or to a file
// its layers are written in, asks again (debounced). A click on a layer
// selects its source in an editor.

import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { webviewHtml, webviewOptions } from '../webview-html.js';
import type { FromSummaryView, SourceLocation, Summary, SummaryViewState, ToSummaryView } from '../webviews/summary/protocol.js';
import { serverCommand } from './server-ready.js';

export const SUMMARY_VIEW_TYPE = 'nn.summary';
const REFRESH_DELAY_MS = 400;

export class SummaryPanels {
  private readonly panels = new Map<string, SummaryPanel>();

  constructor(private readonly nn: NnContext) {
    nn.own(vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)));
    nn.own(vscode.workspace.onDidSaveTextDocument((d) => this.changed(d)));
    nn.own(nn.server.onDidChangeState((state) => state === 'running' && this.refreshAll()));
    nn.own(
      vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const s = state as Partial<SummaryViewState> | undefined;
          if (typeof s?.file === 'string' && typeof s.model === 'string') this.adopt(panel, s.file, s.model);
          else panel.dispose();
        },
      }),
    );
  }

  /** Shows the summary of `model` in `file`, in its panel if it has one. */
  show(file: string, model: string, column: vscode.ViewColumn = vscode.ViewColumn.Beside): void {
    const existing = this.panels.get(key(file, model));
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, title(model), { viewColumn: column, preserveFocus: true }, webviewOptions(this.nn.extension.extensionUri));
    this.adopt(panel, file, model);
  }

  private adopt(panel: vscode.WebviewPanel, file: string, model: string): void {
    const summary = new SummaryPanel(this.nn, panel, file, model);
    this.panels.set(key(file, model), summary);
    panel.onDidDispose(() => {
      summary.dispose();
      this.panels.delete(key(file, model));
    });
  }

  private changed(document: vscode.TextDocument): void {
    if (document.languageId !== 'nn' && !document.fileName.endsWith('.nn')) return;
    for (const p of this.panels.values()) if (p.reads(document.uri.fsPath)) p.refreshSoon();
  }

  private refreshAll(): void {
    for (const p of this.panels.values()) p.refresh();
  }
}

class SummaryPanel {
  /** the files the last summary's layers are written in (an edit to any of them may change it) */
  private files = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** bumps with each request: an answer to an older one is dropped */
  private generation = 0;
  private ready = false;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly nn: NnContext,
    readonly panel: vscode.WebviewPanel,
    private readonly file: string,
    private readonly model: string,
  ) {
    this.files.add(file);
    panel.title = title(model);
    panel.webview.options = webviewOptions(nn.extension.extensionUri);
    const initial: SummaryViewState = { file, model };
    panel.webview.html = webviewHtml(panel.webview, nn.extension.extensionUri, { app: 'summary', title: title(model), initial });
    this.subscriptions.push(panel.webview.onDidReceiveMessage((m: FromSummaryView) => this.received(m)));
  }

  reads(path: string): boolean {
    return this.files.has(path);
  }

  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the summary again and sends it to the page (once the page is ready). */
  refresh(): void {
    clearTimeout(this.timer);
    if (!this.ready || this.disposed) return;
    const generation = ++this.generation;
    serverCommand<Summary>(this.nn, 'nn.summary', [this.file, this.model]).then(
      (summary) => {
        if (generation !== this.generation) return;
        this.files = new Set([this.file, ...summary.layers.flatMap((l) => (l.source ? [l.source.file] : []))]);
        this.send({ type: 'summary', summary });
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        this.send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  private received(message: FromSummaryView): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.refresh();
    } else if (message.type === 'reveal') void revealSource(message.source);
  }

  private send(message: ToSummaryView): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Opens the file (in the editor group that shows it already, else the first) and selects the range. */
export async function revealSource(source: SourceLocation): Promise<void> {
  const uri = vscode.Uri.file(source.file);
  const { start, end } = source.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === uri.fsPath);
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

const key = (file: string, model: string): string => `${file}\n${model}`;
const title = (model: string): string => `Summary: ${model}`;
