// `npm run bench:check`: parse + check time for each bundled example and a
// generated 5,000-line file. Absolute times depend on the machine; the
// ratio to a fixed reference workload run in the same process does less so.
// Then files of 1.9 MB in the shapes that stress the parser and checker
// (generate.ts): their check, and the editor's first answers (analysis, hover,
// inlay hints, semantic tokens, symbols), as ratios to the check of the
// 5,000-line file in the same run.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../core/check/program.js';
import { parse } from '../grammar/index.js';
import { analyze } from '../core/ide/analysis.js';
import { hover } from '../core/ide/hover.js';
import { inlayHints } from '../core/ide/inlay-hints.js';
import { semanticTokens } from '../core/ide/semantic-tokens.js';
import { documentSymbols } from '../core/ide/symbols.js';
import { bigInputs, generateSource } from './generate.js';

const examples = join(process.cwd(), 'examples');

function time(run: () => void, rounds: number): { median: number; p95: number } {
  for (let i = 0; i < 5; i++) run(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(rounds / 2)]!, p95: samples[Math.floor(rounds * 0.95)]! };
}

/** The reference: sorting 100,000 numbers, a fixed pure-JS workload. */
function reference(): void {
  const xs = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
  xs.sort((a, b) => a - b);
}

const files: [string, string][] = readdirSync(examples)
  .filter((f) => f.endsWith('.nn'))
  .sort()
  .map((f) => [f, readFileSync(join(examples, f), 'utf8')]);
files.push(['generated-5000-lines.nn', generateSource(5000)]);

const ref = time(reference, 30);
let generatedCheck = NaN;
console.log(`reference (sort 100k numbers): ${ref.median.toFixed(2)} ms median\n`);
console.log(`${'file'.padEnd(26)}${'lines'.padStart(7)}${'parse ms'.padStart(10)}${'check ms'.padStart(10)}${'p95 ms'.padStart(9)}${'x ref'.padStart(8)}`);
for (const [name, text] of files) {
  const host = { readFile: (p: string) => (p === `/${name}` ? text : readFileSync(join(examples, p.slice(1)), 'utf8')), resolveImport: (_: string, s: string) => `/${s.replace(/^\.\//, '')}` };
  const rounds = text.length > 50_000 ? 20 : 100;
  const parsed = time(() => parse(text), rounds);
  const checked = time(() => checkFile(`/${name}`, host), rounds);
  if (name.startsWith('generated')) generatedCheck = checked.median;
  console.log(
    `${name.padEnd(26)}${String(text.split('\n').length).padStart(7)}${parsed.median.toFixed(2).padStart(10)}${checked.median.toFixed(2).padStart(10)}${checked.p95.toFixed(2).padStart(9)}${(checked.median / ref.median).toFixed(2).padStart(8)}`,
  );
}
console.log('\ncheck = parse + names + shapes + train settings (the whole `nn check` of one file, no I/O)');

/** One run's time in ms (big inputs are run a few times, without the five warm-up runs). */
function once(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

console.log(`\nbig inputs (1.9 MB each), 3 runs, median; x = the check of generated-5000-lines.nn (${generatedCheck.toFixed(1)} ms)\n`);
console.log(`${'input'.padEnd(32)}${'check ms'.padStart(10)}${'x'.padStart(7)}${'editor ms'.padStart(11)}${'x'.padStart(7)}${'heap MB'.padStart(9)}  first diagnostic`);
for (const [name, text, others = {}] of bigInputs(1_900_000)) {
  const files = new Map<string, string>([['/big.nn', text], ...Object.entries(others).map(([k, v]): [string, string] => [`/${k}`, v])]);
  const host = { readFile: (p: string) => files.get(p), resolveImport: (_: string, s: string) => `/${s.replace(/^\.\//, '')}` };
  const checks: number[] = [];
  const editors: number[] = [];
  let first = '';
  let heap = 0;
  for (let round = 0; round < 3; round++) {
    checks.push(once(() => {
      const r = checkFile('/big.nn', host);
      first = r.diagnostics[0] ? `${r.diagnostics[0].code} ${r.diagnostics[0].message.slice(0, 60)}` : '';
    }));
    editors.push(once(() => {
      const a = analyze('/big.nn', host);
      if (!a) return;
      hover(a, text.length >> 1);
      inlayHints(a, { start: 0, end: Math.min(text.length, 4000) });
      semanticTokens(a);
      documentSymbols(a);
      heap = Math.max(heap, process.memoryUsage().heapUsed);
    }));
  }
  const c = median(checks);
  const e = median(editors);
  console.log(`${name.padEnd(32)}${c.toFixed(0).padStart(10)}${(c / generatedCheck).toFixed(1).padStart(7)}${e.toFixed(0).padStart(11)}${(e / generatedCheck).toFixed(1).padStart(7)}${(heap / 1e6).toFixed(0).padStart(9)}  ${first}`);
}
console.log('\neditor = analysis (a check recording every value) + hover + inlay hints of the first lines + semantic tokens + document symbols');
