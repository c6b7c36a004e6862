// Wires the LSP requests to the feature modules and advertises exactly
// the capabilities implemented here. Every handler runs through `guard`.

import { localeFrom, setLocale } from '../core/i18n/locale.js';
import {
  CodeActionKind,
  type Connection,
  DidChangeWatchedFilesNotification,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { codeActions } from './code-actions.js';
import { codeLenses } from './code-lens.js';
import { COMMANDS, executeCommand } from './commands.js';
import { completion } from './completion.js';
import { uriToPath } from './convert.js';
import { DiagnosticsPublisher } from './diagnostics.js';
import { foldingRanges } from './folding.js';
import { formatting } from './formatting.js';
import { hover } from './hover.js';
import type { Traffic } from './traffic.js';
import { inlayHints, resolveInlayHint } from './inlay-hints.js';
import { definition, documentHighlights, references } from './navigation.js';
import { prepareRename, rename } from './rename.js';
import { guard, guardCommand, log } from './safe.js';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './semantic-tokens.js';
import { SIGNATURE_TRIGGERS, signatureHelp } from './signature-help.js';
import { documentSymbols, workspaceSymbols } from './symbols.js';
import { Workspace } from './workspace.js';

export const DEFAULT_DEBOUNCE_MS = 150;

/**
 * Serves LSP on `connection`. `traffic` counts the messages on their way
 * (main.ts builds the connection with it): documents' checks step aside
 * while requests wait to be handled or answers to be written.
 */
export function startServer(connection: Connection, version: string, traffic?: Traffic): void {
  const workspace = new Workspace();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  // what the client lets the server ask it to refresh (hints shown in other open files)
  const refresh = { inlayHints: false, semanticTokens: false, codeLenses: false };
  // whether the client asks for each inlay hint's tooltip when it shows it
  let lazyTooltips = false;
  // whether the client watches files for the server (changes to imported files that are not open)
  let watchFiles = false;
  // whether the client tells the server when workspace folders are added or removed
  let folderChanges = false;
  const refreshViews = (): void => {
    if (refresh.inlayHints) void connection.languages.inlayHint.refresh();
    if (refresh.semanticTokens) connection.languages.semanticTokens.refresh();
    if (refresh.codeLenses) void connection.sendRequest('workspace/codeLens/refresh');
  };
  const diagnostics = new DiagnosticsPublisher(connection, workspace, () => debounceMs, refreshViews, traffic);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // diagnostics, hovers, completions and lenses speak the editor's language
    setLocale(localeFrom(params.locale));
    const ws = params.capabilities.workspace;
    refresh.inlayHints = ws?.inlayHint?.refreshSupport === true;
    refresh.semanticTokens = ws?.semanticTokens?.refreshSupport === true;
    refresh.codeLenses = ws?.codeLens?.refreshSupport === true;
    lazyTooltips = params.capabilities.textDocument?.inlayHint?.resolveSupport?.properties.includes('tooltip') === true;
    watchFiles = ws?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderChanges = ws?.workspaceFolders === true;
    const options = params.initializationOptions as { debounceMs?: unknown; checkTimeMs?: unknown } | null | undefined;
    if (typeof options?.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    if (typeof options?.checkTimeMs === 'number' && options.checkTimeMs >= 0) workspace.checkTimeMs = options.checkTimeMs;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.folders = folders.filter((u) => u.startsWith('file:')).map(uriToPath);
    return {
      serverInfo: { name: 'nn-language-server', version },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: false },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [',', ':'] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        executeCommandProvider: { commands: COMMANDS },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        inlayHintProvider: lazyTooltips ? { resolveProvider: true } : true,
        // the folders bound what the commands read and what is indexed: follow the editor's
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  // files that are not open change on disk too (a git checkout, another editor): watch them when the client can
  connection.onInitialized(() => {
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.nn' }] });
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard('didChangeWorkspaceFolders', undefined, (e: WorkspaceFoldersChangeEvent) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          const added = e.added.filter((f) => f.uri.startsWith('file:')).map((f) => uriToPath(f.uri));
          workspace.folders = [...workspace.folders.filter((f) => !removed.has(f)), ...added.filter((f) => !workspace.folders.includes(f))];
        }),
      );
    }
  });
  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (p: DidChangeWatchedFilesParams) => {
      for (const change of p.changes) diagnostics.changedOnDisk(change.uri);
    }),
  );

  workspace.documents.onDidChangeContent((e) => diagnostics.changed(e.document.uri));
  workspace.documents.onDidClose((e) => diagnostics.closed(e.document.uri));
  workspace.documents.listen(connection);

  connection.onHover(guard('hover', null, (p) => hover(workspace, p)));
  connection.onCompletion(guard('completion', [], (p) => completion(workspace, p)));
  connection.onSignatureHelp(guard('signatureHelp', null, (p) => signatureHelp(workspace, p)));
  connection.onDefinition(guard('definition', [], (p) => definition(workspace, p)));
  connection.onReferences(guard('references', [], (p) => references(workspace, p)));
  connection.onDocumentHighlight(guard('documentHighlight', [], (p) => documentHighlights(workspace, p)));
  connection.onDocumentSymbol(guard('documentSymbol', [], (p) => documentSymbols(workspace, p)));
  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => workspaceSymbols(workspace, p)));
  connection.onCodeAction(guard('codeAction', [], (p) => codeActions(workspace, p)));
  connection.onCodeLens(guard('codeLens', [], (p) => codeLenses(workspace, p)));
  connection.onDocumentFormatting(guard('formatting', [], (p) => formatting(workspace, p)));
  connection.onPrepareRename(guard('prepareRename', null, (p) => prepareRename(workspace, p)));
  connection.onRenameRequest(guard('rename', null, (p) => rename(workspace, p)));
  connection.onFoldingRanges(guard('foldingRange', [], (p) => foldingRanges(workspace, p)));
  connection.onExecuteCommand((p) => guardCommand(p.command, () => executeCommand(workspace, p))(p));
  connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, (p) => semanticTokens(workspace, p)));
  connection.languages.inlayHint.on(guard('inlayHint', [], (p) => inlayHints(workspace, p, lazyTooltips)));
  // a hint whose tooltip cannot be found is answered as it came
  connection.languages.inlayHint.resolve((hint) => guard('inlayHint/resolve', hint, () => resolveInlayHint(workspace, hint))(hint));

  process.on('uncaughtException', (e) => log('uncaught exception', e));
  process.on('unhandledRejection', (e) => log('unhandled rejection', e));
  connection.listen();
}
