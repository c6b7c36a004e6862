// Sources that cost a checker or an editor the most: repeats nested to
// multiply, a file near the parser's size limit, brackets nested deep,
// numbers past any size, loops in loops. The server tests open them (or
// leave them in a workspace folder) and expect answers, not a hang.

import { generateSource } from '../../bench/generate.js';

/** Repeats nested `depth` deep, each `count` times (10,000 ** 3 applications, were nothing bounded). */
export function nestedRepeats(depth = 3, count = 10_000): string {
  let stages = 'ReLU';
  for (let i = 0; i < depth; i++) stages = `repeat ${count} { ${stages} }`;
  return `model Nested {\n  input x: [B, 4]\n  output x -> ${stages}\n}\n`;
}

/** Valid models and blocks (bench/generate.ts), cut at a definition's end to at most `chars` characters. */
export function largeSource(chars: number): string {
  let text = generateSource(Math.ceil(chars / 25));
  while (text.length > chars) text = text.slice(0, text.lastIndexOf('\n/// Residual block'));
  return text;
}

/** A model whose work is within the checker's budget but takes many steps: 10,000 x 4 applications. */
export function busyModel(): string {
  return 'model Busy {\n  input x: [B, 4]\n  output x -> repeat 10000 { ReLU -> ReLU -> ReLU -> ReLU }\n}\n';
}

/** Hostile documents by name, for the fuzz test. */
export function hostileDocuments(): Record<string, string> {
  const deep = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
  const sum = (n: number) => Array.from({ length: n }, () => 'x').join(' + ');
  return {
    'nested repeats': nestedRepeats(),
    'nested repeats with loop variables': 'model L {\n  input x: [B, 4]\n  let h = x\n  repeat i in 10000 { repeat j in 10000 { h = h -> Dense(i + j + 1) } }\n  output h\n}\n',
    'blocks repeating blocks': [
      'block A { input x: [B, C]  output x -> repeat 100 { ReLU } }',
      'block Bb { input x: [B, C]  output x -> repeat 100 { A } }',
      'block Cc { input x: [B, C]  output x -> repeat 100 { Bb } }',
      'model M { input x: [B, 4]  output x -> repeat 100 { Cc } }',
    ].join('\n'),
    'huge numbers': [
      'model Huge {',
      '  input x: [B, 99999999999999999999999999999]',
      '  let a = x -> Dense(9007199254740993) -> Dense(1e308)',
      '  let b = reshape(x, [B, 340282366920938463463374607431768211456])',
      `  let c = x -> repeat ${'9'.repeat(400)} { ReLU }`,
      '  output a + b + c -> Dense(0.5) -> Conv2D(-1, 99999999999)',
      '}',
    ].join('\n'),
    'deep brackets': `model Deep {\n  input x: [B, 4]\n  output ${deep(5000)}\n}\n`,
    'deep brackets in a shape': `model S {\n  input x: [B, ${deep(3000).replace('x', '4')}]\n  output x\n}\n`,
    'a long sum': `model Sum {\n  input x: [B, 4]\n  output ${sum(30_000)}\n}\n`,
    'loops over long lists': `model Lists(w: [int] = [${Array.from({ length: 5000 }, (_, i) => i + 1).join(', ')}]) {\n  input x: [B, 4]\n  let h = x\n  for a in w { for b in w { h = h -> Dense(a) } }\n  output h\n}\n`,
    'unclosed everything': `model U {\n  input x: [B, 4\n  output x -> ${'Dense(('.repeat(2000)}\n`,
    'a long line': `model Long {\n  input x: [B, 4]\n  output x${' -> ReLU'.repeat(40_000)}\n}\n`,
    'train blocks nested deep': `model T { input x: [B, 4]  output x }\ntrain T on mnist {\n  loss: ${deep(4000).replace('x', 'crossentropy')}\n  epochs: ${'9'.repeat(300)}\n}\n`,
  };
}
