// The training backend and the commands that run the CLI besides training,
// in a real VS Code: the status bar says what training runs on (the
// workspace's nn-lang, with the native backend), NN: Doctor shows the
// report, NN: Export Model writes model.json, NN: Run Model shows a
// generator's outputs as pictures, NN: Open Example copies an architecture
// into examples/.

import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { ACTIVE_EDITOR, openFile } from './harness/editor.js';
import { quickInputLabels, runCommand } from './harness/palette.js';
import { startScenario, type Scenario } from './harness/scenario.js';
import { until } from './harness/wait.js';
import { allWebviewTexts } from './harness/webviews.js';

describe('the training backend', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await startScenario({ name: 'backend' });
    await s.time('open', () => openFile(s.page, 'mlp.nn'));
  });
  afterAll(async () => s?.close());

  test('the status bar says training runs on the native CPU backend', async () => {
    const item = s.page.locator('.statusbar-item', { hasText: 'native CPU' });
    await s.time('backend status', () => item.first().waitFor({ timeout: 90_000 }));
    await s.screenshot('backend-status');
  });

  test('NN: Doctor shows the report', async () => {
    expect(await runCommand(s.page, 'NN: Doctor')).toBe(true);
    const texts = await s.time('doctor preview', () =>
      until('the doctor report in a preview', () => allWebviewTexts(s.page), (ts) => ts.some((t) => t.includes('Training runs on the native TensorFlow backend')), 90_000),
    );
    expect(texts.join('\n')).toMatch(/TensorFlow\s+2\.\d+/);
    await s.screenshot('doctor');
  });

  test('NN: Export Model writes model.json into export/<model>', async () => {
    await openFile(s.page, 'mlp.nn');
    expect(await runCommand(s.page, 'NN: Export Model')).toBe(true);
    await until('the folder choice', () => quickInputLabels(s.page), (ls) => ls.length === 2, 20_000);
    await s.page.keyboard.press('Enter');
    const done = await s.time('export', () => until('the export notification', () => s.notifications(), (ns) => ns.some((n) => n.message.includes('Exported MLP')), 120_000));
    expect(done.find((n) => n.message.includes('Exported MLP'))!.message).toContain('export/MLP');
    expect(existsSync(join(s.workspace, 'export', 'MLP', 'model.json'))).toBe(true);
    await s.screenshot('export');
  });

  test('NN: Run Model runs the generator on a .npy and shows its outputs as pictures', async () => {
    // noise for 4 images: [4, 100] float32
    const noise = Float32Array.from({ length: 4 * 100 }, (_, i) => Math.sin(i * 12.9898));
    writeFileSync(join(s.workspace, 'noise.npy'), encodeNpy(noise, [4, 100], 'float32'));
    await openFile(s.page, 'gan.nn');
    expect(await runCommand(s.page, 'NN: Run Model')).toBe(true);
    await until('the models', () => quickInputLabels(s.page), (ls) => ls.includes('Generator'), 20_000);
    await s.page.keyboard.type('Generator');
    await until('Generator first', () => quickInputLabels(s.page), (ls) => ls[0] === 'Generator', 10_000);
    await s.page.keyboard.press('Enter');
    // the file dialog (code-server's is a quick input with a path)
    await until('the file dialog', () => s.page.locator('.quick-input-widget .quick-input-box input').inputValue(), (v) => v.includes('/'), 20_000);
    await s.page.keyboard.press('Control+A');
    await s.page.keyboard.type(join(s.workspace, 'noise.npy'));
    await s.page.keyboard.press('Enter');
    const texts = await s.time('run preview', () =>
      until('the outputs preview', () => allWebviewTexts(s.page), (ts) => ts.some((t) => t.includes('Generator: outputs') && t.includes('As 4 pictures')), 120_000),
    );
    expect(texts.join('\n')).toContain('[4, 28, 28, 1] float32');
    const outputs = readdirSync(join(s.workspace, 'outputs'));
    expect(outputs).toHaveLength(1);
    expect(readdirSync(join(s.workspace, 'outputs', outputs[0]!)).sort()).toEqual(['output.npy', 'output.png', 'outputs.md']);
    await s.screenshot('run-model');
  });

  test('NN: Open Example copies the architecture into examples/ and opens it', async () => {
    expect(await runCommand(s.page, 'NN: Open Example')).toBe(true);
    const labels = await until('the examples', () => quickInputLabels(s.page), (ls) => ls.includes('gan.nn'), 20_000);
    expect(labels[0]).toBe('mlp.nn');
    await s.page.keyboard.type('gan.nn');
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector(`${ACTIVE_EDITOR}[data-uri$="/examples/gan.nn"]`, { timeout: 20_000 });
    expect(existsSync(join(s.workspace, 'examples', 'gan.nn'))).toBe(true);
    await s.screenshot('open-example');
  });
});
