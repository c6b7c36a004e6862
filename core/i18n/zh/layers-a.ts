// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// This part: the layers of core/catalog/layers/{dense,conv1d,conv2d,conv2d-transpose,attention,activations}.ts
// and the parameters shared from common.ts (activation, bias, init, bias_init), whose docs are built there.

export const LAYERS_A: Readonly<Record<string, string>> = {
  // dense.ts: Dense
  'A fully connected layer: every output unit is a weighted sum of all input features plus a bias, `y = x W + b`. It acts on the last axis, so `[B, 784] -> [B, units]` and `[B, T, d] -> [B, T, units]` (the same weights at every position). Stacked with non-linear activations, dense layers form the simple network of the notes: the forward pass computes `x W + b`, backpropagation computes how the loss changes with each weight, and gradient descent moves each weight a small step against that gradient.':
    '全连接层：每个输出单元都是所有输入特征的加权和再加上偏置，即 `y = x W + b`。它只作用于最后一个轴，所以 `[B, 784] -> [B, units]`，`[B, T, d] -> [B, T, units]`（每个位置用的是同一组权重）。全连接层与非线性激活函数交替堆叠，就是笔记里的那个简单网络：前向传播计算 `x W + b`；反向传播求出损失随每个权重怎样变化，也就是梯度；梯度下降再让每个权重沿梯度的反方向走一小步，完成参数更新。',
  'The number of output features.': '输出特征的个数。',
  'The initialiser of the kernel `[in, units]`, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"glorot_uniform"` (Keras\'s and tfjs\'s; fan_in = in, fan_out = units). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.Linear`).':
    '权重矩阵 `[in, units]` 的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"glorot_uniform"`（Keras 和 tfjs 的默认值；fan_in = in，fan_out = units）。`"pytorch"`：与 PyTorch 的模块（`nn.Linear`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'The initialiser of the bias. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.Linear`).':
    '偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：与 PyTorch 的模块（`nn.Linear`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'A kernel `[in, units]` from elsewhere instead of a kernel of its own: another layer\'s weight (tied weights). GPT\'s output head is `Dense(vocab, bias: false, kernel: transpose(embed.embeddings, [1, 0]))`: one matrix, counted once, trained from both uses.':
    '用别处的权重矩阵 `[in, units]` 代替这一层自己的：即另一层的权重（权重共享）。GPT 的输出头就是 `Dense(vocab, bias: false, kernel: transpose(embed.embeddings, [1, 0]))`：只有一个矩阵，只计数一次，两处的使用都会训练它。',
  'Dense expects at least a rank-2 input [batch, features], but got rank {0}': 'Dense 的输入至少是秩 2 的张量 [批, 特征]，这里的秩是 {0}',
  'Dense acts on the last axis of a rank-{0} input here; flatten the image features first': 'Dense 只作用于最后一个轴，而这里的输入秩为 {0}：请先把图像特征展平',
  'Insert Flatten before Dense': '在 Dense 之前插入 Flatten',
  'Dense: the kernel must be [in, units] = {0} for input {1}, but it is {2}': 'Dense：输入为 {1} 时，kernel 应为 [in, units] = {0}，但它是 {2}',
  'Dense: the kernel must be [in, units] = {0} for input {1}, but it is {2}: transpose it, transpose(kernel, [1, 0])': 'Dense：输入为 {1} 时，kernel 应为 [in, units] = {0}，但它是 {2}：请转置它，transpose(kernel, [1, 0])',

  // common.ts: the parameters many layers share
  'An activation applied to the output (`linear`: none).': '作用在输出上的激活函数（`linear`：不加激活）。',
  'Whether to add a learned bias.': '是否加上一个可学习的偏置。',
};
