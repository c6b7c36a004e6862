// The text editor of the workbench (VS Code 1.100 DOM): opening a file,
// moving the cursor, typing, and the cursor position from the status bar.

import type { Page } from 'playwright-core';
import { basename } from 'node:path';
import { until } from './wait.js';

const QUICK_INPUT = '.quick-input-widget .quick-input-box input';
/** the text editor on screen (the scenarios keep one text file open; a webview may have the focus) */
export const ACTIVE_EDITOR = '.editor-instance .monaco-editor[data-uri]';

/**
 * Opens a workspace file and waits until its editor is shown: a file at the
 * top of the workspace from the explorer (quick open's file search may take
 * many seconds while the workbench starts), any other with Ctrl+P.
 */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = basename(relativePath);
  const exact = new RegExp(`^${escape(name)}$`);
  const inExplorer = page.locator('.explorer-folders-view .monaco-list-row[aria-level="1"]', { has: page.locator('.label-name', { hasText: exact }) }).first();
  if (!relativePath.includes('/') && (await inExplorer.count()) > 0) {
    await inExplorer.click();
  } else {
    await quickOpen(page, relativePath, name);
  }
  await page.waitForSelector(`${ACTIVE_EDITOR}[data-uri$="/${relativePath}"]`, { timeout: 30_000 });
  await page.waitForSelector(`${ACTIVE_EDITOR} .view-lines .view-line`);
}

/** Ctrl+P, the path, then the row of that file; asks again when the file search has not answered. */
async function quickOpen(page: Page, relativePath: string, name: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escape(name)}$`) }) }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
    await page.keyboard.type(relativePath);
    try {
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt === 4) throw e;
    }
  }
}

/** Ctrl+G to `line:column` (1-based); the line is revealed. */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await until(`the cursor at ${line}:${column}`, () => cursor(page), (c) => c?.line === line && c.column === column, 10_000);
}

export async function focusEditor(page: Page): Promise<void> {
  await page.locator(`${ACTIVE_EDITOR} textarea.inputarea, ${ACTIVE_EDITOR} .native-edit-context`).first().focus();
}

/** The cursor position the status bar shows (`Ln 12, Col 3`), or undefined without a text editor. */
export async function cursor(page: Page): Promise<{ line: number; column: number } | undefined> {
  const text = await page.locator('#status\\.editor\\.selection').first().textContent({ timeout: 2000 }).catch(() => null);
  const m = /Ln (\d+), Col (\d+)/.exec(text ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** The language mode in the status bar (`nn`, `Plain Text`, ...). */
export async function languageMode(page: Page): Promise<string> {
  return ((await page.locator('#status\\.editor\\.mode').first().textContent()) ?? '').trim();
}

/** Selects `length` characters to the right of the cursor and deletes them. */
export async function deleteRight(page: Page, length: number): Promise<void> {
  await focusEditor(page);
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Delete');
}

/** The rendered text of the active editor (only the lines on screen). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    const lines = [...document.querySelectorAll(`${selector} .view-lines .view-line`)] as HTMLElement[];
    return lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  }, ACTIVE_EDITOR);
}

/** Waits until `text` appears anywhere in the workbench (not inside webviews). */
export async function waitForText(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  await until(`'${text}' in the workbench`, () => page.evaluate(() => document.body.innerText), (t) => t.includes(text), timeoutMs);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
