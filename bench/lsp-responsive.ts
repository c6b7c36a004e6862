// Part of `npm run bench:lsp`: how long a hover on a small file waits while
// a pathological document is checked. The built server runs as a child
// process (debounce 0). Each round changes the pathological document and
// at once asks for a hover on the small one; we time the hover (send to
// answer) and the pathological document's diagnostics (change to publish),
// then wait for those before the next round.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateSource } from './generate.js';

const ROUNDS = 20;

export interface ResponsiveRow {
  document: string;
  chars: number;
  hover: { p50: number; p95: number; max: number };
  diagnostics: { p50: number; p95: number; max: number };
}

function stats(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!, max: sorted[sorted.length - 1]! };
}

/** The pathological documents: repeats that multiply, and a file near the parser's size limit. */
export function pathologicalDocuments(): Record<string, string> {
  let large = generateSource(80_000);
  while (large.length > 1_900_000) large = large.slice(0, large.lastIndexOf('\n/// Residual block'));
  return {
    'nested repeats (10,000^3)': 'model Nested {\n  input x: [B, 4]\n  output x -> repeat 10000 { repeat 10000 { repeat 10000 { ReLU } } }\n}\n',
    'a 1.9 MB file': large,
  };
}

const SMALL = 'model Small {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n';

async function benchOne(root: string, name: string, slowText: string): Promise<ResponsiveRow> {
  const child = spawn(process.execPath, [join(root, 'bin', 'nn-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.();
    waiting.delete(key);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  await connection.sendNotification('initialized', {});
  const published = (uri: string, version: number) => new Promise<void>((resolve) => waiting.set(`${uri}@${version}`, resolve));
  const open = async (uri: string, text: string) => {
    const done = published(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nn', version: 1, text } });
    await done;
  };
  const small = pathToFileURL('/bench/responsive/small.nn').href;
  const slow = pathToFileURL('/bench/responsive/slow.nn').href;
  await open(small, SMALL);
  await open(slow, slowText);
  const hovers: number[] = [];
  const checks: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const version = round + 1;
    const text = round % 2 === 1 ? `${slowText} ` : slowText;
    const done = published(slow, version);
    const t = performance.now();
    void connection.sendNotification('textDocument/didChange', { textDocument: { uri: slow, version }, contentChanges: [{ text }] });
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 16 } });
    hovers.push(performance.now() - t);
    await done;
    checks.push(performance.now() - t);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return { document: name, chars: slowText.length, hover: stats(hovers), diagnostics: stats(checks) };
}

/** Runs every pathological document against the server built under `root`. */
export async function benchResponsiveness(root: string): Promise<ResponsiveRow[]> {
  const rows: ResponsiveRow[] = [];
  for (const [name, text] of Object.entries(pathologicalDocuments())) rows.push(await benchOne(root, name, text));
  return rows;
}

export function printResponsiveness(rows: readonly ResponsiveRow[]): void {
  console.log(`\nhover on a small file right after each change of a pathological document, ${ROUNDS} rounds (debounce 0)\n`);
  console.log(`${'pathological document'.padEnd(28)}${'chars'.padStart(10)}  ${'hover p50'.padStart(10)}${'p95'.padStart(8)}${'max'.padStart(8)}  ${'its diagnostics p50'.padStart(20)}${'p95'.padStart(8)}`);
  for (const r of rows) {
    const ms = (n: number) => n.toFixed(0).padStart(8);
    console.log(`${r.document.padEnd(28)}${String(r.chars).padStart(10)}  ${r.hover.p50.toFixed(0).padStart(10)}${ms(r.hover.p95)}${ms(r.hover.max)}  ${r.diagnostics.p50.toFixed(0).padStart(20)}${ms(r.diagnostics.p95)}`);
  }
  console.log('(milliseconds; a hover waits at most for a check already running, never for those waiting their turn)');
}
