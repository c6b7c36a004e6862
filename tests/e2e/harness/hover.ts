// Hovering a word of the active editor with the mouse and reading the hover.

import type { Page } from 'playwright-core';
import { ACTIVE_EDITOR } from './editor.js';
import { until } from './wait.js';

const HOVER = '.monaco-hover:not(.hidden):not(.workbench-hover) .monaco-hover-content';

/** Moves the mouse to the middle of the first rendered occurrence of `word` on `line` (1-based) and returns the hover's text. */
export async function hoverWord(page: Page, word: string, line: number): Promise<string> {
  const point = await page.evaluate(
    ({ selector, word, line }) => {
      const editor = document.querySelector(selector)!;
      const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => Number(e.textContent) === line);
      if (!gutter) return undefined;
      const top = gutter.getBoundingClientRect().top;
      const viewLine = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => Math.abs(l.getBoundingClientRect().top - top) < 3);
      if (!viewLine) return undefined;
      // the text node holding the word, then the exact rectangle of the word
      const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return undefined;
    },
    { selector: ACTIVE_EDITOR, word, line },
  );
  if (!point) throw new Error(`'${word}' is not shown on line ${line}`);
  // a hover that does not come (the editor re-rendered under the pointer) is asked for again, from elsewhere
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(point.x - 40, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    try {
      return await until(
        `the hover over '${word}'`,
        async () => (await page.locator(HOVER).allInnerTexts()).join('\n'),
        (text) => text.trim() !== '' && !text.includes('Loading...'),
        8000,
      );
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
