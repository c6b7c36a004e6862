// Hostile documents through a real server: repeats nested to multiply,
// numbers past any size, brackets nested thousands deep, loops in loops,
// and seeded random splices of such pieces into a bundled example. On each,
// hover (at several places), inlay hints, document symbols, semantic tokens,
// folding, code lenses and completion are answered; no handler fails (a
// failure would be logged on stderr and answered empty); the server is
// alive at the end and shuts down cleanly.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LineIndex } from '../../core/text/line-index.js';
import { Client, root, uriOf } from './client.js';
import { hostileDocuments, nestedRepeats } from './hostile-sources.js';
import { prng as random } from '../helpers/prng.js';

const PIECES = [
  ' -> repeat 10000 { repeat 10000 { ReLU } }',
  ' repeat i in 99999999999999999999 { h = h -> ReLU }\n',
  '(((((((((((((((((((((((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))))))))))))))))))))))',
  ' -> Dense(1e400)',
  ' -> reshape([B, 18446744073709551617])',
  '[B, 9007199254740993, 9007199254740993]',
  ' for a in [1, 2, 3, 4, 5, 6, 7, 8] { for b in [1, 2, 3, 4, 5, 6, 7, 8] { for c in [1, 2, 3, 4, 5, 6, 7, 8] { h = h -> Dense(a * b * c) } } }\n',
  ' -> Conv2D(64, 99999999999, stride: 0)',
  '{{{{{{{{{{',
  '))))]]]]',
  '\u{1F600}'.repeat(50),
  ' -> ' + 'Identity -> '.repeat(2000) + 'ReLU',
];

/** `count` documents: a bundled example with hostile pieces spliced in at random places. */
function splicedDocuments(count: number, seed: number): Record<string, string> {
  const base = readFileSync(join(root, 'examples', 'resnet.nn'), 'utf8');
  const next = random(seed);
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    let text = base;
    const pieces = 1 + Math.floor(next() * 4);
    for (let p = 0; p < pieces; p++) {
      let at = Math.floor(next() * text.length);
      if (/[\uDC00-\uDFFF]/.test(text[at] ?? '')) at++; // never split a surrogate pair
      text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at);
    }
    out[`spliced resnet #${i}`] = text;
  }
  return out;
}

test('every request on every hostile document is answered, and the server lives', async () => {
  const client = await Client.start();
  const documents = { ...hostileDocuments(), ...splicedDocuments(12, 4242), 'nested repeats, deeper': nestedRepeats(6, 10_000) };
  const next = random(99);
  let answered = 0;
  for (const [name, text] of Object.entries(documents)) {
    const path = `/virtual/fuzz/${name.replace(/[^a-z0-9]+/gi, '-')}.nn`;
    const uri = uriOf(path);
    const published = await client.open(path, text);
    expect(published.version, name).toBe(1);
    const lines = new LineIndex(text);
    const textDocument = { uri };
    const whole = { start: { line: 0, character: 0 }, end: lines.position(text.length) };
    const positions = Array.from({ length: 6 }, () => lines.position(Math.floor(next() * (text.length + 1))));
    const requests: [string, unknown][] = [
      ['textDocument/inlayHint', { textDocument, range: whole }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/semanticTokens/full', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/codeLens', { textDocument }],
      ...positions.flatMap((position): [string, unknown][] => [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/documentHighlight', { textDocument, position }],
      ]),
    ];
    const answers = await Promise.all(requests.map(([method, params]) => client.request(method, params).then(() => true, (e: unknown) => `${method}: ${String(e)}`)));
    expect(answers.filter((a) => a !== true), name).toEqual([]);
    answered += answers.length;
    await client.close(path);
  }
  expect(answered).toBeGreaterThan(400);
  expect(client.alive).toBe(true);
  // a handler that threw would have answered empty and said so here
  expect(client.stderr).toBe('');
  expect(await client.stop()).toBe(0);
}, 300_000);
