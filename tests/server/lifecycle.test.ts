// The process: --version, usage errors, the advertised capabilities, a clean shutdown.

import { fork, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../server/commands.js';
import { Client, root } from './client.js';

const bin = join(root, 'bin', 'nn-language-server.js');
const version = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'package.json'), 'utf8'))) as { version: string }).version;

describe('the nn-language-server process', () => {
  test('--version prints the version', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`nn-language-server ${version}\n`);
  });

  test.each([[[]], [['--bogus']], [['--stdio', 'extra']], [['--stdio', '--node-ipc']], [['--node-ipc', '--stdio', '--stdio']]])('usage on stderr, exit 2, for %j', (args) => {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: nn-language-server --stdio \| --node-ipc/);
  });

  test('advertises exactly the features it implements, and shuts down cleanly', async () => {
    const client = await Client.start();
    const { capabilities, serverInfo } = client.initializeResult;
    expect(serverInfo).toEqual({ name: 'nn-language-server', version });
    expect(Object.keys(capabilities).sort()).toEqual(
      [
        'codeActionProvider', 'codeLensProvider', 'completionProvider', 'definitionProvider', 'documentFormattingProvider',
        'documentHighlightProvider', 'documentSymbolProvider', 'executeCommandProvider', 'foldingRangeProvider', 'hoverProvider',
        'inlayHintProvider', 'referencesProvider', 'renameProvider', 'semanticTokensProvider', 'signatureHelpProvider',
        'textDocumentSync', 'workspace', 'workspaceSymbolProvider',
      ].sort(),
    );
    expect(capabilities.workspace).toEqual({ workspaceFolders: { supported: true, changeNotifications: true } });
    expect(capabilities.signatureHelpProvider).toMatchObject({ triggerCharacters: ['(', ','] });
    // every command of the server's table, and nothing else
    expect(capabilities.executeCommandProvider).toEqual({ commands: COMMANDS });
    expect(COMMANDS).toContain('nn.summary');
    expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect(capabilities.semanticTokensProvider).toMatchObject({
      full: true,
      legend: { tokenTypes: ['keyword', 'layer', 'function', 'type', 'variable', 'parameter', 'property', 'number', 'string', 'comment', 'operator', 'dimension'] },
    });
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  // vscode-languageclient adds `--stdio` to a stdio server's own `--stdio` (and VS Code its process id)
  test.each([[['--stdio', '--stdio']], [['--stdio', '--stdio', '--clientProcessId=1']]])('starts and answers over stdio for %j', async (args) => {
    const client = await Client.start({ args });
    expect(client.initializeResult.serverInfo).toEqual({ name: 'nn-language-server', version });
    expect(client.alive).toBe(true);
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  test('a request about a document that is not open answers empty, and the server lives on', async () => {
    const client = await Client.start();
    const textDocument = { uri: 'file:///nowhere/missing.nn' };
    const position = { line: 0, character: 0 };
    expect(await client.request('textDocument/hover', { textDocument, position })).toBeNull();
    expect(await client.request('textDocument/completion', { textDocument, position })).toEqual([]);
    expect(await client.request('textDocument/semanticTokens/full', { textDocument })).toMatchObject({ data: [] });
    expect(await client.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(client.alive).toBe(true);
    expect(await client.stop()).toBe(0);
  });

  test('--node-ipc: the same protocol over the Node IPC channel', async () => {
    const child = fork(bin, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    expect(result).toMatchObject({ serverInfo: { name: 'nn-language-server' } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
    connection.dispose();
  });
});
