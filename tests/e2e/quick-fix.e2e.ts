// A shape error typed into a file: the squiggle, the Problems panel row
// (nn(NN2002)), the quick fix "Insert Flatten", and the error gone.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeLenses, squiggles } from './harness/decorations.js';
import { deleteRight, focusEditor, goTo, openFile, visibleText } from './harness/editor.js';
import { applyQuickFix } from './harness/palette.js';
import { openProblems, problemCount, problemRows } from './harness/problems.js';
import { startScenario, type Scenario } from './harness/scenario.js';
import { until } from './harness/wait.js';

const DIGITS = `/// A small convolutional classifier of 28x28 digits.
model Digits {
  input image: [B, 28, 28, 1]
  output image -> Conv2D(8, 3) -> ReLU -> Flatten -> Dense(10)
}
`;
const LINE = 4;

describe('a shape error and its quick fix', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ name: 'quick-fix', files: { 'digits.nn': DIGITS } });
    await s.time('open', () => openFile(s.page, 'digits.nn'));
    // the server has checked the file once its lenses are there
    await until('the lenses over Digits', () => codeLenses(s.page), (ls) => ls.some((l) => l.title.startsWith('Summary')), 60_000);
  });
  afterAll(async () => s?.close());

  test('deleting Flatten shows a squiggle and the problem NN2002', async () => {
    expect((await squiggles(s.page)).error).toBe(0);
    const column = DIGITS.split('\n')[LINE - 1]!.indexOf('Flatten') + 1;
    await goTo(s.page, LINE, column);
    await deleteRight(s.page, 'Flatten -> '.length);
    await s.time('squiggle', () => until('an error squiggle', () => squiggles(s.page), (q) => q.error > 0, 20_000));
    await until('the problem count', () => problemCount(s.page), (c) => /Errors: 1\b/.test(c), 20_000);
    await openProblems(s.page);
    // the row reads `message nn(NN2002) [Ln 4, Col 10]`: source, then the code
    const isNN2002 = (r: { text: string }) => /\bnn\W*NN2002\b/.test(r.text);
    const rows = await until('the NN2002 row', () => problemRows(s.page), (rs) => rs.some(isNN2002), 10_000);
    const row = rows.find(isNN2002)!;
    expect(row.severity).toBe('error');
    expect(row.message).toMatch(/Dense acts on the last axis of a rank-4 input/);
    expect(row.position).toMatch(new RegExp(`Ln ${LINE},`));
    await s.screenshot('shape-error');
  });

  test('the error is on the layer that rejects its input (Dense), not on the chain before it', async () => {
    const edited = DIGITS.replace('Flatten -> ', '').split('\n')[LINE - 1]!;
    const rows = await problemRows(s.page);
    const position = rows.find((r) => /NN2002/.test(r.text))?.position ?? '';
    expect(position).toBe(`[Ln ${LINE}, Col ${edited.indexOf('Dense') + 1}]`);
  });

  test('the quick fix inserts Flatten and the error is gone', async () => {
    await focusEditor(s.page);
    await s.page.keyboard.press('F8'); // the cursor to the error (whatever its range), in a peek
    await s.page.keyboard.press('Escape');
    await applyQuickFix(s.page, 'Insert Flatten');
    await s.time('fixed', () => until('no error squiggle', () => squiggles(s.page), (q) => q.error === 0, 20_000));
    await until('no problems', () => problemCount(s.page), (c) => /No Problems|Errors: 0/.test(c), 20_000);
    // (the rendered line carries the inlay hints: `-> Flatten [B, 5408] -> Dense(10) [B, 10]`)
    expect(await visibleText(s.page)).toMatch(/-> ReLU -> Flatten\b[^>]*-> Dense\(10\)/);
    await s.screenshot('quick-fix-applied');
  });
});
