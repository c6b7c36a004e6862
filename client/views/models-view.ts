// The Models view (`nn.models`): the models, blocks, losses and train blocks
// of the workspace's `.nn` files, grouped by file. The data is the language
// server's `nn.models` over the files `findFiles` finds (the server reads
// them through the editor, so unsaved edits count). A click reveals the
// definition; models carry the inline Train (when a train block trains
// them), Summary and Graph actions; their tree element is `{ file, model }`.
// Refreshed on save, create and delete of `.nn` files, on
// `nn.models.refresh`, and when the language server (re)starts.

import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { serverCommand } from '../server-ready.js';
import { contextValueOf, type DefinitionEntry, descriptionOf, type FileDefinitions, filesToShow, iconOf, tooltipOf } from './model-items.js';

const NN_FILES = '**/*.nn';
const EXCLUDED = '**/node_modules/**';
const MAX_FILES = 2000;
const REFRESH_DELAY_MS = 300;

export type ModelNode =
  | { type: 'file'; file: string; definitions: DefinitionEntry[]; error?: string }
  /** `model` is the definition's name (a train block's target): the commands take `{ file, model }` */
  | { type: 'definition'; file: string; model: string; definition: DefinitionEntry };

export class ModelsView implements vscode.TreeDataProvider<ModelNode> {
  private files: FileDefinitions[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly nn: NnContext) {
    nn.own(this.changed);
    nn.own(vscode.window.createTreeView('nn.models', { treeDataProvider: this, showCollapseAll: true }));
    const watcher = nn.own(vscode.workspace.createFileSystemWatcher(NN_FILES));
    nn.own(watcher.onDidCreate(() => this.refreshSoon()));
    nn.own(watcher.onDidDelete(() => this.refreshSoon()));
    nn.own(watcher.onDidChange(() => this.refreshSoon()));
    nn.own(vscode.workspace.onDidSaveTextDocument((d) => d.languageId === 'nn' && this.refreshSoon()));
    nn.own(vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshSoon()));
    nn.own(nn.server.onDidChangeState((state) => state === 'running' && this.refreshSoon()));
    this.refreshSoon();
  }

  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    try {
      const uris = await vscode.workspace.findFiles(NN_FILES, EXCLUDED, MAX_FILES);
      const files = uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath);
      this.files = files.length === 0 ? [] : await serverCommand<FileDefinitions[]>(this.nn, 'nn.models', [files]);
    } catch (e) {
      this.nn.log.warn(`Models view: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.changed.fire();
  }

  getChildren(node?: ModelNode): ModelNode[] {
    if (!node) {
      return filesToShow(this.files, (f) => vscode.workspace.asRelativePath(f)).map((f) => ({ type: 'file', file: f.file, definitions: f.definitions, ...(f.error ? { error: f.error } : {}) }));
    }
    if (node.type === 'file') return node.definitions.map((definition) => ({ type: 'definition', file: node.file, model: definition.name, definition }));
    return [];
  }

  getTreeItem(node: ModelNode): vscode.TreeItem {
    const uri = vscode.Uri.file(node.file);
    if (node.type === 'file') {
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      const relative = vscode.workspace.asRelativePath(uri);
      const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      item.description = node.error ?? folder;
      item.tooltip = relative;
      item.contextValue = 'file';
      item.id = `file:${node.file}`;
      return item;
    }
    const d = node.definition;
    const item = new vscode.TreeItem(d.name, vscode.TreeItemCollapsibleState.None);
    item.id = `${d.kind}:${node.file}:${d.name}:${d.selectionRange.start.line}`;
    item.description = descriptionOf(d);
    item.tooltip = tooltipOf(d);
    item.iconPath = new vscode.ThemeIcon(iconOf(d));
    item.contextValue = contextValueOf(d);
    const { start, end } = d.selectionRange;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to Definition'), arguments: [uri, { selection: new vscode.Range(start.line, start.character, end.line, end.character) }] };
    return item;
  }
}
