// 2,000 random incremental edits to examples/vgg.nn: the server stays up,
// and its final diagnostics are those of a fresh check of the final text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { LineIndex } from '../../core/text/line-index.js';
import { Client, root, uriOf } from './client.js';
import { prng as random } from '../helpers/prng.js';

const SNIPPETS = [' ', '\n', '(', ')', '[', ']', '{', '}', ',', ':', '"', '->', ' -> Dense(10)', ' -> Flatten', 'Conv2D(64, 3, padding: 1)', 'let y = x\n', '[B, 7, 7]', '// note\n', '/// doc\n', 'model', 'block', 'repeat 3 { ReLU }', 'input z: [B, 4]\n', 'output', '2 *', '+', 'if', 'train', 'é', '🙂'];

test('2,000 random edits: alive, and the final diagnostics equal a fresh check', async () => {
  const file = join(root, 'examples', 'vgg.nn');
  const uri = uriOf(file);
  let text = readFileSync(file, 'utf8');
  const client = await Client.start();
  await client.open(file, text);
  const next = random(20240607);
  let version = 1;
  while (version < 2001) {
    const lines = new LineIndex(text);
    const start = Math.floor(next() * (text.length + 1));
    const insert = next() < 0.55;
    const end = insert ? start : Math.min(text.length, start + 1 + Math.floor(next() * 20));
    const newText = insert ? SNIPPETS[Math.floor(next() * SNIPPETS.length)]! : '';
    // never split a surrogate pair: LSP positions are UTF-16, and so are ours, but a half emoji is not text
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? '') || /[\uDC00-\uDFFF]/.test(text[end] ?? '')) continue;
    const range = { start: lines.position(start), end: lines.position(end) };
    text = text.slice(0, start) + newText + text.slice(end);
    version = await client.edit(file, [{ range, text: newText }]);
  }
  const published = await client.diagnostics(uri, version, 20_000);
  expect(client.alive).toBe(true);
  expect(published.version).toBe(version);

  const fresh = checkFile(file, { readFile: (p) => (p === file ? text : undefined), resolveImport: (_, s) => s });
  const lines = new LineIndex(text);
  const expected = fresh.diagnostics
    .filter((d) => d.file === undefined || d.file === file)
    .map((d) => ({ code: d.code, range: { start: lines.position(d.range.start), end: lines.position(d.range.end) } }));
  expect(published.diagnostics.map((d) => ({ code: d.code, range: d.range }))).toEqual(expected);
  expect(expected.length).toBeGreaterThan(0); // the edits did break the file

  // still answering requests
  expect(await client.request('textDocument/semanticTokens/full', { textDocument: { uri } })).toMatchObject({ data: expect.any(Array) });
  expect(await client.stop()).toBe(0);
}, 30_000);
