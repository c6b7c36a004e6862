// An untrusted workspace (restricted mode): the language features work, and
// training is disabled with an explanation.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickLens, codeLenses, inlayHints } from './harness/decorations.js';
import { goTo, openFile, waitForText } from './harness/editor.js';
import { runCommand } from './harness/palette.js';
import { startScenario, type Scenario } from './harness/scenario.js';
import { sleep, until } from './harness/wait.js';

const MODEL_LINE = 16; // `model MLP(...)` in examples/mlp.nn
const explainsTrust = (message: string) => /trust/i.test(message);

describe('an untrusted workspace', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ name: 'untrusted', untrusted: true });
    await s.time('open', () => openFile(s.page, 'mlp.nn'));
  });
  afterAll(async () => s?.close());

  test('is in restricted mode, and the shapes are shown inline', async () => {
    await waitForText(s.page, 'Restricted Mode', 20_000);
    await goTo(s.page, MODEL_LINE);
    const hints = await until('inlay hints', () => inlayHints(s.page), (hs) => hs.some((h) => h.text.includes('[B, 10]')), 60_000);
    expect(hints.length).toBeGreaterThan(0);
  });

  test('NN: Train Model is not offered, and the Train lens says training is off and explains why', async () => {
    const offered = await runCommand(s.page, 'NN: Train Model', 5000);
    expect(offered).toBe(false);
    const lenses = await until('the lenses', () => codeLenses(s.page), (ls) => ls.some((l) => l.line === MODEL_LINE && l.title.startsWith('Train')), 30_000);
    const train = lenses.find((l) => l.line === MODEL_LINE && l.title.startsWith('Train'));
    expect(train?.title).toBe('Train (restricted mode)');
    await clickLens(s.page, 'Train (restricted mode)', MODEL_LINE);
    await until('an explanation about trust', () => s.notifications(), (ns) => ns.some((n) => explainsTrust(n.message)), 15_000);
    await sleep(2000);
    expect(existsSync(join(s.workspace, 'runs'))).toBe(false);
    await s.screenshot('untrusted');
  });
});
