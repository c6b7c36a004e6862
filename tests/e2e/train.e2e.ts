// Training examples/mlp.nn from its Train lens: the training view fills with
// epoch rows and a chart; Stop ends the run with a checkpoint.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickLens, codeLenses } from './harness/decorations.js';
import { goTo, openFile } from './harness/editor.js';
import { EXAMPLES } from './harness/paths.js';
import { startScenario, type Scenario } from './harness/scenario.js';
import { until } from './harness/wait.js';
import { allWebviewTexts, findWebview, waitForReady, webviewText } from './harness/webviews.js';

const MODEL_LINE = 16; // `model MLP(...)` in examples/mlp.nn

/** Presses and releases the mouse over `selector` as a person does; true when the page saw a click on it. */
async function clickLikeAPerson(frame: Frame, selector: string): Promise<boolean> {
  await frame.evaluate((sel) => {
    (window as unknown as { __clicked: boolean }).__clicked = false;
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest(sel)) (window as unknown as { __clicked: boolean }).__clicked = true;
    }, { capture: true, once: true });
  }, selector);
  // the box of the element on screen now (a re-render may replace it while it is being measured)
  let box: { x: number; y: number; width: number; height: number } | null = null;
  for (let i = 0; i < 20 && !box; i++) box = await frame.locator(selector).boundingBox({ timeout: 2000 }).catch(() => null);
  if (!box) throw new Error(`${selector} is not shown`);
  const page = frame.page();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await new Promise((r) => setTimeout(r, 80));
  await page.mouse.up();
  return frame.evaluate(() => (window as unknown as { __clicked: boolean }).__clicked);
}

describe('training the MLP', () => {
  let s: Scenario;
  beforeAll(async () => {
    // a run long enough that Stop comes well before its end: examples/mlp.nn's 10 epochs take a few seconds as graph steps
    const mlp = readFileSync(join(EXAMPLES, 'mlp.nn'), 'utf8');
    if (!mlp.includes('epochs: 10')) throw new Error('examples/mlp.nn no longer trains for `epochs: 10`: update this test');
    s = await startScenario({ name: 'train', files: { 'mlp.nn': mlp.replace('epochs: 10', 'epochs: 200') } });
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
    // a few epochs make a picture worth keeping; Stop then still comes well before the last
    await until('three epoch rows', () => view.evaluate(() => document.querySelectorAll('#epochs tbody tr').length), (n) => n >= 3, 120_000);
    await s.screenshot('training');

    // a person's click: press, about 80 ms, release, on the button under the pointer
    const stopClicked = await clickLikeAPerson(view, 'button#stop');
    expect.soft(stopClicked, 'the Stop click was lost: the button was replaced between press and release (is it rebuilt on every progress update?)').toBe(true);
    if (!stopClicked) await view.locator('button#stop').dispatchEvent('click');
    const stopped = performance.now();
    await until('the word stopped in the training view', () => webviewText(view), (t) => /stopped/i.test(t), 60_000);
    s.timings['train: stop'] = Math.round(performance.now() - stopped);
    // runs/MLP/latest.json names the newest run with a complete checkpoint (each run has its own folder)
    const checkpoint = join(s.workspace, 'runs', 'MLP', 'latest.json');
    await until(`${checkpoint}`, async () => existsSync(checkpoint), (x) => x, 30_000);
    await s.screenshot('training-stopped');
  });
});
