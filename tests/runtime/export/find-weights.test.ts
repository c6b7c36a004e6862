// `nn export` and `nn run` find the trained weights in both layouts of a
// runs folder: a folder per run (runs/<name>/<run-id>/checkpoints, the
// newest named by runs/<name>/latest.json) and the earlier
// runs/<name>/checkpoints. A damaged checkpoint is passed over, with a
// warning, for the newest intact one.

import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import { loadTrainedModel } from '../../../runtime/export/load-trained.js';
import type { LayersModel } from '../../../runtime/tf-types.js';
import { saveCheckpoint } from '../../../runtime/train/checkpoint.js';
import { updateLatestRun } from '../../../runtime/train/latest-run.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const tmp = tempFolder('find-weights');
afterAll(() => tmp.remove());

const file = tmp.write('tiny.nn', 'model Tiny {\n  input x: [B, 3]\n  output x -> Dense(2)\n}\n\ntrain Tiny on mnist() {\n  epochs: 1\n}\n');
const runs = join(tmp.dir, 'runs', 'Tiny');
const RUN = '20261202-100000-abcd';
const legacy = join(runs, 'checkpoints');
const current = join(runs, RUN, 'checkpoints');

const fill = (model: LayersModel, value: number) => {
  for (const w of model.weights) w.write(tf.fill(w.shape as number[], value));
};
const firstWeight = (model: LayersModel) => model.weights[0]!.read().dataSync()[0];
const load = (checkpoints?: string) => loadTrainedModel(tf, { file, host: nodeHost, ...(checkpoints ? { checkpoints } : {}) });

describe('trained weights', () => {
  it('are none before any run', async () => {
    expect((await load()).weightsFrom).toBeUndefined();
  });

  it("come from the newest run's folder, else the earlier layout, passing over a damaged checkpoint", async () => {
    const { model } = await load();
    fill(model, 1);
    await saveCheckpoint(tf, legacy, { epoch: 1, name: 'Tiny', savedAt: '2026-12-01T09:00:00Z' }, { Tiny: model }, {}, 3);
    fill(model, 2);
    mkdirSync(current, { recursive: true });
    const path = await saveCheckpoint(tf, current, { epoch: 1, name: 'Tiny', savedAt: '2026-12-02T10:00:05Z' }, { Tiny: model }, {}, 3);
    updateLatestRun(runs, { run: RUN, dir: 'checkpoints', checkpoint: 'checkpoint-0001', epoch: 1, savedAt: '2026-12-02T10:00:05Z' });

    const newest = await load();
    expect(newest.weightsFrom).toBe(path);
    expect(firstWeight(newest.model)).toBe(2);
    // by hand: the run folder, or the runs folder
    expect((await load(join(runs, RUN))).weightsFrom).toBe(path);
    expect((await load(runs)).weightsFrom).toBe(path);

    truncateSync(join(path, 'model-Tiny.bin'), 4);
    const fallback = await load();
    expect(fallback.weightsFrom).toBe(join(legacy, 'checkpoint-0001'));
    expect(firstWeight(fallback.model)).toBe(1);
    expect(fallback.warnings).toEqual([`the checkpoint ${path} cannot be used: ${join(path, 'model-Tiny.bin')} has 4 bytes instead of 32 (cut short); trying an earlier one`]);
  });

  it('a folder given that holds no checkpoint is an error, not the initial weights', async () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'x');
    await expect(load(empty)).rejects.toThrow(`${empty} has no checkpoint (no latest.json, no checkpoint-NNNN folder)`);
  });
});
