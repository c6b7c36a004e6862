// Training examples/mlp.nn from its Train lens: the training view fills with
// epoch rows and a chart; Stop ends the run with a checkpoint.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickLens, codeLenses } from './harness/decorations.js';
import { goTo, openFile } from './harness/editor.js';
import { startScenario, type Scenario } from './harness/scenario.js';
import { until } from './harness/wait.js';
import { allWebviewTexts, findWebview, waitForReady, webviewText } from './harness/webviews.js';

const MODEL_LINE = 16; // `model MLP(...)` in examples/mlp.nn

describe('training the MLP', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ name: 'train' });
    await s.time('open', () => openFile(s.page, 'mlp.nn'));
  });
  afterAll(async () => s?.close());

  test('the Train lens opens the training view: epoch rows and a chart; Stop ends the run with a checkpoint', async () => {
    await goTo(s.page, MODEL_LINE);
    await until('the Train lens over MLP', () => codeLenses(s.page), (ls) => ls.some((l) => l.line === MODEL_LINE && l.title === 'Train'), 60_000);
    const clicked = performance.now();
    await clickLens(s.page, 'Train', MODEL_LINE);

    // the training view: its Stop button is there while the run goes (the epochs table comes with the first epoch)
    const view = await findWebview(s.page, 'button#stop', 60_000).catch(async (e) => {
      throw new Error(`${e.message}\nwebviews: ${JSON.stringify(await allWebviewTexts(s.page))}\nnotifications: ${JSON.stringify(await s.notifications())}`);
    });
    await waitForReady(view);
    s.timings['train: view ready'] = Math.round(performance.now() - clicked);
    const firstChart = await view.evaluate(() => [...document.querySelectorAll('.uplot canvas')].map((c) => (c as HTMLCanvasElement).toDataURL()).join());
    // the first point: the chart's canvas redrawn after its first render, or the first epoch row
    await until(
      'the first chart point or epoch row',
      () => view.evaluate((first) => ({
        rows: document.querySelectorAll('#epochs tbody tr').length,
        changed: [...document.querySelectorAll('.uplot canvas')].map((c) => (c as HTMLCanvasElement).toDataURL()).join() !== first,
      }), firstChart),
      (p) => p.rows > 0 || p.changed,
      240_000,
    );
    s.timings['train: first chart point'] = Math.round(performance.now() - clicked);
    await until('an epoch row', () => view.evaluate(() => document.querySelectorAll('#epochs tbody tr').length), (n) => n > 0, 240_000);
    s.timings['train: first epoch row'] = Math.round(performance.now() - clicked);
    expect(await view.locator('.uplot canvas').count()).toBeGreaterThan(0);
    await s.screenshot('training');

    await view.locator('button#stop').click();
    const stopped = performance.now();
    await until('the word stopped in the training view', () => webviewText(view), (t) => /stopped/i.test(t), 60_000);
    s.timings['train: stop'] = Math.round(performance.now() - stopped);
    const checkpoint = join(s.workspace, 'runs', 'MLP', 'checkpoints', 'latest.json');
    await until(`${checkpoint}`, async () => existsSync(checkpoint), (x) => x, 30_000);
    await s.screenshot('training-stopped');
  });
});
