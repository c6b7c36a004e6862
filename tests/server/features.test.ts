// One scenario per request. Every answer must be well-formed LSP; exact
// content is asserted for what core/ide settles precisely (navigation,
// rename, folding, formatting, nn.summary), loosely for the rest (hover,
// inlay hints, completion, signature help: their wording is core's).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, Client, cursor, root, uriOf, type Position, type Range } from './client.js';

const SOURCE = `/// Two dense layers.
block Head(units: int = 10) {
  input x: [B, C]
  output x -> Dense(64) -> ReLU -> Dense(units)
}

model Net {
  input image: [B, 28, 28, 1]
  let features = image -> Flatten
  output features -> Head(10)
}
`;

const isPosition = (p: unknown) => expect(p).toEqual({ line: expect.any(Number), character: expect.any(Number) });
const isRange = (r: unknown) => {
  const range = r as Range;
  isPosition(range.start);
  isPosition(range.end);
};
const isLocation = (l: { uri: string; range: Range }) => {
  expect(l.uri).toMatch(/^file:/);
  isRange(l.range);
};

describe('features on one document', () => {
  let client: Client;
  const file = '/virtual/features/main.nn';
  const uri = uriOf(file);
  const textDocument = { uri };
  const at = (marked: string): Position => cursor(marked).position;

  beforeAll(async () => {
    client = await Client.start();
    const published = await client.open(file, SOURCE);
    expect(published.diagnostics).toEqual([]);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  test('hover: null or Markdown with a range', async () => {
    const h = await client.request<{ contents: { kind: string; value: string }; range?: Range } | null>('textDocument/hover', {
      textDocument, position: at(SOURCE.replace('-> Dense(64)', '-> Den<|>se(64)')),
    });
    if (h !== null) {
      expect(h.contents.value).toContain('Dense');
      expect(h.contents.kind).toBe('markdown');
      expect(typeof h.contents.value).toBe('string');
      if (h.range) isRange(h.range);
    }
  });

  test('inlay hints: type hints with a label and a Markdown tooltip', async () => {
    const hints = await client.request<{ position: Position; label: string; kind: number; tooltip?: { kind: string } }[]>('textDocument/inlayHint', {
      textDocument, range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } },
    });
    expect(Array.isArray(hints)).toBe(true);
    for (const h of hints) {
      isPosition(h.position);
      expect(h.kind).toBe(1);
      expect(typeof h.label).toBe('string');
      if (h.tooltip) expect(h.tooltip.kind).toBe('markdown');
    }
    if (hints.length > 0) expect(hints.map((h) => h.label)).toContain('[B, 64]');
  });

  test('completion: items with kinds; snippets marked as snippets', async () => {
    const items = await client.request<{ label: string; kind: number; insertText?: string; insertTextFormat?: number }[]>('textDocument/completion', {
      textDocument, position: at(SOURCE.replace('-> ReLU', '-> Re<|>LU')),
    });
    expect(Array.isArray(items)).toBe(true);
    for (const item of items) {
      expect(typeof item.label).toBe('string');
      expect(item.kind).toBeGreaterThan(0);
      if (item.insertText !== undefined) expect(item.insertTextFormat).toBe(2);
    }
  });

  test('signature help: null or one signature with an active parameter', async () => {
    const help = await client.request<{ signatures: { label: string; parameters: unknown[] }[]; activeParameter: number } | null>('textDocument/signatureHelp', {
      textDocument, position: at(SOURCE.replace('Dense(64)', 'Dense(<|>64)')),
    });
    if (help !== null) {
      expect(help.signatures).toHaveLength(1);
      expect(typeof help.signatures[0]!.label).toBe('string');
      expect(typeof help.activeParameter).toBe('number');
    }
  });

  test('definition, references and highlights: locations and ranges', async () => {
    const position = at(SOURCE.replace('-> Head(10)', '-> He<|>ad(10)'));
    const definitions = await client.request<{ uri: string; range: Range }[]>('textDocument/definition', { textDocument, position });
    definitions.forEach(isLocation);
    const head = { uri, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } } };
    const use = { uri, range: { start: { line: 9, character: 21 }, end: { line: 9, character: 25 } } };
    expect(definitions).toEqual([head]);
    const references = await client.request<{ uri: string; range: Range }[]>('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
    references.forEach(isLocation);
    expect(references).toEqual([head, use]);
    const highlights = await client.request<{ range: Range }[]>('textDocument/documentHighlight', { textDocument, position });
    highlights.forEach((h) => isRange(h.range));
    expect(highlights.map((h) => h.range)).toEqual([head.range, use.range]);
  });

  test('rename: prepareRename is a range or null; rename is an edit, or an error with a message', async () => {
    const position = at(SOURCE.replace('output features', 'output feat<|>ures'));
    const range = await client.request<Range | null>('textDocument/prepareRename', { textDocument, position });
    expect(range).toEqual({ start: { line: 9, character: 9 }, end: { line: 9, character: 17 } });
    expect(await client.request('textDocument/prepareRename', { textDocument, position: at(SOURCE.replace('-> ReLU', '-> Re<|>LU')) })).toBeNull(); // a layer
    const edit = await client.request<{ changes: Record<string, { range: Range; newText: string }[]> }>('textDocument/rename', { textDocument, position, newName: 'feats' });
    expect(Object.keys(edit.changes)).toEqual([uri]);
    expect(applyEdits(SOURCE, edit.changes[uri]!)).toContain('let feats = image -> Flatten\n  output feats -> Head(10)');
    // a name that cannot be used is an error the editor shows
    const refused = await client.request('textDocument/rename', { textDocument, position, newName: '1x' }).then(
      () => undefined,
      (e: { code: number; message: string }) => e,
    );
    expect(refused).toMatchObject({ code: -32803, message: expect.stringContaining('not a valid name') });
  });

  test('symbols: hierarchical document symbols; workspace symbols with locations', async () => {
    const symbols = await client.request<{ name: string; kind: number; range: Range; selectionRange: Range; children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument });
    for (const s of symbols) {
      expect(typeof s.name).toBe('string');
      isRange(s.range);
      isRange(s.selectionRange);
      expect(Array.isArray(s.children)).toBe(true);
    }
    const found = await client.request<{ name: string; kind: number; location: { uri: string; range: Range } }[]>('workspace/symbol', { query: 'Net' });
    for (const s of found) isLocation(s.location);
  });

  test('folding ranges span lines; code lenses carry commands', async () => {
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument });
    for (const f of folds) expect(f.endLine).toBeGreaterThan(f.startLine);
    expect(folds).toContainEqual({ startLine: 6, endLine: 10 });
    const lenses = await client.request<{ range: Range; command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument });
    for (const l of lenses) {
      isRange(l.range);
      expect(l.command.command).toMatch(/^nn\./);
    }
    // the summary lens runs through the server's own nn.summary
    const summary = lenses.find((l) => l.command.command === 'nn.summary') as { command: { arguments: unknown[] } } | undefined;
    if (summary) expect(await client.request('workspace/executeCommand', { command: 'nn.summary', arguments: summary.command.arguments })).toMatchObject({ model: 'Net' });
  });

  test('semantic tokens: relative encoding, five numbers a token, types within the legend', async () => {
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument });
    expect(tokens.data.length % 5).toBe(0);
    for (let i = 0; i < tokens.data.length; i += 5) expect(tokens.data[i + 3]).toBeLessThan(12);
  });

  test('formatting: the canonical layout as the smallest edits; refused with syntax errors', async () => {
    const messy = 'model   M {\n  input x: [B,4]\n    output x->Dense(3)\n}';
    const messyFile = '/virtual/features/messy.nn';
    await client.open(messyFile, messy);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await client.request<{ range: Range; newText: string }[]>('textDocument/formatting', { textDocument: { uri: uriOf(messyFile) }, options });
    expect(applyEdits(messy, edits)).toBe('model M {\n  input x: [B, 4]\n  output x -> Dense(3)\n}\n');
    // one small edit per line that changes, none spanning lines
    expect(edits).toEqual([
      { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } }, newText: '' },
      { range: { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, newText: ' ' },
      { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 14 } }, newText: 'output x -> ' },
      { range: { start: { line: 3, character: 1 }, end: { line: 3, character: 1 } }, newText: '\n' },
    ]);
    expect(await client.request('textDocument/formatting', { textDocument, options })).toEqual([]); // already canonical
    // one line mis-indented in a long file: one edit on that line, the rest of the file untouched
    const resnet = readFileSync(join(root, 'examples', 'resnet.nn'), 'utf8');
    const line = resnet.split('\n').findIndex((l) => l.startsWith('  input'));
    const shifted = resnet.split('\n').map((l, i) => (i === line ? `      ${l.trimStart()}` : l)).join('\n');
    const resnetFile = '/virtual/features/resnet.nn';
    await client.open(resnetFile, shifted);
    const small = await client.request<{ range: Range; newText: string }[]>('textDocument/formatting', { textDocument: { uri: uriOf(resnetFile) }, options });
    expect(small).toEqual([{ range: { start: { line, character: 2 }, end: { line, character: 6 } }, newText: '' }]);
    expect(applyEdits(shifted, small)).toBe(resnet);
    const broken = '/virtual/features/broken.nn';
    await client.open(broken, 'model M {\n  input x: [B,\n}');
    expect(await client.request('textDocument/formatting', { textDocument: { uri: uriOf(broken) }, options })).toEqual([]);
  });

  test('nn.summary answers the JSON of `nn summary --json`; a failure is a JSON-RPC error', async () => {
    const summary = await client.request<{ model: string; params: number; outputs: unknown[] }>('workspace/executeCommand', { command: 'nn.summary', arguments: [uri] });
    expect(summary).toMatchObject({ model: 'Net', params: 784 * 64 + 64 + 64 * 10 + 10, outputs: [{ name: 'output', shape: ['B', 10] }] });
    expect(await client.request('workspace/executeCommand', { command: 'nn.summary', arguments: [file, 'Net'] })).toMatchObject({ model: 'Net' });
    const invalidParams = -32602;
    await expect(client.request('workspace/executeCommand', { command: 'nn.summary', arguments: [uri, 'Nope'] })).rejects.toMatchObject({
      code: invalidParams,
      message: expect.stringContaining("no model 'Nope'"),
    });
    await expect(client.request('workspace/executeCommand', { command: 'nn.summary', arguments: [] })).rejects.toMatchObject({
      code: invalidParams,
      message: 'nn.summary takes a file URI or path, and optionally a model name',
    });
    await expect(client.request('workspace/executeCommand', { command: 'nn.summary', arguments: [uri, 3] })).rejects.toMatchObject({
      code: invalidParams,
      message: 'the model name must be a string',
    });
    expect(client.alive).toBe(true);
  });

  test('a command the server does not know is a MethodNotFound error, not a result', async () => {
    const methodNotFound = -32601;
    await expect(client.request('workspace/executeCommand', { command: 'nn.nope', arguments: [uri] })).rejects.toMatchObject({
      code: methodNotFound,
      message: expect.stringMatching(/^unknown command 'nn\.nope' \(this server knows .*nn\.summary/),
    });
    expect(client.alive).toBe(true);
  });
});

