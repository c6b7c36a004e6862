// Chains of operators, calls and indexes longer than MAX_CHAIN are refused
// while the tokens are scanned: one NN0003 at the first link too many, the
// chain replaced by an error expression, and the parse's work independent of
// how long the chain was (the parser never sees the rest).

import { describe, expect, it } from 'vitest';
import { MAX_CHAIN, parse, type Node } from '../../grammar/index.js';
import { walk } from '../../core/ide/node-at.js';

const model = (output: string) => `model M {\n  input x: [B, 4]\n  output ${output}\n}\nmodel N {\n  input y: [B, 4]\n  output y -> Dense(2)\n}\n`;

/** How many AST nodes the parse built. */
function nodeCount(source: string): number {
  let n = 0;
  for (const item of parse(source).program.items) for (const _ of walk(item as Node)) n++;
  return n;
}

describe('chain limit', () => {
  it.each([
    ['indexes', (n: number) => `x${'[0]'.repeat(n)}`, '['],
    ['calls', (n: number) => `ReLU${'(x)'.repeat(n)}`, '('],
    ['a sum', (n: number) => `x${' + x'.repeat(n)}`, '+'],
    ['mixed links', (n: number) => `x${' * x[0]'.repeat(n / 2)}`, '*'],
    ['prefix operators', (n: number) => `${'- '.repeat(n)}x`, '-'],
  ])('refuses %s past the limit at the first link too many, and parses the next item', (_name, chain, link) => {
    const source = model(chain(200_000));
    const r = parse(source);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('NN0003');
    expect(d.message).toBe(`nesting too deep (more than ${MAX_CHAIN} operators, calls and indexes in one chain)`);
    expect(source.slice(d.range.start, d.range.end)).toBe(link);
    const [m, n] = r.program.items as { body: { kind: string; value?: { kind: string } }[] }[];
    expect(m!.body[1]!.value!.kind).toBe('ErrorExpr');
    expect(n!.body.map((s) => s.kind)).toEqual(['Input', 'Output']);
  });

  it('builds as much for 200,000 links as for 2,000 (the rest is never parsed)', () => {
    for (const chain of [(n: number) => `x${'[0]'.repeat(n)}`, (n: number) => `x${' + x'.repeat(n)}`]) {
      expect(nodeCount(model(chain(200_000)))).toBe(nodeCount(model(chain(2_000))));
    }
  });

  it('accepts a chain of exactly the limit', () => {
    expect(parse(model(`x${' + x'.repeat(MAX_CHAIN)}`)).diagnostics).toEqual([]);
    expect(parse(model(`x${'[0]'.repeat(MAX_CHAIN)}`)).diagnostics).toEqual([]);
  });

  it('counts each expression on its own', () => {
    const statements = Array.from({ length: 3000 }, () => '  h = h + 1\n').join('');
    const lists = `[${Array.from({ length: 5000 }, (_, i) => `x[${i}] + 1`).join(', ')}]`;
    const sources = [
      `model M {\n  input x: [B, 4]\n  let h = x\n${statements}  output h\n}\n`,
      model(lists),
      model(`x${' -> ReLU'.repeat(5000)}`),
      model(`x${' + (x * x)'.repeat(MAX_CHAIN / 2)} + x${' + x'.repeat(MAX_CHAIN / 2 - 1)}`),
      `model M {\n  input x: [B, 4]\n${'  output x + 1\n  output x[0] * 2\n'.repeat(2000)}}\n`,
    ];
    for (const source of sources) expect(parse(source).diagnostics).toEqual([]);
  });

  it('cuts a chain inside brackets without taking the closing bracket', () => {
    const source = model(`Dense(x${' + x'.repeat(5000)}, 3) -> ReLU`);
    const r = parse(source);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['NN0003']);
    const out = (r.program.items[0] as { body: { value: { kind: string; head: { kind: string; args: { value: { kind: string } }[] } } }[] }).body[1]!.value;
    expect(out.kind).toBe('Pipe');
    expect(out.head.args.map((a) => a.value.kind)).toEqual(['ErrorExpr', 'Number']);
  });
});
