// Inlay hints as data: a source, and the expected hints as `text-before|label`
// (the 12 characters before the hint's offset, then its label).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../core/ide/analysis.js';
import { memoryHost } from '../helpers/memory-host.js';
import { inlayHintTooltip, inlayHints } from '../../core/ide/inlay-hints.js';
import { analyzeAt } from './helpers.js';

interface Case {
  name: string;
  source: string;
  /** [the source text just before the hint, the label] */
  hints: [string, string][];
  /** restrict to the range between the first and second <|> (as text markers) */
  range?: [string, string];
}

const cases: Case[] = [
  {
    name: 'stages that change the shape; never the same shape twice on one line',
    source: 'model M {\n  input x: [B, 784]\n  output x -> Dense(128) -> ReLU -> Dense(10) -> Softmax\n}\n',
    hints: [
      ['Dense(128)', '[B, 128]'],
      ['Dense(10)', '[B, 10]'],
    ],
  },
  {
    name: 'the last stage always shows the result, on a line of its own',
    source: 'model M {\n  input x: [B, 784]\n  output x -> Dense(10)\n           -> Softmax\n}\n',
    hints: [
      ['Dense(10)', '[B, 10]'],
      ['-> Softmax', '[B, 10]'],
    ],
  },
  {
    name: "a let's hint says the shape: the stage after it on the line does not repeat it",
    source: 'model M {\n  input x: [B, 8]\n  let h = x -> Dense(4) -> ReLU\n  output h\n}\n',
    hints: [['let h', ': [B, 4]']],
  },
  {
    name: 'inside a block: sizes in their simplest exact form (a convolution and a pool: a quarter, rounded up)',
    source:
      'block Stem {\n  input image: [B, H, W, 3]\n  output image -> Conv2D(64, 7, stride: 2, padding: 3) -> ReLU\n' +
      '               -> MaxPool2D(3, stride: 2, padding: 1)\n}\n',
    hints: [
      ['padding: 3)', '[B, ceil(H/2), ceil(W/2), 64]'],
      ['padding: 1)', '[B, ceil(H/4), ceil(W/4), 64]'],
    ],
  },
  {
    name: 'a symbolic stride: ceil(H/stride), once on its line',
    source: 'block Down(filters: int, stride: int) {\n  input x: [B, H, W, C]\n  output x -> Conv2D(filters, 1, stride: stride) -> BatchNorm\n}\n',
    hints: [['stride: stride)', '[B, ceil(H/stride), ceil(W/stride), filters]']],
  },
  {
    name: 'a let without annotation gets its shape; one with an annotation does not',
    source: 'model M {\n  input x: [B, 8]\n  let h = x -> Dense(4)\n  let g: [B, 4] = h -> ReLU\n  output g\n}\n',
    hints: [['let h', ': [B, 4]']],
  },
  {
    name: 'single-stage pipe: no stage hint',
    source: 'model M {\n  input x: [B, 8]\n  output x -> Dense(4)\n}\n',
    hints: [],
  },
  {
    name: 'non-float dtypes follow the shape',
    source: 'model M {\n  input x: [B, 8]\n  let big = x > 0.5\n  output big\n}\n',
    hints: [['let big', ': [B, 8] bool']],
  },
  {
    name: 'destructuring: one hint per name',
    source: 'model M {\n  input x: [B, 8]\n  let a, b = split(x, 2)\n  output a + b\n}\n',
    hints: [
      ['let a', ': [B, 4]'],
      ['let a, b', ': [B, 4]'],
    ],
  },
  {
    name: 'unknown values: no hints',
    source: 'model M {\n  input x: [B, 8]\n  let h = x -> Conv2D(4, 3) -> ReLU\n  output h\n}\n',
    hints: [],
  },
  {
    name: 'numbers and layers bound by let: no hints',
    source: 'model M {\n  input x: [B, 8]\n  let n = 4\n  let d = Dense(n)\n  output d(x)\n}\n',
    hints: [],
  },
  {
    name: 'inside a loop body: none (only the last iteration is recorded)',
    source: 'model M(widths: [int] = [8, 16]) {\n  input x: [B, 4]\n  let h = x\n  for w in widths { h = h -> Dense(w) -> ReLU -> Dense(w) }\n  output h\n}\n',
    hints: [['let h', ': [B, 4]']],
  },
  {
    name: 'a repeat stage gets the shape after the whole repeat',
    source: 'model M {\n  input x: [B, 4]\n  output x -> Dense(8) -> repeat 2 { Dense(8) -> ReLU } -> Dense(2)\n}\n',
    hints: [
      ['Dense(8)', '[B, 8]'],
      ['Dense(2)', '[B, 2]'],
    ],
  },
  {
    name: 'only hints within the range',
    source: 'model M {\n  input x: [B, 784]\n  let h = x -> Dense(128) -> ReLU\n  output h -> Dense(10) -> Softmax\n}\n',
    range: ['output', '}'],
    hints: [['Dense(10)', '[B, 10]']],
  },
  {
    name: 'broken code mid-typing: hints for what still checks',
    source: 'model M {\n  input x: [B, 784]\n  let h = x -> Dense(32) -> Dense(\n}\n',
    hints: [['Dense(32)', '[B, 32]']],
  },
];

