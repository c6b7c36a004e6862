// Webviews: each is two nested iframes; the inner one (whose parent's URL is
// the webview host page `.../webview/browser/pre/index.html`) holds the
// extension's HTML. A webview is found by a selector its page contains.

import type { Frame, Page } from 'playwright-core';
import { notifications } from './notifications.js';
import { until } from './wait.js';

export function webviewFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.parentFrame()?.url().includes('/webview/browser/pre/') === true);
}

/** The webview frame whose document contains `selector` (waits for it; a timeout names the webviews and notifications seen). */
export async function findWebview(page: Page, selector: string, timeoutMs = 60_000): Promise<Frame> {
  try {
    return (await until(
      `a webview containing '${selector}'`,
      async () => {
        for (const frame of webviewFrames(page)) {
          if (await frame.$(selector).catch(() => null)) return frame;
        }
        return undefined;
      },
      (f) => f !== undefined,
      timeoutMs,
    )) as Frame;
  } catch (e) {
    const texts = (await allWebviewTexts(page)).map((t) => t.slice(0, 300));
    throw new Error(`${(e as Error).message}\nwebviews: ${JSON.stringify(texts)}\nnotifications: ${JSON.stringify(await notifications(page))}`);
  }
}

/** Waits for the web app's first render (`document.body.dataset.ready === "true"`). */
export async function waitForReady(frame: Frame, timeoutMs = 60_000): Promise<void> {
  await frame.waitForFunction(() => document.body?.dataset.ready === 'true', undefined, { timeout: timeoutMs });
}

export async function webviewText(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.body.innerText);
}

/** The rendered text of every webview frame (for diagnosing a failed wait). */
export async function allWebviewTexts(page: Page): Promise<string[]> {
  return Promise.all(webviewFrames(page).map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
}
