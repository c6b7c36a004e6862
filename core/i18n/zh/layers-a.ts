// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// This part: the layers of core/catalog/layers/{dense,conv1d,conv2d,conv2d-transpose,attention,activations}.ts,
// and what common.ts builds for every layer: the shared parameters (activation, bias, and the docs of init and
// bias_init, one text per layer because each names its weight) and the messages of the shared checks.
// The axis names (height, width, length) that complete a window's message are in layers-b.ts.

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
  'Dense: the kernel must be [in, units] = {0} for input {1}, but it is {2}: transpose it, transpose(kernel, [1, 0])':
    'Dense：输入为 {1} 时，kernel 应为 [in, units] = {0}，但它是 {2}：请转置它，transpose(kernel, [1, 0])',

  // conv1d.ts: Conv1D
  'A 1-D convolution over a sequence `[B, T, C]`: `filters` learned kernels of length `kernel` slide along time, each producing one output channel from a window of `kernel` steps of all `C` channels. Output length: `floor((T + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1` (`"same"`: `ceil(T / stride)`). Used for audio, text and time series (WaveNet stacks dilated ones to see far back), and as a cheap per-position mixer with `kernel: 1`.':
    '在序列 `[B, T, C]` 上做一维卷积：`filters` 个长度为 `kernel` 的可学习卷积核沿时间轴滑动，每个卷积核从一个窗口（`kernel` 个时间步、全部 `C` 个通道）中算出一个输出通道。输出长度：`floor((T + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1`（`"same"`：`ceil(T / stride)`）。它用于音频、文本和时间序列（WaveNet 堆叠空洞卷积，好看到很久以前的输入），取 `kernel: 1` 时也是一种廉价的逐位置混合器。',
  'The number of output channels (kernels).': '输出通道数（即卷积核的个数）。',
  'The kernel length.': '卷积核的长度。',
  'The step between kernel positions.': '卷积核每次移动的步幅。',
  '`"valid"` (none), `"same"` (output length `ceil(T / stride)`), or zeros on each side (an int).':
    '`"valid"`（不填充）、`"same"`（输出长度为 `ceil(T / stride)`），或在两侧各补若干个零（一个整数）。',
  'Spacing between kernel taps (a dilated, atrous convolution).': '卷积核各元素之间的间距（即空洞卷积，又称膨胀卷积）。',
  'Independent channel groups; input and output channels must both divide by it.': '把通道分成几个互相独立的组；输入通道数和输出通道数都必须能被它整除。',
  'The initialiser of the kernel, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"glorot_uniform"` (Keras\'s and tfjs\'s; fan_in = kernel*C/groups, fan_out = kernel*filters/groups). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.Conv1d`).':
    '卷积核的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"glorot_uniform"`（Keras 和 tfjs 的默认值；fan_in = kernel*C/groups，fan_out = kernel*filters/groups）。`"pytorch"`：与 PyTorch 的模块（`nn.Conv1d`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'The initialiser of the bias. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.Conv1d`).':
    '偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：与 PyTorch 的模块（`nn.Conv1d`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'kernel': '卷积核',

  // conv2d.ts: Conv2D
  'A 2-D convolution over a channels-last image `[B, H, W, C]`: `filters` learned kernels of size `kernel x kernel` slide over the image, each producing one output channel. With `kernel: 3, stride: 1, padding: 1` the image keeps its size (VGG stacks these); a stride of 2 halves it. Output size per axis: `floor((H + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1` (`"same"`: `ceil(H / stride)`). `groups` splits the channels into independent groups (`groups = C` is a depthwise convolution).':
    '在通道在后的图像 `[B, H, W, C]` 上做二维卷积：`filters` 个大小为 `kernel x kernel` 的可学习卷积核在图像上滑动，每个卷积核产生一个输出通道。取 `kernel: 3, stride: 1, padding: 1` 时图像大小不变（VGG 就是堆叠这样的卷积）；步幅为 2 则把图像缩小一半。每个轴的输出大小：`floor((H + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1`（`"same"`：`ceil(H / stride)`）。`groups` 把通道分成互相独立的几组（`groups = C` 就是逐通道卷积，即 depthwise convolution）。',
  'The kernel size: an int, or `[kh, kw]`.': '卷积核大小：一个整数，或 `[kh, kw]`。',
  'The step between kernel positions: an int, or `[sh, sw]`.': '卷积核每次移动的步幅：一个整数，或 `[sh, sw]`。',
  '`"valid"` (none), `"same"` (output size `ceil(H / stride)`), zeros on each side (an int), or `[ph, pw]`.':
    '`"valid"`（不填充）、`"same"`（输出大小为 `ceil(H / stride)`）、在每一侧补若干个零（一个整数），或 `[ph, pw]`。',
  'Spacing between kernel taps (atrous convolution).': '卷积核各元素之间的间距（空洞卷积）。',
  'The initialiser of the kernel, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"glorot_uniform"` (Keras\'s and tfjs\'s; fan_in = kh*kw*C/groups, fan_out = kh*kw*filters/groups). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.Conv2d`).':
    '卷积核的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"glorot_uniform"`（Keras 和 tfjs 的默认值；fan_in = kh*kw*C/groups，fan_out = kh*kw*filters/groups）。`"pytorch"`：与 PyTorch 的模块（`nn.Conv2d`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'The initialiser of the bias. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.Conv2d`).':
    '偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：与 PyTorch 的模块（`nn.Conv2d`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'Conv2D: the kernel does not fit: output {0} would be {1} for input {2}': 'Conv2D：卷积核过大：输出{0}会是 {1}（输入为 {2}）',

  // conv2d-transpose.ts: Conv2DTranspose
  'A transposed ("fractionally strided") 2-D convolution on `[B, H, W, C]`: each input pixel scatters a learned `kernel x kernel x filters` patch into the output, so a stride of 2 doubles the size: it is the gradient of a strided convolution, used to upsample in GAN generators, U-Net/FCN decoders and SAM\'s mask decoder (`Conv2DTranspose(64, 2, stride: 2)`: `64 -> 128`). Output size per axis: `(H - 1)*stride - 2*padding + dilation*(kernel - 1) + output_padding + 1` (PyTorch); `"same"`: `H*stride`; `"valid"`: `H*stride + max(kernel - stride, 0)` (tfjs). Weights as PyTorch `ConvTranspose2d`: `kernel*kernel*C*filters/groups + filters`.':
    '在 `[B, H, W, C]` 上做二维转置卷积（又称“分数步幅卷积”）：每个输入像素把一块可学习的 `kernel x kernel x filters` 图块叠加到输出上，所以步幅为 2 时尺寸翻倍。它其实就是带步幅的卷积对输入求梯度的运算，用来做上采样：GAN 的生成器、U-Net/FCN 的解码器和 SAM 的掩码解码器都用它（`Conv2DTranspose(64, 2, stride: 2)`：`64 -> 128`）。每个轴的输出大小：`(H - 1)*stride - 2*padding + dilation*(kernel - 1) + output_padding + 1`（PyTorch）；`"same"`：`H*stride`；`"valid"`：`H*stride + max(kernel - stride, 0)`（tfjs）。权重与 PyTorch 的 `ConvTranspose2d` 相同：`kernel*kernel*C*filters/groups + filters`。',
  'The number of output channels.': '输出通道数。',
  'The upsampling factor: an int, or `[sh, sw]`.': '上采样倍数：一个整数，或 `[sh, sw]`。',
  '`"valid"`, `"same"` (output `H*stride`), or an int / `[ph, pw]`: PyTorch\'s padding, which crops the output.':
    '`"valid"`、`"same"`（输出为 `H*stride`），或一个整数 / `[ph, pw]`：即 PyTorch 的 padding，它会裁掉输出的边缘。',
  'Extra rows/columns added on one side of the output, to pick among the sizes a strided convolution maps to the same input size; smaller than the stride or the dilation.':
    '在输出的一侧额外补上的行数/列数。带步幅的卷积会把几种不同的大小映射到同一个输入大小，用它从中选出一个；它必须小于步幅或膨胀率。',
  'Spacing between kernel taps.': '卷积核各元素之间的间距。',
  'The initialiser of the kernel, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"glorot_uniform"` (Keras\'s and tfjs\'s; fan_in = kh*kw*filters and fan_out = kh*kw*C, as Keras and PyTorch count them for a transposed kernel). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.ConvTranspose2d`).':
    '卷积核的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"glorot_uniform"`（Keras 和 tfjs 的默认值；fan_in = kh*kw*filters，fan_out = kh*kw*C，这是 Keras 和 PyTorch 对转置卷积核的算法）。`"pytorch"`：与 PyTorch 的模块（`nn.ConvTranspose2d`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'The initialiser of the bias. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)` (`nn.ConvTranspose2d`).':
    '偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：与 PyTorch 的模块（`nn.ConvTranspose2d`）相同，在 `±1/sqrt(fan_in)` 内均匀取值。',
  'Conv2DTranspose: output_padding ({0}) must be smaller than the stride ({1}) or the dilation ({2})':
    'Conv2DTranspose：output_padding（{0}）必须小于步幅（{1}）或膨胀率（{2}）',
  'padding': '填充',

  // attention.ts: MultiHeadAttention
  'Multi-head scaled dot-product attention. Each query position asks "what am I looking for" (Q), every key position offers "what I contain" (K) and carries a value (V): `softmax(Q K^T / sqrt(d_head)) V`, computed by `heads` heads in parallel on `inner/heads`-sized slices, then concatenated and projected to `d`. Inputs: query `[B, Tq, dq]`, key `[B, Tk, dk]`, value `[B, Tk, dv]` and an optional mask (`[B, Tk]` padding or `[B, Tq, Tk]`, bool: true = may attend); one input is self-attention (`key = value = query`), two inputs share key and value (cross-attention: a decoder attending to the encoder\'s memory). Output `[B, Tq, d]`. `causal: true` hides future positions (a decoder cannot peek at the next word). Weights as PyTorch `nn.MultiheadAttention(d, heads)` (`MultiHeadAttention(8, 512)`: 1,050,624); `inner: 128` on 256-d inputs is SAM\'s downsampled cross-attention (131,712).':
    '多头缩放点积注意力。每个查询位置在问“我在找什么”（Q），每个键位置回答“我这里有什么”（K），并带着一个值（V）：`softmax(Q K^T / sqrt(d_head)) V`。`heads` 个头在各自大小为 `inner/heads` 的切片上并行计算，结果拼接起来，再投影到 `d` 维。输入：查询 `[B, Tq, dq]`、键 `[B, Tk, dk]`、值 `[B, Tk, dv]`，以及可选的掩码（`[B, Tk]` 的填充掩码或 `[B, Tq, Tk]`，bool：true 表示可以关注）；只给一个输入就是自注意力（`key = value = query`），给两个输入时键和值都是第二个（交叉注意力：解码器关注编码器的记忆）。输出 `[B, Tq, d]`。`causal: true` 遮住未来的位置（掩码注意力：解码器不能偷看下一个词）。权重与 PyTorch 的 `nn.MultiheadAttention(d, heads)` 相同（`MultiHeadAttention(8, 512)`：1,050,624 个）；在 256 维的输入上取 `inner: 128`，就是 SAM 下采样的交叉注意力（131,712 个）。',
  'The number of attention heads; `inner` must divide by it.': '注意力头的个数；`inner` 必须能被它整除。',
  'The output size (the model width).': '输出大小（模型的宽度）。',
  'The size queries, keys and values are projected to (all heads together); defaults to `d`. SAM halves it (`downsample_rate: 2`).':
    '查询、键和值投影后的大小（所有头合计）；默认为 `d`。SAM 把它减半（`downsample_rate: 2`）。',
  'Mask future positions: query t sees keys 0..t only (a decoder\'s self-attention).': '遮住未来的位置：查询 t 只能看到键 0..t（解码器的自注意力）。',
  'Dropout on the attention weights during training.': '训练时对注意力权重做丢弃（Dropout）。',
  'Whether the four projections have biases.': '四个投影是否带偏置。',
  'The initialiser of the four projection kernels, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"glorot_uniform"` (Keras\'s, as `nn.MultiheadAttention` starts q, k and v). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)`, each projection as an `nn.Linear` (SAM\'s attention).':
    '四个投影权重矩阵的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"glorot_uniform"`（Keras 的默认值，`nn.MultiheadAttention` 的 q、k、v 也是这样初始化的）。`"pytorch"`：与 PyTorch 的模块相同，在 `±1/sqrt(fan_in)` 内均匀取值，每个投影都按一个 `nn.Linear` 初始化（SAM 的注意力）。',
  'The initialiser of the four projection biases. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)`, each projection as an `nn.Linear`.':
    '四个投影偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：与 PyTorch 的模块相同，在 `±1/sqrt(fan_in)` 内均匀取值，每个投影都按一个 `nn.Linear` 初始化。',
  'MultiHeadAttention expects float32 {0}, but it is {1}': 'MultiHeadAttention 的 {0} 应为 float32，但它是 {1}',
  'MultiHeadAttention: query, key and value need the same batch, but got {0}, {1}, {2}': 'MultiHeadAttention：查询、键和值的批大小必须相同，但这里是 {0}、{1}、{2}',
  'MultiHeadAttention: key and value need the same length (one value per key), but key is {0} and value {1}':
    'MultiHeadAttention：键和值的长度必须相同（每个键对应一个值），但键是 {0}，值是 {1}',
  'MultiHeadAttention: the projected size {0} = {1} must divide by heads = {2} (each head gets inner/heads features)':
    'MultiHeadAttention：投影后的大小 {0} = {1} 必须能被 heads = {2} 整除（每个头分到 inner/heads 个特征）',
  'MultiHeadAttention: dropout must be below 1': 'MultiHeadAttention：dropout 必须小于 1',
  'MultiHeadAttention: the mask must be bool (true = may attend) or float32 (added to the scores), not int32':
    'MultiHeadAttention：掩码必须是 bool（true 表示可以关注）或 float32（加到注意力分数上），不能是 int32',
  'MultiHeadAttention: the mask must be [B, Tk] (padding) or [B, Tq, Tk], but got rank {0}: {1}':
    'MultiHeadAttention：掩码必须是 [B, Tk]（填充掩码）或 [B, Tq, Tk]，这里的秩是 {0}：{1}',
  'MultiHeadAttention: the mask should be {0} for query {1} and key {2}, but is {3}': 'MultiHeadAttention：查询为 {1}、键为 {2} 时，掩码应为 {0}，但它是 {3}',

  // RelPosAttention
  'The attention of SAM\'s ViT image encoder (from MViTv2): multi-head self-attention over the `H*W` tokens of a feature map `[B, H, W, C] -> [B, H, W, C]`, with one fused `qkv` projection `C -> 3C`, an output projection `C -> C`, and decomposed relative position embeddings: a learned table per axis (`rel_pos_h [2h - 1, C/heads]`, `rel_pos_w [2w - 1, C/heads]`) adds to each score a term for the vertical and one for the horizontal offset between query and key, so the attention knows where tokens are relative to each other. `size` is the grid it attends over: the window (SAM ViT-B: 14) or the whole 64x64 grid in its global blocks; the input\'s H and W must equal it. Weights: `4*C*C + 4*C + (2h - 1 + 2w - 1)*C/heads`.':
    'SAM 的 ViT 图像编码器所用的注意力（来自 MViTv2）：在特征图 `[B, H, W, C] -> [B, H, W, C]` 的 `H*W` 个 token 上做多头自注意力，包括一个融合的 `qkv` 投影 `C -> 3C`、一个输出投影 `C -> C`，以及分解的相对位置嵌入：每个轴一张可学习的表（`rel_pos_h [2h - 1, C/heads]`、`rel_pos_w [2w - 1, C/heads]`），按查询与键之间的纵向偏移和横向偏移，各给每个注意力分数加上一项，这样注意力就知道 token 之间的相对位置。`size` 是它关注的网格：一个窗口（SAM ViT-B：14），或全局块中整个 64x64 的网格；输入的 H 和 W 必须与它相等。权重：`4*C*C + 4*C + (2h - 1 + 2w - 1)*C/heads`。',
  'The number of attention heads; the channels must divide by it.': '注意力头的个数；通道数必须能被它整除。',
  'The token grid `[h, w]` the relative position tables cover (an int: square).': '相对位置表覆盖的 token 网格 `[h, w]`（一个整数表示正方形）。',
  'Whether the fused qkv projection has a bias (SAM: `qkv_bias: true`); the output projection always has one.':
    '融合的 qkv 投影是否带偏置（SAM：`qkv_bias: true`）；输出投影总是带偏置。',
  'The initialiser of the qkv and output kernels, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"glorot_uniform"` (Keras\'s; the relative position tables start at zeros, as in SAM). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)`, each projection as SAM\'s `nn.Linear`.':
    'qkv 投影和输出投影权重矩阵的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"glorot_uniform"`（Keras 的默认值；相对位置表从零开始，与 SAM 相同）。`"pytorch"`：与 PyTorch 的模块相同，在 `±1/sqrt(fan_in)` 内均匀取值，每个投影都按 SAM 的 `nn.Linear` 初始化。',
  'The initialiser of the qkv and output biases. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: as PyTorch\'s module, uniform in `±1/sqrt(fan_in)`, each projection as SAM\'s `nn.Linear`.':
    'qkv 投影和输出投影偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：与 PyTorch 的模块相同，在 `±1/sqrt(fan_in)` 内均匀取值，每个投影都按 SAM 的 `nn.Linear` 初始化。',
  'RelPosAttention: the channels ({0}) must divide by heads ({1})': 'RelPosAttention：通道数（{0}）必须能被 heads（{1}）整除',
  'RelPosAttention: the input {0} is {1}, but its relative position tables were made for size {2}': 'RelPosAttention：输入的 {0} 是 {1}，但它的相对位置表是按大小 {2} 建的',

  // activations.ts (each doc ends with: Applied element by element; the shape is unchanged.)
  'Passes its input through unchanged: `y = x`. A placeholder where a layer is expected (an empty shortcut branch, a removed head). Applied element by element; the shape is unchanged.':
    '原样输出输入：`y = x`，即恒等映射。在需要一个层的地方占位（空的捷径分支、去掉的输出头）。逐元素作用，形状不变。',
  'The rectified linear unit `max(0, x)`: negatives become 0, positives pass. Cheap, and its gradient is 1 wherever it is active, so deep networks train much faster than with sigmoid or tanh (AlexNet made it the default; VGG and ResNet follow every convolution with it). Applied element by element; the shape is unchanged.':
    '线性整流单元 `max(0, x)`：负数变成 0，正数原样通过。它计算便宜，而且只要处于激活状态梯度就是 1，所以深层网络用它比用 sigmoid 或 tanh 训练得快得多（AlexNet 让它成了默认选择；VGG 和 ResNet 在每个卷积之后都接一个 ReLU）。逐元素作用，形状不变。',
  'ReLU capped at 6: `min(max(0, x), 6)`. The bound keeps activations small enough for low-precision arithmetic; MobileNets use it. Applied element by element; the shape is unchanged.':
    '上限为 6 的 ReLU：`min(max(0, x), 6)`。有了这个上界，激活值就足够小，适合低精度运算；MobileNet 系列使用它。逐元素作用，形状不变。',
  'Like ReLU, but negatives are scaled by a small `slope` instead of zeroed: `x if x > 0 else slope * x`, so no unit "dies" with a zero gradient. GAN discriminators and generators use `LeakyReLU(0.2)`; YOLO uses 0.1. The default 0.01 is PyTorch\'s. Applied element by element; the shape is unchanged.':
    '和 ReLU 类似，但负数不是变成 0，而是乘上一个小的 `slope`：`x if x > 0 else slope * x`，这样就不会有单元因为梯度为零而“死掉”。GAN 的判别器和生成器使用 `LeakyReLU(0.2)`；YOLO 用 0.1。默认值 0.01 与 PyTorch 相同。逐元素作用，形状不变。',
  'The slope for negative inputs (PyTorch `negative_slope`).': '负输入的斜率（PyTorch 的 `negative_slope`）。',
  'The exponential linear unit: `x if x > 0 else alpha * (exp(x) - 1)`. Smooth, with negative outputs that push mean activations toward 0. Applied element by element; the shape is unchanged.':
    '指数线性单元：`x if x > 0 else alpha * (exp(x) - 1)`。它是光滑的，负的输出能把激活值的均值推向 0。逐元素作用，形状不变。',
  'The value negative inputs saturate to is `-alpha`.': '负输入饱和时趋近的值是 `-alpha`。',
  'The scaled ELU `1.0507 * (x if x > 0 else 1.6733 * (exp(x) - 1))`: its constants make activations keep zero mean and unit variance through a deep dense network without normalization layers ("self-normalizing"). Applied element by element; the shape is unchanged.':
    '缩放的 ELU `1.0507 * (x if x > 0 else 1.6733 * (exp(x) - 1))`：这两个常数让激活值在深层全连接网络中一路保持零均值、单位方差，而不需要归一化层（“自归一化”）。逐元素作用，形状不变。',
  'The Gaussian error linear unit `x * Phi(x)`, where Phi is the standard normal CDF: a smooth ReLU that weighs inputs by how likely they are to be positive. BERT, GPT and ViT (and SAM) use it in their MLPs. `approximate: "tanh"` uses `0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))`. Applied element by element; the shape is unchanged.':
    '高斯误差线性单元 `x * Phi(x)`，其中 Phi 是标准正态分布的累积分布函数：一种光滑的 ReLU，按输入为正的可能性给它加权。BERT、GPT 和 ViT（以及 SAM）的 MLP 都用它。`approximate: "tanh"` 使用 `0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))`。逐元素作用，形状不变。',
  '`"none"` (the exact erf form) or `"tanh"` (the faster approximation GPT-2 used).': '`"none"`（精确的 erf 形式）或 `"tanh"`（GPT-2 用过的更快的近似）。',
  'The logistic function `1 / (1 + exp(-x))`, squashing any number into (0, 1): the output of a binary classifier (a GAN discriminator\'s "real" probability) and of gates. Its gradient vanishes for large |x|, which is why hidden layers moved to ReLU. Applied element by element; the shape is unchanged.':
    '逻辑函数 `1 / (1 + exp(-x))`，把任何数压缩到 (0, 1) 之间：用作二分类器的输出（GAN 判别器给出的“真实”概率）和门控。|x| 很大时它的梯度几乎消失，这就是隐藏层后来改用 ReLU 的原因。逐元素作用，形状不变。',
  'The hyperbolic tangent, squashing into (-1, 1) and centred on 0. A GAN generator ends with it to produce images scaled to [-1, 1]; RNNs use it inside. Applied element by element; the shape is unchanged.':
    '双曲正切，把输入压缩到 (-1, 1) 之间，以 0 为中心。GAN 的生成器以它结尾，生成缩放到 [-1, 1] 的图像；RNN 内部也用它。逐元素作用，形状不变。',
  'The sigmoid linear unit `x * sigmoid(x)` (also called Swish): smooth and slightly non-monotonic below 0. EfficientNet and YOLOv5+ use it. Applied element by element; the shape is unchanged.':
    'Sigmoid 线性单元 `x * sigmoid(x)`（也叫 Swish）：光滑，在 0 以下略微非单调。EfficientNet 和 YOLOv5 及以后的版本使用它。逐元素作用，形状不变。',
  'Another name for SiLU: `x * sigmoid(x)`. Applied element by element; the shape is unchanged.': 'SiLU 的另一个名字：`x * sigmoid(x)`。逐元素作用，形状不变。',
  'A smooth ReLU: `log(1 + exp(beta * x)) / beta`, always positive; used where an output must be positive (a predicted variance or scale). Applied element by element; the shape is unchanged.':
    '一种光滑的 ReLU：`log(1 + exp(beta * x)) / beta`，输出总是正的；用在输出必须为正的地方（预测的方差或尺度）。逐元素作用，形状不变。',
  'Sharpness: larger is closer to ReLU.': '锐度：越大越接近 ReLU。',
  '`x * tanh(softplus(x))`: a smooth, self-gated activation; YOLOv4\'s backbone uses it. Applied element by element; the shape is unchanged.':
    '`x * tanh(softplus(x))`：一种光滑的自门控激活函数；YOLOv4 的骨干网络使用它。逐元素作用，形状不变。',
  'A cheap piecewise approximation of SiLU: `x * ReLU6(x + 3) / 6`, used by MobileNetV3 on phones. Applied element by element; the shape is unchanged.':
    'SiLU 的一种廉价分段近似：`x * ReLU6(x + 3) / 6`，MobileNetV3 在手机上使用它。逐元素作用，形状不变。',

  // Softmax, LogSoftmax
  'Turns scores into probabilities along an axis (the last by default): `exp(x_i) / sum_j exp(x_j)`, all positive and summing to 1. The last layer of a classifier (`Dense(classes) -> Softmax`), and the core of attention, where it turns query-key scores into weights. The shape is unchanged.':
    '沿一个轴（默认是最后一个）把分数变成概率：`exp(x_i) / sum_j exp(x_j)`，每个都为正，总和为 1。它是分类器的最后一层（`Dense(classes) -> Softmax`），也是注意力的核心：在那里它把查询与键的注意力分数变成权重。形状不变。',
  'The axis that sums to 1; negative counts from the end (-1: the classes).': '总和为 1 的那个轴；负数从末尾数起（-1：类别所在的轴）。',
  'The logarithm of Softmax, `x_i - log(sum_j exp(x_j))`, computed stably in one step; pair it with a negative log-likelihood loss (their combination is cross-entropy). The shape is unchanged.':
    'Softmax 的对数，`x_i - log(sum_j exp(x_j))`，一步算出，数值稳定；与负对数似然损失搭配使用（两者合起来就是交叉熵）。形状不变。',

  // PReLU
  'A LeakyReLU whose negative slope is learned: `x if x > 0 else a * x`, one `a` per channel (the last axis) by default, starting at 0.25 (He et al., who used it to pass human accuracy on ImageNet). `per_channel: false` learns a single slope (PyTorch\'s `nn.PReLU()` default). The shape is unchanged; weights `C` (or 1).':
    '负半轴斜率可学习的 LeakyReLU：`x if x > 0 else a * x`，默认每个通道（最后一个轴）一个 `a`，初始为 0.25（He 等人提出，他们借助它在 ImageNet 上超过了人类的准确率）。`per_channel: false` 只学习一个斜率（PyTorch `nn.PReLU()` 的默认做法）。形状不变；权重 `C` 个（或 1 个）。',
  'One slope per channel (true, Keras-like) or one for the whole tensor (false, PyTorch\'s default).':
    '每个通道一个斜率（true，与 Keras 类似），或整个张量共用一个（false，PyTorch 的默认值）。',
  'The initial slope.': '斜率的初始值。',

  // common.ts: the parameters many layers share
  'An activation applied to the output (`linear`: none).': '作用在输出上的激活函数（`linear`：不加激活）。',
  'Whether to add a learned bias.': '是否加上一个可学习的偏置。',

  // common.ts: init and bias_init of the layers in the other half of the catalogue
  'The initialiser of the scale `gamma`, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"ones"`: `"zeros"` on the last BatchNorm of a residual branch starts each block as the identity (Goyal et al. 2017). `"pytorch"`: the same, as PyTorch\'s module starts them.':
    '缩放 `gamma` 的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"ones"`；在残差分支的最后一个 BatchNorm 上用 `"zeros"`，每个块一开始就是恒等映射（Goyal et al. 2017）。`"pytorch"`：同上，PyTorch 的模块也是这样初始化的。',
  'The initialiser of the shift `beta`. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: the same, as PyTorch\'s module starts them.':
    '平移 `beta` 的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：同上，PyTorch 的模块也是这样初始化的。',
  'The initialiser of the scale `gamma`, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"ones"`. `"pytorch"`: the same, as PyTorch\'s module starts them.':
    '缩放 `gamma` 的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"ones"`。`"pytorch"`：同上，PyTorch 的模块也是这样初始化的。',
  'The initialiser of the bias `beta`. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: the same, as PyTorch\'s module starts them.':
    '偏置 `beta` 的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：同上，PyTorch 的模块也是这样初始化的。',
  'The initialiser of the scale, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"ones"`. `"pytorch"`: the same, as PyTorch\'s module starts them.':
    '缩放系数的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"ones"`。`"pytorch"`：同上，PyTorch 的模块也是这样初始化的。',
  'The initialiser of the bias. Default `"zeros"` (Keras\'s and tfjs\'s). `"pytorch"`: the same, as PyTorch\'s module starts them.':
    '偏置的初始化方式。默认 `"zeros"`（Keras 和 tfjs 的默认值）。`"pytorch"`：同上，PyTorch 的模块也是这样初始化的。',
  'The initialiser of the table `[vocab, d]`, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"uniform"` (uniform in `[-0.05, 0.05)`, Keras\'s and tfjs\'s). `"pytorch"`: `N(0, 1)`, as `nn.Embedding`.':
    '嵌入表 `[vocab, d]` 的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"uniform"`（在 `[-0.05, 0.05)` 内均匀取值，Keras 和 tfjs 的默认值）。`"pytorch"`：`N(0, 1)`，与 `nn.Embedding` 相同。',
  'The initialiser of the learned table, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"normal"` (`N(0, 0.02)`, BERT and GPT-2).':
    '可学习位置表的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"normal"`（`N(0, 0.02)`，与 BERT 和 GPT-2 相同）。',
  'The initialiser of the tensor, such as `"he_normal"` or `"normal(0, 0.02)"` (see Initialisers in the language guide). Default `"normal"` (`N(0, 0.02)`); the fans are read from the shape as for a kernel: `[..., fan_in, fan_out]`.':
    '这个张量的初始化方式，例如 `"he_normal"` 或 `"normal(0, 0.02)"`（见语言指南的 Initialisers 一节）。默认 `"normal"`（`N(0, 0.02)`）；fan_in 和 fan_out 像权重矩阵那样从形状读出：`[..., fan_in, fan_out]`。',

  // common.ts: messages of the shared argument and shape checks
  '{0}: padding needs 1 or {1} values': '{0}：padding 需要 1 个或 {1} 个值',
  '{0} expects a rank-{1} input {2}, but got rank {3}: {4}': '{0} 的输入应为秩 {1} 的张量 {2}，这里的秩是 {3}：{4}',
  '{0}: every value of \'{1}\' must be a whole number of at least {2}, but one is {3}': '{0}：\'{1}\' 的每个值都必须是不小于 {2} 的整数，但其中一个是 {3}',
  '{0} expects an input of rank {1} or more {2}, but got rank {3}: {4}': '{0} 的输入应为秩至少为 {1} 的张量 {2}，这里的秩是 {3}：{4}',
  '{0}: the {1} does not fit: output {2} would be {3} for input {4} {5}': '{0}：{1}过大：输入{4}为 {5} 时，输出{2}会是 {3}',
  '{0}: each entry of \'{1}\' is an int or a pair [before, after]': '{0}：\'{1}\' 的每一项应为一个整数或一对 [before, after]',
  '{0}: each entry of \'{1}\' must be an int or a pair of ints': '{0}：\'{1}\' 的每一项必须是一个整数或一对整数',
  '{0}: \'{1}\' must be an int, [{2}] or pairs [[before, after], ...], not a string "{3}"':
    '{0}：\'{1}\' 必须是一个整数、[{2}] 或成对的 [[before, after], ...]，而不是字符串 "{3}"',
  '{0}: \'{1}\' must be an int, [{2}] or pairs [[before, after], ...], not a {3}': '{0}：\'{1}\' 必须是一个整数、[{2}] 或成对的 [[before, after], ...]，而不是 {3} 类型的值',
  '{0}: \'{1}\' must not be negative, but has {2}': '{0}：\'{1}\' 不能为负数，但其中有 {2}',
  '{0}: input channels ({1}) must divide by groups ({2})': '{0}：输入通道数（{1}）必须能被 groups（{2}）整除',
  '{0}: filters ({1}) must divide by groups ({2})': '{0}：输出通道数 filters（{1}）必须能被 groups（{2}）整除',
};
