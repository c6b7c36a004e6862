// The graph of one model of one file in a webview panel (viewType
// `nn.graph`): one panel per file and model, reused when asked again, and
// restored after a window reload. The graph comes from the language
// server's `nn.graph` and follows edits: a change to the file, or to a file
// its layers are written in, asks again (debounced); the web app keeps what
// is expanded and where it looks. A click on a box selects its source; the
// drawing can be saved as SVG; `nn.graph.colorBy` applies at once.

import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { config, onConfigChange } from '../config.js';
import type { NnContext } from '../context.js';
import { serverCommand } from '../summary/server-ready.js';
import { webviewHtml, webviewOptions } from '../webview-html.js';
import type { FromGraphView, GraphView, GraphViewSite, GraphViewState, ToGraphView } from '../webviews/graph/protocol.js';
import { filesOfGraph } from './graph-files.js';

export const GRAPH_VIEW_TYPE = 'nn.graph';
const REFRESH_DELAY_MS = 300;

export class GraphPanels {
  private readonly panels = new Map<string, GraphPanel>();

  constructor(private readonly nn: NnContext) {
    nn.own(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.changed(e.document)));
    nn.own(vscode.workspace.onDidSaveTextDocument((d) => this.changed(d)));
    nn.own(nn.server.onDidChangeState((state) => state === 'running' && this.each((p) => p.refresh())));
    nn.own(onConfigChange('graph.colorBy', () => this.each((p) => p.send({ type: 'colorBy', colorBy: config.graphColorBy() }))));
    nn.own(
      vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const s = state as Partial<GraphViewState> | undefined;
          if (typeof s?.file === 'string' && typeof s.model === 'string') this.adopt(panel, s.file, s.model);
          else panel.dispose();
        },
      }),
    );
  }

  /** Shows the graph of `model` in `file`, in its panel if it has one. */
  show(file: string, model: string, column: vscode.ViewColumn = vscode.ViewColumn.Beside): void {
    const existing = this.panels.get(key(file, model));
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, title(model), { viewColumn: column, preserveFocus: true }, webviewOptions(this.nn.extension.extensionUri));
    this.adopt(panel, file, model);
  }

  private adopt(panel: vscode.WebviewPanel, file: string, model: string): void {
    const graph = new GraphPanel(this.nn, panel, file, model);
    this.panels.set(key(file, model), graph);
    panel.onDidDispose(() => {
      graph.dispose();
      this.panels.delete(key(file, model));
    });
  }

  private changed(document: vscode.TextDocument): void {
    if (document.languageId !== 'nn' && !document.fileName.endsWith('.nn')) return;
    this.each((p) => p.reads(document.uri.fsPath) && p.refreshSoon());
  }

  private each(f: (panel: GraphPanel) => unknown): void {
    for (const p of this.panels.values()) f(p);
  }
}

class GraphPanel {
  /** the files the last graph's nodes are written in (an edit to any of them may change it) */
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
    const initial: GraphViewState = { file, model };
    panel.webview.html = webviewHtml(panel.webview, nn.extension.extensionUri, { app: 'graph', title: title(model), initial });
    this.subscriptions.push(panel.webview.onDidReceiveMessage((m: FromGraphView) => this.received(m)));
  }

  reads(path: string): boolean {
    return this.files.has(path);
  }

  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the graph again and sends it to the page (once the page is ready). */
  refresh(): void {
    clearTimeout(this.timer);
    if (!this.ready || this.disposed) return;
    const generation = ++this.generation;
    const started = Date.now();
    serverCommand<GraphView>(this.nn, 'nn.graph', [this.file, this.model]).then(
      (graph) => {
        if (generation !== this.generation) return;
        this.nn.log.info(`graph of ${this.model}: ${graph.nodes.length} nodes, ${graph.groups.length} blocks, from the server in ${Date.now() - started} ms`);
        this.files = filesOfGraph(graph);
        this.send({ type: 'graph', graph, colorBy: config.graphColorBy() });
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        this.send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  send(message: ToGraphView): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private received(message: FromGraphView): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.refresh();
        break;
      case 'reveal':
        void revealSite(message.site);
        break;
      case 'exportSvg':
        void this.saveSvg(message.svg, message.model);
        break;
      case 'rendered':
        this.nn.log.info(`graph of ${this.model}: laid out in ${message.layoutMs} ms, drawn in ${message.renderMs} ms (${message.boxes} boxes, ${message.edges} edges)`);
        break;
    }
  }

  private async saveSvg(svg: string, model: string): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(join(dirname(this.file), `${model}.svg`)),
      filters: { 'SVG image': ['svg'] },
      title: `Export the graph of ${model}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
    const open = await vscode.window.showInformationMessage(`Saved the graph of ${model} as ${basename(target.fsPath)}.`, 'Open');
    if (open) await vscode.commands.executeCommand('vscode.open', target);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Opens the file (in the editor group that shows it already, else the first), selects the range and centres it. */
async function revealSite(site: GraphViewSite): Promise<void> {
  const uri = vscode.Uri.file(site.file);
  const selection = new vscode.Range(site.start.line, site.start.character, site.end.line, site.end.character);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === uri.fsPath);
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
}

const key = (file: string, model: string): string => `${file}\n${model}`;
const title = (model: string): string => `Graph: ${model}`;
