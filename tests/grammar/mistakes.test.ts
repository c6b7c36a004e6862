// One error per mistake: a corpus of the single mistakes people make (from
// other languages, or by a slip), each checked by the real parser and
// checker. Each gives exactly one diagnostic, at the text between « and »,
// with its code and message, and the fix it offers (or none); applying that
// fix gives a file that checks clean.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { parse } from '../../grammar/index.js';
import { check } from '../helpers/check-source.js';
import { memoryHost } from '../helpers/memory-host.js';
import { prng } from '../helpers/prng.js';
import { lex } from '../../grammar/relex.js';

interface Mistake {
  /** what the mistake is */
  name: string;
  /** the source, the diagnostic's range between « and » */
  source: string;
  code: string;
  message: string;
  /** the title of the one fix offered; none when absent */
  fix?: string;
}

const M = (body: string) => `model M(n: int = 8) {\n  input x: [B, 16, 16, 4]\n${body}\n}\n`;

const mistakes: Mistake[] = [
  // `//` is a comment, not integer division
  {
    name: '`C // 4` in a call swallows the closing bracket',
    source: M('  output x -> Conv2D(n «//» 4, 3) -> ReLU'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored; integer division is 'floor(n / 4)'", fix: "Change to 'floor(n / 4)'",
  },
  {
    name: '`16 // 2` in a shape list',
    source: M('  output x -> reshape([B, 16, 16 «//» 2, 8])'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored; integer division is 'floor(16 / 2)'", fix: "Change to 'floor(16 / 2)'",
  },
  {
    name: '`n // 2` inside a pipe that goes on over lines',
    source: M('  let h = x\n    -> Conv2D(n «//» 2, 3)\n    -> ReLU\n  output h'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored; integer division is 'floor(n / 2)'", fix: "Change to 'floor(n / 2)'",
  },
  {
    name: '`max(1, n // 2)`: the fix divides the operand, not the call',
    source: M('  let k = max(1, n «//» 2)\n  output x -> Conv2D(k, 3)'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored; integer division is 'floor(n / 2)'", fix: "Change to 'floor(n / 2)'",
  },
  {
    name: '`a * n // 2` divides `a * n` in Python: no fix that would change the meaning',
    source: M('  output x -> Conv2D((2 * n «//» 2), 3)'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored; integer division is 'floor(a / b)'",
  },
  {
    name: '`let c = n //4` still parses (`let c = n`): a warning, given away by the spacing',
    source: M('  let c = n «//»4\n  output x -> Conv2D(c, 3)'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored, though it reads as code; integer division is 'floor(n / 4)'", fix: "Change to 'floor(n / 4)'",
  },
  {
    name: '`let c = n//(2 + 2)`: a warning',
    source: M('  let c = n«//»(2 + 2)\n  output x -> Conv2D(c, 3)'),
    code: 'NN0014', message: "'//' starts a comment, so the rest of the line is ignored, though it reads as code; integer division is 'floor(n / (2 + 2))'", fix: "Change to 'floor(n / (2 + 2))'",
  },
  // brackets and commas
  {
    name: 'a missing `)` before `}`',
    source: 'model M {\n  input x: [B, 16]\n  output x -> Dense(10 «}»\n',
    code: 'NN0011', message: "expected ')' to close '(', found '}'",
  },
  {
    name: 'a missing `)` at the end of a line',
    source: M('  let y = Dense(10)(x\n  «let» z = y\n  output z'),
    code: 'NN0011', message: "expected ')' to close '(', found 'let'",
  },
  {
    name: 'a missing `,` between arguments',
    source: M('  output x -> Conv2D(8 «3»)'),
    code: 'NN0010', message: "expected ',' or ')' after '8', found '3'",
  },
  {
    name: 'a missing `,` in a list',
    source: M('  let sizes = [1, 2 «3»]\n  output x'),
    code: 'NN0010', message: "expected ',' or ']' after '2', found '3'",
  },
  {
    name: 'a missing `}`: the next definition starts',
    source: 'model A {\n  input x: [B, 16]\n  output x -> Dense(10)\n«model» B {\n  input x: [B, 16]\n  output x\n}\n',
    code: 'NN0011', message: "expected '}' to close '{', found 'model'",
  },
  {
    name: 'one `)` too many',
    source: M('  let y = x -> Conv2D(8, 3)«)»\n  output y'),
    code: 'NN0012', message: "unexpected ')'",
  },
  // operators
  {
    name: '`=` where `==` was meant',
    source: 'model M(n: int = 2) {\n  input x: [B, 16]\n  output if n «=» 2 { x } else { x -> Dense(16) }\n}\n',
    code: 'NN0010', message: "expected '{' after 'n', found '=': to compare, write '=='", fix: "Change to '=='",
  },
  {
    name: 'a trailing operator',
    source: M('  let y = x +\n  «output» y'),
    code: 'NN0010', message: "expected an expression after '+', found 'output'",
  },
  {
    name: 'a trailing `->`',
    source: M('  let y = x -> Conv2D(8, 3) ->\n  «output» y'),
    code: 'NN0010', message: "expected an expression after '->', found 'output'",
  },
  {
    name: 'two operators in a row',
    source: M('  let y = x * «*» 2\n  output y'),
    code: 'NN0010', message: "expected an expression after '*', found '*'",
  },
  {
    name: 'a missing `->` before a stage',
    source: M('  output x «Conv2D»(8, 3)'),
    code: 'NN0010', message: "expected '->' or an operator before 'Conv2D'", fix: "Insert '->'",
  },
  {
    name: 'a missing operator before a name: no guess which',
    source: M('  let y = x «n»\n  output y'),
    code: 'NN0010', message: "expected '->' or an operator before 'n'",
  },
  {
    name: 'a stray `:`',
    source: M('  let y = x «: 2»\n  output y'),
    code: 'NN0012', message: "unexpected ':'",
  },
  {
    name: 'a stray `.`',
    source: M('  let y = x.\n  «output» y'),
    code: 'NN0010', message: "expected a name after '.', found 'output'",
  },
  // keywords
  {
    name: 'a misspelt statement keyword',
    source: 'model M {\n  «inptu» x: [B, 16]\n  output x -> Dense(10)\n}\n',
    code: 'NN0015', message: "unknown statement 'inptu'; did you mean 'input'?", fix: "Change to 'input'",
  },
  {
    name: 'a misspelt `let`',
    source: M('  «lett» y = x\n  output y'),
    code: 'NN0015', message: "unknown statement 'lett'; did you mean 'let'?", fix: "Change to 'let'",
  },
  {
    name: 'a capitalised `output`',
    source: M('  «Output» x'),
    code: 'NN0015', message: "unknown statement 'Output'; did you mean 'output'?", fix: "Change to 'output'",
  },
  {
    name: 'a misspelt `model`',
    source: '«modle» M {\n  input x: [B, 16]\n  output x\n}\n',
    code: 'NN0015', message: "unknown keyword 'modle'; did you mean 'model'?", fix: "Change to 'model'",
  },
  {
    name: 'a misspelt `model` after another definition',
    source: 'model A {\n  input x: [B, 16]\n  output x\n}\n«mdoel» B {\n  input x: [B, 16]\n  output x\n}\n',
    code: 'NN0015', message: "unknown keyword 'mdoel'; did you mean 'model'?", fix: "Change to 'model'",
  },
  {
    name: "Python's `def`",
    source: '«def» Net {\n  input x: [B, 16]\n  output x -> Dense(10)\n}\n',
    code: 'NN0015', message: "'def' is not a keyword: a definition starts with 'model', 'block', 'loss' or 'pipeline'", fix: "Change to 'block'",
  },
  {
    name: "JavaScript's `var`",
    source: M('  «var» y = x\n  output y'),
    code: 'NN0015', message: "'var' is not a keyword: bind a value with 'let'", fix: "Change to 'let'",
  },
  {
    name: '`return` for `output`',
    source: M('  «return» x'),
    code: 'NN0015', message: "'return' is not a keyword: a definition gives its result with 'output'", fix: "Change to 'output'",
  },
  {
    name: 'a bare call as a statement',
    source: M('  «print»(x)\n  output x'),
    code: 'NN0010', message: "a call is not a statement: bind its result with 'let name = print(...)' or give it with 'output'",
  },
  // other languages' forms
  {
    name: "Python's keyword argument",
    source: M('  output x -> Conv2D(filters«=»8, kernel: 3)'),
    code: 'NN0016', message: "a named argument is written with ':', 'filters: 8'", fix: "Change to 'filters: ...'",
  },
  {
    name: "Keras's `activation='relu'` with spaces",
    source: 'model M {\n  input x: [B, 16]\n  output x -> Dense(10, activation «=» "relu")\n}\n',
    code: 'NN0016', message: "a named argument is written with ':', 'activation: \"relu\"'", fix: "Change to 'activation: ...'",
  },
  {
    name: "Keras's `epochs=5` in a train block",
    source: 'model M {\n  input x: [B, 28, 28, 1]\n  output x -> Flatten -> Dense(10)\n}\ntrain M on mnist() {\n  loss: crossentropy\n  epochs «=» 5\n}\n',
    code: 'NN0016', message: "a train setting is written with ':', 'epochs: ...'", fix: "Change to 'epochs: ...'",
  },
  {
    name: '`:=`',
    source: M('  let y «:=» x * 2\n  output y'),
    code: 'NN0016', message: "':=' is not an operator: write '='", fix: "Change to '='",
  },
  {
    name: "Python's `:` block for a definition",
    source: 'model M«:»\n  input x: [B, 16]\n  output x\n',
    code: 'NN0016', message: "a body is written in braces, '{ ... }', not after ':'",
  },
  {
    name: "Python's `:` block for a loop",
    source: M('  for k in range(3)«:»\n    x = x -> Conv2D(4, 3, padding: "same")\n  output x'),
    code: 'NN0016', message: "a body is written in braces, '{ ... }', not after ':'",
  },
  {
    name: 'a shape in parentheses',
    source: 'model M {\n  input x: «(»B, 16)\n  output x -> Dense(10)\n}\n',
    code: 'NN0016', message: "a shape is a list, in brackets: '[B, 16]'", fix: "Change to '[B, 16]'",
  },
  {
    name: "Python's `#` comment",
    source: M('  let y = x -> Conv2D(8, 3) «#» the features\n  output y'),
    code: 'NN0001', message: "unexpected character '#': a comment starts with '//'", fix: "Change to '//'",
  },
  // strings
  {
    name: 'a string without its opening quote: one error, not one per word after it',
    source: 'model M {\n  input x: [B, 16]\n  output x -> Dense(10, activation: relu«")»\n}\n',
    code: 'NN0002', message: 'unterminated string',
  },
];

/** The source without its markers, and the marked range. */
function unmark(source: string): { text: string; start: number; end: number } {
  const start = source.indexOf('«');
  const end = source.indexOf('»') - 1;
  return { text: source.replace('«', '').replace('»', ''), start, end };
}

function checkText(text: string) {
  return checkFile('/main.nn', memoryHost({ '/main.nn': text })).diagnostics;
}

function applyFix(text: string, edits: { range: { start: number; end: number }; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

describe('one mistake, one diagnostic', () => {
  it.each(mistakes)('$name', ({ source, code, message, fix }) => {
    const { text, start, end } = unmark(source);
    const found = check(text);
    expect(found.map((d) => `${d.code} "${d.at}": ${d.message}`)).toEqual([`${code} "${text.slice(start, end)}": ${message}`]);
    const diagnostic = checkText(text)[0]!;
    expect((diagnostic.fixes ?? []).map((f) => f.title).slice(0, 1)).toEqual(fix === undefined ? [] : [fix]);
    if (fix === undefined) return;
    const mended = applyFix(text, diagnostic.fixes![0]!.edits);
    expect(checkText(mended).filter((d) => d.severity === 'error' || d.code.startsWith('NN00')).map((d) => `${d.code}: ${d.message}`), mended).toEqual([]);
  });
});

describe('no misfire', () => {
  const clean: [string, string][] = [
    ['`;` between statements', 'model M {\n  input x: [B, 16];\n  let y = x * 2;\n  output y;\n}\n'],
    ['a dtype, then a statement that rebinds a name', 'model M {\n  input a: [B, 4]\n  let h = a\n  input t: [B, 4] int\n  h = h * 2\n  output h + t -> Dense(2)\n}\n'],
    ['a comment with spaces on both sides of `//`, after a number', 'model M {\n  input x: [B, 16]\n  let h = 8 // 8 heads of 64\n  let lr = 0.001 // 1e-3\n  output x * lr -> Dense(h)\n}\n'],
    ['a comment after the last argument, the `)` on the next line', 'model M {\n  input x: [B, 16]\n  output x -> Dense(10 // logits\n  )\n}\n'],
    ['a comment after a comma inside brackets', 'model M {\n  input x: [B, 16]\n  output x -> Dense(10, // ten classes\n    activation: "relu")\n}\n'],
    ['`//` right after a name, then words', 'model M {\n  input x: [B, 16]\n  let h = x//the input\n  output h\n}\n'],
  ];
  it.each(clean)('%s', (_, text) => {
    expect(check(text).map((d) => `${d.code} "${d.at}": ${d.message}`)).toEqual([]);
  });

  const examples = join(import.meta.dirname, '..', '..', 'examples');
  const files = readdirSync(examples).filter((f) => f.endsWith('.nn'));
  const trailing = files.flatMap((f) => parse(readFileSync(join(examples, f), 'utf8')).program.comments.filter((c) => c.ownLine === false && !c.doc).map((c) => c.text));

  it('the bundled examples have trailing comments to try', () => {
    expect(trailing.length).toBeGreaterThan(10);
  });

  it('no comment of the bundled examples is taken for division: not where it is, not after a missing bracket', () => {
    for (const f of files) {
      const text = readFileSync(join(examples, f), 'utf8');
      expect(parse(text).diagnostics, f).toEqual([]);
    }
    for (const comment of trailing) {
      // the comment after an operand whose `)` is missing: the error is the bracket, not the comment
      const text = `model M {\n  input x: [B, 16]\n  output x -> Dense(10 ${comment}\n}\n`;
      const codes = parse(text).diagnostics.map((d) => d.code);
      expect(codes, comment).toEqual(['NN0011']);
      // the comment glued to an operand on a line that parses: no warning unless it reads as division
      const glued = `model M {\n  input x: [B, 16]\n  let h = 8${comment}\n  output x -> Dense(h)\n}\n`;
      expect(check(glued).filter((d) => d.code === 'NN0014').map((d) => d.message), comment).toEqual([]);
    }
  });
});

describe('damaged lines', () => {
  it('a syntax error damages its line from the start of its statement; the checker says nothing there', () => {
    const text = M('  let h = x\n    -> Conv2D(8, 3\n    -> Dense(unknown_thing)\n  output h');
    const r = parse(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['NN0011']);
    const damaged = r.program.damaged!.map((d) => text.slice(d.start, d.end));
    expect(damaged).toEqual(['let h = x\n    -> Conv2D(8, 3\n    -> Dense(unknown_thing)']);
    expect(check(text).map((d) => d.code)).toEqual(['NN0011']);
  });

  it('what follows a damaged line in the flow of data is not checked; what comes before, or does not use it, is', () => {
    const text = [
      'block Broken {', '  input x: [B, 16]', '  let before = x -> undefined_layer', '  inptu y: [B, 16]', '  output y -> Dense(10) -> other_undefined', '}',
      'model UsesIt {', '  input x: [B, 16]', '  output x -> Broken -> undefined_too', '}',
      'model Independent {', '  input x: [B, 16]', '  output x -> undefined_three', '}',
    ].join('\n');
    expect(check(text).map((d) => `${d.code} "${d.at}"`)).toEqual(['NN1001 "undefined_layer"', 'NN0015 "inptu"', 'NN1001 "undefined_three"']);
  });

  it.each(['loss', 'epochs'])('a train setting without its colon (%s): one error, the fix inserts it', (key) => {
    const settings = { loss: 'crossentropy', epochs: '1' };
    const lines = Object.entries(settings).map(([k, v]) => (k === key ? `  ${k} ${v}` : `  ${k}: ${v}`));
    const text = `model M {\n  input x: [B, 28, 28, 1]\n  output x -> Flatten -> Dense(10)\n}\ntrain M on mnist() {\n${lines.join('\n')}\n}\n`;
    const found = check(text);
    expect(found.map((d) => `${d.code} "${d.at}": ${d.message}`)).toEqual([`NN0010 "${key}": expected ':' after '${key}'`]);
    expect(found[0]!.fixes).toEqual(["Insert ':': \":\""]);
    const diagnostic = checkText(text)[0]!;
    expect(checkText(applyFix(text, diagnostic.fixes![0]!.edits)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('independent mistakes on separate lines are each reported', () => {
    const text = M('  let a = (1 +\n  let b = [1, 2\n  var c = x\n  let d = x\n  lett e = d\n  output e');
    expect(check(text).map((d) => `${d.code} "${d.at}"`)).toEqual(['NN0010 "let"', 'NN0010 "var"', 'NN0015 "lett"']);
  });
});

describe('one punctuation token deleted from the bundled examples', () => {
  // The mistakes nobody plans: a bracket, comma, arrow, `=` or `:` lost
  // somewhere in a real file. Before one error per mistake, 38% of such
  // deletions gave exactly one error (4.6 on average, up to dozens).
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  const files = Object.fromEntries(readdirSync(examples).filter((f) => f.endsWith('.nn')).map((f) => [`/${f}`, readFileSync(join(examples, f), 'utf8')]));
  const kinds = new Set([')', ']', '}', ',', '->', '=', '(', '[', '{', ':']);

  it('nine deletions in ten give exactly one error, none more than five', () => {
    const random = prng(12);
    const counts: string[] = [];
    let one = 0;
    let tried = 0;
    for (const [file, text] of Object.entries(files)) {
      const candidates = lex(text).tokens.filter((t) => kinds.has(t.image));
      for (let k = 0; k < 15; k++) {
        const t = candidates[Math.floor(random() * candidates.length)]!;
        const broken = text.slice(0, t.startOffset) + text.slice(t.startOffset + t.image.length);
        const errors = checkFile(file, memoryHost({ ...files, [file]: broken })).diagnostics.filter((d) => d.severity === 'error');
        tried++;
        if (errors.length === 1) one++;
        if (errors.length > 5) counts.push(`${file} without '${t.image}' at ${t.startOffset}: ${errors.length} errors`);
      }
    }
    expect(counts).toEqual([]);
    expect(one / tried).toBeGreaterThanOrEqual(0.9);
  });
});
