// Constructs -> expected AST (ranges stripped).

import { describe, expect, it } from 'vitest';
import { parse, stripRanges } from '../../grammar/index.js';
import {
  bin, body, bool, call, ellipsis, err, expr, id, ifExpr, index, list, newaxis, num, paren, parseClean, pipe,
  record, repeat, slice, str, un, type N,
} from './helpers.js';

const expressions: [string, N][] = [
  ['64', num(64)],
  ['0.5', num(0.5, true)],
  ['.5', num(0.5, true, '.5')],
  ['2e-4', num(2e-4, true, '2e-4')],
  ['1e3', num(1000, true, '1e3')],
  ['1000', num(1000, false, '1000')],
  ['2.50', num(2.5, true, '2.50')],
  ['"a\\"b\\\\c\\n\\t"', str('a"b\\c\n\t')],
  ['true', bool(true)],
  ['false', bool(false)],
  ['[B, H / 2, 64]', list(id('B'), bin('/', id('H'), num(2)), num(64))],
  ['[1, 2,]', list(num(1), num(2))],
  ['a + b * c', bin('+', id('a'), bin('*', id('b'), id('c')))],
  ['a - b - c', bin('-', bin('-', id('a'), id('b')), id('c'))],
  ['-x ** 2', un('-', bin('**', id('x'), num(2)))],
  ['a ** b ** c', bin('**', id('a'), bin('**', id('b'), id('c')))],
  ['-x * y', bin('*', un('-', id('x')), id('y'))],
  ['floor(a / 2) % 3', bin('%', call('floor', bin('/', id('a'), num(2))), num(3))],
  ['[B, H / 2] // a comment, not floor division', list(id('B'), bin('/', id('H'), num(2)))],
  ['q @ k / d', bin('/', bin('@', id('q'), id('k')), id('d'))],
  ['not a < b', un('not', bin('<', id('a'), id('b')))],
  ['not (a < b) or a >= b and c != d', bin('or', un('not', paren(bin('<', id('a'), id('b')))), bin('and', bin('>=', id('a'), id('b')), bin('!=', id('c'), id('d'))))],
  ['a == 1 and b <= 2 or c > 3', bin('or', bin('and', bin('==', id('a'), num(1)), bin('<=', id('b'), num(2))), bin('>', id('c'), num(3)))],
  ['f(1, x: 2,)', call('f', num(1), ['x', num(2)])],
  ['f()', call('f')],
  ['f(loss: 1, input: 2, model: 3)', call('f', ['loss', num(1)], ['input', num(2)], ['model', num(3)])],
  ['MultiHeadAttention(8, d)(x, x, x)', call(call('MultiHeadAttention', num(8), id('d')), id('x'), id('x'), id('x'))],
  ['LayerNorm(x + Dropout(p)(y))', call('LayerNorm', bin('+', id('x'), call(call('Dropout', id('p')), id('y'))))],
  ['truth[..., newaxis, 0:4]', index(id('truth'), ellipsis, newaxis, slice(num(0), num(4)))],
  ['pred[:, 0]', index(id('pred'), slice(), num(0))],
  ['boxes[..., K*5:]', index(id('boxes'), ellipsis, slice(bin('*', id('K'), num(5))))],
  ['x[::2]', index(id('x'), slice(undefined, undefined, num(2)))],
  ['y[1:-1:2]', index(id('y'), slice(num(1), un('-', num(1)), num(2)))],
  ['x[:-1]', index(id('x'), slice(undefined, un('-', num(1))))],
  ['f(x)[0](y)', call(index(call('f', id('x')), num(0)), id('y'))],
  ['x -> ReLU', pipe(id('x'), id('ReLU'))],
  ['x -> Conv2D(64, 3, stride: 2) -> ReLU', pipe(id('x'), call('Conv2D', num(64), num(3), ['stride', num(2)]), id('ReLU'))],
  ['(a + b) -> ReLU', pipe(paren(bin('+', id('a'), id('b'))), id('ReLU'))],
  ['a + b -> ReLU', pipe(bin('+', id('a'), id('b')), id('ReLU'))],
  ['x -> repeat n { Conv2D(f, 3) -> ReLU }', pipe(id('x'), repeat(id('n'), pipe(call('Conv2D', id('f'), num(3)), id('ReLU'))))],
  ['x -> repeat n - 1 { B(f) }', pipe(id('x'), repeat(bin('-', id('n'), num(1)), call('B', id('f'))))],
  ['x -> if a { ReLU } else { Tanh }', pipe(id('x'), ifExpr(id('a'), id('ReLU'), id('Tanh')))],
  ['if s == 1 and C == f { x } else { x -> Conv2D(f, 1) }', ifExpr(bin('and', bin('==', id('s'), num(1)), bin('==', id('C'), id('f'))), id('x'), pipe(id('x'), call('Conv2D', id('f'), num(1))))],
  ['if a { 1 } else if b { 2 } else { 3 }', ifExpr(id('a'), num(1), ifExpr(id('b'), num(2), num(3)))],
  ['if a { 1 }', ifExpr(id('a'), num(1))],
  ['{ a: 1, loss: x }', record(['a', num(1)], ['loss', id('x')])],
  ['{}', record()],
  ['f({ count: 16 })', call('f', record(['count', num(16)]))],
  ['split(h, 2, axis: -1)', call('split', id('h'), num(2), ['axis', un('-', num(1))])],
];

