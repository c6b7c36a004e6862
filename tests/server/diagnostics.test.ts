// Diagnostics through a real client: on open and change, versions, stale
// results dropped, related information in other files, tags, quick fixes.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyEdits, Client, uriOf, type Diagnostic } from './client.js';

const FILE = '/virtual/diagnostics/main.nn';
const URI = uriOf(FILE);

const BROKEN = `model M {
  input x: [B, 8, 8, 3]
  let unused = 3
  output x -> Dense(10)
}
`;

const textAt = (text: string, d: Diagnostic) => {
  const lines = text.split('\n');
  expect(d.range.start.line).toBe(d.range.end.line);
  return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
};

describe('diagnostics', () => {
  let client: Client;
  beforeAll(async () => (client = await Client.start()));
  afterAll(async () => expect(await client.stop()).toBe(0));

  test('are published on open, with severity, code, source, range and the Unnecessary tag', async () => {
    const published = await client.open(FILE, BROKEN);
    expect(published.version).toBe(1);
    const [unused, dense] = published.diagnostics;
    expect(published.diagnostics).toHaveLength(2);
    expect(unused).toMatchObject({ severity: 2, code: 'NN5001', source: 'nn', message: "binding 'unused' is never used", tags: [1] });
    expect(textAt(BROKEN, unused!)).toBe('unused');
    expect(dense).toMatchObject({ severity: 1, code: 'NN2002', source: 'nn', message: 'Dense acts on the last axis of a rank-4 input here; flatten the image features first' });
    expect(dense!.tags).toBeUndefined();
    expect(textAt(BROKEN, dense!)).toBe('Dense(10)');
    // where the input's shape comes from, as related information
    expect(dense!.relatedInformation).toEqual([{ location: { uri: URI, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } } }, message: 'the input has shape [B, 8, 8, 3]: input x' }]);
  });

  test('the quick fix "Insert Flatten before Dense" is a workspace edit that fixes the file', async () => {
    const published = await client.diagnostics(URI, 1);
    const dense = published.diagnostics.find((d) => d.code === 'NN2002')!;
    const actions = await client.request<{ title: string; kind: string; diagnostics: Diagnostic[]; edit: { changes: Record<string, { range: never; newText: string }[]> } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: URI }, range: dense.range, context: { diagnostics: [dense], only: ['quickfix'] } },
    );
    expect(actions.map((a) => a.title)).toEqual(['Insert Flatten before Dense']);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', diagnostics: [{ code: 'NN2002' }] });
    expect(Object.keys(actions[0]!.edit.changes)).toEqual([URI]);
    const fixed = applyEdits(BROKEN, actions[0]!.edit.changes[URI]!);
    expect(fixed).toContain('output x -> Flatten -> Dense(10)');
    const version = await client.change(FILE, fixed);
    const after = await client.diagnostics(URI, version);
    expect(after.version).toBe(version);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['NN5001']);
  });

  test('no code actions where there is nothing to fix', async () => {
    const actions = await client.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] },
    });
    expect(actions).toEqual([]);
  });

  test('follow changes: an error introduced, then removed', async () => {
    const v1 = await client.change(FILE, 'model M {\n  input x: [B, 4]\n  output x -> Dense(3) -> Conv2D(8, 3)\n}\n');
    expect((await client.diagnostics(URI, v1)).diagnostics.map((d) => d.severity)).toContain(1);
    const v2 = await client.change(FILE, 'model M {\n  input x: [B, 4]\n  output x -> Dense(3)\n}\n');
    expect(await client.diagnostics(URI, v2)).toEqual({ uri: URI, version: v2, diagnostics: [] });
  });

  test('closing a document clears its diagnostics', async () => {
    await client.close(FILE);
    const cleared = await client.nextDiagnostics(URI);
    expect(cleared.diagnostics).toEqual([]);
  });

  test('syntax errors are diagnostics too', async () => {
    const published = await client.open('/virtual/diagnostics/syntax.nn', 'model M {\n  input x: [B, 4\n}\n');
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(published.diagnostics.map((d) => [d.source, typeof d.code, d.severity, d.message])).toContainEqual(['nn', 'string', 1, "expected ']' to close '[', found '}'"]);
  });
});

describe('debouncing', () => {
  test('a version replaced before it was checked is never published', async () => {
    const client = await Client.start({ debounceMs: 150 });
    const file = '/virtual/debounce/main.nn';
    const uri = uriOf(file);
    await client.open(file, BROKEN);
    const v2 = await client.change(file, BROKEN.replace('Dense(10)', 'Dense(11)'));
    const v3 = await client.change(file, BROKEN.replace('x -> Dense', 'x -> Flatten -> Dense'));
    const latest = await client.diagnostics(uri, v3);
    expect(latest.version).toBe(v3);
    expect(latest.diagnostics.map((d) => d.code)).toEqual(['NN5001']);
    await new Promise((r) => setTimeout(r, 400));
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, v3]);
    expect(v2).toBe(2);
    expect(await client.stop()).toBe(0);
  });
});

describe('related information', () => {
  test('points into the imported file by its URI', async () => {
    const client = await Client.start();
    const blocks = '/virtual/related/blocks.nn';
    const main = '/virtual/related/main.nn';
    await client.open(blocks, 'block Head(units: int) {\n  input x: [B, C]\n  output x -> Dense(units)\n}\n');
    const text = 'import "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Head(10)\n}\n';
    const published = await client.open(main, text);
    expect(published.diagnostics).toHaveLength(1);
    const [d] = published.diagnostics;
    expect(d).toMatchObject({ code: 'NN2020', severity: 1 });
    expect(textAt(text, d!)).toBe('Head(10)');
    const related = d!.relatedInformation!;
    expect(related[0]).toEqual({
      location: { uri: uriOf(blocks), range: { start: { line: 1, character: 11 }, end: { line: 1, character: 17 } } },
      message: 'here, in Head',
    });
    expect(related.slice(1).every((r) => r.location.uri === uriOf(main))).toBe(true);
    expect(await client.stop()).toBe(0);
  });
});
