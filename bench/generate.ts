// A large, valid `.nn` file for benchmarks: residual blocks and models
// with unique names, about `lines` lines long.

export function generateSource(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const text = `/// Residual block ${i}.
block Res${i}(filters: int, stride: int = 1) {
  input x: [B, H, W, C]
  let f = x -> Conv2D(filters, 3, stride: stride, padding: 1, bias: false) -> BatchNorm -> ReLU
            -> Conv2D(filters, 3, padding: 1, bias: false) -> BatchNorm
  let shortcut = if stride == 1 and C == filters { x }
                 else { x -> Conv2D(filters, 1, stride: stride, bias: false) -> BatchNorm }
  output (f + shortcut) -> ReLU
}

/// Model ${i}: a small residual network.
model Net${i}(classes: int = 10, width: int = ${16 + (i % 4) * 8}) {
  input image: [B, 32, 32, 3]
  let h = image -> Conv2D(width, 3, padding: 1) -> ReLU       // [B, 32, 32, width]
  h = h -> Res${i}(width) -> Res${i}(2 * width, stride: 2)     // [B, 16, 16, 2*width]
  let pooled: [B, 2 * width] = h -> GlobalAvgPool
  let logits = pooled -> Dense(64) -> ReLU -> Dropout(0.1) -> Dense(classes)
  output logits -> Softmax
}

train Net${i} on mnist(split: 0.8) {
  loss: crossentropy
  optimizer: Adam(lr: 0.001)
  epochs: 2
  batch: 32
}
`;
    parts.push(text);
    count += text.split('\n').length;
  }
  return parts.join('\n');
}

/** Files of about `bytes` characters in the shapes that stress the parser and checker, by name. */
export function bigInputs(bytes: number): [string, string, Record<string, string>?][] {
  const fill = (unit: (i: number) => string): string => {
    const parts: string[] = [];
    for (let i = 0, size = 0; size < bytes; i++) {
      const part = unit(i);
      parts.push(part);
      size += part.length;
    }
    return parts.join('');
  };
  const reps = (unit: string) => Math.floor(bytes / unit.length);
  return [
    ['many small models', fill((i) => `model M${i} { input x: [B, 4]\n output x -> Dense(2)\n}\n`)],
    ['one model of long lines', `model L {\n  input x: [B, 4]\n${fill((i) => `  let h${i} = x${' + x'.repeat(400)}\n`)}  output x\n}\n`],
    ['one huge model', `model Big {\n  input x: [B, 4]\n  let h0 = x\n${fill((i) => `  let h${i + 1} = h${i} -> Dense(4) -> ReLU\n`)}  output x\n}\n`],
    ['a long -> chain', `model A {\n  input x: [B, 4]\n  output x${' -> ReLU'.repeat(reps(' -> ReLU'))}\n}\n`],
    ['200,000 indexes (refused)', `model P {\n  input x: [B, 4]\n  output x${'[0]'.repeat(Math.min(200_000, reps('[0]')))}\n}\n`],
    ['a sum past the limit (refused)', `model S {\n  input x: [B, 4]\n  output x${' + x'.repeat(reps(' + x'))}\n}\n`],
    ['comments', `${'// a comment line with a few words in it\n'.repeat(reps('// a comment line with a few words in it\n'))}model M {\n  input x: [B, 4]\n  output x\n}\n`],
    ['blocks applied in turn', blocksInTurn(bytes)],
    ['imports of one file', `${'import "./lib.nn"\n'.repeat(reps('import "./lib.nn"\n'))}model M {\n  input x: [B, 4]\n  output x -> L\n}\n`, { 'lib.nn': 'block L {\n  input x: [B, C]\n  output x -> Dense(4)\n}\n' }],
  ];
}

/** Blocks, and a model that applies each of them in turn: about `bytes` characters. */
function blocksInTurn(bytes: number): string {
  const count = Math.floor(bytes / 76);
  const blocks = Array.from({ length: count }, (_, i) => `block K${i} {\n  input x: [B, C]\n  output x -> Dense(4)\n}\n`);
  const uses = Array.from({ length: count }, (_, i) => `  h = h -> K${i}\n`);
  return `${blocks.join('')}model M {\n  input x: [B, 4]\n  let h = x\n${uses.join('')}  output h\n}\n`;
}