describe('inlay hint tooltips resolved one at a time', () => {
  const file = '/virtual/features/lazy.nn';
  const textDocument = { uri: uriOf(file) };
  const range = { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } };
  interface Hint { position: Position; label: string; tooltip?: { kind: string; value: string }; data?: unknown }

  test('a client that resolves tooltips gets the labels first, then each tooltip, the same as given at once', async () => {
    const eager = await Client.start();
    const lazy = await Client.start({ capabilities: { textDocument: { inlayHint: { resolveSupport: { properties: ['tooltip'] } } } } });
    expect(lazy.initializeResult.capabilities['inlayHintProvider']).toEqual({ resolveProvider: true });
    await eager.open(file, SOURCE);
    await lazy.open(file, SOURCE);
    const all = await eager.request<Hint[]>('textDocument/inlayHint', { textDocument, range });
    const labels = await lazy.request<Hint[]>('textDocument/inlayHint', { textDocument, range });
    expect(labels.map((h) => [h.position, h.label])).toEqual(all.map((h) => [h.position, h.label]));
    expect(all.some((h) => h.tooltip !== undefined)).toBe(true);
    expect(labels.every((h) => h.tooltip === undefined && h.data !== undefined)).toBe(true);
    const resolved = await Promise.all(labels.map((h) => lazy.request<Hint>('inlayHint/resolve', h)));
    expect(resolved.map((h) => h.tooltip)).toEqual(all.map((h) => h.tooltip));
    // after an edit, a hint of the old version resolves to itself
    await lazy.change(file, SOURCE.replace('Dense(64)', 'Dense(32)'));
    const stale = labels.find((h) => h.label === '[B, 64]')!;
    expect(await lazy.request<Hint>('inlayHint/resolve', stale)).toEqual(stale);
    for (const client of [eager, lazy]) {
      expect(await client.stop()).toBe(0);
      expect(client.stderr).toBe('');
    }
  });
});
