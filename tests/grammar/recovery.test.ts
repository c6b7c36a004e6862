// Broken sources -> the expected diagnostics (code, message, the text under
// the range), and the unbroken parts still in the AST.

import { describe, expect, it } from 'vitest';
import { parse, type Program } from '../../grammar/index.js';

/** `name:Kind,Kind` for each item: what survived. */
function outline(p: Program): string[] {
  return p.items.map((i) => (i.kind === 'Definition' ? `${i.name.name}:${i.body.map((s) => s.kind).join(',')}` : i.kind));
}

const cases: [string, [string, string, string][], string[]][] = [
  ['model A { output f(x }\nmodel B { output y }',
    [['NN0011', "expected ')' to close '(', found '}'", '}']], ['A:Output', 'B:Output']],
  ['model A { output x -> }\nmodel B { output y }',
    [['NN0010', "expected an expression after '->', found '}'", '}']], ['A:Output', 'B:Output']],
  ['model A { let = 3\n output y }\nmodel B { output y }',
    [['NN0010', "expected a name after 'let', found '='", '=']], ['A:Let,Output', 'B:Output']],
  ['model A { output # y }',
    [['NN0001', "unexpected character '#': a comment starts with '//'", '#']], ['A:Output']],
  ['model A { output 1 #$?\n let y = 2 }',
    [['NN0001', "unexpected characters '#$?'", '#$?']], ['A:Output,Let']],
  ['model A { output "abc\n}\nmodel B { output y }',
    [['NN0002', 'unterminated string', '"abc']], ['A:Output', 'B:Output']],
  ['foo bar\nmodel B { output y }',
    [['NN0012', "unexpected 'foo'", 'foo bar']], ['B:Output']],
  ['model A { output y }\n}}\nmodel B { output y }',
    [['NN0012', "unexpected '}'", '}']], ['A:Output', 'B:Output']],
  ['model A { output [1, 2 }\nmodel B { output y }',
    [['NN0011', "expected ']' to close '[', found '}'", '}']], ['A:Output', 'B:Output']],
  ['model A { output y\nmodel B { output y }',
    [['NN0011', "expected '}' to close '{', found 'model'", 'model']], ['A:Output', 'B:Output']],
  ['model A { let x = a < b < c }',
    [['NN0013', "comparisons cannot be chained: add parentheses around '<' or '<'", '<']], ['A:Let']],
  ['model A { input x [B] }\nblock C { output 1 }',
    [['NN0010', "expected ':' after 'x', found '['", '[']], ['A:Input', 'C:Output']],
  ['model A { let x = f(1,, 2) }',
    [['NN0010', "expected an expression after ',', found ','", ',']], ['A:Let']],
  ['train T on d { loss: ) epochs: 5 }\nmodel B { output y }',
    [['NN0010', "expected an expression after ':', found ')'", ')']], ['Train', 'B:Output']],
  ['model A(a: int, b: ) { output y }',
    [['NN0010', "expected a type after ':', found ')'", ')']], ['A:Output']],
  ['model A { 42 7 let x = 1 }',
    [['NN0012', "unexpected '42'", '42 7']], ['A:Let']],
  ['model { output y }\nmodel B { output y }',
    [['NN0010', "expected a name after 'model', found '{'", '{']], [':Output', 'B:Output']],
  ['block A { output x -> Conv2D(64, 3 -> ReLU }\nblock B { input x: [B] output x }',
    [['NN0011', "expected ')' to close '(', found '}'", '}']], ['A:Output', 'B:Input,Output']],
  ['model A { let a = 1\n let b = 2 +\n output c }',
    [['NN0010', "expected an expression after '+', found 'output'", 'output']], ['A:Let,Let,Output']],
  // several independent mistakes in one file
  ['model A { let a = (1 + }\nmodel B { output x -> }\nblock C { input x: [B] output x }\ntrain A on d { epochs: 5 }',
    [['NN0010', "expected an expression after '+', found '}'", '}'], ['NN0010', "expected an expression after '->', found '}'", '}']],
    ['A:Let', 'B:Output', 'C:Input,Output', 'Train']],
  ['model A {\n  repeat n { y = }\n  output y\n}\nmodel B { output y }',
    [['NN0010', "expected an expression after '=', found '}'", '}']], ['A:RepeatStmt,Output', 'B:Output']],
];

describe('recovery', () => {
  it.each(cases)('%j', (source, expected, items) => {
    const r = parse(source);
    expect(r.diagnostics.map((d) => [d.code, d.message, source.slice(d.range.start, d.range.end)])).toEqual(expected);
    expect(outline(r.program)).toEqual(items);
  });

  it('a missing expression is an ErrorExpr, a missing name an empty Identifier', () => {
    const r = parse('model { let x = }');
    const def = r.program.items[0]!;
    expect(def.kind).toBe('Definition');
    if (def.kind !== 'Definition') return;
    expect(def.name.name).toBe('');
    const stmt = def.body[0]!;
    expect(stmt.kind === 'Let' && stmt.value.kind).toBe('ErrorExpr');
  });

  it('caps the number of diagnostics', () => {
    const r = parse('model A { ' + 'let = 1\n'.repeat(500) + '}');
    expect(r.diagnostics.length).toBe(101);
    expect(r.diagnostics[100]!.code).toBe('NN0005');
  });
});