describe('expressions', () => {
  it.each(expressions)('%s', (source, expected) => {
    expect(expr(source)).toEqual(expected);
  });
});

const statements: [string, N[]][] = [
  ['input x: [B, H]', [{ kind: 'Input', name: id('x'), shape: list(id('B'), id('H')), optional: false }]],
  ['input m: [B, 1] bool optional', [{ kind: 'Input', name: id('m'), shape: list(id('B'), num(1)), dtype: id('bool'), optional: true }]],
  ['input m: [B] optional', [{ kind: 'Input', name: id('m'), shape: list(id('B')), optional: true }]],
  ['input t: [B, S] int\n  y = t', [
    { kind: 'Input', name: id('t'), shape: list(id('B'), id('S')), dtype: id('int'), optional: false },
    { kind: 'Assign', name: id('y'), value: id('t') },
  ]],
  ['let h: [B, 7] = x -> F', [{ kind: 'Let', names: [id('h')], annotation: list(id('B'), num(7)), value: pipe(id('x'), id('F')) }]],
  ['let a, b = split(h, 2)', [{ kind: 'Let', names: [id('a'), id('b')], value: call('split', id('h'), num(2)) }]],
  ['output h', [{ kind: 'Output', value: id('h') }]],
  ['output masks = h -> Dense(c)', [{ kind: 'Output', name: id('masks'), value: pipe(id('h'), call('Dense', id('c'))) }]],
  ['output iou: [B, 3] = h;', [{ kind: 'Output', name: id('iou'), annotation: list(id('B'), num(3)), value: id('h') }]],
  ['output h: [B, 10]', [{ kind: 'Output', value: id('h'), annotation: list(id('B'), num(10)) }]],
  ['output sum(p) / N', [{ kind: 'Output', value: bin('/', call('sum', id('p')), id('N')) }]],
  ['repeat n { y = D(d)(y, m) }', [{ kind: 'RepeatStmt', count: id('n'), body: [{ kind: 'Assign', name: id('y'), value: call(call('D', id('d')), id('y'), id('m')) }] }]],
  ['repeat i in 4 { y = y -> C(i) }', [{ kind: 'RepeatStmt', variable: id('i'), count: num(4), body: [{ kind: 'Assign', name: id('y'), value: pipe(id('y'), call('C', id('i'))) }] }]],
  ['for f in [64, 128] { h = h }', [{ kind: 'For', variable: id('f'), iterable: list(num(64), num(128)), body: [{ kind: 'Assign', name: id('h'), value: id('h') }] }]],
  ['if s != 1 { h = a } else if f { h = b } else { h = c }', [{
    kind: 'IfStmt', condition: bin('!=', id('s'), num(1)), then: [{ kind: 'Assign', name: id('h'), value: id('a') }],
    else: { kind: 'IfStmt', condition: id('f'), then: [{ kind: 'Assign', name: id('h'), value: id('b') }], else: [{ kind: 'Assign', name: id('h'), value: id('c') }] },
  }]],
  ['let a = 1; let b = 2;', [{ kind: 'Let', names: [id('a')], value: num(1) }, { kind: 'Let', names: [id('b')], value: num(2) }]],
];

