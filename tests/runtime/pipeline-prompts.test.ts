// Prompts from the command line reach a prompted pipeline (SAM's layout:
// image, points, labels, boxes, mask, text) in the pixels of its input: a
// hand-made pipeline that hands its prompt inputs back, run on a picture
// twice its size.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { encodePng } from '../../runtime/images/png.js';
import { runOnPicture } from '../../runtime/pipelines/run-on-picture.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();

const SOURCE = `pipeline Echo {
  input image: [1, 8, 8, 3]
  input points: [1, N, 2]
  input labels: [1, N] int
  input boxes: [1, 4]
  input mask: [1, 4, 4, 1]
  input text: [1, 1, 2]
  output box = boxes + 0                 // [1, 4]: read as a box, mapped back to the picture
  output seen_points = points[0] + 0     // [N, 2]: as the pipeline saw them
  output seen_labels = labels[0] + 0     // [N]
  output brightness = mean(image) + sum(mask) + sum(text)
}
`;

describe('prompts of a pipeline run on a picture', () => {
  it('become its inputs in the pixels of its input, one slot per point', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-prompts-'));
    writeFileSync(join(dir, 'echo.nn'), SOURCE);
    writeFileSync(join(dir, 'grey.png'), encodePng(16, 16, 3, new Uint8Array(16 * 16 * 3).fill(51)));
    const run = await runOnPicture(tf, {
      file: join(dir, 'echo.nn'),
      shownFile: 'echo.nn',
      host: nodeHost,
      pipeline: 'Echo',
      image: 'grey.png',
      cwd: dir,
      outDir: join(dir, 'out'),
      points: [
        [10, 4, 1],
        [2, 14, 0],
      ],
      box: [2, 2, 10, 12],
    });
    // the picture is 16 x 16, the input 8 x 8: prompts halved on the way in, the box doubled on the way out
    expect(run.results.boxes.map((b) => b.box)).toEqual([[2, 2, 10, 12]]);
    const other = Object.fromEntries(run.results.other.map((o) => [o.name, o.values]));
    expect(other['seen_points']).toEqual([5, 2, 1, 7]);
    expect(other['seen_labels']).toEqual([1, 0]);
    // no mask and no text: all zeros; the image is the picture, 51 / 255 everywhere
    expect(other['brightness']![0]).toBeCloseTo(0.2, 5);
    const json = JSON.parse(readFileSync(run.written[0]!, 'utf8')) as { prompts: unknown; detections: { box: number[] }[] };
    expect(json.prompts).toEqual({ points: [[10, 4, 1], [2, 14, 0]], box: [2, 2, 10, 12] });
    expect(json.detections.map((d) => d.box)).toEqual([[2, 2, 10, 12]]);
  });
});
