// `nn train FILE --explain` end to end, the real binary in a child process.
// The worked example of docs/backprop.md (two inputs, two sigmoid units, one
// output) prints what the page says, and a hand computation in plain
// JavaScript, from the printed weights, gives every printed number: the
// forward pass, the chain rule, the SGD update, and the norms of the table.
// With --json: the events, and the run folder that holds the picture and no
// checkpoint. Refusals are one line.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const page = readFileSync(join(root, 'docs', 'backprop.md'), 'utf8');

function nn(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The body of the page's fenced block of this language that begins with `start`. */
function block(language: string, start = ''): string {
  const found = [...page.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!).find((b) => b.startsWith(start));
  if (found === undefined) throw new Error(`docs/backprop.md has no ${language} block starting '${start}'`);
  return found;
}

/** The page's two files in a fresh folder. */
function workedExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-explain-'));
  writeFileSync(join(dir, 'two-layer.nn'), block('nn'));
  writeFileSync(join(dir, 'one-example.csv'), block('csv'));
  return dir;
}

/** `{ 'Dense_1 kernel': '[[...]]', ... }` per numbered section of the printed numbers (the numbers as printed, unparsed). */
function printedSections(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current = '';
  for (const line of text.split('\n')) {
    const heading = /^(\d)\. /.exec(line);
    if (heading) current = heading[1]!;
    const value = /^ {3}(\S+(?: \S+)?) {2,}(\[.*\])$/.exec(line);
    if (value && current) (sections[current] ??= {})[value[1]!] = value[2]!;
  }
  return sections;
}

/** Every number inside `[...]` text, in order, as written. */
const numbersIn = (text: string): string[] => text.match(/-?\d[\d.]*(?:e-?\d+)?/g) ?? [];

/** As nn prints a computed value: 6 significant digits, no trailing zeros. */
const six = (v: number) => String(Number(v.toPrecision(6)));
/** As nn prints a norm in the table: 4 significant digits (exponent form outside [1e-3, 1e5)). */
const four = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2));

describe('the worked example of docs/backprop.md', () => {
  const dir = workedExample();
  const r = nn(['train', 'two-layer.nn', '--explain'], dir);

  it('prints what the page shows (but the run id)', () => {
    expect(r.code).toBe(0);
    const shown = block('text', '$ nn train two-layer.nn --explain\n').split('\n').slice(1).join('\n');
    const runId = /runs\/TwoLayer\/([\w-]+)\/explain\.svg/;
    expect(r.stdout.replace(runId, 'runs/TwoLayer/RUN/explain.svg')).toBe(shown.replace(runId, 'runs/TwoLayer/RUN/explain.svg'));
  });

  it('every computed number is the hand computation from the printed weights, to the printed digit', () => {
    const s = printedSections(r.stdout);
    const parse = (text: string) => JSON.parse(text) as number[][] & number[];
    // the given numbers: the input, the initial weights, the target, the learning rate
    const x = parse(s['1']!['input']!)[0]! as unknown as number[];
    const W1 = parse(s['1']!['Dense_1 kernel']!);
    const b1 = parse(s['1']!['Dense_1 bias']!) as unknown as number[];
    const W2 = parse(s['1']!['Dense_2 kernel']!);
    const b2 = parse(s['1']!['Dense_2 bias']!) as unknown as number[];
    const t = Number(/target \[([-\d.e]+)\]/.exec(r.stdout)![1]);
    const lr = Number(/SGD, learning rate ([\d.]+)/.exec(r.stdout)![1]);

    // 1. forward pass: z = x W1 + b1, h = sigmoid(z), y = h W2 + b2
    const z = [0, 1].map((j) => x[0]! * W1[0]![j]! + x[1]! * W1[1]![j]! + b1[j]!);
    const h = z.map((v) => 1 / (1 + Math.exp(-v)));
    const y = h[0]! * W2[0]![0]! + h[1]! * W2[1]![0]! + b2[0]!;
    // 2. the loss: the mean squared error of one output
    const loss = (y - t) ** 2;
    // 3. backpropagation, by the chain rule
    const dy = 2 * (y - t);
    const dW2 = h.map((hi) => [hi * dy]);
    const db2 = [dy];
    const dz = [0, 1].map((j) => dy * W2[j]![0]! * h[j]! * (1 - h[j]!));
    const dW1 = x.map((xi) => dz.map((d) => xi * d));
    const db1 = dz;
    // 4. the update: w - lr * dL/dw
    const step = (w: number[][] | number[], g: number[][] | number[]): unknown => (Array.isArray(w[0]) ? (w as number[][]).map((row, i) => step(row, (g as number[][])[i]!)) : (w as number[]).map((v, i) => v - lr * (g as number[])[i]!));

    const expectPrinted = (printed: string | undefined, exact: unknown) => expect(numbersIn(printed!)).toEqual((JSON.stringify(exact).match(/-?[\d.]+(?:e[-+]?\d+)?/g) ?? []).map((n) => six(Number(n))));
    expectPrinted(s['1']!['Dense_1 output'], [z]);
    expectPrinted(s['1']!['Sigmoid_1 output'], [h]);
    expectPrinted(s['1']!['Dense_2 output'], [[y]]);
    expect(r.stdout).toContain(`= ${six(loss)}\n`);
    expectPrinted(s['3']!['Dense_2 kernel'], dW2);
    expectPrinted(s['3']!['Dense_2 bias'], db2);
    expectPrinted(s['3']!['Dense_1 kernel'], dW1);
    expectPrinted(s['3']!['Dense_1 bias'], db1);
    expectPrinted(s['4']!['Dense_2 kernel'], step(W2, dW2));
    expectPrinted(s['4']!['Dense_2 bias'], step(b2, db2));
    expectPrinted(s['4']!['Dense_1 kernel'], step(W1, dW1));
    expectPrinted(s['4']!['Dense_1 bias'], step(b1, db1));

    // the table: the norms of each layer's gradient and update, and the forward statistics
    const norm = (...tensors: (number[][] | number[])[]) => Math.sqrt(tensors.flat(2).reduce((a, v) => a + v * v, 0));
    const row = (layer: string) => r.stdout.split('\n').find((l) => new RegExp(`^\\d+\\s+${layer}\\s`).test(l))!.trim().split(/\s+/);
    // columns: # layer kind [a, b] mean std zeros |w| |dL/dw| |Δw| |Δw|/|w|
    expect(row('Dense_1').slice(-3)).toEqual([four(norm(dW1, db1)), four(lr * norm(dW1, db1)), four((lr * norm(dW1, db1)) / norm(W1, b1))]);
    expect(row('Dense_2').slice(-3)).toEqual([four(norm(dW2, db2)), four(lr * norm(dW2, db2)), four((lr * norm(dW2, db2)) / norm(W2, b2))]);
    const mean = (h[0]! + h[1]!) / 2;
    expect(row('Sigmoid_1').slice(5, 7)).toEqual([four(mean), four(Math.sqrt(((h[0]! - mean) ** 2 + (h[1]! - mean) ** 2) / 2))]);
    expect(r.stdout).toContain(`/ the last (Dense_2): ${four(norm(dW1, db1) / norm(dW2, db2))}\n`);
  });
});