describe('inlay hints', () => {
  it.each(cases)('$name', ({ source, hints, range }) => {
    const { analysis, text } = analyzeAt(source);
    const r = range ? { start: text.indexOf(range[0]), end: text.lastIndexOf(range[1]) } : undefined;
    const got = inlayHints(analysis, r).map((h) => [h.offset, h.label] as const);
    expect(got.map(([, l]) => l)).toEqual(hints.map(([, l]) => l));
    got.forEach(([offset], i) => expect(text.slice(0, offset).endsWith(hints[i]![0])).toBe(true));
  });

  it('stage tooltips describe the application', () => {
    const { analysis } = analyzeAt('model M {\n  input x: [B, 784]\n  output x -> Dense(128) -> ReLU -> Dense(10)\n}\n');
    const first = inlayHints(analysis)[0]!;
    expect(first.tooltip).toContain('`Dense(units: 128');
    expect(first.tooltip).toContain('`[B, 784]` → `[B, 128]`');
    expect(first.tooltip).toContain('Parameters: 100,480');
    expect(first.tooltip).toContain('FLOPs per example: 200,832');
  });

  it('without tooltips, each is found on its own (an editor resolving them lazily)', () => {
    const { analysis } = analyzeAt('model M {\n  input x: [B, 784]\n  let h = x -> Dense(128) -> ReLU\n          -> Dense(10)\n  output h\n}\n');
    const all = inlayHints(analysis);
    expect(all.map((h) => h.label)).toEqual([': [B, 10]', '[B, 128]', '[B, 10]']);
    const labels = inlayHints(analysis, undefined, { tooltips: false });
    expect(labels).toEqual(all.map(({ offset, label }) => ({ offset, label })));
    expect(all.map((h) => inlayHintTooltip(analysis, h.offset, h.label))).toEqual(all.map((h) => h.tooltip));
    expect(all.filter((h) => h.tooltip !== undefined)).toHaveLength(2);
  });

  it('the hints follow the analysis (edit, re-analyse)', () => {
    const before = inlayHints(analyzeAt('model M {\n  input x: [B, 8]\n  let h = x -> Dense(4)\n  output h\n}\n').analysis).map((h) => h.label);
    const after = inlayHints(analyzeAt('model M {\n  input x: [B, 8]\n  let h = x -> Dense(6)\n  output h\n}\n').analysis).map((h) => h.label);
    expect(before).toEqual([': [B, 4]']);
    expect(after).toEqual([': [B, 6]']);
  });
});

describe('inlay hints after edits', () => {
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  const sources = readdirSync(examples).filter((f) => f.endsWith('.nn')).map((f) => [f, readFileSync(join(examples, f), 'utf8')] as const);
  const SNIPPETS = [' ', '\n', 'x', '1', ' -> ReLU', '// note\n', 'let _t = 3\n', ')', '64', ' -> Dense(8)'];

  it('a definition re-checked while no one asked for hints does not show the hints of before', () => {
    const host = (text: string) => memoryHost({ '/main.nn': text });
    const model = 'model M {\n  input x: [B, 4]\n  let h = x -> Head -> ReLU\n  output h\n}\n';
    const head = (units: number) => `block Head {\n  input x: [B, 4]\n  output x -> Dense(${units})\n}\n`;
    const first = analyze('/main.nn', host(model + head(8)))!;
    expect(inlayHints(first).map((h) => h.label)).toContain(': [B, 8]');
    const second = analyze('/main.nn', host(model + head(16)), first)!; // M checked again, no hints asked
    const third = analyze('/main.nn', host(`${model + head(16)}\n`), second)!; // M carried over from the second
    expect(inlayHints(third).map((h) => h.label)).toContain(': [B, 16]');
  });

  it.each(sources)('%s: the hints of a re-analysed file equal a fresh analysis', (_name, original) => {
    let seed = original.length;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const analyzed = (text: string, previous?: Analysis) => analyze('/main.nn', memoryHost({ '/main.nn': text }), previous)!;
    let text = original;
    let previous = analyzed(text);
    inlayHints(previous);
    for (let i = 0; i < 25; i++) {
      const at = Math.floor(random() * text.length);
      text = random() < 0.6 ? text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
      const again = analyzed(text, previous);
      // an editor does not always ask between two edits
      if (random() < 0.7) expect(inlayHints(again)).toEqual(inlayHints(analyzed(text)));
      if (random() < 0.3) expect(inlayHints(again, undefined, { tooltips: false })).toEqual(inlayHints(analyzed(text), undefined, { tooltips: false }));
      previous = again;
    }
  });
});