describe('statements', () => {
  it.each(statements)('%s', (source, expected) => {
    expect(body(source)).toEqual(expected);
  });
});

describe('top level', () => {
  it('imports', () => {
    const p = parseClean('import "./blocks.nn"\nimport { A, B, } from "./b.nn"');
    expect(stripRanges(p.items)).toEqual([
      { kind: 'Import', names: [], path: str('./blocks.nn') },
      { kind: 'Import', names: [id('A'), id('B')], path: str('./b.nn') },
    ]);
  });

  it('definitions with params, types, defaults and docs', () => {
    const p = parseClean(`/// The block.
/// Second line.
block V(
  /// how many
  convs: int,
  rate: float = 0.1, sizes: [int] = [1, 2], flag: bool = true, any_ = 3,
) {
  /// the input
  input x: [B]
  /// a let
  let y = x
  /// the output
  output y
}
model M { output 1 }
loss L(S: int = 7) { output 0 }
pipeline P() { output 0 }`);
    expect(stripRanges(p.items)).toEqual([
      {
        kind: 'Definition', defKind: 'block', name: id('V'), doc: 'The block.\nSecond line.',
        params: [
          { kind: 'Param', name: id('convs'), type: { kind: 'TypeRef', name: 'int', list: false }, doc: 'how many' },
          { kind: 'Param', name: id('rate'), type: { kind: 'TypeRef', name: 'float', list: false }, default: num(0.1, true) },
          { kind: 'Param', name: id('sizes'), type: { kind: 'TypeRef', name: 'int', list: true }, default: list(num(1), num(2)) },
          { kind: 'Param', name: id('flag'), type: { kind: 'TypeRef', name: 'bool', list: false }, default: bool(true) },
          { kind: 'Param', name: id('any_'), default: num(3) },
        ],
        body: [
          { kind: 'Input', name: id('x'), shape: list(id('B')), optional: false, doc: 'the input' },
          { kind: 'Let', names: [id('y')], value: id('x'), doc: 'a let' },
          { kind: 'Output', value: id('y'), doc: 'the output' },
        ],
      },
      { kind: 'Definition', defKind: 'model', name: id('M'), params: [], body: [{ kind: 'Output', value: num(1) }] },
      { kind: 'Definition', defKind: 'loss', name: id('L'), params: [{ kind: 'Param', name: id('S'), type: { kind: 'TypeRef', name: 'int', list: false }, default: num(7) }], body: [{ kind: 'Output', value: num(0) }] },
      { kind: 'Definition', defKind: 'pipeline', name: id('P'), params: [], body: [{ kind: 'Output', value: num(0) }] },
    ]);
    expect(stripRanges(p.comments)).toEqual([
      { text: '/// The block.', doc: true }, { text: '/// Second line.', doc: true }, { text: '/// how many', doc: true },
      { text: '/// the input', doc: true }, { text: '/// a let', doc: true }, { text: '/// the output', doc: true },
    ]);
  });

  it('train blocks: keyed entries (keys may be keywords) and directives', () => {
    const p = parseClean(`/// doc
train GAN on mnist(scale: [-1, 1]) {
  adversarial(generator: G, noise: normal([B, 100]))
  loss: minimax
  optimizer: Adam(lr: 2e-4, beta1: 0.5)
  steps: { discriminator: 1, generator: 1 }
  input: x, output: y; metrics: [accuracy]
}`);
    const entry = (key: string | undefined, value: N): N => (key === undefined ? { kind: 'TrainEntry', value } : { kind: 'TrainEntry', key: id(key), value });
    expect(stripRanges(p.items)).toEqual([{
      kind: 'Train', target: id('GAN'), doc: 'doc',
      data: call('mnist', ['scale', list(un('-', num(1)), num(1))]),
      entries: [
        entry(undefined, call('adversarial', ['generator', id('G')], ['noise', call('normal', list(id('B'), num(100)))])),
        entry('loss', id('minimax')),
        entry('optimizer', call('Adam', ['lr', num(2e-4, true, '2e-4')], ['beta1', num(0.5, true)])),
        entry('steps', record(['discriminator', num(1)], ['generator', num(1)])),
        entry('input', id('x')),
        entry('output', id('y')),
        entry('metrics', list(id('accuracy'))),
      ],
    }]);
  });

  it('comments: plain, trailing and doc, in source order', () => {
    const p = parseClean('// head\nmodel M { // after brace\n  output x // trailing\n}\n//// not a doc\n');
    expect(p.comments.map((c) => [c.text, c.doc, c.ownLine])).toEqual([
      ['// head', false, true], ['// after brace', false, false], ['// trailing', false, false], ['//// not a doc', false, true],
    ]);
  });

  it('`//` always starts a comment, even after an operand inside brackets', () => {
    const p = parseClean('model M {\n  output x -> Conv2D(64, 3)  // note\n  let y = f(a)// b\n}');
    expect(p.comments.map((c) => [c.text, c.ownLine])).toEqual([['// note', false], ['// b', false]]);
    const def = p.items[0]!;
    expect(def.kind === 'Definition' && stripRanges(def.body)).toEqual([
      { kind: 'Output', value: pipe(id('x'), call('Conv2D', num(64), num(3))) },
      { kind: 'Let', names: [id('y')], value: call('f', id('a')) },
    ]);
  });

  it('`[B, H // 2]` is `[B, H` then a comment: one error, at the `//`', () => {
    const r = parse('model M {\n  input x: [B, H // 2]\n  output x\n}');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['NN0014']);
    expect(r.diagnostics[0]!.message).toBe("'//' starts a comment, so the rest of the line is ignored; integer division is 'floor(H / 2)'");
    expect(r.program.comments.map((c) => c.text)).toEqual(['// 2]']);
  });

  it('layout facts: pipe breaks, blank lines, empty parens (ignored by stripRanges)', () => {
    const p = parseClean('model M() {\n  output x -> A -> B\n    -> C\n\n}\nmodel N { output x\n  -> A }');
    const [m, n] = p.items;
    const value = (d: typeof m): unknown => (d?.kind === 'Definition' && d.body[0]?.kind === 'Output' ? d.body[0].value : undefined);
    expect((value(m) as { breaks?: boolean[] }).breaks).toEqual([false, false, true]);
    expect((value(n) as { breaks?: boolean[] }).breaks).toEqual([true]);
    expect(m?.kind === 'Definition' && m.emptyParens).toBe(true);
    expect(n?.kind === 'Definition' && n.emptyParens).toBe(undefined);
    expect(p.blankLines).toEqual([42]);
    expect(stripRanges(value(m))).toEqual(pipe(id('x'), id('A'), id('B'), id('C')));
    expect(stripRanges(p)).not.toHaveProperty('blankLines');
  });

  it('an empty file is an empty program', () => {
    expect(stripRanges(parseClean(''))).toEqual({ kind: 'Program', items: [], comments: [] });
  });

  it('ErrorExpr is used for a missing expression', () => {
    expect(err.kind).toBe('ErrorExpr');
  });
});
