// Diagnostics snapshots: `nn check` output for files full of mistakes, kept
// next to them as `.expected` (regenerate with UPDATE_SNAPSHOTS=1 and read
// the diff: every message should say what, where, and how to fix it).

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { LineIndex } from '../../core/text/line-index.js';
import { toText } from '../../cli/format-diagnostic.js';
import { nodeHost } from '../../cli/node-host.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'diagnostics');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.nn'));

it.each(fixtures)('%s', (name) => {
  const path = join(dir, name);
  const result = checkFile(path, nodeHost);
  const lines = new LineIndex(readFileSync(path, 'utf8'));
  const text = result.diagnostics.map((d) => toText(d, name, () => lines, () => name)).join('\n') + '\n';
  const expectedPath = path.replace(/\.nn$/, '.expected');
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(expectedPath)) writeFileSync(expectedPath, text);
  expect(text).toBe(readFileSync(expectedPath, 'utf8'));
});
