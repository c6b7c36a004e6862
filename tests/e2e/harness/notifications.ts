// Notifications and browser console errors of the workbench. Toasts vanish
// after a few seconds, so a MutationObserver installed before the page loads
// records every notification it ever shows.

import type { Page } from 'playwright-core';

export interface Notification {
  severity: 'info' | 'warning' | 'error' | 'unknown';
  message: string;
  /** the "Source: ..." line when there is one */
  source: string;
}

/** Runs in the page before any of its scripts (serialized by Playwright: it must not close over anything). */
function recordNotifications(): void {
  const seen = new Set<string>();
  const recorded: unknown[] = [];
  (window as unknown as { __nnNotifications: unknown[] }).__nnNotifications = recorded;
  const scan = () => {
    for (const item of document.querySelectorAll('.notification-list-item')) {
      const message = item.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '';
      if (message === '') continue;
      const icon = item.querySelector('.notification-list-item-icon');
      const severity = ['error', 'warning', 'info'].find((s) => icon?.classList.contains(`codicon-${s}`)) ?? 'unknown';
      const source = item.querySelector('.notification-list-item-source')?.textContent?.trim() ?? '';
      const key = `${severity}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      recorded.push({ severity, message, source });
    }
  };
  new MutationObserver(scan).observe(document, { childList: true, subtree: true, characterData: true });
}

export async function installNotificationRecorder(page: Page): Promise<void> {
  await page.addInitScript(recordNotifications);
}

export async function notifications(page: Page): Promise<Notification[]> {
  return page.evaluate(() => (window as unknown as { __nnNotifications?: Notification[] }).__nnNotifications ?? []);
}

/** Console errors and uncaught page errors, without the known noise (the closed `vsda` module code-server does not ship). */
export function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  const keep = (text: string) => !/vsda/.test(text);
  page.on('console', (m) => {
    if (m.type() === 'error' && keep(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (keep(e.message)) errors.push(e.message);
  });
  return errors;
}
