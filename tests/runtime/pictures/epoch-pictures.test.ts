// The per-epoch hook on its own, with hand-made picture makers: when
// pictures are due, where their files go, the events that announce them,
// and a maker that fails (a warning, once; the run goes on without it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { epochPictures } from '../../../runtime/pictures/epoch-pictures.js';
import type { PictureMaker, PictureRun } from '../../../runtime/pictures/picture-run.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { tempFolder } from '../../helpers/temp-files.js';

const folder = tempFolder('epoch-pictures');
afterAll(() => folder.remove());

/** Only what the hook itself reads of a run: the plan's epochs and samples, and the count. */
const run = (samples: { count: number; every: number }, epochs = 5): PictureRun => ({ plan: { epochs, samples }, count: samples.count }) as unknown as PictureRun;

const drawing: PictureMaker = { task: 'drawing', prepare: () => (epoch) => [{ name: 'one', kind: 'predictions', svg: `<svg>${epoch}</svg>` }] };

describe('the pictures after an epoch', () => {
  it('draws every `every` epochs and after the last, as samples/epoch-NNNN-name.svg, one event each', () => {
    const events: TrainEvent[] = [];
    const pictures = epochPictures(run({ count: 4, every: 2 }), { runDir: folder.dir, emit: (e) => events.push(e) }, [drawing])!;
    for (let epoch = 1; epoch <= 5; epoch++) pictures(epoch);
    expect(events.map((e) => (e.type === 'sample' ? [e.epoch, e.kind, e.path] : e.type))).toEqual([
      [2, 'predictions', join(folder.dir, 'samples', 'epoch-0002-one.svg')],
      [4, 'predictions', join(folder.dir, 'samples', 'epoch-0004-one.svg')],
      [5, 'predictions', join(folder.dir, 'samples', 'epoch-0005-one.svg')],
    ]);
    expect(readFileSync(join(folder.dir, 'samples', 'epoch-0004-one.svg'), 'utf8')).toBe('<svg>4</svg>');
  });

  it('is nothing when no maker fits, or with every: 0 or count: 0', () => {
    const none: PictureMaker = { task: 'none', prepare: () => undefined };
    const place = { runDir: folder.dir, emit: () => undefined };
    expect(epochPictures(run({ count: 4, every: 1 }), place, [none])).toBeUndefined();
    expect(epochPictures(run({ count: 4, every: 0 }), place, [drawing])).toBeUndefined();
    expect(epochPictures(run({ count: 0, every: 1 }), place, [drawing])).toBeUndefined();
  });

  it('a maker that fails is a warning, once, and the others go on', () => {
    let calls = 0;
    const failing: PictureMaker = {
      task: 'broken',
      prepare: () => () => {
        calls++;
        throw new Error('no such layer');
      },
    };
    const failsEarly: PictureMaker = {
      task: 'early',
      prepare: () => {
        throw new Error('cannot look at the model');
      },
    };
    const events: TrainEvent[] = [];
    const pictures = epochPictures(run({ count: 4, every: 1 }, 3), { runDir: folder.dir, emit: (e) => events.push(e) }, [failing, failsEarly, drawing])!;
    for (let epoch = 1; epoch <= 3; epoch++) pictures(epoch);
    expect(calls).toBe(1);
    expect(events.filter((e) => e.type === 'warning').map((e) => (e as { message: string }).message)).toEqual([
      'the early pictures cannot be drawn (cannot look at the model); training goes on without them',
      'the broken pictures cannot be drawn (no such layer); training goes on without them',
    ]);
    expect(events.filter((e) => e.type === 'sample')).toHaveLength(3);
  });
});
