// Webview panels that each show one model of one file, drawn from a
// language-server command's JSON (the summary, the graph): one panel per
// file and model, reused when asked again, restored after a window reload,
// and following edits: a change to the file, or to a file the answer says
// it was built from, asks the server again after a pause. An answer to an
// older request is dropped. What differs between the views is a
// `ModelViewKind`.

import * as vscode from 'vscode';
import type { NnContext } from './context.js';
import { serverCommand } from './server-ready.js';
import { webviewHtml, webviewOptions } from './webview-html.js';

/** What the page keeps across reloads (and the panel serializer reads back). */
export interface ModelViewState {
  file: string;
  model: string;
}

export interface ModelViewKind<Data, ToView, FromView extends { type: string }> {
  viewType: string;
  /** the web app in client/webviews/<app>/ */
  app: string;
  /** the language server's command answering `[file, model]` with the data */
  serverCommand: string;
  title(model: string): string;
  /** how long after an edit the server is asked again */
  refreshDelayMs: number;
  /** the files the data was built from: an edit to any of them may change it */
  filesOf(data: Data, file: string): Set<string>;
  dataMessage(data: Data): ToView;
  errorMessage(message: string): ToView;
  /** the page's messages other than `ready` */
  received(panel: ModelViewPanel<Data, ToView, FromView>, message: FromView): void;
}

export class ModelViewPanels<Data, ToView, FromView extends { type: string }> {
  private readonly panels = new Map<string, ModelViewPanel<Data, ToView, FromView>>();

  constructor(
    private readonly nn: NnContext,
    private readonly kind: ModelViewKind<Data, ToView, FromView>,
  ) {
    nn.own(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.changed(e.document)));
    nn.own(vscode.workspace.onDidSaveTextDocument((d) => this.changed(d)));
    nn.own(nn.server.onDidChangeState((state) => state === 'running' && this.each((p) => p.refresh())));
    nn.own(
      vscode.window.registerWebviewPanelSerializer(kind.viewType, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const s = state as Partial<ModelViewState> | undefined;
          if (typeof s?.file === 'string' && typeof s.model === 'string') this.adopt(panel, s.file, s.model);
          else panel.dispose();
        },
      }),
    );
  }

  /** Shows `model` of `file`, in its panel if it has one. */
  show(file: string, model: string, column: vscode.ViewColumn = vscode.ViewColumn.Beside): void {
    const existing = this.panels.get(key(file, model));
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title(model), { viewColumn: column, preserveFocus: true }, webviewOptions(this.nn.extension.extensionUri));
    this.adopt(panel, file, model);
  }

  each(f: (panel: ModelViewPanel<Data, ToView, FromView>) => unknown): void {
    for (const p of this.panels.values()) f(p);
  }

  private adopt(panel: vscode.WebviewPanel, file: string, model: string): void {
    const view = new ModelViewPanel(this.nn, this.kind, panel, file, model);
    this.panels.set(key(file, model), view);
    panel.onDidDispose(() => {
      view.dispose();
      this.panels.delete(key(file, model));
    });
  }

  private changed(document: vscode.TextDocument): void {
    if (document.languageId !== 'nn' && !document.fileName.endsWith('.nn')) return;
    this.each((p) => p.reads(document.uri.fsPath) && p.refreshSoon());
  }
}

export class ModelViewPanel<Data, ToView, FromView extends { type: string }> {
  private files: Set<string>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** bumps with each request: an answer to an older one is dropped */
  private generation = 0;
  private ready = false;
  private disposed = false;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly nn: NnContext,
    private readonly kind: ModelViewKind<Data, ToView, FromView>,
    readonly panel: vscode.WebviewPanel,
    readonly file: string,
    readonly model: string,
  ) {
    this.files = new Set([file]);
    panel.title = kind.title(model);
    panel.webview.options = webviewOptions(nn.extension.extensionUri);
    const initial: ModelViewState = { file, model };
    panel.webview.html = webviewHtml(panel.webview, nn.extension.extensionUri, { app: kind.app, title: kind.title(model), initial });
    this.subscription = panel.webview.onDidReceiveMessage((m: FromView) => {
      if (m.type !== 'ready') return kind.received(this, m);
      this.ready = true;
      this.refresh();
    });
  }

  reads(path: string): boolean {
    return this.files.has(path);
  }

  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.kind.refreshDelayMs);
  }

  /** Asks the server again and sends the answer to the page (once the page is ready). */
  refresh(): void {
    clearTimeout(this.timer);
    if (!this.ready || this.disposed) return;
    const generation = ++this.generation;
    const started = Date.now();
    serverCommand<Data>(this.nn, this.kind.serverCommand, [this.file, this.model]).then(
      (data) => {
        if (generation !== this.generation) return;
        this.nn.log.debug(`${this.kind.serverCommand} ${this.model}: answered in ${Date.now() - started} ms`);
        this.files = this.kind.filesOf(data, this.file);
        this.send(this.kind.dataMessage(data));
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        this.send(this.kind.errorMessage(e instanceof Error ? e.message : String(e)));
      },
    );
  }

  send(message: ToView): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}

const key = (file: string, model: string): string => `${file}\n${model}`;
