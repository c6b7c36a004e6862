// The manifest in English and Chinese: every `%key%` of client/package.json
// has its text in package.nls.json and package.nls.zh-cn.json, neither holds
// a key the manifest does not use, and the Chinese says the same things the
// English does where a program reads them: the same command links, the same
// code spans, a walkthrough page that exists.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { localizeManifest, nlsKeys } from './localize-manifest.js';

const client = join(import.meta.dirname, '..', '..', 'client');
const readJson = (file: string): any => JSON.parse(readFileSync(join(client, file), 'utf8'));
const manifest = readJson('package.json');
const used = nlsKeys(manifest);
const languages = [
  { file: 'package.nls.json', texts: readJson('package.nls.json') as Record<string, string> },
  { file: 'package.nls.zh-cn.json', texts: readJson('package.nls.zh-cn.json') as Record<string, string> },
];
const [english, chinese] = languages as [(typeof languages)[number], (typeof languages)[number]];

const commandLinks = (text: string): string[] => [...text.matchAll(/\(command:([\w.-]+)\)/g)].map((m) => m[1] as string);
const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string).sort();

describe('the manifest in every language', () => {
  test('its texts are keys: commands, settings, views, welcome contents and the walkthrough', () => {
    expect(used.length).toBeGreaterThan(50);
    for (const c of manifest.contributes.commands) expect(c.title).toMatch(/^%[\w.-]+%$/);
    for (const w of manifest.contributes.viewsWelcome) expect(w.contents).toMatch(/^%[\w.-]+%$/);
    for (const step of manifest.contributes.walkthroughs[0].steps) expect([step.title, step.description, step.media.markdown].every((t: string) => /^%[\w.-]+%$/.test(t))).toBe(true);
  });

  test.each(languages)('$file has a text for every key the manifest uses, and no other', ({ texts }) => {
    expect(used.filter((k) => typeof texts[k] !== 'string' || texts[k].trim() === '')).toEqual([]);
    expect(Object.keys(texts).filter((k) => !used.includes(k))).toEqual([]);
    expect(new Set(used).size).toBe(used.length);
  });

  test('the Chinese links the same commands and keeps the same code spans as the English', () => {
    const differing = used.filter((k) => commandLinks(english.texts[k]!).join() !== commandLinks(chinese.texts[k]!).join() || codeSpans(english.texts[k]!).join('|') !== codeSpans(chinese.texts[k]!).join('|'));
    expect(differing).toEqual([]);
  });

  test('the Chinese is Chinese, except for names (the category stays NN)', () => {
    const untranslated = used.filter((k) => !/[\u4e00-\u9fff]/.test(chinese.texts[k]!) && !k.endsWith('.markdown'));
    expect(untranslated).toEqual([]);
  });

  test.each(languages)('every walkthrough page of $file exists, and the Chinese pages are the English ones in zh-cn', ({ texts }) => {
    const steps = localizeManifest(manifest, texts).contributes.walkthroughs[0].steps as { media: { markdown: string } }[];
    for (const step of steps) expect(existsSync(join(client, step.media.markdown))).toBe(true);
    if (texts === chinese.texts) {
      const englishSteps = localizeManifest(manifest, english.texts).contributes.walkthroughs[0].steps as { media: { markdown: string } }[];
      expect(steps.map((s) => s.media.markdown)).toEqual(englishSteps.map((s) => s.media.markdown.replace(/\.md$/, '.zh-cn.md')));
    }
  });

  test('each Chinese walkthrough page links the same commands and checks the same nn code as its English page', () => {
    const steps = manifest.contributes.walkthroughs[0].steps as { media: { markdown: string } }[];
    for (const step of steps) {
      const key = nlsKeys(step.media.markdown)[0]!;
      const en = readFileSync(join(client, english.texts[key]!), 'utf8');
      const zh = readFileSync(join(client, chinese.texts[key]!), 'utf8');
      expect(commandLinks(zh)).toEqual(commandLinks(en));
      const code = (page: string) => [...page.matchAll(/```nn\n([\s\S]*?)```/g)].map((m) => (m[1] as string).replace(/\/\/.*$/gm, '').trimEnd());
      expect(code(zh)).toEqual(code(en));
    }
  });

  test('the manifest names the translations of the extension\'s messages', () => {
    expect(manifest.l10n).toBe('./l10n');
    expect(existsSync(join(client, 'l10n', 'bundle.l10n.zh-cn.json'))).toBe(true);
  });
});
