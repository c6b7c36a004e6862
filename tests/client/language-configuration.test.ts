// client/language-configuration.json, evaluated the way VS Code evaluates
// it: the first on-enter rule whose beforeText (the line up to the cursor),
// afterText (the rest of the line) and previousLineText all match decides
// the new line; the word pattern finds the word at a column; the indentation
// patterns are tested line by line; the bracket pairs balance every example.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
type Pattern = string | { pattern: string; flags?: string };
interface OnEnterRule {
  beforeText: Pattern;
  afterText?: Pattern;
  previousLineText?: Pattern;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string; removeText?: number };
}
interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment?: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  indentationRules: { increaseIndentPattern: Pattern; decreaseIndentPattern: Pattern };
  onEnterRules: OnEnterRule[];
  wordPattern: Pattern;
}
const config = JSON.parse(readFileSync(join(root, 'client', 'language-configuration.json'), 'utf8')) as LanguageConfiguration;
const regex = (p: Pattern, extra = ''): RegExp => (typeof p === 'string' ? new RegExp(p, extra) : new RegExp(p.pattern, (p.flags ?? '') + extra));

/** What pressing Enter at `|` in `line` (after `previous`) appends to the new line; undefined when no rule applies. */
function onEnter(line: string, previous = ''): string | undefined {
  const at = line.indexOf('|');
  const before = line.slice(0, at);
  const after = line.slice(at + 1);
  const rule = config.onEnterRules.find(
    (r) => regex(r.beforeText).test(before) && (!r.afterText || regex(r.afterText).test(after)) && (!r.previousLineText || regex(r.previousLineText).test(previous)),
  );
  return rule ? (rule.action.appendText ?? '') : undefined;
}

/** The word VS Code selects at the `|` in `line` (a double click, the range completion replaces). */
function wordAt(line: string): string | undefined {
  const at = line.indexOf('|');
  const text = line.slice(0, at) + line.slice(at + 1);
  for (const m of text.matchAll(regex(config.wordPattern, 'g'))) {
    if (m.index <= at && at <= m.index + m[0].length) return m[0];
  }
  return undefined;
}

describe('on enter', () => {
  test.each([
    ['/// A doc comment|', '/// '],
    ['  /// the input, [B, 784]|', '/// '],
    ['/// split here| and here', '/// '],
    ['// A line comment|', '// '],
    ['    // indented|', '// '],
    ['  output x -> Dense(10)   // [B, 10]: split| the comment', '// '],
    ['let s = "a // b" -> Dense(2) // the| note', '// '],
  ])('%j continues the comment with %j', (line, appended) => {
    expect(onEnter(line)).toBe(appended);
  });

  test.each([
    ['model MLP {|'],
    ['  output x -> Dense(10)|'],
    ['  output x -> Dense(10)   // [B, 10]|'],
    ['  input path: "http://example"|'],
    ['  let p = "a // b"| -> Dense(2)'],
    ['|/// before the comment'],
    ['////////////////|'],
    ['x / 2|'],
  ])('%j starts a plain line', (line) => {
    expect(onEnter(line)).toBeUndefined();
  });
});

describe('word pattern', () => {
  test.each([
    ['optimizer: Adam(lr: 1|e-3)', '1e-3'],
    ['optimizer: Adam(lr: 1e-|3)', '1e-3'],
    ['lr: 2e-4|', '2e-4'],
    ['Dropout(0.|5)', '0.5'],
    ['let conv|_1 = Conv2D(64, 3)', 'conv_1'],
    ['let conv_1| = Conv2D(64, 3)', 'conv_1'],
    ['-> Conv2|D(64, 3)', 'Conv2D'],
    ['[B, H|, W, C]', 'H'],
    ['sqrt_wh|', 'sqrt_wh'],
    ['x -> Dense(|hidden)', 'hidden'],
  ])('at the | of %j the word is %j', (line, word) => {
    expect(wordAt(line)).toBe(word);
  });

  test('operators and punctuation are not part of a word', () => {
    expect(wordAt('H - 1|')).toBe('1');
    expect(wordAt('H|-1')).toBe('H');
    expect(wordAt('a ->| b')).toBeUndefined();
  });
});

describe('indentation', () => {
  const increases = (line: string) => regex(config.indentationRules.increaseIndentPattern).test(line);
  const decreases = (line: string) => regex(config.indentationRules.decreaseIndentPattern).test(line);

  test.each(['model MLP {', 'block Stem() {', 'model Transformer(', '  let xs = [', '  output x -> Dense(', 'train MLP on mnist(split: 0.8) {   // comment', '  if n > 2 {', '} else {'])(
    'after %j the next line is indented',
    (line) => expect(increases(line)).toBe(true),
  );
  test.each(['  output x -> Dense(10)', '  input x: [B, 784]', '}', '// a comment ending in {', '  let s = "{"', '  output x // see Dense('])('after %j it is not', (line) =>
    expect(increases(line)).toBe(false),
  );
  test.each(['}', '  }', ') {', '  ]', '} else {'])('%j is outdented', (line) => expect(decreases(line)).toBe(true));
  test.each(['  output x', 'model M {', '  // }'])('%j is not', (line) => expect(decreases(line)).toBe(false));
});

describe('brackets and pairs', () => {
  test('comments are line comments `//` (doc comments `///` start with it)', () => {
    expect(config.comments).toEqual({ lineComment: '//' });
  });

  test('the bracket pairs are the language\'s three, and auto-close and surround', () => {
    expect(config.brackets).toEqual([
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ]);
    const closing = config.autoClosingPairs.map((p) => [p.open, p.close]);
    const surrounding = config.surroundingPairs;
    for (const pair of [...config.brackets, ['"', '"']]) {
      expect(closing).toContainEqual(pair);
      expect(surrounding).toContainEqual(pair);
    }
    expect(config.autoClosingPairs.find((p) => p.open === '"')?.notIn).toEqual(expect.arrayContaining(['string', 'comment']));
  });

  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.nn'));
  test.each(examples)('the brackets of examples/%s balance as pairs', (file) => {
    const text = readFileSync(join(root, 'examples', file), 'utf8')
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
      .replace(/\/\/.*$/gm, '');
    const closerOf = new Map(config.brackets.map(([open, close]) => [open, close]));
    const closers = new Set(closerOf.values());
    const stack: string[] = [];
    let pairs = 0;
    for (const c of text) {
      if (closerOf.has(c)) stack.push(closerOf.get(c) as string);
      else if (closers.has(c)) {
        expect(stack.pop()).toBe(c);
        pairs++;
      }
    }
    expect(stack).toEqual([]);
    expect(pairs).toBeGreaterThan(5);
  });
});
