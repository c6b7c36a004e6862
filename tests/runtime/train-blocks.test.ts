// Check clean implies train starts: every bundled train block checks
// without errors and then trains one epoch on the real backend (its data
// cut to a few dozen examples, so it takes seconds); a train block on a
// model imported from another file trains too. The other side, train
// blocks that `nn train` would refuse, are `nn check` errors at their
// place: tests/check/train-data-shapes.test.ts.

import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { checkFile } from '../../core/check/program.js';
import type { TrainEvent } from '../../runtime/train/events.js';
import { runTraining } from '../../runtime/train/run-training.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const EXAMPLES = join(import.meta.dirname, '../../examples');

/** How many examples each data source is cut to: the argument that says it, and its value. */
const TINY: Record<string, [string, number]> = { mnist: ['limit', 40], shapes: ['count', 24], sequences: ['count', 40], ring: ['count', 64], segments: ['count', 24], regions: ['count', 24] };

/** The train block's data call with its example count cut to TINY (the rest of the file as it is). */
export function withTinyData(source: string): string {
  return source.replace(/^(train\s+\w+\s+on\s+)(\w+)(?:\(([^)]*)\))?/gm, (whole, head: string, name: string, args: string | undefined) => {
    const tiny = TINY[name];
    if (!tiny) return whole;
    const [key, value] = tiny;
    const kept = (args ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '' && !a.startsWith(`${key}:`));
    return `${head}${name}(${[...kept, `${key}: ${value}`].join(', ')})`;
  });
}

/** The bundled examples copied to a fresh folder (imports between them still resolve), their data cut. */
function tinyExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-blocks-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.nn'))) writeFileSync(join(dir, name), withTinyData(readFileSync(join(dir, name), 'utf8')));
  return dir;
}

const blocks = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.nn'))
  .flatMap((file) => [...readFileSync(join(EXAMPLES, file), 'utf8').matchAll(/^train\s+(\w+)\s+on\s+(\w+)/gm)].map((m) => ({ file, target: m[1]!, data: m[2]! })));

async function trainOneEpoch(file: string, target: string, outDir: string): Promise<TrainEvent[]> {
  const events: TrainEvent[] = [];
  const result = await runTraining({ file, host: nodeHost, target, tf, backend: { name: 'tensorflow', device: 'cpu' }, outDir, overrides: { epochs: 1, batch: 8, seed: 1 }, emit: (e) => events.push(e), stop: { requested: false } });
  for (const m of Object.values(result.models)) m.dispose();
  events.push({ type: 'end', reason: result.reason, epochs: result.epochs, metrics: result.metrics, seconds: result.seconds });
  return events;
}

describe('every bundled train block: check clean, then one epoch trains', () => {
  const dir = tinyExamples();

  it('finds the bundled train blocks, their data cut to a few dozen examples', () => {
    expect(blocks.map((b) => b.target)).toEqual(expect.arrayContaining(['MLP', 'GAN', 'RingGAN', 'YoloSmall', 'TransformerSmall']));
    expect(withTinyData('train M on mnist(split: 0.8) {')).toBe('train M on mnist(split: 0.8, limit: 40) {');
    expect(withTinyData('train M on shapes(count: 2000, size: 32) {')).toBe('train M on shapes(size: 32, count: 24) {');
    expect(withTinyData('train M on ring {')).toBe('train M on ring(count: 64) {');
  });

  it.each(blocks)('$file: $target on $data', async ({ file, target }) => {
    const path = join(dir, file);
    const errors = checkFile(path, nodeHost).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([]);
    const events = await trainOneEpoch(path, target, mkdtempSync(join(tmpdir(), 'nn-blocks-run-')));
    expect(events[0]).toMatchObject({ type: 'start', name: target, epochs: 1 });
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 1 });
  }, 240_000);
});

describe('a train block on a model imported from another file', () => {
  it('checks clean and trains the imported model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-import-'));
    writeFileSync(join(dir, 'models.nn'), 'model Small {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\n');
    const main = join(dir, 'main.nn');
    writeFileSync(main, 'import { Small } from "./models.nn"\n\ntrain Small on mnist(limit: 40) {\n  loss: crossentropy\n  metrics: [accuracy]\n}\n');
    expect(checkFile(main, nodeHost).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const events = await trainOneEpoch(main, 'Small', join(dir, 'runs'));
    expect(events[0]).toMatchObject({ type: 'start', name: 'Small', models: [{ name: 'Small', parameters: 7850 }] });
    expect(events.at(-1)).toMatchObject({ type: 'end', reason: 'completed' });
  }, 60_000);

  it('a model that is neither defined nor imported is still refused by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-import-'));
    writeFileSync(join(dir, 'models.nn'), 'model Small {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\n');
    const main = join(dir, 'main.nn');
    writeFileSync(main, 'import { Small } from "./models.nn"\n\ntrain Other on mnist(limit: 40) {\n}\n');
    await expect(trainOneEpoch(main, 'Other', join(dir, 'runs'))).rejects.toThrow(/has errors/);
  });
});
