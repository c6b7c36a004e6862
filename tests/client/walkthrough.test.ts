// The walkthrough pages and the extension's README say true things: their
// nn code checks (the shape error of "Fix a shape error" is the one its
// quick fix removes), and the example list is the bundled examples.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { brief } from '../helpers/check-source.js';
import { memoryHost } from '../helpers/memory-host.js';

const root = join(import.meta.dirname, '..', '..');
const client = join(root, 'client');
const pages = ['README.md', ...readdirSync(join(client, 'walkthrough')).map((f) => `walkthrough/${f}`)];
const nnBlocks = (page: string): string[] => [...readFileSync(join(client, page), 'utf8').matchAll(/```nn\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe('walkthrough and README', () => {
  // the fix-error pages (English and Chinese) hold the error on purpose
  const clean = pages.filter((p) => !/^walkthrough\/fix-error(\.[\w-]+)?\.md$/.test(p)).flatMap((page) => nnBlocks(page).map((source, i) => ({ page, i, source })));
  test('there are nn examples to check', () => expect(clean.length).toBeGreaterThanOrEqual(2));
  test.each(clean)('$page, nn block $i checks with no diagnostic', ({ source }) => {
    expect(brief(source)).toEqual([]);
  });

  test.each(['walkthrough/fix-error.md', 'walkthrough/fix-error.zh-cn.md'])('the shape error of "Fix a shape error" (%s) is removed by its quick fix, Insert Flatten before Dense', (page) => {
    const [source] = nnBlocks(page);
    const first = checkFile('/main.nn', memoryHost({ '/main.nn': source as string })).diagnostics;
    expect(first.map((d) => [d.severity, d.code])).toEqual([['error', 'NN2002']]);
    const fix = first[0]?.fixes?.find((f) => f.title === 'Insert Flatten before Dense');
    expect(fix).toBeDefined();
    let fixed = source as string;
    for (const e of [...(fix?.edits ?? [])].sort((a, b) => b.range.start - a.range.start)) fixed = fixed.slice(0, e.range.start) + e.newText + fixed.slice(e.range.end);
    expect(fixed).toContain('MaxPool2D(2) -> Flatten');
    expect(brief(fixed)).toEqual([]);
  });

  test('"Open an example" lists exactly the bundled examples', () => {
    const listed = [...readFileSync(join(client, 'walkthrough', 'open-example.md'), 'utf8').matchAll(/^\| `([\w-]+\.nn)` \|/gm)].map((m) => m[1]);
    const bundled = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.nn'));
    expect([...listed].sort()).toEqual([...bundled].sort());
  });
});
