// A slow document does not hold up the others. Each check has a deadline
// (the checker's work budget bounds the rest), checks run one per
// macrotask in turn, and a check steps aside while requests wait: a hover
// on a small file is answered before the checks of pathological documents
// that were waiting for their turn. A check cut short says so (NN3013).
// Orderings, not times: which answer arrived first.

import { afterEach, describe, expect, test } from 'vitest';
import { RETRY_CUT_SHORT_MS } from '../../server/diagnostics.js';
import { Client, cursor, type Published, uriOf } from './client.js';
import { busyModel, largeSource, nestedRepeats } from './hostile-sources.js';

const SMALL = 'model Small {\n  input x: [B, 4]\n  output x -> Den<|>se(2)\n}\n';

describe('a slow document and a small one', () => {
  let client: Client | undefined;
  afterEach(async () => {
    if (client) expect(await client.stop()).toBe(0);
    client = undefined;
  });

  test('hover on the small file is answered before the slow documents waiting for their check', async () => {
    client = await Client.start();
    const small = '/virtual/responsive/small.nn';
    const { text, position } = cursor(SMALL);
    await client.open(small, text);

    // in the order the client sends them: two pathological documents, then a hover on the small one
    const slow = { nested: '/virtual/responsive/nested.nn', large: '/virtual/responsive/large.nn' };
    const arrived: string[] = [];
    const published = (name: string, path: string): Promise<Published> =>
      client!.diagnostics(uriOf(path), 1, 120_000).then((p) => {
        arrived.push(name);
        return p;
      });
    const nestedPublished = published('nested', slow.nested);
    const largePublished = published('large', slow.large);
    const open = (path: string, source: string) =>
      client!.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: 'nn', version: 1, text: source } });
    void open(slow.nested, nestedRepeats());
    void open(slow.large, largeSource(1_900_000));
    const hover = client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(small) }, position }).then((h) => {
      arrived.push('hover');
      return h;
    });

    const [answer, nested, large] = await Promise.all([hover, nestedPublished, largePublished]);
    expect(answer?.contents.value).toMatch(/Dense/);
    // the first check may have started before the hover was read; the hover never waits for a second one
    expect(arrived.indexOf('hover')).toBeLessThan(arrived.indexOf('large'));
    // the slow documents say why their checks stopped, at the place they stopped
    expect(nested.diagnostics.map((d) => d.code)).toContain('NN3013');
    expect(large.diagnostics.map((d) => d.code)).toContain('NN3013');
    expect(client.alive).toBe(true);
  }, 180_000);

  test('a check cut short by its deadline says so', async () => {
    // no time at all for a check: it stops at the first reading of the clock
    client = await Client.start({ initializationOptions: { checkTimeMs: 0 } });
    const published = await client.open('/virtual/responsive/busy.nn', busyModel());
    const stop = published.diagnostics.find((d) => d.code === 'NN3013');
    expect(stop?.message).toMatch(/ran past its time limit/);
    // tried once more after a pause (the machine may only have been busy), and only once per version
    const again = await client.nextDiagnostics(uriOf('/virtual/responsive/busy.nn'), 10_000);
    expect(again.diagnostics.map((d) => d.code)).toContain('NN3013');
    await new Promise((r) => setTimeout(r, 2 * RETRY_CUT_SHORT_MS + 500));
    expect(client.published.filter((p) => p.uri === uriOf('/virtual/responsive/busy.nn'))).toHaveLength(2);
    // the same model with the default deadline checks in full
    const full = await Client.start();
    expect((await full.open('/virtual/responsive/busy.nn', busyModel())).diagnostics).toEqual([]);
    expect(await full.stop()).toBe(0);
  });

  test('a request on a document still waiting for its check answers from its current text', async () => {
    client = await Client.start({ debounceMs: 60_000 }); // the check would come in a minute: the hover cannot wait for it
    const small = '/virtual/responsive/waiting.nn';
    const { text, position } = cursor(SMALL);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(small), languageId: 'nn', version: 1, text } });
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(small) }, position });
    expect(h?.contents.value).toMatch(/Dense/);
  });
});
