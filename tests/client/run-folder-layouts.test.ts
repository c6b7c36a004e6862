// Runs in both layouts of a runs folder: today's folder per run
// (runs/<name>/<runId>/events/<runId>.jsonl) and the earlier one, every run
// of a model in runs/<name>/events/. The Runs view, the training view's
// earlier runs and "the newest run of this file" find both.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deletionPlan, describePlan } from '../../client/runs/run-deletion.js';
import { earlierRuns, runsIn } from '../../client/runs/run-files.js';
import { RunReader, runsFolderOf, runsInFolder } from '../../client/runs/run-folders.js';
import { nodeRunFs } from '../../client/runs/node-run-fs.js';
import { tempFolder } from '../helpers/temp-files.js';

const tmp = tempFolder('run-layouts');
afterAll(() => tmp.remove());

const runs = join(tmp.dir, 'runs', 'MLP');
const start = (runId: string, runDir: string) =>
  JSON.stringify({ type: 'start', runId, pid: 1, runDir, name: 'MLP', models: [{ name: 'MLP', parameters: 1, trainableParameters: 1 }], data: 'd', examples: { train: 8, test: 2, validation: 0 }, epochs: 2, batchesPerEpoch: 1, firstEpoch: 1, backend: 'tensorflow', device: 'cpu' });
const end = JSON.stringify({ type: 'end', reason: 'completed', epochs: 2, metrics: {}, seconds: 1 });

const OLD = '20261201-090000-aaaa';
const NEW = '20261202-100000-bbbb';
const NEWER = '20261202-110000-cccc-2';
tmp.write(`runs/MLP/events/${OLD}.jsonl`, `${start(OLD, runs)}\n${end}\n`);
tmp.write(`runs/MLP/checkpoints/latest.json`, '{"checkpoint":"checkpoint-0001","epoch":2}');
tmp.write(`runs/MLP/${NEW}/events/${NEW}.jsonl`, `${start(NEW, join(runs, NEW))}\n${end}\n`);
tmp.write(`runs/MLP/${NEWER}/events/${NEWER}.jsonl`, `${start(NEWER, join(runs, NEWER))}\n`);
tmp.write(`runs/MLP/latest.json`, JSON.stringify({ run: NEW, dir: 'checkpoints', checkpoint: 'checkpoint-0002', epoch: 2, savedAt: '2026-12-02T10:00:05Z' }));
// not run folders: a folder a person made, the pointer file
tmp.write('runs/MLP/notes/events/x.jsonl', '{}\n');

describe('a runs folder with both layouts', () => {
  it('lists every run with its own folder, newest first', () => {
    expect(runsInFolder(nodeRunFs, runs)).toEqual([
      { runId: NEWER, runDir: join(runs, NEWER) },
      { runId: NEW, runDir: join(runs, NEW) },
      { runId: OLD, runDir: runs },
    ]);
    expect(runsIn(runs)[0]).toEqual({ runId: NEWER, runDir: join(runs, NEWER) });
  });

  it('knows the runs folder of a run folder in either layout', () => {
    expect(runsFolderOf(join(runs, NEW), NEW)).toBe(runs);
    expect(runsFolderOf(`${join(runs, NEW)}/`, NEW)).toBe(runs);
    expect(runsFolderOf(runs, OLD)).toBe(runs);
    expect(runsFolderOf('C:\\ws\\runs\\MLP\\' + NEW, NEW)).toBe('C:\\ws\\runs\\MLP');
  });

  it("gives the training view a run's earlier runs from the sibling folders and the old layout", () => {
    const earlier = earlierRuns(join(runs, NEWER), NEWER, 5);
    expect(earlier.map((r) => [r.runId, r.runDir])).toEqual([
      [NEW, join(runs, NEW)],
      [OLD, runs],
    ]);
    expect(earlier[0]!.events[0]).toMatchObject({ type: 'start', runId: NEW });
  });

  it('reads each run from the folder its events file is in (as the Runs view finds them)', () => {
    const reader = new RunReader(nodeRunFs);
    const found = reader.runs([join(runs, NEW), join(runs, NEWER), runs], () => false);
    expect(found.map((r) => [r.runId, r.runDir, r.state])).toEqual([
      [NEWER, join(runs, NEWER), 'failed'],
      [NEW, join(runs, NEW), 'done'],
      [OLD, runs, 'done'],
    ]);
  });

  it("deleting a run of today's layout removes its own folder (a killed run's lock too), nothing of another run", () => {
    const reader = new RunReader(nodeRunFs);
    const all = reader.runs([join(runs, NEW), join(runs, NEWER), runs], () => false);
    const plan = deletionPlan(all.find((r) => r.runId === NEW)!, all);
    expect(plan).toEqual({ files: [], trees: [join(runs, NEW)], emptyFolders: [] });
    expect(describePlan(plan as Exclude<typeof plan, string>, (p) => p.slice(tmp.dir.length + 1))).toBe(
      `This removes its folder (runs/MLP/${NEW}) with its checkpoints, samples and events.`,
    );
  });

  it('deleting a run of the earlier layout removes only its events file while other runs share the folder', () => {
    const reader = new RunReader(nodeRunFs);
    const all = reader.runs([join(runs, NEW), join(runs, NEWER), runs], () => false);
    const sharing = [...all, { ...all.find((r) => r.runId === OLD)!, runId: '20261201-080000-ffff', eventsFile: join(runs, 'events', '20261201-080000-ffff.jsonl') }];
    expect(deletionPlan(all.find((r) => r.runId === OLD)!, sharing)).toEqual({ files: [join(runs, 'events', `${OLD}.jsonl`)], trees: [], emptyFolders: [] });
  });
});
