// Signature help as data: a source with a <|> cursor, the expected label,
// the active parameter's label (undefined: no help at all).

import { describe, expect, it } from 'vitest';
import { signatureHelp } from '../../core/ide/signature-help.js';
import { analyzeAt } from './helpers.js';

const m = (body: string): string => `model M {\n  input x: [B, 28, 28, 3]\n${body}\n}\n`;
const CONV = 'Conv2D(filters, kernel, stride: 1, padding: "valid", dilation: 1, groups: 1, bias: true, activation: "linear", init: "glorot_uniform", bias_init: "zeros")';

interface Case {
  name: string;
  source: string;
  label?: string;
  active?: string;
}

const cases: Case[] = [
  { name: 'first argument', source: m('  output x -> Conv2D(<|>64, 3)'), label: CONV, active: 'filters' },
  { name: 'after a comma', source: m('  output x -> Conv2D(64, <|>3)'), label: CONV, active: 'kernel' },
  { name: 'named argument', source: m('  output x -> Conv2D(64, 3, padding: <|>1)'), label: CONV, active: 'padding: "valid"' },
  { name: 'commas inside brackets do not count', source: m('  output x -> Conv2D(64, [3, 3], <|>)'), label: CONV, active: 'stride: 1' },
  { name: 'unclosed call mid-typing', source: m('  output x -> Conv2D(64, <|>'), label: CONV, active: 'kernel' },
  { name: 'unclosed, typing a name', source: m('  output x -> Conv2D(64, stride: <|>'), label: CONV, active: 'stride: 1' },
  { name: 'empty, just opened', source: m('  output x -> Conv2D(<|>'), label: CONV, active: 'filters' },
  { name: 'function in a stage: the piped value is the first parameter', source: m('  output x -> reshape(<|>[B, 2352])'), label: 'reshape(x, shape)', active: 'shape' },
  { name: 'function called directly', source: m('  output reshape(x, <|>[B, 2352])'), label: 'reshape(x, shape)', active: 'shape' },
  { name: 'innermost call', source: m('  output x -> Conv2D(min(4, <|>2), 3)'), label: 'min(x, axis?, keepdims: false)', active: 'axis?' },
  { name: 'block call', source: 'block P(filters: int, k: int = 3) {\n  input x: [B, H, W, C]\n  output x -> Conv2D(filters, k)\n}\n' + m('  output x -> P(8, <|>)'), label: 'P(filters, k: 3)', active: 'k: 3' },
  { name: 'a configured layer applied to tensors', source: 'model A {\n  input q: [B, T, 64]\n  output MultiHeadAttention(4, 64)(q, <|>q)\n}\n', label: 'MultiHeadAttention(query, key?, value?, mask?)', active: 'key?' },
  { name: 'train optimizer', source: 'model M {\n  input x: [B, 784]\n  output x -> Dense(10)\n}\ntrain M on mnist() {\n  optimizer: Adam(lr: 0.01, <|>)\n}\n', label: 'Adam(lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)', active: 'beta1: 0.9' },
  { name: 'train data source', source: 'model M {\n  input x: [B, 784]\n  output x -> Dense(10)\n}\ntrain M on mnist(<|>) {\n  epochs: 1\n}\n', label: 'mnist(split: 0.8, scale?, limit?, set: "small")', active: 'split: 0.8' },
  { name: 'positional after a named argument skips it', source: m('  output x -> Conv2D(filters: 8, <|>)'), label: CONV, active: 'kernel' },
  { name: 'a string with a comma does not count', source: m('  output x -> Conv2D(8, 3, padding: "sa,me", <|>)'), label: CONV, active: 'stride: 1' },
  { name: 'outside the parentheses: none', source: m('  output x -> Conv2D<|>(64, 3)') },
  { name: 'after the closing parenthesis: none', source: m('  output x -> Conv2D(64, 3)<|> -> ReLU') },
  { name: 'unknown callee: none', source: m('  output x -> Nope(1, <|>)') },
];

describe('signature help', () => {
  it.each(cases)('$name', ({ source, label, active }) => {
    const { analysis, offset } = analyzeAt(source);
    const s = signatureHelp(analysis, offset);
    if (label === undefined) {
      expect(s).toBeUndefined();
      return;
    }
    expect(s?.label).toBe(label);
    expect(s!.parameters[s!.activeParameter]?.label).toBe(active);
    for (const p of s!.parameters) expect(s!.label).toContain(p.label);
  });

  it('carries the docs of the callee and its parameters', () => {
    const { analysis, offset } = analyzeAt(m('  output x -> Conv2D(64, <|>3)'));
    const s = signatureHelp(analysis, offset)!;
    expect(s.documentation).toContain('2-D convolution');
    expect(s.parameters[1]!.documentation).toBeTruthy();
  });
});
