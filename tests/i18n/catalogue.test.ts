// The Chinese catalogue is complete and in step with the English: every
// `msg` in the sources and every layer's, function's and parameter's doc has
// a translation with the same {n} placeholders, and nothing in the catalogue
// is left over from an English text that changed. The bundled specs'
// `///` docs (examples/*.nn) count as texts too: each has its Chinese.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { messageKey, msg, placeholdersOf, translated } from '../../core/i18n/message.js';
import { currentLocale, setLocale } from '../../core/i18n/locale.js';
import { staticTexts } from '../../core/i18n/static-texts.js';
import { ZH_MESSAGES, ZH_PARTS } from '../../core/i18n/zh/index.js';
import { messageUses } from './message-keys.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const uses = messageUses(ROOT);
const texts = staticTexts();

/** Every `doc` on the AST of a parsed file, wherever the grammar attached one. */
function docsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) docsOf(child, found);
  else if (node !== null && typeof node === 'object') {
    for (const [field, value] of Object.entries(node)) {
      if (field === 'doc' && typeof value === 'string') found.push(value);
      else docsOf(value, found);
    }
  }
  return found;
}

const EXAMPLES = join(ROOT, 'examples');
const exampleDocs = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.nn'))
  .sort()
  .map((name) => ({ name, docs: docsOf(parse(readFileSync(join(EXAMPLES, name), 'utf8')).program) }));

const byFile = new Map<string, typeof uses>();
for (const use of uses) byFile.set(use.file, [...(byFile.get(use.file) ?? []), use]);

function problem(key: string): string | undefined {
  const zh = ZH_MESSAGES.get(key);
  if (zh === undefined) return 'no Chinese';
  if (placeholdersOf(zh).join() !== placeholdersOf(key).join()) return `placeholders ${placeholdersOf(key).join(',')} in English, ${placeholdersOf(zh).join(',')} in Chinese`;
  if (zh.trim() === '') return 'empty';
  return undefined;
}

describe('the Chinese catalogue', () => {
  it.each([...byFile.keys()].sort())('translates every msg in %s', (file) => {
    const missing = byFile.get(file)!.flatMap((use) => {
      const why = problem(use.key);
      return why ? [`${file}:${use.line}: ${why}: ${JSON.stringify(use.key)}`] : [];
    });
    expect(missing).toEqual([]);
  });

  it.each([...new Set(texts.map((t) => t.owner.split(' ')[0]))])('translates every %s doc', (kind) => {
    const missing = texts.filter((t) => t.owner.startsWith(`${kind} `)).flatMap((t) => (problem(t.text) ? [`${t.owner}: ${problem(t.text)}: ${JSON.stringify(t.text.slice(0, 80))}`] : []));
    expect(missing).toEqual([]);
  });

  it.each(exampleDocs.map((e) => [e.name, e.docs] as const))('translates every doc comment of examples/%s', (_name, docs) => {
    expect(docs.length, 'a bundled spec documents itself').toBeGreaterThan(0);
    expect(docs.flatMap((doc) => (problem(doc) ? [`${problem(doc)}: ${JSON.stringify(doc)}`] : []))).toEqual([]);
  });

  it('keeps no translation of a text that is no longer in the code', () => {
    const known = new Set([...uses.map((u) => u.key), ...texts.map((t) => t.text), ...exampleDocs.flatMap((e) => e.docs)]);
    const stale = Object.entries(ZH_PARTS).flatMap(([part, entries]) => Object.keys(entries).filter((key) => !known.has(key)).map((key) => `${part}: ${JSON.stringify(key)}`));
    expect(stale).toEqual([]);
  });

  it('has one translation for a key that two parts share', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const [part, entries] of Object.entries(ZH_PARTS)) {
      for (const [key, zh] of Object.entries(entries)) {
        const earlier = seen.get(key);
        if (earlier !== undefined && earlier !== zh) conflicts.push(`${part}: ${JSON.stringify(key)}`);
        seen.set(key, zh);
      }
    }
    expect(conflicts).toEqual([]);
  });
});

describe('msg', () => {
  const withLocale = <T>(locale: 'en' | 'zh', f: () => T): T => {
    const before = currentLocale();
    setLocale(locale);
    try {
      return f();
    } finally {
      setLocale(before);
    }
  };

  it('builds English exactly as the template literal would', () => {
    const rank = 4;
    const text = withLocale('en', () => msg`Dense acts on the last axis of a rank-${rank} input here;\n\tflatten ${'x'} first`);
    expect(text).toBe(`Dense acts on the last axis of a rank-${rank} input here;\n\tflatten ${'x'} first`);
  });

  it('numbers the values in the key, on the cooked text', () => {
    const strings = Object.assign(['a\n', ' b ', ''], { raw: ['a\\n', ' b ', ''] });
    expect(messageKey(strings)).toBe('a\n{0} b {1}');
  });

  it('falls back to English for a key the catalogue lacks', () => {
    expect(withLocale('zh', () => msg`no catalogue has this sentence, ${1}`)).toBe('no catalogue has this sentence, 1');
    expect(withLocale('zh', () => translated('nor this one'))).toBe('nor this one');
  });

  it('places the values where the translation puts them', () => {
    const [key, zh] = [...ZH_MESSAGES].find(([k]) => placeholdersOf(k).length >= 1) ?? [];
    expect(key, 'the catalogue has a message with a value').toBeDefined();
    const values = placeholdersOf(key!).map((i) => `<value ${i}>`);
    const strings = key!.split(/\{\d+\}/);
    const text = withLocale('zh', () => msg(Object.assign(strings, { raw: strings }), ...values));
    expect(text).toBe(zh!.replace(/\{(\d+)\}/g, (_, i: string) => `<value ${i}>`));
  });
});
