// The Problems panel (opened from the status bar) and the problem count.

import type { Page } from 'playwright-core';

export interface ProblemRow {
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  /** e.g. `[Ln 12, Col 10]` */
  position: string;
  /** the whole row, with its source and code: `nn(NN2002)` */
  text: string;
}

/** The status bar's problem summary: `No Problems`, `Errors: 1, Warnings: 0`, ... (whole workspace). */
export async function problemCount(page: Page): Promise<string> {
  return (await page.locator('#status\\.problems').first().getAttribute('aria-label')) ?? '';
}

export async function openProblems(page: Page): Promise<void> {
  if (await page.locator('.markers-panel').isVisible().catch(() => false)) return;
  await page.locator('#status\\.problems').first().click();
  await page.waitForSelector('.markers-panel', { state: 'visible' });
}

/** The marker rows the Problems panel shows (rows below its fold are not rendered). */
export async function problemRows(page: Page): Promise<ProblemRow[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="2"]')].map((row) => {
      const icon = row.querySelector('.marker-icon');
      const severity = (['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? 'unknown') as ProblemRow['severity'];
      return {
        severity,
        message: row.querySelector('.marker-message')?.textContent?.trim() ?? '',
        position: row.querySelector('.marker-line')?.textContent?.trim() ?? '',
        text: (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      };
    }),
  );
}
