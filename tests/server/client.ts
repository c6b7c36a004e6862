// A real LSP client for the server tests: spawns `node bin/nn-language-server.js
// --stdio` (the built bundle: run `npm run build` first when running vitest
// alone), speaks JSON-RPC to it, and records every publishDiagnostics.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { LineIndex } from '../../core/text/line-index.js';

export const root = join(import.meta.dirname, '..', '..');

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  tags?: number[];
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
export interface Published { uri: string; version?: number; diagnostics: Diagnostic[] }

/** The text without the `<|>` marker, and the marker's position. */
export function cursor(source: string): { text: string; position: Position; offset: number } {
  const offset = source.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> marker in the source');
  const text = source.slice(0, offset) + source.slice(offset + 3);
  return { text, offset, position: new LineIndex(text).position(offset) };
}

export const uriOf = (path: string): string => pathToFileURL(path).href;

export class Client {
  readonly published: Published[] = [];
  /** capabilities the server registered with the client (client/registerCapability) */
  registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } },
  ) {}

  /** `args`: the server's command line (default `--stdio`); the protocol runs over stdio. */
  static async start(
    options: { debounceMs?: number; rootPath?: string; capabilities?: Record<string, unknown>; args?: string[]; initializationOptions?: Record<string, unknown>; locale?: string } = {},
  ): Promise<Client> {
    const args = options.args ?? ['--stdio'];
    const child = spawn(process.execPath, [join(root, 'bin', 'nn-language-server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let client: Client | undefined;
    const early: Published[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      if (client) client.receive(p);
      else early.push(p);
    });
    connection.onNotification('window/logMessage', () => {});
    connection.onRequest('workspace/configuration', () => []);
    // what the server registers dynamically (file watchers), as the editor would accept it
    const registrations: { method: string; registerOptions?: unknown }[] = [];
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      registrations.push(...p.registrations);
      return null;
    });
    connection.listen();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const rootPath = options.rootPath ?? root;
    const result = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(rootPath),
      workspaceFolders: [{ uri: uriOf(rootPath), name: 'root' }],
      capabilities: options.capabilities ?? {},
      initializationOptions: { debounceMs: options.debounceMs ?? 0, ...options.initializationOptions },
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    await connection.sendNotification('initialized', {});
    client = new Client(child, connection, result as Client['initializeResult']);
    client.registrations = registrations;
    child.stderr!.on('data', (chunk: Buffer) => (client!.stderr += chunk.toString()));
    client.stderr = stderr;
    for (const p of early) client.receive(p);
    return client;
  }

  private receive(p: Published): void {
    this.published.push(p);
    const ready = this.waiters.filter((w) => w.test(p));
    this.waiters = this.waiters.filter((w) => !w.test(p));
    for (const w of ready) w.resolve(p);
  }

  /** The next publishDiagnostics for `uri` (at `version` or later when given), or the latest already received. */
  diagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Published> {
    const test = (p: Published) => p.uri === uri && (version === undefined || (p.version ?? -1) >= version);
    const already = [...this.published].reverse().find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}${version !== undefined ? ` v${version}` : ''} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** The next publishDiagnostics for `uri` that arrives from now on. */
  nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no new diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ test: (p) => p.uri === uri, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(path: string, text: string): Promise<Published> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nn', version: 1, text } });
    return this.diagnostics(uri, 1);
  }

  /** Replaces the whole text; returns the new version (does not wait). */
  async change(path: string, text: string): Promise<number> {
    return this.edit(path, [{ text }]);
  }

  /** Sends content changes (ranged or whole) with the next version. */
  async edit(path: string, contentChanges: ({ text: string } | { range: Range; text: string })[]): Promise<number> {
    const uri = uriOf(path);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(path: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path) } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}