describe('nn train --explain --json', () => {
  const dir = workedExample();
  const r = nn(['train', 'two-layer.nn', '--explain', '--json', '--out', 'explained'], dir);
  const events = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });

  it('writes an explain event per layer, in the order of the forward pass, then the summary', () => {
    expect(r.code).toBe(0);
    expect(events.map((e) => [e.type, e['layer']])).toEqual([
      ['explain', 'Dense_1'],
      ['explain', 'Sigmoid_1'],
      ['explain', 'Dense_2'],
      ['explain-summary', undefined],
    ]);
    expect(events[0]).toMatchObject({ index: 1, depth: 1, kind: 'Dense', output: { shape: [1, 2] }, weights: [{ name: 'kernel', shape: [2, 2] }, { name: 'bias', shape: [2], norm: 0, ratio: null }] });
    expect(events[1]).toMatchObject({ index: 2, kind: 'Sigmoid', weights: [] });
    expect(events[1]!['depth']).toBeUndefined();
    expect(events[3]).toMatchObject({ model: 'TwoLayer', batch: 1, lossName: 'mse', optimizer: 'SGD', learningRate: 0.1, seed: 3, layers: 3, layersWithWeights: 2, values: { inputs: [[[0.5, 1]]], target: [1] } });
  });

  it('the JSON holds the same step as the table: the update is -lr times the gradient, value by value', () => {
    for (const e of events.filter((x) => x.type === 'explain' && x['depth'] !== undefined)) {
      const weights = (e['values'] as { weights: Record<string, { before: number[][]; gradient: number[][]; after: number[][] }> }).weights;
      for (const w of Object.values(weights)) {
        const [before, gradient, after] = [w.before, w.gradient, w.after].map((v) => [v].flat(2) as number[]);
        after!.forEach((a, i) => expect(a).toBeCloseTo(before![i]! - 0.1 * gradient![i]!, 6));
      }
    }
  });

  it('writes its picture and events in a run folder of its own, and no checkpoint', () => {
    const summary = events.at(-1)!;
    const runDir = summary['runDir'] as string;
    expect(runDir.startsWith(join(dir, 'explained'))).toBe(true);
    expect(readdirSync(runDir).sort()).toEqual(['explain.jsonl', 'explain.svg']);
    expect(readdirSync(join(dir, 'explained'))).toEqual([runDir.split('/').at(-1)]);
    expect(existsSync(join(dir, 'explained', 'latest.json'))).toBe(false);
    expect(readFileSync(join(runDir, 'explain.jsonl'), 'utf8')).toBe(r.stdout);
    const svg = readFileSync(summary['picture'] as string, 'utf8');
    expect(svg).toMatch(/^<svg /);
    // one dot per layer with weights, each named by its layer
    expect([...svg.matchAll(/<title>(Dense_\d): /g)].map((m) => m[1])).toEqual(['Dense_1', 'Dense_2']);
  });
});

describe('what --explain refuses, in one line', () => {
  it('a GAN train block: says what it explains', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-explain-gan-'));
    writeFileSync(
      join(dir, 'gan.nn'),
      `model G {
  input z: [B, 8]
  output z -> Dense(2)
}
model D {
  input x: [B, 2]
  output x -> Dense(1) -> Sigmoid
}
train Pair on ring(count: 64) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 8]))
  loss: minimax
}
`,
    );
    const r = nn(['train', 'gan.nn', '--explain'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('nn'));
    expect(lines).toEqual(['nn: --explain shows one step of supervised training (one model, its loss, its optimizer), but Pair trains two models against each other; give G or D a train block of its own to explain it']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });

  it('--resume: the step is explained from the initial weights', () => {
    const dir = workedExample();
    const r = nn(['train', 'two-layer.nn', '--explain', '--resume'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nn train: --explain shows the first step from the initial weights; it does not take --resume\n');
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });
});
