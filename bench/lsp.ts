// `npm run bench:lsp`: what an editor waits for. The built server runs as a
// child process (`bin/nn-language-server.js --stdio`, debounce 0); we time,
// over 200 edits per file, didChange -> publishDiagnostics, then inlayHint
// (the whole file), hover and completion at random places, against the same
// check run in-process (the reference: the ratio says what the protocol,
// the process boundary and the feature cost on top of checking). Two kinds
// of edits: typing (each keystroke retypes the next character of the file
// in the middle, so every text is new, as in an editor) and toggling (a
// space added and removed: two texts, so the server may answer from what it
// kept). Then a hover on a small file while a pathological document is
// checked (lsp-responsive.ts); `--responsive` runs only that part.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { analyze } from '../core/ide/analysis.js';
import { LineIndex } from '../core/text/line-index.js';
import { generateSource } from './generate.js';
import { benchResponsiveness, printResponsiveness } from './lsp-responsive.js';

const EDITS = 200;
const root = process.cwd();

interface Stats { p50: number; p95: number }

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
}

/** How the text changes at each round: `at` is the start of a line in the middle of the file. */
interface EditKind {
  name: string;
  edited(text: string, at: number, round: number): string;
}

const EDIT_KINDS: EditKind[] = [
  {
    // the first `round` characters of what follows `at`, typed again before it: a new text at every keystroke
    name: 'typing',
    edited: (text, at, round) => `${text.slice(0, at)}${text.slice(at, at + round)}${text.slice(at)}`,
  },
  {
    // a space inserted (odd rounds) or not (even): the same program, two texts in turn
    name: 'toggling',
    edited: (text, at, round) => (round % 2 === 1 ? `${text.slice(0, at)} ${text.slice(at)}` : text),
  },
];

async function benchFile(name: string, path: string, text: string, edits: EditKind): Promise<{ name: string; lines: number; rows: [string, Stats][] }> {
  const edited = edits.edited;
  const child = spawn(process.execPath, [join(root, 'bin', 'nn-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => {
    const done = p.version === undefined ? undefined : waiting.get(p.version);
    if (done) {
      waiting.delete(p.version!);
      done();
    }
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  await connection.sendNotification('initialized', {});
  const uri = pathToFileURL(path).href;
  const published = (version: number) => new Promise<void>((resolve) => waiting.set(version, resolve));
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nn', version: 1, text } });
  await opened;

  // a place in the middle of the file, at the start of a line
  const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const samples: Record<string, number[]> = { 'didChange -> diagnostics': [], 'inlayHint (80-line viewport)': [], 'inlayHint (whole file)': [], hover: [], completion: [] };
  const timed = async (key: string, run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    samples[key]!.push(performance.now() - t);
  };
  for (let round = 1; round <= EDITS + 10; round++) {
    const version = round + 1;
    const current = edited(text, middle, round);
    const lines = new LineIndex(current);
    const done = published(version);
    const t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: current }] });
    await done;
    const warm = round > 10; // the first rounds warm up the JIT
    if (warm) samples['didChange -> diagnostics']!.push(performance.now() - t);
    const textDocument = { uri };
    const position = () => lines.position(Math.floor(random() * current.length));
    const run = async (key: string, f: () => Promise<unknown>) => (warm ? timed(key, f) : f());
    // an editor asks for the lines on screen; the whole file is the worst case
    const top = Math.max(0, lines.position(middle).line - 40);
    await run('inlayHint (80-line viewport)', () => connection.sendRequest('textDocument/inlayHint', { textDocument, range: { start: { line: top, character: 0 }, end: { line: top + 80, character: 0 } } }));
    await run('inlayHint (whole file)', () => connection.sendRequest('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: lines.position(current.length) } }));
    await run('hover', () => connection.sendRequest('textDocument/hover', { textDocument, position: position() }));
    await run('completion', () => connection.sendRequest('textDocument/completion', { textDocument, position: position() }));
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();

  // the reference: the same analysis, in this process, no protocol
  const host = { readFile: (p: string) => (p === path ? text : undefined), resolveImport: (_: string, s: string) => join(root, 'examples', s) };
  const reference: number[] = [];
  for (let i = 0; i < EDITS + 10; i++) {
    const t = performance.now();
    analyze(path, { ...host, readFile: (p) => (p === path ? edited(text, middle, i) : host.readFile(p)) });
    if (i >= 10) reference.push(performance.now() - t);
  }
  return { name: `${name} (${edits.name})`, lines: text.split('\n').length, rows: [['in-process analyze (reference)', stats(reference)], ...Object.entries(samples).map(([k, v]): [string, Stats] => [k, stats(v)])] };
}

if (process.argv.includes('--responsive')) {
  printResponsiveness(await benchResponsiveness(root));
  process.exit(0);
}

const sam = join(root, 'examples', 'sam.nn');
const files: [string, string, string][] = [
  ['sam.nn', sam, readFileSync(sam, 'utf8')],
  ['generated-2000-lines.nn', join(root, 'examples', 'generated-2000-lines.nn'), generateSource(2000)],
];
const results = [];
for (const [name, path, text] of files) for (const kind of EDIT_KINDS) results.push(await benchFile(name, path, text, kind));

console.log(`nn-language-server latency, ${EDITS} edits per file and kind of edit (debounce 0, full-text didChange)\n`);
console.log(`${'file (edits)'.padEnd(38)}${'lines'.padStart(6)}  ${'request'.padEnd(32)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p50 x ref'.padStart(11)}`);
for (const r of results) {
  const ref = r.rows[0]![1].p50;
  for (const [op, s] of r.rows) {
    console.log(`${r.name.padEnd(38)}${String(r.lines).padStart(6)}  ${op.padEnd(32)}${s.p50.toFixed(2).padStart(9)}${s.p95.toFixed(2).padStart(9)}${(s.p50 / ref).toFixed(2).padStart(11)}`);
  }
}
console.log('\nreference = a fresh analyze() of the same texts in this process (parse + check + recording), no protocol.');
console.log('typing: every keystroke makes a text the server has not seen; toggling: two texts in turn, which it may have kept.');
console.log('inlayHint, hover and completion follow each edit once its diagnostics are out (the analysis is cached by then).');
printResponsiveness(await benchResponsiveness(root));
