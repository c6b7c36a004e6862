// When a file changes, the shapes shown in the open files that import it may
// change too: the server asks the editor to refresh its inlay hints (and
// semantic tokens and code lenses), if the editor allows it.

import { afterEach, describe, expect, test } from 'vitest';
import { Client, uriOf } from './client.js';

const BLOCK = 'block Head {\n  input x: [B, F]\n  output x -> Dense(10)\n}\n';
const WIDER = 'block Head {\n  input x: [B, F]\n  output x -> Dense(20)\n}\n';
const MAIN = 'import "./head.nn"\n\nmodel M {\n  input x: [B, 4]\n  output x -> Head -> ReLU\n}\n';

describe('refreshing views that depend on other files', () => {
  let client: Client;
  afterEach(async () => {
    await client.stop();
  });

  test('an edit to an imported file asks for fresh inlay hints, tokens and lenses', async () => {
    client = await Client.start({
      capabilities: { workspace: { inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true }, codeLens: { refreshSupport: true } } },
    });
    const asked: string[] = [];
    for (const method of ['workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh']) {
      client.connection.onRequest(method, () => {
        asked.push(method);
        return null;
      });
    }
    await client.open('/virtual/refresh/head.nn', BLOCK);
    await client.open('/virtual/refresh/main.nn', MAIN);
    expect(asked).toEqual([]);
    const next = client.nextDiagnostics(uriOf('/virtual/refresh/main.nn'));
    await client.change('/virtual/refresh/head.nn', WIDER);
    await next;
    expect(asked.sort()).toEqual(['workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']);
    const hints = await client.request<{ label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf('/virtual/refresh/main.nn') },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toContain('[B, 20]');
  });

  test('an editor that does not allow refreshes is not asked', async () => {
    client = await Client.start();
    const asked: string[] = [];
    client.connection.onRequest('workspace/inlayHint/refresh', () => {
      asked.push('inlayHint');
      return null;
    });
    await client.open('/virtual/refresh2/head.nn', BLOCK);
    await client.open('/virtual/refresh2/main.nn', MAIN);
    const next = client.nextDiagnostics(uriOf('/virtual/refresh2/main.nn'));
    await client.change('/virtual/refresh2/head.nn', WIDER);
    await next;
    expect(asked).toEqual([]);
  });
});
