// Running a command from the command palette by its label (`NN: Train
// Model`), and picking an item of a quick-input list or a quick-fix menu.

import type { Page } from 'playwright-core';
import { sleep } from './wait.js';

const QUICK_INPUT = '.quick-input-widget .quick-input-box input';
const ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

/**
 * F1, types the label, clicks the row whose label is exactly it. Resolves to
 * false, with the palette closed, when the palette does not offer it.
 */
export async function runCommand(page: Page, label: string, timeoutMs = 10_000): Promise<boolean> {
  await page.keyboard.press('F1');
  await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
  await page.keyboard.type(label);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = page.locator(ROWS);
    const labels = await rows.locator('.label-name').allTextContents();
    const index = labels.findIndex((l) => l.replace(/\u00a0/g, ' ').trim() === label);
    if (index >= 0) {
      await rows.nth(index).click();
      return true;
    }
    await sleep(250);
  }
  await page.keyboard.press('Escape');
  return false;
}

/** The labels a quick-input list shows now. */
export async function quickInputLabels(page: Page): Promise<string[]> {
  return (await page.locator(`${ROWS} .label-name`).allTextContents()).map((l) => l.replace(/\u00a0/g, ' ').trim());
}

/** Ctrl+. at the cursor, then (by keyboard: the menu sits under a pointer block) the quick-fix item whose label starts with `title`. */
export async function applyQuickFix(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor({ timeout: 10_000 });
  const labels = async () => (await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label') ?? ''))).join(' | ');
  for (let step = 0; step < 20; step++) {
    const focused = (await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label').catch(() => null)) ?? '';
    if (focused.startsWith(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick fix '${title}'; the menu offers: ${await labels()}`);
}
