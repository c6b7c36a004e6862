// examples/resnet.nn in a real VS Code: the shapes inline, a layer's docs on
// hover, the summary of ResNet18 and its graph (a click on a node moves the
// cursor to the layer's line).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickLens, codeLenses, inlayHints } from './harness/decorations.js';
import { cursor, goTo, languageMode, openFile } from './harness/editor.js';
import { hoverWord } from './harness/hover.js';
import { startScenario, type Scenario } from './harness/scenario.js';
import { until } from './harness/wait.js';
import { findWebview, waitForReady, webviewFrames, webviewText } from './harness/webviews.js';
import { lineOf } from './harness/workspace.js';

describe('resnet.nn', () => {
  let s: Scenario;
  let text: string;
  let modelLine: number;

  beforeAll(async () => {
    s = await startScenario({ name: 'resnet' });
    text = readFileSync(join(s.workspace, 'resnet.nn'), 'utf8');
    modelLine = lineOf(text, 'model ResNet18');
    await s.time('open', () => openFile(s.page, 'resnet.nn'));
    // the language server has checked the file once its lenses are there
    await s.time('first lenses', () => until('the lenses of resnet.nn', () => codeLenses(s.page), (ls) => ls.some((l) => l.title.startsWith('Summary')), 90_000));
  });
  afterAll(async () => s?.close());

  test('is an nn file with the shapes inline', async () => {
    await until('the language mode nn', () => languageMode(s.page), (m) => /^nn$/i.test(m), 30_000);
    const stemLine = lineOf(text, '-> Stem');
    await goTo(s.page, stemLine);
    const hints = await s.time('first inlay hints', () =>
      until('the hint [B, 56, 56, 64] on the Stem line', () => inlayHints(s.page), (hs) => hs.some((h) => h.line === stemLine && h.text.includes('[B, 56, 56, 64]')), 60_000),
    );
    // never the same hint twice on one line
    const onStem = hints.filter((h) => h.line === stemLine).map((h) => h.text);
    expect(new Set(onStem).size).toBe(onStem.length);
    await s.screenshot('inlay-hints');
  });

  test('a layer shows its docs on hover', async () => {
    const line = lineOf(text, 'output image -> Conv2D(64, 7');
    await goTo(s.page, line);
    const hover = await s.time('hover', () => hoverWord(s.page, 'Conv2D', line));
    expect(hover).toContain('Conv2D');
    expect(hover).toMatch(/2-D convolution/);
    await s.screenshot('hover');
  });

  test('the Summary lens shows the parameter count of ResNet18', async () => {
    await goTo(s.page, modelLine);
    const lenses = await until('the lenses over ResNet18', () => codeLenses(s.page), (ls) => ls.some((l) => l.line === modelLine && l.title.startsWith('Summary')), 30_000);
    expect(lenses.filter((l) => l.line === modelLine).map((l) => l.title)).toEqual(expect.arrayContaining(['Graph']));
    await clickLens(s.page, 'Summary', modelLine);
    const view = await s.time('summary view', async () => {
      const frame = await findWebview(s.page, 'body[data-ready="true"]');
      await until('11,689,512 in the summary', () => webviewText(frame), (t) => t.includes('11,689,512'), 30_000);
      return frame;
    });
    expect(await webviewText(view)).toContain('11,689,512');
    await s.screenshot('summary');
  });

  test('the Graph lens renders the nodes, and a click on one moves the cursor to its layer', async () => {
    await goTo(s.page, modelLine);
    await clickLens(s.page, 'Graph', modelLine);
    const graph = await s.time('graph view', async () => {
      const frame = await findWebview(s.page, 'svg g.node[data-id]');
      await waitForReady(frame);
      return frame;
    });
    const nodes = await graph.$$eval('svg g.node[data-id]', (gs) => gs.map((g) => ({ id: g.getAttribute('data-id')!, text: g.textContent ?? '' })));
    expect(nodes.length).toBeGreaterThan(3);
    await s.screenshot('graph');

    // a node of a layer written on its own line of the model: GlobalAvgPool
    const target = nodes.find((n) => n.text.includes('GlobalAvgPool'));
    expect(target, JSON.stringify(nodes.map((n) => n.text))).toBeDefined();
    await graph.locator(`svg g.node[data-id="${target!.id}"]`).click();
    const want = lineOf(text, '-> GlobalAvgPool');
    const at = await until('the cursor on the GlobalAvgPool line', () => cursor(s.page), (c) => c?.line === want, 15_000);
    expect(at!.line).toBe(want);
  });

  test('the graphs of ResNet-50 and SAM render (the time each takes is kept)', async () => {
    for (const { file, model } of [{ file: 'resnet.nn', model: 'ResNet50' }, { file: 'sam.nn', model: 'SAM' }]) {
      await openFile(s.page, file);
      const source = readFileSync(join(s.workspace, file), 'utf8');
      const line = lineOf(source, `model ${model}`);
      await goTo(s.page, line);
      await until(`the Graph lens over ${model}`, () => codeLenses(s.page), (ls) => ls.some((l) => l.line === line && l.title === 'Graph'), 60_000);
      const clicked = performance.now();
      await clickLens(s.page, 'Graph', line);
      const frame = await until(
        `the graph of ${model}`,
        async () => {
          for (const f of webviewFrames(s.page)) {
            const shown = await f
              .evaluate((name) => document.body.dataset.ready === 'true' && document.querySelector('svg g.node[data-id]') !== null && document.body.innerText.includes(name), model)
              .catch(() => false);
            if (shown) return f;
          }
          return undefined;
        },
        (f) => f !== undefined,
        120_000,
        100,
      );
      s.timings[`graph of ${model}`] = Math.round(performance.now() - clicked);
      expect(await frame!.locator('svg g.node[data-id]').count()).toBeGreaterThan(3);
      await s.screenshot(`graph-${model}`);
      if (model === 'SAM') {
        // every block expanded: the largest drawing of the examples
        const collapsed = await frame!.locator('svg g.node[data-id]').count();
        const expanding = performance.now();
        await frame!.locator('button', { hasText: 'Expand all' }).click();
        const expanded = await until('the expanded graph of SAM', () => frame!.locator('svg g.node[data-id]').count(), (n) => n > collapsed, 120_000, 100);
        s.timings['graph of SAM: expand all'] = Math.round(performance.now() - expanding);
        s.timings['graph of SAM: nodes expanded'] = expanded;
        await s.screenshot('graph-SAM-expanded');
      }
    }
  });
});
