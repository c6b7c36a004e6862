// Debian's chromium, headless, driven by playwright-core (no browser
// download): the flags keep it off the network, which is closed here.

import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './paths.js';

export const VIEWPORT = { width: 1400, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,MediaRouter',
    ],
  });
}

/** Opens the workbench on `folder` and waits until the explorer lists it. */
export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
}
