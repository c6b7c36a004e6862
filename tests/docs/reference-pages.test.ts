// docs/layers.md and docs/functions.md are generated from the catalog, and so
// are their Chinese versions docs/zh/layers.md and docs/zh/functions.md (the
// same generator with the locale set to Chinese): this test fails when any of
// them is stale (`npm run docs` regenerates them).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { hasChineseTitle } from '../../core/docs/category-titles.js';
import { functionReference, layerReference } from '../../core/docs/markdown.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import { type Locale, setLocale } from '../../core/i18n/locale.js';

const docs = join(import.meta.dirname, '..', '..', 'docs');
const layers = [...LAYERS.values()];
const functions = [...FUNCTIONS.values()];

afterEach(() => setLocale('en'));

it.each<[string, Locale, () => string]>([
  ['layers.md', 'en', () => layerReference(layers)],
  ['functions.md', 'en', () => functionReference(functions)],
  ['zh/layers.md', 'zh', () => layerReference(layers, { original: '../layers.md' })],
  ['zh/functions.md', 'zh', () => functionReference(functions, { original: '../functions.md' })],
])('%s is up to date', (name, locale, render) => {
  const path = join(docs, name);
  setLocale(locale);
  const text = render();
  if (process.env.UPDATE_DOCS) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
});

it('gives every category of the catalog a Chinese section title', () => {
  const categories = new Set([...layers, ...functions].map((entry) => entry.category));
  expect([...categories].filter((category) => !hasChineseTitle(category))).toEqual([]);
});
