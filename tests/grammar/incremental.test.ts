// Parsing with the previous parse of the same document (what the language
// server does after each keystroke) gives exactly what a fresh parse gives:
// the same tree, the same ranges, the same diagnostics, after chains of
// random edits anywhere in the bundled specs.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseAfresh, type ParseResult } from '../../grammar/index.js';
import { lex, type Lexed, relex } from '../../grammar/relex.js';
import { prng } from './helpers.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const sources = readdirSync(examples).filter((f) => f.endsWith('.nn')).map((f) => [f, readFileSync(join(examples, f), 'utf8')] as const);

const SNIPPETS = [
  ' ', '\n', 'x', '1', ' -> ReLU', '// note\n', '/// doc\n', 'let _t = 3\n', ')', '(', '{', '}', '64', 'Dense(8)', '"', 'model ', 'train ', 'loss:', ',', '///', '\n\n',
];

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.5) return text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
}

const LEX_SNIPPETS = [...SNIPPETS, '\r\n', '\r', '$', '@@ ', '"ab\\"c', '"open', '// "', '\u2028', 'é', '\t', '1.5e', '...', '\n\n\n'];

function lexEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const r = random();
  if (r < 0.1) return LEX_SNIPPETS[Math.floor(random() * LEX_SNIPPETS.length)]! + text;
  if (r < 0.2) return text + LEX_SNIPPETS[Math.floor(random() * LEX_SNIPPETS.length)]!;
  if (r < 0.6) return text.slice(0, at) + LEX_SNIPPETS[Math.floor(random() * LEX_SNIPPETS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40));
}

const tokensOf = (l: Lexed) => ({
  tokens: l.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.image}`),
  comments: l.comments.map((t) => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.image}`),
  errors: l.errors.map((e) => `${e.offset}+${e.length}`),
});

describe('lexing again only the lines an edit touched', () => {
  it.each(sources)('%s: the tokens equal a fresh lexing over chains of edits', (_name, original) => {
    const random = prng(original.length + 1);
    for (const start of [original, original.replace(/\n/g, '\r\n')]) {
      let text = start;
      let lexed = lex(text);
      for (let i = 0; i < 60; i++) {
        const next = lexEdit(text, random);
        lexed = relex(next, { text, lexed });
        text = next;
        expect(tokensOf(lexed)).toEqual(tokensOf(lex(text)));
      }
    }
  });

  it('handles an empty text, an edit at either end, and a text emptied', () => {
    let previous = { text: '', lexed: lex('') };
    for (const text of ['model', '\nmodel M', 'x\nmodel M {\n', 'x\nmodel M {\n}', '', '\n', '"a\n"b']) {
      const lexed = relex(text, previous);
      expect(tokensOf(lexed)).toEqual(tokensOf(lex(text)));
      previous = { text, lexed };
    }
  });
});

/** What an editor does: parse incrementally, with the previous program when there is one. */
const parse = (text: string, previous?: ParseResult['program']) => parseAfresh(text, { incremental: true, previous });

describe('parsing with the previous parse', () => {
  it.each(sources)('%s: incremental parses equal fresh ones over chains of edits', (_name, original) => {
    const random = prng(original.length);
    for (let chain = 0; chain < 4; chain++) {
      let text = original;
      let previous: ParseResult = parse(text);
      for (let i = 0; i < 30; i++) {
        text = edit(text, random);
        const incremental = parse(text, previous.program);
        expect(incremental).toStrictEqual(parseAfresh(text));
        previous = incremental;
      }
    }
  });

  it('reuses unchanged items: in place when they did not move, moved when they did', () => {
    const a = 'model A {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n';
    const b = '/// B.\nblock B {\n  input x: [B, 4]\n  output x -> ReLU\n}\n';
    const first = parse(`${a}\n${b}`);
    const second = parse(`${a.replace('Dense(2)', 'Dense(12)')}\n${b}`, first.program);
    expect(second.program.items[0]).not.toBe(first.program.items[0]);
    expect(second.program.items[1]).not.toBe(first.program.items[1]);
    expect(second.program.items[1]!.range.start).toBe(first.program.items[1]!.range.start + 1);
    const third = parse(`${a.replace('Dense(2)', 'Dense(12)')}\n${b.replace('ReLU', 'GELU')}`, second.program);
    expect(third.program.items[0]).toBe(second.program.items[0]);
    expect(third).toStrictEqual(parseAfresh(`${a.replace('Dense(2)', 'Dense(12)')}\n${b.replace('ReLU', 'GELU')}`));
  });

  it('an item whose doc comment changed is parsed again', () => {
    const b = 'block B {\n  input x: [B, 4]\n  output x\n}\n';
    const first = parse(`/// One.\n${b}`);
    const second = parse(`/// Two.\n${b}`, first.program);
    expect(second.program.items[0]).toMatchObject({ doc: 'Two.' });
  });

  it('an item with a syntax error is parsed again (its messages may name what follows it)', () => {
    const broken = 'model A {\n  output x ->\n';
    const first = parse(`${broken}model B {\n  output y\n}\n`);
    const text = `${broken}train B on mnist() {\n  epochs: 1\n}\n`;
    expect(parse(text, first.program)).toStrictEqual(parseAfresh(text));
  });

  it('a parse that is not incremental keeps nothing for the next one', () => {
    const text = 'model A {\n  input x: [B, 4]\n  output x\n}\n';
    const once = parseAfresh(text);
    expect(parse(text, once.program).program.items[0]).not.toBe(once.program.items[0]);
    const kept = parse(text);
    expect(parse(text, kept.program).program.items[0]).toBe(kept.program.items[0]);
  });

  it('a previous program lends its tokens to one parse only', () => {
    const text = 'model A {\n  input x: [B, 4]\n  output x\n}\n';
    const first = parse(text);
    const edited = ` ${text}`;
    expect(parse(edited, first.program)).toStrictEqual(parseAfresh(edited));
    expect(parse(`  ${text}`, first.program)).toStrictEqual(parseAfresh(`  ${text}`));
  });

  it('moves very deep items without recursion', () => {
    // 50 sums of 1,000 terms (the longest chain there may be), each the last term of the one before: 50,000 levels
    let sum = 'x';
    for (let i = 0; i < 50; i++) sum = `x${' + x'.repeat(998)} + (${sum})`;
    const deep = `model M {\n  input x: [B, 4]\n  output ${sum}\n}\n`;
    const first = parse(`${deep}model N {\n  output y\n}\n`);
    const second = parse(` ${deep}model N {\n  output y\n}\n`, first.program);
    expect(second.diagnostics).toEqual([]);
    const leftmost = (node: unknown): { range: { start: number } } => {
      let n = node as { left?: unknown; value?: unknown; body?: unknown[] };
      n = (n.body as { value: unknown }[])[1]!.value as typeof n;
      while (n.left !== undefined) n = n.left as typeof n;
      return n as { range: { start: number } };
    };
    expect(leftmost(second.program.items[0]).range.start).toBe(leftmost(first.program.items[0]).range.start + 1);
  });
});
