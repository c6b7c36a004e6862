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
