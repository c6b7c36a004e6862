// `npm run bench:check`: parse + check time for each bundled example and a
// generated 5,000-line file. Absolute times depend on the machine; the
// ratio to a fixed reference workload run in the same process does less so.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../core/check/program.js';
import { parse } from '../grammar/index.js';
import { generateSource } from './generate.js';

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
console.log(`reference (sort 100k numbers): ${ref.median.toFixed(2)} ms median\n`);
console.log(`${'file'.padEnd(26)}${'lines'.padStart(7)}${'parse ms'.padStart(10)}${'check ms'.padStart(10)}${'p95 ms'.padStart(9)}${'x ref'.padStart(8)}`);
for (const [name, text] of files) {
  const host = { readFile: (p: string) => (p === `/${name}` ? text : readFileSync(join(examples, p.slice(1)), 'utf8')), resolveImport: (_: string, s: string) => `/${s.replace(/^\.\//, '')}` };
  const rounds = text.length > 50_000 ? 20 : 100;
  const parsed = time(() => parse(text), rounds);
  const checked = time(() => checkFile(`/${name}`, host), rounds);
  console.log(
    `${name.padEnd(26)}${String(text.split('\n').length).padStart(7)}${parsed.median.toFixed(2).padStart(10)}${checked.median.toFixed(2).padStart(10)}${checked.p95.toFixed(2).padStart(9)}${(checked.median / ref.median).toFixed(2).padStart(8)}`,
  );
}
console.log('\ncheck = parse + names + shapes + train settings (the whole `nn check` of one file, no I/O)');
