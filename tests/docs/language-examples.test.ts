// Every `nn` example in the docs and the README checks without errors,
// except those marked `<!-- fragment -->` on the line before (they show
// part of a file, with `...`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check-source.js';

const root = join(import.meta.dirname, '..', '..');

function examples(file: string): [string, string][] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: [string, string][] = [];
  for (const m of text.matchAll(/(<!-- fragment -->\n)?```nn\n([\s\S]*?)```/g)) {
    if (m[1]) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push([`${file}:${line + (m[1] ? 1 : 0)}`, m[2]!]);
  }
  return out;
}

describe.each(['docs/language.md', 'README.md'])('%s', (file) => {
  it.each(examples(file))('the example at %s checks', (_where, source) => {
    expect(check(source).filter((d) => d.severity === 'error').map((d) => `${d.code} "${d.at}": ${d.message}`)).toEqual([]);
  });
});
