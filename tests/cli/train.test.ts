// `nn train` end to end: the real binary in a child process. JSON Lines on
// stdout and nothing else, problems in the file reported with their place,
// a stop message on stdin, and checkpoints that survive being killed at any
// moment.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');

const TINY = `
model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 1000) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 3
  batch: 50
  metrics: [accuracy]
  seed: 1
}
`;

function workspace(source = TINY): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nn-train-cli-'));
  writeFileSync(join(dir, 'tiny.nn'), source);
  return { dir, file: join(dir, 'tiny.nn') };
}

function nn(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const events = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; [k: string]: unknown });

describe('nn train', () => {
  it('--json writes JSON Lines only: start, batches, epochs, pictures, checkpoints, end', () => {
    const { dir } = workspace();
    const r = nn(['train', 'tiny.nn', '--json'], dir);
    expect(r.code).toBe(0);
    const all = events(r.stdout);
    expect(all[0]).toMatchObject({ type: 'start', name: 'Tiny', backend: 'tensorflow', epochs: 3, examples: { train: 800, test: 200 } });
    expect(all.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 3 });
    expect(all.filter((e) => e.type === 'epoch').map((e) => e['epoch'])).toEqual([1, 2, 3]);
    expect(all.filter((e) => e.type === 'checkpoint')).toHaveLength(3);
    expect(all.some((e) => e.type === 'batch')).toBe(true);
    expect(new Set(all.map((e) => e.type))).toEqual(new Set(['start', 'batch', 'epoch', 'sample', 'checkpoint', 'end']));
    // a classifier's pictures after each epoch, and the loss-and-metrics chart at the end
    expect(all.filter((e) => e.type === 'sample').map((e) => `${e['epoch']} ${e['kind']}`)).toEqual(['1 predictions', '1 confusion', '2 predictions', '2 confusion', '3 predictions', '3 confusion', '3 metrics']);
  });

  it('--eager trains op by op to the losses of the graph steps, and --help says what it does', () => {
    const { dir } = workspace();
    const losses = (args: string[]) => {
      const r = nn(['train', 'tiny.nn', '--json', ...args], dir);
      expect(r.code).toBe(0);
      const all = events(r.stdout);
      expect(all.filter((e) => e.type === 'warning')).toEqual([]);
      return all.filter((e) => e.type === 'epoch').map((e) => (e['logs'] as Record<string, number>)['loss']!);
    };
    const [graph, eager] = [losses([]), losses(['--eager'])];
    expect(eager).toHaveLength(3);
    eager.forEach((loss, i) => expect(graph[i]).toBeCloseTo(loss, 4));
    expect(nn(['train', '--help'], dir).stdout).toContain('--eager              run each step op by op, as TensorFlow.js does');
  });

  it('keeps every event of a run in its run folder, and says which run it is', () => {
    const { dir, file } = workspace();
    const r = nn(['train', 'tiny.nn', '--json', '--epochs', '1'], dir);
    expect(r.code).toBe(0);
    const all = events(r.stdout);
    const runId = String(all[0]!['runId']);
    expect(runId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    // a folder of its own in the model's runs folder
    const runDir = join(dir, 'runs', 'Tiny', runId);
    expect(all[0]).toMatchObject({ type: 'start', file, runDir, batchSize: 50 });
    expect(all[0]!['pid']).toEqual(expect.any(Number));
    expect(readdirSync(join(runDir, 'events'))).toEqual([`${runId}.jsonl`]);
    expect(events(readFileSync(join(runDir, 'events', `${runId}.jsonl`), 'utf8'))).toEqual(all);
    const batches = all.filter((e) => e.type === 'batch');
    for (const b of batches) expect(b).toMatchObject({ examplesPerSecond: expect.any(Number), elapsed: expect.any(Number) });
    expect(batches.every((b, i) => i === 0 || Number(b['elapsed']) >= Number(batches[i - 1]!['elapsed']))).toBe(true);
    expect(batches.at(-1)!['examplesPerSecond']).toBeGreaterThan(0);
    // a resumed run is a new run: its own id, folder and file; the run it continues is left as it was
    const resumed = events(nn(['train', 'tiny.nn', '--json', '--epochs', '2', '--resume'], dir).stdout);
    const resumedId = String(resumed[0]!['runId']);
    expect(resumed[0]).toMatchObject({ type: 'start', firstEpoch: 2, runDir: join(dir, 'runs', 'Tiny', resumedId), resumedFrom: join(runDir, 'checkpoints', 'checkpoint-0001') });
    expect(resumedId).not.toBe(runId);
    expect(readdirSync(join(runDir, 'events'))).toEqual([`${runId}.jsonl`]);
    expect(readdirSync(join(dir, 'runs', 'Tiny', resumedId, 'events'))).toEqual([`${resumedId}.jsonl`]);
  }, 180_000);

  it('prints a line per epoch for people, and the result', () => {
    const { dir } = workspace();
    const r = nn(['train', 'tiny.nn', '--epochs', '2'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^training Tiny \(12,730 parameters\) on mnist: 1,000 digits/);
    expect(r.stdout).toMatch(/epoch 1\/2 {2}loss \d\.\d{4} {2}test_loss \d\.\d{4} {2}test_accuracy 0\.\d{4}/);
    expect(r.stdout).toMatch(/done after 2 epochs in/);
  });

  it('reports problems in the file with their place, before loading TensorFlow', () => {
    const { dir } = workspace(TINY.replace('[B, 784]', '[B, 28, 28, 1]'));
    const text = nn(['train', 'tiny.nn'], dir);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('nn: tiny.nn has errors\ntiny.nn:4:15: error[NN2002]');
    const json = nn(['train', 'tiny.nn', '--json'], dir);
    expect(json.code).toBe(1);
    expect(events(json.stdout)).toContainEqual(expect.objectContaining({ type: 'error', line: 4, column: 15 }));
  });

  it('asks which train block when the file has several, and --model chooses', () => {
    const second = 'model Other {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\n\ntrain Other on mnist(limit: 300) {\n  epochs: 1\n}\n';
    const { dir } = workspace(`${TINY}\n${second}`);
    const r = nn(['train', 'tiny.nn'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tiny.nn has several train blocks; choose one with --model (Tiny, Other)');
    const chosen = nn(['train', 'tiny.nn', '--model', 'Other', '--json'], dir);
    expect(chosen.code).toBe(0);
    expect(events(chosen.stdout)[0]).toMatchObject({ type: 'start', name: 'Other', epochs: 1 });
  });

  it('reports what the compiler does not support yet as a message, not an internal error', () => {
    const { dir } = workspace('model T {\n  input x: [B, 4, 4, 4]\n  output x -> Conv2DTranspose(4, 2, stride: 2, groups: 2)\n}\n');
    const r = nn(['export', 'tiny.nn', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nn: Conv2DTranspose with groups is not supported by the compiler yet\n');
    expect(r.stderr).not.toContain('internal error');
  });

  it('fails clearly, without training on the CPU, when a GPU is asked for and there is none', () => {
    const { dir } = workspace();
    const r = nn(['train', 'tiny.nn', '--json', '--device', 'gpu'], dir);
    expect(r.code).toBe(2);
    const [only] = events(r.stdout);
    expect(only).toMatchObject({ type: 'error' });
    expect(String(only!['message'])).toMatch(/^a GPU was asked for, but /);
  });

  it('stops on {"type":"stop"} from stdin with a checkpoint, and exits 130', async () => {
    const { dir } = workspace(TINY.replace('epochs: 3', 'epochs: 200'));
    const child = spawn(process.execPath, [bin, 'train', 'tiny.nn', '--json'], { cwd: dir });
    let out = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('"type":"epoch"')) child.stdin.write('{"type":"stop"}\n');
      });
      child.on('close', resolve);
    });
    expect(code).toBe(130);
    const all = events(out);
    expect(all.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
    expect(all.filter((e) => e.type === 'checkpoint').length).toBeGreaterThanOrEqual(1);
  });

  it('never leaves a broken checkpoint when killed at any moment', async () => {
    const { dir } = workspace(TINY.replace('epochs: 3', 'epochs: 400').replace('limit: 1000', 'limit: 200'));
    // kill while checkpoints are being written: after the first one, at different moments
    for (const delay of [0, 37, 113, 251]) {
      const child = spawn(process.execPath, [bin, 'train', 'tiny.nn', '--json', '--resume'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise<void>((resolve) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('"type":"checkpoint"')) resolve();
        });
        child.on('close', () => resolve());
      });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      // the runs folder names the newest run with a complete checkpoint; each run has its own folder
      const latest = JSON.parse(readFileSync(join(dir, 'runs', 'Tiny', 'latest.json'), 'utf8'));
      const checkpoint = join(dir, 'runs', 'Tiny', latest.run, latest.dir, latest.checkpoint);
      expect(JSON.parse(readFileSync(join(checkpoint, 'state.json'), 'utf8')).epoch).toBe(latest.epoch);
      const specs = JSON.parse(readFileSync(join(checkpoint, 'model-Tiny.json'), 'utf8')) as { shape: number[] }[];
      const bytes = specs.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
      expect(readFileSync(join(checkpoint, 'model-Tiny.bin')).length).toBe(bytes);
    }
    // and the run resumes from what survived
    const r = nn(['train', 'tiny.nn', '--json', '--resume', '--epochs', '1000'], dir, '{"type":"stop"}\n');
    expect(events(r.stdout)[0]!['firstEpoch']).toBeGreaterThan(1);
  });
});
