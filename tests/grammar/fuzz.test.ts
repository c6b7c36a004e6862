// Fuzzing with a seeded PRNG: random token sequences and random mutations of
// valid sources. parse never throws, every range lies within the text with
// start <= end, and print never throws on the recovered AST.

import { describe, it } from 'vitest';
import { parse, print } from '../../grammar/index.js';
import { prng } from './helpers.js';

const seeds = [
  `import { A, B } from "./blocks.nn"
/// doc
block VGGBlock(convs: int, filters: int, rate: float = 0.1, sizes: [int] = [1, 2]) {
  input x: [B, H, W, C]
  input mask: [B, 1, H, W] bool optional   // trailing
  output x -> repeat convs { Conv2D(filters, 3, stride: 1, padding: 1) -> ReLU }
           -> MaxPool2D(2, stride: 2)
}`,
  `model M(classes: int = 1000) {
  let h: [B, 7, 7, 512] = image -> VGGBlock(2, 64) -> VGGBlock(3, 512)
  let a, b = split(h, 2, axis: -1)
  let shortcut = if stride == 1 and C == filters { x } else { x -> Conv2D(filters, 1) -> BatchNorm }
  let sl = truth[..., newaxis, 0:4] + pred[:, 0] + boxes[..., K*5:] + x[::2] + y[1:-1:2]
  let n = -x ** 2 + floor(a / 2) % 3
  repeat i in 4 { y = y -> Conv2D(64, 3) }
  for f in [64, 128, 256] { h = h -> Conv2D(f, 3) }
  if stride != 1 { h = h -> MaxPool2D(2) } else if flag { h = h } else { h = h -> ReLU }
  output iou: [B, 3] = h -> Dense(3);
}`,
  `train GAN on mnist(scale: [-1, 1]) {
  adversarial(generator: Generator, noise: normal([B, 100]))
  loss: minimax
  optimizer: Adam(lr: 2e-4, beta1: 0.5)
  steps: { discriminator: 1, generator: 1 }
  metrics: [accuracy]
}`,
];

const vocabulary = [
  'import', 'from', 'model', 'block', 'loss', 'pipeline', 'train', 'on', 'input', 'output', 'let', 'repeat', 'for',
  'in', 'if', 'else', 'and', 'or', 'not', 'true', 'false', 'optional', 'newaxis', 'x', 'Conv2D', 'B', '64', '0.5',
  '2e-4', '"s"', '"unterminated', '->', '...', '**', '//', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%',
  '@', '=', '(', ')', '[', ']', '{', '}', ',', ':', ';', '// comment\n', '/// doc\n', '\n', '#', '\u0000', '\uD83D',
];

function check(source: string): void {
  let result: ReturnType<typeof parse> | undefined;
  try {
    result = parse(source);
  } catch (e) {
    throw new Error(`parse threw on ${JSON.stringify(source)}: ${String(e)}`);
  }
  const bad: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'range' || k === 'opRange' || k === 'argsRange' || k === 'keywordRange') && v !== null && typeof v === 'object') {
        const r = v as { start: number; end: number };
        if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= source.length)) {
          bad.push(`${path}.${k} = ${JSON.stringify(r)}`);
        }
      } else visit(v, `${path}.${k}`);
    }
  };
  visit(result.program, 'program');
  visit(result.diagnostics, 'diagnostics');
  if (bad.length > 0) throw new Error(`bad ranges for ${JSON.stringify(source)}: ${bad.slice(0, 5).join('; ')}`);
  try {
    print(result.program);
  } catch (e) {
    throw new Error(`print threw on ${JSON.stringify(source)}: ${String(e)}`);
  }
}

function tokensOf(source: string): string[] {
  return source.match(/\s+|[A-Za-z_]\w*|\d+(?:\.\d*)?(?:e-?\d+)?|"[^"\n]*"?|->|\.\.\.|\*\*|\/\/|[=!<>]=|./g) ?? [];
}

function mutate(source: string, r: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  let s = source;
  const rounds = 1 + Math.floor(r() * 4);
  for (let k = 0; k < rounds; k++) {
    const i = Math.floor(r() * (s.length + 1));
    const n = 1 + Math.floor(r() * 8);
    switch (Math.floor(r() * 8)) {
      case 0: s = s.slice(0, i) + s.slice(i + n); break; // delete characters
      case 1: s = s.slice(0, i) + pick(vocabulary) + s.slice(i); break; // insert a token
      case 2: s = s.slice(0, i) + s.slice(i, i + n) + s.slice(i); break; // duplicate characters
      case 3: { // swap two characters
        const j = Math.floor(r() * s.length);
        const a = s.split('');
        [a[i], a[j]] = [a[j] ?? '', a[i] ?? ''];
        s = a.join('');
        break;
      }
      case 4: s = s.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x10000)) + s.slice(i); break; // a random char
      default: { // token-level: delete, duplicate or swap tokens
        const t = tokensOf(s);
        const a = Math.floor(r() * t.length);
        const b = Math.floor(r() * t.length);
        const op = Math.floor(r() * 3);
        if (op === 0) t.splice(a, 1 + Math.floor(r() * 3));
        else if (op === 1) t.splice(a, 0, ...t.slice(a, a + 1 + Math.floor(r() * 3)));
        else [t[a], t[b]] = [t[b] ?? '', t[a] ?? ''];
        s = t.join('');
      }
    }
  }
  return s;
}

describe('fuzz', () => {
  it('random token sequences (600 cases)', () => {
    const r = prng(20240601);
    for (let c = 0; c < 600; c++) {
      const n = Math.floor(r() * 60);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(vocabulary[Math.floor(r() * vocabulary.length)]!);
      check(parts.join(r() < 0.5 ? ' ' : ''));
    }
  });

  it('mutations of valid sources (1,200 cases)', () => {
    const r = prng(7);
    for (let c = 0; c < 1_200; c++) check(mutate(seeds[c % seeds.length]!, r));
  });

  it('every prefix of a valid source', () => {
    const s = seeds.join('\n');
    for (let i = 0; i <= s.length; i += 3) check(s.slice(0, i));
  });
});
