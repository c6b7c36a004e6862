// What the language server draws into the active editor, read from the DOM
// (VS Code 1.100): inlay hints, code lenses and squiggles. Only rendered
// lines are in the DOM; line numbers come from the gutter, matched by
// vertical position (view lines are not in document order).

import type { Page } from 'playwright-core';
import { ACTIVE_EDITOR } from './editor.js';

export interface InlayHint {
  line: number;
  text: string;
}

export interface CodeLens {
  /** the line the lens stands over */
  line: number;
  title: string;
  /** false: a lens shown without a command */
  hasCommand: boolean;
}

/**
 * Inlay hints have no stable class: each label part is a span with a
 * generated `dyn-rule-*` class whose CSS rule uses an
 * `--vscode-editorInlayHint*` colour. Adjacent such spans are one hint.
 */
export async function inlayHints(page: Page): Promise<InlayHint[]> {
  return page.evaluate((selector) => {
    const hintClasses = new Set<string>();
    for (const sheet of document.styleSheets) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue;
      }
      for (const rule of rules) {
        if (!rule.cssText.includes('--vscode-editorInlayHint')) continue;
        for (const m of rule.cssText.matchAll(/\.(dyn-rule-[\w-]+)/g)) hintClasses.add(m[1]!);
      }
    }
    const editor = document.querySelector(selector);
    if (!editor) return [];
    const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((e) => ({ top: e.getBoundingClientRect().top, line: Number(e.textContent) }));
    const lineAt = (top: number) => gutter.reduce((best, g) => (Math.abs(g.top - top) < Math.abs(best.top - top) ? g : best), { top: Infinity, line: 0 }).line;
    const isHint = (e: Element) => [...e.classList].some((c) => hintClasses.has(c));
    const hints: { line: number; text: string }[] = [];
    for (const viewLine of editor.querySelectorAll('.view-lines .view-line')) {
      const line = lineAt(viewLine.getBoundingClientRect().top);
      let current: string | undefined;
      for (const span of viewLine.querySelectorAll('span > span')) {
        if (isHint(span)) {
          current = (current ?? '') + (span.textContent ?? '').replace(/\u00a0/g, ' ');
        } else if (current !== undefined) {
          hints.push({ line, text: current.trim() });
          current = undefined;
        }
      }
      if (current !== undefined) hints.push({ line, text: current.trim() });
    }
    return hints.filter((h) => h.text !== '').sort((a, b) => a.line - b.line);
  }, ACTIVE_EDITOR);
}

/** One `.codelens-decoration` per lensed line, in a view zone just above that line. */
export async function codeLenses(page: Page): Promise<CodeLens[]> {
  return page.evaluate((selector) => {
    const editor = document.querySelector(selector);
    if (!editor) return [];
    const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((e) => ({ top: e.getBoundingClientRect().top, line: Number(e.textContent) }));
    const lenses: { line: number; title: string; hasCommand: boolean }[] = [];
    for (const decoration of editor.querySelectorAll('.codelens-decoration')) {
      const bottom = decoration.getBoundingClientRect().bottom;
      // the first gutter line at or below the lens
      const below = gutter.filter((g) => g.top >= bottom - 4).sort((a, b) => a.top - b.top)[0];
      for (const part of decoration.children) {
        const title = (part.textContent ?? '').replace(/\u00a0/g, ' ').trim();
        if (title === '' || title === '|') continue;
        lenses.push({ line: below?.line ?? 0, title, hasCommand: part.tagName === 'A' });
      }
    }
    return lenses.sort((a, b) => a.line - b.line);
  }, ACTIVE_EDITOR);
}

/** Clicks the lens whose title starts with `title` over `line`. */
export async function clickLens(page: Page, title: string, line: number): Promise<void> {
  const index = await page.evaluate(
    ({ selector, title, line }) => {
      const editor = document.querySelector(selector)!;
      const gutter = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((e) => ({ top: e.getBoundingClientRect().top, line: Number(e.textContent) }));
      const links = [...editor.querySelectorAll('.codelens-decoration a')];
      return links.findIndex((a) => {
        const bottom = a.parentElement!.getBoundingClientRect().bottom;
        const below = gutter.filter((g) => g.top >= bottom - 4).sort((x, y) => x.top - y.top)[0];
        return below?.line === line && (a.textContent ?? '').replace(/\u00a0/g, ' ').trim().startsWith(title);
      });
    },
    { selector: ACTIVE_EDITOR, title, line },
  );
  if (index < 0) throw new Error(`no '${title}' lens over line ${line}; lenses: ${JSON.stringify(await codeLenses(page))}`);
  await page.locator(`${ACTIVE_EDITOR} .codelens-decoration a`).nth(index).click();
}

export interface Squiggles {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

/** Squiggle elements by severity in the active editor (one per rendered line segment). */
export async function squiggles(page: Page): Promise<Squiggles> {
  return page.evaluate((selector) => {
    const count = (kind: string) => document.querySelectorAll(`${selector} .squiggly-${kind}`).length;
    return { error: count('error'), warning: count('warning'), info: count('info'), hint: count('hint') };
  }, ACTIVE_EDITOR);
}
