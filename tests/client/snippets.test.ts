// The snippets of client/snippets/nn.json are real nn: each body, with its
// placeholders at their defaults, checks with no diagnostic at all by the
// real checker, alone or in the smallest wrapper it needs; every option of a
// choice is a valid setting; and every bundled architecture has a skeleton.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { brief } from '../helpers/check-source.js';
import { snippetChoices, snippetText } from '../helpers/snippet-text.js';

const root = join(import.meta.dirname, '..', '..');
interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}
const snippets = JSON.parse(readFileSync(join(root, 'client', 'snippets', 'nn.json'), 'utf8')) as Record<string, Snippet>;
const bodyOf = (name: string): string => {
  const s = snippets[name];
  if (!s) throw new Error(`no snippet '${name}'`);
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
};
const prefixes = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** How each snippet is checked: `wrap` puts its text in the smallest source that checks it; `files` are imported files. */
const CASES: Record<string, { wrap?: (text: string) => string; files?: Record<string, string> }> = {
  Model: {},
  Block: {},
  Loss: {},
  Pipeline: {},
  Train: { wrap: (text) => `${snippetText(bodyOf('Model'))}\n\n${text}` },
  'Train settings: validation, early stopping, checkpoints': {
    wrap: (text) => `${snippetText(bodyOf('Model'))}\n\n${snippetText(bodyOf('Train')).replace(/\n}$/, `\n${text}\n}`)}`,
  },
  Repeat: { wrap: (text) => `model M {\n  input x: [B, 8, 8, 64]\n  output x -> ${text}\n}` },
  For: { wrap: (text) => `model M {\n  input x: [B, 8, 8, 3]\n  let h = x\n  ${text}\n  output h\n}` },
  If: { wrap: (text) => `block M(stride: int = 2) {\n  input x: [B, 8]\n  let h = x\n  ${text}\n  output h\n}` },
  Import: { wrap: (text) => `${text}\n\nmodel M {\n  input x: [B, 4]\n  output x -> Name\n}`, files: { 'blocks.nn': 'block Name {\n  input x: [B, N]\n  output x -> Dense(2)\n}\n' } },
  'Architecture: MLP': {},
  'Architecture: VGG': {},
  'Architecture: ResNet': {},
  'Architecture: YOLO': {},
  'Architecture: R-CNN': {},
  'Architecture: GAN': {},
  'Architecture: attention': {},
  'Architecture: Transformer': {},
  'Architecture: GPT': {},
  'Architecture: SAM': {},
  'Architecture: backprop (plain vs residual)': {},
};

const source = (name: string, chosen: Record<number, string> = {}): string => {
  const text = snippetText(bodyOf(name), chosen);
  return CASES[name]?.wrap ? (CASES[name].wrap as (t: string) => string)(text) : text;
};

describe('snippets', () => {
  test('every snippet has a case here, a description and a prefix no other snippet has', () => {
    expect(Object.keys(snippets).sort()).toEqual(Object.keys(CASES).sort());
    const all = Object.values(snippets).flatMap(prefixes);
    expect(new Set(all).size).toBe(all.length);
    for (const s of Object.values(snippets)) expect(s.description.length).toBeGreaterThan(10);
  });

  test('every bundled architecture in examples/ has a skeleton (prefix = the file name)', () => {
    const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.nn')).map((f) => f.replace(/\.nn$/, ''));
    expect(examples.length).toBeGreaterThanOrEqual(9);
    const all = new Set(Object.values(snippets).flatMap(prefixes));
    expect(examples.filter((e) => !all.has(e))).toEqual([]);
  });

  test.each(Object.keys(CASES))('%s checks with no diagnostic, its placeholders at their defaults', (name) => {
    expect(brief(source(name), CASES[name]?.files)).toEqual([]);
  });

  test('the default text of a placeholder-heavy snippet reads as written', () => {
    expect(snippetText(bodyOf('Model'))).toBe(
      [
        '/// What the model computes.',
        'model Net(classes: int = 10) {',
        '\tinput x: [B, 784]',
        '\toutput x -> Dense(128) -> ReLU -> Dense(classes) -> Softmax',
        '}',
      ].join('\n'),
    );
  });

  // Whether the data fits the model (NN4006, NN4009: as many inputs as the
  // data gives) and the loss fits the data's targets (NN4008: mse on mnist's
  // class ids) depend on the model and data the user picks; every option must
  // otherwise be a setting the checker accepts.
  const choiceCases = Object.keys(CASES).flatMap((name) =>
    snippetChoices(bodyOf(name)).flatMap((c) => c.options.map((option) => ({ name, index: c.index, option }))),
  );
  test.each(choiceCases)('$name: option "$option" is a valid setting', ({ name, index, option }) => {
    const problems = brief(source(name, { [index]: option }), CASES[name]?.files).filter((d) => !/^NN400[689] /.test(d));
    expect(problems).toEqual([]);
  });
});
