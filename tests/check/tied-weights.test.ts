// A layer's weights read by name (`embed.embeddings`) and given to another
// layer (tied weights): the syntax, the checker's shapes and errors, the
// summary counting a shared matrix once, and the hover.

import { describe, expect, it } from 'vitest';
import { parse, print, stripRanges } from '../../grammar/index.js';
import { completion } from '../../core/ide/completion.js';
import { hover } from '../../core/ide/hover.js';
import { definition } from '../../core/ide/navigation.js';
import { formatShape } from '../../core/shapes/shape.js';
import { summarize } from '../../core/summary.js';
import { brief, check } from '../helpers/check-source.js';
import { memoryHost } from '../helpers/memory-host.js';
import { call, expr, id, index, num, pipe } from '../grammar/helpers.js';
import { analyzeAt } from '../ide/helpers.js';

const member = (target: unknown, name: string) => ({ kind: 'Member', target, member: id(name) });

describe('member access parses', () => {
  it.each<[string, unknown]>([
    ['embed.embeddings', member(id('embed'), 'embeddings')],
    ['transpose(embed.embeddings, [1, 0])', call('transpose', member(id('embed'), 'embeddings'), { kind: 'List', items: [num(1), num(0)] })],
    ['a.b.c', member(member(id('a'), 'b'), 'c')],
    ['blocks[0].kernel', member(index(id('blocks'), num(0)), 'kernel')],
    ['x -> d.kernel', pipe(id('x'), member(id('d'), 'kernel'))],
    // a `.` never breaks a number or `...`
    ['0.5', num(0.5, true, '0.5')],
    ['.5', num(0.5, true, '.5')],
    ['2e-4', num(2e-4, true, '2e-4')],
    ['1.', num(1, true, '1.')],
  ])('%s', (source, expected) => {
    expect(expr(source)).toEqual(expected);
  });

  it('keeps `...` in an index', () => {
    expect(expr('x[..., 0]')).toEqual(index(id('x'), { kind: 'Ellipsis' }, num(0)));
  });

  it('prints and round-trips', () => {
    const source = 'model M {\n  input x: [B, 4]\n  let d = Dense(4)\n  output x -> d -> Dense(4, kernel: transpose(d.kernel, [1, 0]))\n}\n';
    const once = print(parse(source).program);
    expect(once).toBe(source);
    expect(stripRanges(parse(once).program)).toEqual(stripRanges(parse(source).program));
  });

  it('a chain of 50,000 member accesses is cut as any long chain, without running out of stack', () => {
    const source = `model M {\n  input x: [B, 4]\n  output x${'.w'.repeat(50_000)}\n}\n`;
    const r = parse(source);
    expect(r.diagnostics.map((d) => d.code)).toContain('NN0003');
    expect(() => check(source)).not.toThrow();
  });

  it('a `.` with no name after it is one syntax error', () => {
    const r = parse('model M {\n  input x: [B, 4]\n  output x.\n}\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['NN0010']);
  });
});

const TIED = `
model Tied(vocab: int = 11, d: int = 4) {
  input tokens: [B, T] int
  let embed = Embedding(vocab, d)
  let h = tokens -> embed -> Dense(d)
  output h -> Dense(vocab, bias: false, kernel: transpose(embed.embeddings, [1, 0]))
}
`;

describe('the checker', () => {
  it('accepts tied weights with no diagnostics', () => {
    expect(brief(TIED)).toEqual([]);
  });

  /** `output <expr>` after the lines given, in a model with x: [B, 8] and tokens: [B, T] int */
  const model = (lines: string, out: string) => `model M {\n  input x: [B, 8]\n  input tokens: [B, T] int\n${lines}\n  output ${out}\n}\n`;

  it.each<[string, string, string]>([
    ['  let e = Embedding(10, 3)', 'e.embeddings', '[10, 3]'],
    ['  let d = Dense(5)\n  let y = x -> d', 'y + d.bias', '[B, 5]'],
    ['  let d = Dense(5)\n  let y = x -> d', 'd.kernel', '[8, 5]'],
    ['  let w = Weight([2, 7])', 'w.value', '[2, 7]'],
    ['  let n = BatchNorm()\n  let y = x -> n', 'n.moving_mean', '[8]'],
    ['  let a = MultiHeadAttention(2, 8)\n  let y = reshape(x, [B, 2, 4]) -> Dense(8) -> a', 'a.output_kernel', '[8, 8]'],
  ])('%s: %s is %s', (lines, out, shape) => {
    const source = model(`${lines}\n  let _t = tokens`, out);
    const { analysis } = analyzeAt(source);
    const def = analysis.program.items[0]!;
    if (def.kind !== 'Definition') throw new Error('no model');
    const output = def.body.at(-1)!;
    if (output.kind !== 'Output') throw new Error('no output');
    expect(analysis.check.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const v = analysis.recording.values.get(output.value);
    expect(v?.kind === 'tensor' ? formatShape(v.shape) : v?.kind).toBe(shape);
  });

  it.each<[string, string, string]>([
    // unknown names: the layer's weights listed, PyTorch's name mapped
    ['  let e = Embedding(10, 3)', 'e.weight', `NN1015 "weight": e (Embedding) has no weight 'weight'; did you mean 'embeddings'? (its weights: embeddings)`],
    ['  let d = Dense(5, bias: false)\n  let y = x -> d', 'y + d.bias', `NN1015 "bias": d (Dense) has no weight 'bias' (its weights: kernel)`],
    ['  let n = BatchNorm()\n  let y = x -> n', 'y + n.running_mean', `NN1015 "running_mean": n (BatchNorm) has no weight 'running_mean'; did you mean 'moving_mean'? (its weights: gamma, beta, moving_mean, moving_variance)`],
    ['  let r = ReLU()', 'x -> r.kernel', `NN1015 "kernel": r (ReLU) has no weight 'kernel' (ReLU has no weights here)`],
    // a weight whose shape the input decides, read before the layer is applied
    ['  let d = Dense(5)', 'd.kernel', 'NN2022 "d.kernel": the shape of d.kernel depends on the input d is applied to: apply d before reading its weights'],
    // not a layer
    ['  let h = x -> Dense(3)', 'h.shape', `NN1016 "shape": '.' reads a weight of a layer, and this is a tensor [B, 3]: use functions on tensors (transpose(x, [1, 0]), reshape(x, ...))`],
    ['', 'Embedding.embeddings', `NN1016 "embeddings": Embedding is a kind of layer, not one layer: bind a configured one, let embedding = Embedding(...), and read embedding.embeddings`],
    ['  let n = BatchNorm\n  let y = x -> n', 'y + n.gamma', `NN1016 "gamma": 'n' is the kind of layer BatchNorm, not one layer: configure one, let n = BatchNorm(), to read its weights`],
    ['  let n = 3', 'x * n.value', `NN1016 "value": '.' reads a weight of a layer, and this is an int`],
    // a tied kernel of the wrong shape
    ['  let e = Embedding(10, 8)', 'x -> Dense(10, kernel: e.embeddings)', 'NN2023 "e.embeddings": Dense: the kernel must be [in, units] = [8, 10] for input [B, 8], but it is [10, 8]: transpose it, transpose(kernel, [1, 0])'],
    ['  let e = Embedding(10, 4)', 'x -> Dense(10, kernel: transpose(e.embeddings, [1, 0]))', 'NN2023 "transpose(e.embeddings, [1, 0])": Dense: the kernel must be [in, units] = [8, 10] for input [B, 8], but it is [4, 10]'],
  ])('%s: %s', (lines, out, expected) => {
    expect(brief(model(`${lines}\n  let _t = tokens`, out)).filter((d) => !d.startsWith('NN5'))).toEqual([expected]);
  });

  it('offers the fix to the name here', () => {
    const d = check(model('  let e = Embedding(10, 3)\n  let _t = tokens', 'e.weight')).find((x) => x.code === 'NN1015');
    expect(d!.fixes).toEqual([`Change to 'embeddings': "embeddings"`]);
  });
});

describe('the summary counts a shared matrix once', () => {
  const summary = (source: string, name: string) => {
    const r = summarize('/main.nn', memoryHost({ '/main.nn': source }), name);
    if (!r.ok) throw new Error(r.message);
    return r.summary;
  };

  it('the tied head has no weights of its own, shares the embedding, and counts its FLOPs', () => {
    const s = summary(TIED, 'Tied');
    const head = s.layers.find((l) => l.kind === 'Dense' && l.output.at(-1) === 11)!;
    expect(head).toMatchObject({ params: 0, sharedWith: 'embed_1', flops: '88*T' }); // 2 * d * vocab per position
    // 11*4 (embedding) + 4*4 + 4 (Dense): the head adds nothing
    expect(s.trainableParams).toBe(64);
  });

  it('a layer only read, never applied, is counted where it is read', () => {
    const s = summary(`model M {\n  input x: [B, 3]\n  let w = Weight([3, 5])\n  output x @ w.value\n}\n`, 'M');
    expect(s.layers.filter((l) => l.kind === 'Weight').map((l) => [l.path, l.params, l.output])).toEqual([['w_1', 15, [3, 5]]]);
    expect(s.trainableParams).toBe(15);
  });

  it('an embedding read first and applied later is counted at the read, and the application shares it', () => {
    const s = summary(`model M {\n  input t: [B, T] int\n  let e = Embedding(6, 2)\n  let m = e.embeddings\n  output (t -> e) @ transpose(m, [1, 0])\n}\n`, 'M');
    expect(s.layers.filter((l) => l.kind === 'Embedding').map((l) => [l.path, l.params, l.sharedWith])).toEqual([['e_1', 12, undefined], ['e_2', 0, 'e_1']]);
    expect(s.trainableParams).toBe(12);
  });
});

describe('the hover', () => {
  it('on the weight name: its shape, its layer, its count', () => {
    const { analysis, offset } = analyzeAt(TIED.replace('embed.embeddings', 'embed.embed<|>dings'));
    const h = hover(analysis, offset);
    expect(h?.contents).toContain('embed.embeddings: [11, 4]');
    expect(h?.contents).toMatch(/The weight `embeddings` of `embed`, a `Embedding\(vocab: 11, d: 4[^`]*\)`: 44 weights\./);
  });

  it('on the layer name: the bound layer, as anywhere', () => {
    const { analysis, offset } = analyzeAt(TIED.replace('(embed.embeddings', '(emb<|>ed.embeddings'));
    expect(hover(analysis, offset)?.contents).toContain('Embedding');
  });
});

describe('completion after a layer name and `.`', () => {
  const items = (source: string) => {
    const { analysis, offset } = analyzeAt(source);
    return completion(analysis, offset).map((i) => `${i.label} ${i.detail ?? ''}`);
  };

  it('lists the weights with their shapes, in the layer\'s order', () => {
    expect(items(`model M {\n  input x: [B, 8]\n  let d = Dense(5)\n  let y = x -> d\n  output y + d.<|>\n}\n`)).toEqual(['kernel [8, 5]', 'bias [5]']);
  });

  it('lists the names alone for a layer never applied, and the weights not trained as such', () => {
    expect(items(`model M {\n  input x: [B, 8]\n  let n = BatchNorm()\n  output x -> n -> ReLU\n  let _w = n.mov<|>\n}\n`)).toEqual(['gamma [8]', 'beta [8]', 'moving_mean [8] (not trained)', 'moving_variance [8] (not trained)']);
    expect(items(`model M {\n  input x: [B, 8]\n  let _d = Dense(5)\n  let _w = _d.<|>\n  output x\n}\n`)).toEqual(['kernel known once _d is applied', 'bias known once _d is applied']);
  });

  it('offers nothing after a tensor', () => {
    expect(items(`model M {\n  input x: [B, 8]\n  output x.<|>\n}\n`)).toEqual([]);
  });
});

describe('go to definition', () => {
  it('from the weight name and from the layer name: the layer binding', () => {
    for (const marked of [TIED.replace('embed.embeddings', 'embed.embe<|>ddings'), TIED.replace('(embed.embeddings', '(emb<|>ed.embeddings')]) {
      const { analysis, offset, text } = analyzeAt(marked);
      const [target] = definition(analysis, offset);
      expect(text.slice(target!.range.start, target!.range.end)).toBe('embed');
      expect(target!.range.start).toBe(text.indexOf('let embed') + 4);
    }
  });
});
