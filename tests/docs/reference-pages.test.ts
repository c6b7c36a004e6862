// docs/layers.md and docs/functions.md are generated from the catalog:
// this test fails when they are stale (`npm run docs` regenerates them).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { functionReference, layerReference } from '../../core/docs/markdown.js';
import { FUNCTIONS } from '../../core/functions/index.js';

const docs = join(import.meta.dirname, '..', '..', 'docs');

it.each([
  ['layers.md', () => layerReference([...LAYERS.values()])],
  ['functions.md', () => functionReference([...FUNCTIONS.values()])],
])('%s is up to date', (name, render) => {
  const path = join(docs, name);
  const text = render();
  if (process.env.UPDATE_DOCS) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
});
