// Several files: imports read through the editor's open documents first,
// the disk otherwise; editing an imported file re-checks its open importers.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, uriOf } from './client.js';

const BLOCKS = 'block Head(units: int) {\n  input x: [B, C]\n  output x -> Dense(units)\n}\n';
const MAIN = 'import "./blocks.nn"\nmodel M {\n  input x: [B, 8]\n  output x -> Head(10)\n}\n';

describe('a file importing another', () => {
  let folder: string;
  let client: Client;
  let blocks: string;
  let main: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'nn-lsp-'));
    blocks = join(folder, 'blocks.nn');
    main = join(folder, 'main.nn');
    writeFileSync(blocks, BLOCKS);
    writeFileSync(main, MAIN);
    client = await Client.start({ rootPath: folder });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  });

  test('reads the imported file from the disk while it is not open', async () => {
    expect((await client.open(main, MAIN)).diagnostics).toEqual([]);
  });

  test('changing the open imported file re-publishes the importer', async () => {
    const next = client.nextDiagnostics(uriOf(main));
    await client.open(blocks, BLOCKS);
    expect((await next).diagnostics).toEqual([]); // opening re-checks too: same text, same answer

    const broken = client.nextDiagnostics(uriOf(main));
    await client.change(blocks, BLOCKS.replace('input x: [B, C]', 'input x: [B, T, C]'));
    const published = await broken;
    expect(published.version).toBe(1); // the importer itself did not change
    expect(published.diagnostics.map((d) => d.code)).toEqual(['NN2020']);
    expect(published.diagnostics[0]!.relatedInformation![0]!.location.uri).toBe(uriOf(blocks));

    const fixed = client.nextDiagnostics(uriOf(main));
    await client.change(blocks, BLOCKS.replace('Head', 'Head2'));
    expect((await fixed).diagnostics.map((d) => d.code)).toHaveLength(1); // Head is gone now
  });

  test('closing the imported file falls back to the disk, and re-checks the importer', async () => {
    const next = client.nextDiagnostics(uriOf(main));
    await client.close(blocks);
    expect((await next).diagnostics).toEqual([]);
  });

  test('workspace symbols and the summary see files on the disk', async () => {
    const symbols = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '' });
    expect(Array.isArray(symbols)).toBe(true);
    const summary = await client.request<{ model: string; params: number }>('workspace/executeCommand', { command: 'nn.summary', arguments: [uriOf(main)] });
    expect(summary).toMatchObject({ model: 'M', params: 8 * 10 + 10 });
  });
});

describe('an imported file that is not open changes on disk', () => {
  let folder: string;
  let client: Client;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'nn-lsp-watch-'));
    writeFileSync(join(folder, 'blocks.nn'), BLOCKS);
    writeFileSync(join(folder, 'main.nn'), MAIN);
    client = await Client.start({ rootPath: folder, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  });

  test('the server asks the editor to watch .nn files', async () => {
    await client.open(join(folder, 'main.nn'), MAIN);
    expect(client.registrations).toContainEqual({ id: expect.any(String), method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.nn' }] } });
  });

  test('a watched change re-checks the open importers', async () => {
    const main = join(folder, 'main.nn');
    const blocks = join(folder, 'blocks.nn');
    writeFileSync(blocks, BLOCKS.replace('input x: [B, C]', 'input x: [B, T, C]'));
    const next = client.nextDiagnostics(uriOf(main));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(blocks), type: 2 }] });
    expect((await next).diagnostics.map((d) => d.code)).toEqual(['NN2020']);
  });
});
