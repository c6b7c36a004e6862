// Code lenses as data: a source, and the lenses as `title command model`.

import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../core/ide/code-lens.js';
import { analyzeAt } from './helpers.js';

const MLP = 'model MLP(hidden: int = 128) {\n  input x: [B, 784]\n  output x -> Dense(hidden) -> ReLU -> Dense(10) -> Softmax\n}\n';
const TRAIN = 'train MLP on mnist(split: 0.8) {\n  loss: crossentropy\n  epochs: 1\n}\n';

const cases: { name: string; source: string; others?: Record<string, string>; lenses: string[] }[] = [
  { name: 'a trained model: Train, Summary with its count, Graph', source: MLP + TRAIN, lenses: ['Train nn.train MLP', 'Summary · 101,770 params nn.summary MLP', 'Graph nn.graph MLP'] },
  { name: 'an untrained model: no Train', source: MLP, lenses: ['Summary · 101,770 params nn.summary MLP', 'Graph nn.graph MLP'] },
  { name: 'blocks and losses get none', source: 'block K {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n', lenses: [] },
  { name: 'a model with errors: Summary without a count', source: 'model Bad {\n  input x: [B, 4]\n  output x -> Conv2D(8, 3)\n}\n', lenses: ['Summary nn.summary Bad', 'Graph nn.graph Bad'] },
  {
    name: 'adversarial training trains both models',
    source: 'model G {\n  input z: [B, 8]\n  output z -> Dense(4)\n}\nmodel D {\n  input x: [B, 4]\n  output x -> Dense(1) -> Sigmoid\n}\ntrain G on ring() {\n  adversarial(generator: G, discriminator: D, noise: normal([B, 8]))\n}\n',
    lenses: ['Train nn.train G', 'Summary · 36 params nn.summary G', 'Graph nn.graph G', 'Train nn.train D', 'Summary · 5 params nn.summary D', 'Graph nn.graph D'],
  },
  {
    name: 'a model using an imported block counts its weights',
    source: 'import { Head } from "./head.nn"\nmodel N {\n  input x: [B, 4]\n  output x -> Head\n}\n',
    others: { 'head.nn': 'block Head {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n' },
    lenses: ['Summary · 10 params nn.summary N', 'Graph nn.graph N'],
  },
  { name: 'half-typed model name: no lens', source: 'model {\n  input x: [B, 4]\n  output x\n}\n', lenses: [] },
];

describe('code lenses', () => {
  it.each(cases)('$name', ({ source, others, lenses }) => {
    const { analysis, text } = analyzeAt(source, others);
    const got = codeLenses(analysis);
    expect(got.map((l) => `${l.title} ${l.command} ${l.arguments[1] as string}`)).toEqual(lenses);
    for (const l of got) {
      expect(l.arguments[0]).toBe('/main.nn');
      expect(text.slice(l.range.start, l.range.end)).toBe(l.arguments[1]);
    }
  });
});
