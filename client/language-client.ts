// The language client: starts the bundled language server over Node IPC,
// restarts it on demand, and reports its state to the status bar. The lens
// commands the server names (`nn.summary`, `nn.graph`) open the editor's
// views here; the server's own answer to them is the data those views draw.

import * as vscode from 'vscode';
// types only: the library (most of the extension's bundle) is loaded when the server starts, after activation
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { config, onConfigChange } from './config.js';
import { untrustedMessage } from './context.js';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/** Lens commands that open a view in VS Code: server command id -> extension command id. */
const LENS_COMMANDS: Record<string, string> = { 'nn.summary': 'nn.showSummary', 'nn.graph': 'nn.showGraph' };

export class NnLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private current: ServerState = 'stopped';
  private lastError = '';
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extension: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {
    // hints are the server's; turning shapes off hides them without a restart
    this.disposables.push(onConfigChange('inlayHints.shapes', () => void vscode.commands.executeCommand('editor.action.inlayHints.refresh').then(undefined, () => undefined)));
  }

  get state(): ServerState {
    return this.current;
  }

  /** Why the server is not running, when it failed. */
  get failure(): string {
    return this.lastError;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const { LanguageClient, RevealOutputChannelOn, State, TransportKind } = await import('vscode-languageclient/node');
    if (this.client) return; // started meanwhile
    const module = vscode.Uri.joinPath(this.extension.extensionUri, 'dist', 'server.mjs').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'nn' }],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: {},
      middleware: {
        executeCommand: (command, args, next) => {
          const view = LENS_COMMANDS[command];
          return view ? vscode.commands.executeCommand(view, ...args) : next(command, args);
        },
        provideInlayHints: (document, range, token, next) => (config.inlayHintShapes() ? next(document, range, token) : []),
        provideCodeLenses: async (document, token, next) => restrictTraining(await next(document, token)),
      },
    };
    const client = new LanguageClient('nn', 'nn Language Server', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
      else if (e.newState === State.Starting) this.setState('starting');
      else if (this.current !== 'failed') this.setState('stopped');
    });
    this.setState('starting');
    try {
      await client.start();
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      this.setState('failed');
      this.output.error(`the language server did not start: ${this.lastError}`);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    this.lastError = '';
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.stop(2000);
    } catch {
      // a server that already died has nothing left to stop
    }
    this.setState('stopped');
  }

  /** A server command (`nn.summary`, `nn.graph`): its JSON answer, or an Error with the server's message. */
  async command<T>(command: string, args: unknown[]): Promise<T> {
    const client = this.client;
    if (!client || this.current !== 'running') throw new Error(serverNotRunning(this.current, this.lastError));
    const result = await client.sendRequest('workspace/executeCommand', { command, arguments: args });
    if (result && typeof result === 'object' && 'error' in result && typeof (result as { error: unknown }).error === 'string') {
      throw new Error((result as { error: string }).error);
    }
    return result as T;
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateEmitter.fire(state);
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    await this.stop();
    this.stateEmitter.dispose();
  }
}

/** Why a server command cannot be answered now. */
function serverNotRunning(state: ServerState, error: string): string {
  if (state === 'starting') return vscode.l10n.t('the nn language server is starting');
  if (state === 'failed') return error ? vscode.l10n.t('the nn language server failed: {0}', error) : vscode.l10n.t('the nn language server failed');
  return error ? vscode.l10n.t('the nn language server is stopped: {0}', error) : vscode.l10n.t('the nn language server is stopped');
}

/** In an untrusted workspace the Train lens says that training is off (a click explains why). */
function restrictTraining(lenses: vscode.CodeLens[] | null | undefined): vscode.CodeLens[] | null | undefined {
  if (vscode.workspace.isTrusted || !lenses) return lenses;
  for (const lens of lenses) {
    if (lens.command?.command === 'nn.train') lens.command = { ...lens.command, title: vscode.l10n.t('Train (restricted mode)'), tooltip: untrustedMessage() };
  }
  return lenses;
}
