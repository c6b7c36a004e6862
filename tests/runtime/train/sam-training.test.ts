// SAMSmall trains from the train block of examples/sam.nn (its data cut to
// a few dozen examples): six inputs from segments, SAM's loss over both of
// its outputs, a finite loss that falls, held-out IoU per prompt kind, and
// the segmentation pictures it draws.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const SAM = join(import.meta.dirname, '../../../examples/sam.nn');

describe('SAMSmall', () => {
  it('trains a few steps on segments: the loss is finite and falls, IoU is reported per prompt kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-sam-'));
    const file = join(dir, 'sam.nn');
    const source = readFileSync(SAM, 'utf8').replace(/segments\(count: \d+,/, 'segments(count: 40,');
    expect(source).toContain('train SAMSmall on segments(count: 40,');
    writeFileSync(file, source);
    const events: TrainEvent[] = [];
    const result = await runTraining({
      file,
      host: nodeHost,
      target: 'SAMSmall',
      tf,
      backend: { name: 'tensorflow', device: 'cpu' },
      outDir: join(dir, 'runs'),
      overrides: { epochs: 3, batch: 8, seed: 3 },
      emit: (e) => events.push(e),
      stop: { requested: false },
    });
    for (const m of Object.values(result.models)) m.dispose();
    expect(result.reason).toBe('completed');
    const epochs = events.filter((e): e is Extract<TrainEvent, { type: 'epoch' }> => e.type === 'epoch');
    expect(epochs).toHaveLength(3);
    const losses = epochs.map((e) => e.logs['loss']!);
    for (const loss of losses) expect(Number.isFinite(loss)).toBe(true);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.9);
    // 8 held-out examples: two of each prompt kind
    const logs = epochs.at(-1)!.logs;
    for (const kind of ['point', 'box', 'point_box', 'mask']) {
      expect(logs[`test_iou_${kind}`]).toBeGreaterThanOrEqual(0);
      expect(logs[`test_iou_${kind}`]).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(logs['test_loss']!)).toBe(true);
    // the segmentation pictures of `samples: { count: 6, every: 2 }`: after epoch 2 and the last
    const pictures = events.filter((e): e is Extract<TrainEvent, { type: 'sample' }> => e.type === 'sample' && e.kind === 'segmentation');
    expect(pictures.map((e) => e.epoch)).toEqual([2, 3]);
    const svg = readFileSync(pictures[1]!.path, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/class="example"/g)).toHaveLength(6);
    expect(svg).toContain('Held-out masks after epoch 3');
  }, 240_000);
});
