// Ranges: the exact source text under a few nodes.

import { describe, expect, it } from 'vitest';
import { parse, type Expr, type Node } from '../../grammar/index.js';

const source = `/// doc
model VGG(classes: int = 1000) {
  input image: [B, 224, 224, 3]
  let h = image -> Conv2D(64, 3, stride: 2) -> ReLU   // note
  let n = -x ** 2 + (a / 2) % 3
  let s = truth[..., newaxis, 0:4]
  output h
}
train VGG on mnist(split: 0.8) { loss: crossentropy }
`;

const text = (n: { range: { start: number; end: number } }): string => source.slice(n.range.start, n.range.end);

describe('ranges', () => {
  const { program, diagnostics } = parse(source);
  it('parses cleanly', () => expect(diagnostics).toEqual([]));
  const def = program.items[0]!;
  if (def.kind !== 'Definition') throw new Error('definition expected');

  it('definition, keyword, name and params', () => {
    expect(text(def)).toMatch(/^model VGG\(classes: int = 1000\) \{[\s\S]*\n\}$/);
    expect(source.slice(def.keywordRange.start, def.keywordRange.end)).toBe('model');
    expect(text(def.name)).toBe('VGG');
    expect(text(def.params[0]!)).toBe('classes: int = 1000');
    expect(text(def.params[0]!.type!)).toBe('int');
  });

  it('statements', () => {
    expect(def.body.map(text)).toEqual([
      'input image: [B, 224, 224, 3]',
      'let h = image -> Conv2D(64, 3, stride: 2) -> ReLU',
      'let n = -x ** 2 + (a / 2) % 3',
      'let s = truth[..., newaxis, 0:4]',
      'output h',
    ]);
  });

  it('pipes, calls and arguments', () => {
    const let1 = def.body[1]!;
    if (let1.kind !== 'Let' || let1.value.kind !== 'Pipe') throw new Error('pipe expected');
    const pipe = let1.value;
    expect(text(pipe)).toBe('image -> Conv2D(64, 3, stride: 2) -> ReLU');
    expect(text(pipe.head)).toBe('image');
    const call = pipe.stages[0]!;
    if (call.kind !== 'Call') throw new Error('call expected');
    expect(text(call)).toBe('Conv2D(64, 3, stride: 2)');
    expect(source.slice(call.argsRange.start, call.argsRange.end)).toBe('(64, 3, stride: 2)');
    expect(call.args.map(text)).toEqual(['64', '3', 'stride: 2']);
  });

  it('binary and unary operators', () => {
    const let2 = def.body[2]!;
    if (let2.kind !== 'Let' || let2.value.kind !== 'Binary') throw new Error('binary expected');
    const plus = let2.value;
    expect(source.slice(plus.opRange.start, plus.opRange.end)).toBe('+');
    expect(text(plus.left)).toBe('-x ** 2');
    expect(text(plus.right)).toBe('(a / 2) % 3');
    const mod = plus.right;
    if (mod.kind !== 'Binary') throw new Error('binary expected');
    expect(text(mod.left)).toBe('(a / 2)');
    const inner = (mod.left as Extract<Expr, { kind: 'Paren' }>).inner;
    if (inner.kind !== 'Binary') throw new Error('binary expected');
    expect(source.slice(inner.opRange.start, inner.opRange.end)).toBe('/');
  });

  it('index items', () => {
    const let3 = def.body[3]!;
    if (let3.kind !== 'Let' || let3.value.kind !== 'Index') throw new Error('index expected');
    expect(let3.value.items.map((i) => text(i as Node & { range: { start: number; end: number } }))).toEqual(['...', 'newaxis', '0:4']);
  });

  it('train and comments', () => {
    const train = program.items[1]!;
    expect(text(train)).toBe('train VGG on mnist(split: 0.8) { loss: crossentropy }');
    if (train.kind !== 'Train') throw new Error('train expected');
    expect(train.entries.map(text)).toEqual(['loss: crossentropy']);
    expect(program.comments.map(text)).toEqual(['/// doc', '// note']);
    expect(program.range).toEqual({ start: 0, end: source.length });
  });
});
