// Train blocks that `nn train` refuses for the data's known shape: each is
// an `nn check` error at its place (tests/check/train-data-shapes.test.ts),
// and the runtime's own steps refuse it too (tests/runtime/data/data-shapes.test.ts).

const DISCRIMINATOR_64 = `model D {
  input image: [B, 64, 64, 3]
  output image -> Flatten -> Dense(1) -> Sigmoid
}
`;

/**
 * Each wrong train block, its one error's place (line:column), code and a
 * part of its message; `runtime`: the part of what `nn train` says when it
 * refuses it (absent where only run-training.ts's own checks or TensorFlow
 * inside a training step would).
 */
export const WRONG: { name: string; source: string; at: string; code: string; says: string; runtime?: RegExp }[] = [
  {
    name: 'one input on sequences, which gives source and target',
    source: `model M {
  input tokens: [B, 10] int
  output tokens -> Embedding(16, 8) -> Dense(16) -> Softmax
}
train M on sequences(length: 10) {
}
`,
    at: '5:12',
    code: 'NN4009',
    runtime: /the model takes 1 input \(tokens\), but the data gives 2/,
    says: 'sequences gives 2 inputs per example (source [10], decoder input [10]), but M takes 1 (tokens)',
  },
  {
    name: 'two inputs on mnist, which gives one',
    source: `model M {
  input x: [B, 784]
  input y: [B, 784]
  output x + y -> Dense(10) -> Softmax
}
train M on mnist() {
}
`,
    at: '6:12',
    code: 'NN4009',
    runtime: /the model takes 2 inputs \(x, y\), but the data gives 1/,
    says: 'mnist gives 1 input per example (image [28, 28, 1]), but M takes 2 (x, y)',
  },
  {
    name: 'an input that holds neither as many values as mnist gives nor its shape',
    source: `model M {
  input x: [B, 100]
  output x -> Dense(10) -> Softmax
}
train M on mnist() {
}
`,
    at: '5:12',
    code: 'NN4006',
    runtime: /M has errors with these input sizes \(\[B, 28, 28, 1\]\)/,
    says: "mnist gives 28x28x1 images (784 values each), but M's input x is [B, 100]",
  },
  {
    name: 'a colour image model on mnist',
    source: `model M {
  input x: [B, H, W, 3]
  output x -> Conv2D(4, 3) -> Flatten -> Dense(10) -> Softmax
}
train M on mnist() {
}
`,
    at: '5:12',
    code: 'NN4006',
    runtime: /M has errors with these input sizes \(\[B, 28, 28, 1\]\)/,
    says: "mnist gives 28x28x1 images (784 values each), but M's input x is [B, H, W, 3]",
  },
  {
    name: 'a model that fails only at the data sizes (five stride-2 convolutions on 28x28)',
    source: `model M {
  input x: [B, H, W, C]
  output x -> Conv2D(4, 3, stride: 2) -> Conv2D(4, 3, stride: 2) -> Conv2D(4, 3, stride: 2) -> Conv2D(4, 3, stride: 2) -> Conv2D(4, 3, stride: 2) -> Flatten -> Dense(10) -> Softmax
}
train M on mnist() {
}
`,
    at: '5:12',
    code: 'NN2003',
    runtime: /M has errors with these input sizes \(\[B, 28, 28, 1\]\)/,
    says: "with mnist's examples (inputs [B, 28, 28, 1]): in M: Conv2D: the kernel does not fit",
  },
  {
    name: 'fewer class scores than mnist has classes',
    source: `model M {
  input x: [B, 784]
  output x -> Dense(5) -> Softmax
}
train M on mnist() {
  loss: crossentropy
}
`,
    at: '5:7',
    code: 'NN4006',
    // the runtime refuses it in run-training.ts (checkClassesFit): "mnist: 10,000 digits has class ids up to 9, but M outputs 5 classes"
    says: "mnist gives class ids (one per example, 10 classes), so with crossentropy M's output must be [B, 10], but it is [B, 5]",
  },
  {
    name: 'a score per class for the whole sequence instead of one per position',
    source: `model M {
  input source: [B, T] int
  input target: [B, T] int
  output source -> Embedding(16, 8) -> Flatten -> Dense(16) -> Softmax
}
train M on sequences(length: 10, vocab: 16) {
  loss: sparse_crossentropy
}
`,
    at: '6:7',
    code: 'NN4006',
    runtime: /Incompatible shapes/,
    says: "sequences gives class ids (one per position of [10], 16 classes), so with sparse_crossentropy M's output must be [B, 10, 16], but it is [B, 16]",
  },
  {
    name: 'a classifier on shapes with several objects per image',
    source: `model M {
  input x: [B, 32, 32, 3]
  output x -> Flatten -> Dense(3) -> Softmax
}
train M on shapes(size: 32, objects: 3) {
}
`,
    at: '5:12',
    code: 'NN4006',
    runtime: /takes one shape per image/,
    says: 'a classifier (output [B, 3]) takes one shape per image, so shapes(objects: 1), not objects: 3',
  },
  {
    name: 'an output shapes has no targets for',
    source: `model M {
  input x: [B, 32, 32, 3]
  output x -> Flatten -> Dense(7)
}
train M on shapes(size: 32) {
  loss: mse
}
`,
    at: '5:12',
    code: 'NN4006',
    runtime: /shapes cannot give targets for a model output of \[B, 7\]/,
    says: 'shapes cannot give targets for a model output of [B, 7]',
  },
  {
    name: "a loss definition whose targets input does not take mnist's class ids",
    source: `model M {
  input x: [B, 784]
  output x -> Dense(10) -> Softmax
}
loss L {
  input p: [N, 10]
  input t: [N, 10]
  output mean(sq(p - t))
}
train M on mnist() {
  loss: L
}
`,
    at: '11:9',
    code: 'NN2020',
    runtime: /L has errors with these input sizes \(\[N, 10\], \[N\]\)/,
    says: "with mnist's targets (the loss given [B, 10], [B]): in L: input t expected rank 2 [B, 10], but the shape is [B] (rank 1)",
  },
  {
    name: 'an input without the batch axis',
    source: `model M {
  input x: [32, 784]
  output x -> Dense(10) -> Softmax
}
train M on mnist() {
}
`,
    at: '2:12',
    code: 'NN4010',
    runtime: /input x \[32, 784\] must start with the batch axis/,
    says: "M's input x [32, 784] must start with the batch axis",
  },
  {
    name: 'mnist into a discriminator of 64x64 colour images',
    source: `${DISCRIMINATOR_64}model G {
  input z: [B, 16]
  output z -> Dense(12288) -> reshape([B, 64, 64, 3])
}
train GAN on mnist(scale: [-1, 1]) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 16]))
}
`,
    at: '10:44',
    code: 'NN4006',
    runtime: /D has errors with these input sizes \(\[B, 28, 28, 1\]\)/,
    says: "mnist gives 28x28x1 images (784 values each), but the discriminator D's input image is [B, 64, 64, 3]",
  },
  {
    name: "a generator's samples that fit the discriminator's declaration but not the data's size it is built for",
    source: `model D {
  input image: [B, H, W, C]
  output image -> Flatten -> Dense(1) -> Sigmoid
}
model G {
  input z: [B, 16]
  output z -> Dense(12288) -> reshape([B, 64, 64, 3])
}
train GAN on mnist() {
  adversarial(generator: G, discriminator: D, noise: normal([B, 16]))
}
`,
    at: '10:44',
    code: 'NN4006',
    runtime: /Input to reshape is a tensor with 24576 values, but the requested shape has 1568/,
    says: "the generator's output [B, 64, 64, 3] does not fit the discriminator's input, which is [B, 28, 28, 1] on mnist's 28x28x1 images",
  },
  {
    name: 'adversarial training on data of two inputs',
    source: `model D {
  input x: [B, 10]
  output x -> Dense(1) -> Sigmoid
}
model G {
  input z: [B, 4]
  output z -> Dense(10)
}
train GAN on sequences(length: 10) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 4]))
}
`,
    at: '10:44',
    code: 'NN4009',
    runtime: /gives 2 inputs per example, but the model takes 1/,
    says: 'adversarial training takes data of one input (the real examples), but sequences gives 2 (source, decoder input)',
  },
];

