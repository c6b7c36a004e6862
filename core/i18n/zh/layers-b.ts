// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// The second half of the layer catalogue: embeddings, merging, normalization,
// pooling, reshaping and resizing layers (their docs and messages), and the
// messages of apply-layer.ts and initializers.ts.

export const LAYERS_B: Readonly<Record<string, string>> = {
  // layers/embeddings.ts: Embedding
  'A learned lookup table: each integer token id in `[0, vocab)` is replaced by its own row of a `[vocab, d]` matrix, so `[B, T]` ids become `[B, T, d]` vectors that training moves so that similar tokens get similar vectors. Every language model starts with one; the Transformer shares one `Embedding(37000, 512)` (18,944,000 weights) between its source and target. The input must be int32.': '一张可学习的查找表：`[0, vocab)` 中的每个整数词元 id 被替换成 `[vocab, d]` 矩阵中属于它的那一行，于是 `[B, T]` 的 id 变成 `[B, T, d]` 的向量；训练会不断调整这些向量，让相似的词元得到相似的向量。每个语言模型都从一个嵌入层开始；Transformer 的源语言和目标语言共用一个 `Embedding(37000, 512)`（18,944,000 个权重）。输入必须是 int32。',
  'The number of distinct ids (the vocabulary size).': '不同 id 的个数（词表大小）。',
  'The size of each embedding vector.': '每个嵌入向量的大小。',
  '[B, ...] of ids': '[B, ...]（整数 id）',

  // PositionalEncoding
  'Adds position information to already-embedded tokens `[B, T, d] -> [B, T, d]`. Attention ignores order (it treats its input as a set), so without this "the dog bit the man" and "the man bit the dog" would look the same. `"sinusoidal"` (the Transformer paper) adds the fixed `PE[t, 2i] = sin(t / 10000^(2i/d))`, `PE[t, 2i+1] = cos(...)`: no weights, any length up to `max_len`, and `d` must be even. `"learned"` (BERT, GPT, ViT) adds a trained `[max_len, d]` table instead. An optional dropout follows, as in the paper.': '给已经嵌入的词元加上位置信息，`[B, T, d] -> [B, T, d]`。注意力不关心顺序（它把输入当作一个集合），所以没有位置编码的话，“狗咬了人”和“人咬了狗”看起来就一模一样。`"sinusoidal"`（Transformer 论文的做法）加上固定的 `PE[t, 2i] = sin(t / 10000^(2i/d))`、`PE[t, 2i+1] = cos(...)`：没有权重，任何不超过 `max_len` 的长度都可以，`d` 必须是偶数。`"learned"`（BERT、GPT、ViT）则改为加上一张训练出来的 `[max_len, d]` 表。之后可以接一个丢弃（Dropout），与论文相同。',
  '`"sinusoidal"` (fixed, no weights) or `"learned"` (a `[max_len, d]` table).': '`"sinusoidal"`（固定，没有权重）或 `"learned"`（一张 `[max_len, d]` 表）。',
  'The longest sequence: 5000 if left out for `"sinusoidal"`; required for `"learned"` (its table has `max_len*d` weights).': '最长的序列：`"sinusoidal"` 省略时为 5000；`"learned"` 必须给出（它的表有 `max_len*d` 个权重）。',
  'Dropout applied after adding the encoding (the paper: 0.1).': '加上位置编码之后的丢弃（Dropout）比例（论文中为 0.1）。',
  'PositionalEncoding("learned") needs max_len: the length of its learned table (e.g. 512)': 'PositionalEncoding("learned") 需要 max_len：它那张可学习的表有多长（例如 512）',
  'PositionalEncoding: dropout must be below 1': 'PositionalEncoding：dropout 必须小于 1',
  'PositionalEncoding: \'init\' starts the learned table, but kind is "{0}" (no weights)': 'PositionalEncoding：\'init\' 用来初始化可学习的表，但 kind 是 "{0}"（没有权重）',
  'PositionalEncoding: sinusoidal encoding pairs sin and cos, so d must be even, but it is {0}': 'PositionalEncoding：正弦编码把 sin 和 cos 成对使用，所以 d 必须是偶数，这里是 {0}',
  'PositionalEncoding: the sequence has {0} positions, but max_len is {1}': 'PositionalEncoding：序列有 {0} 个位置，但 max_len 只有 {1}',

  // Weight
  'A free learned tensor of the given shape, with no input: `Weight([1, 64, 64, 768])` is SAM\'s absolute position embedding, added to the patch embeddings; `Weight([1, 256])` a learned token (SAM\'s IoU token, ViT\'s class token) concatenated to a sequence. The output shape is exactly `shape` (broadcast it against the batch by adding or concatenating). `init` says how it starts. Weights: the product of `shape`.': '一个给定形状、自由学习的张量，没有输入：`Weight([1, 64, 64, 768])` 是 SAM 的绝对位置嵌入，加到图块嵌入上；`Weight([1, 256])` 是一个可学习的词元（SAM 的 IoU 词元、ViT 的类别词元），拼接到序列上。输出形状恰好是 `shape`（靠相加或拼接让它沿批广播）。`init` 决定它的初始值。权重个数：`shape` 各项之积。',
  'The shape of the tensor, every size at least 1.': '张量的形状，每个大小至少为 1。',
  'Weight: the shape needs at least one size': 'Weight：形状里至少要有一个大小',
  'Weight: every size must be at least 1, but {0} has {1}': 'Weight：每个大小都必须至少为 1，但 {0} 里有 {1}',

  // FourierFeatures
  'Random Fourier features of coordinates (SAM\'s `PositionEmbeddingRandom`): points `[..., 2]` with x and y in [0, 1] are mapped to `[sin(2*pi*(2p - 1) G), cos(2*pi*(2p - 1) G)]`, `[..., 2*num_feats]`, where `G` is a fixed random Gaussian matrix `[2, num_feats]` times `scale`. Unlike the sinusoidal encoding of token positions, it encodes continuous 2-D positions, so SAM encodes its point and box prompts and the image grid the same way (`num_feats: 128` gives 256 features). `G` is a buffer: `2*num_feats` non-trainable values, nothing trained.': '坐标的随机傅里叶特征（SAM 的 `PositionEmbeddingRandom`）：x、y 在 [0, 1] 内的点 `[..., 2]` 被映射为 `[sin(2*pi*(2p - 1) G), cos(2*pi*(2p - 1) G)]`，即 `[..., 2*num_feats]`，其中 `G` 是一个固定的随机高斯矩阵 `[2, num_feats]` 乘以 `scale`。与词元位置的正弦编码不同，它编码的是连续的二维位置，所以 SAM 用同一种方式编码点提示、框提示和图像网格（`num_feats: 128` 得到 256 个特征）。`G` 是一个缓冲区：`2*num_feats` 个不可训练的值，不参与训练。',
  'The number of random frequencies; the output has `2*num_feats` features (sin and cos).': '随机频率的个数；输出有 `2*num_feats` 个特征（sin 和 cos）。',
  'The standard deviation of the random frequencies: larger sees finer detail.': '随机频率的标准差：越大，看到的细节越精细。',
  'FourierFeatures maps (x, y) coordinates: the last axis must have size 2, but the input is {0} (last axis {1})': 'FourierFeatures 映射的是 (x, y) 坐标：最后一个轴的大小必须是 2，但输入是 {0}（最后一个轴为 {1}）',

  // layers/merging.ts: Concat
  'Joins 2 or more tensors along one axis (the channels by default): `[B, H, W, 64]` and `[B, H, W, 32]` give `[B, H, W, 96]`. All other axes must agree. GoogLeNet\'s Inception modules concatenate their branches, DenseNet concatenates every earlier feature map, U-Net joins decoder and encoder features, and YOLO merges feature maps of two scales this way.': '沿一个轴把 2 个或更多张量拼接起来（默认沿通道轴）：`[B, H, W, 64]` 和 `[B, H, W, 32]` 得到 `[B, H, W, 96]`。其他各轴的大小必须一致。GoogLeNet 的 Inception 模块把各分支拼接起来，DenseNet 拼接前面所有的特征图，U-Net 把解码器和编码器的特征拼在一起，YOLO 也用这种方式合并两个尺度的特征图。',
  'The axis to join along; negative counts from the end (`-1`: channels).': '沿哪个轴拼接；负数从末尾数起（`-1`：通道）。',
  'Concat: every input needs the same rank; input 1 is {0} but input {1} is {2}': 'Concat：所有输入的秩必须相同；输入 1 是 {0}，而输入 {1} 是 {2}',
  'Concat along axis {0}: axis {1} must agree, but input 1 is {2} and input {3} is {4}': '沿轴 {0} 做 Concat：轴 {1} 的大小必须一致，但输入 1 是 {2}，输入 {3} 是 {4}',
  '{0}: axis {1} is out of range for a rank-{2} input (axes {3} to {4})': '{0}：轴 {1} 超出了秩 {2} 输入的范围（轴的取值为 {3} 到 {4}）',

  // Add, Subtract, Multiply
  '{0}: {1} {2} {3} do not broadcast: axis -{4} is {5} vs {6} (sizes must be equal, or one of them 1)': '{0}：{1} {2} {3} 无法广播：轴 -{4} 上是 {5} 对 {6}（大小必须相等，或其中一个为 1）',
  'Adds 2 or more tensors element by element, broadcasting like NumPy (sizes agree from the right; a size 1 stretches). It is ResNet\'s shortcut: a block outputs `F(x) + x`, so it only has to learn the residual `F`, and the identity path lets gradients flow through 100+ layers. Transformers add the sublayer output back to its input the same way (`x + Attention(x)`). `a + b` in an expression does the same.': '把 2 个或更多张量逐元素相加，按 NumPy 的规则广播（大小从右往左对齐；大小为 1 的轴会被拉伸）。它就是 ResNet 的残差连接：一个块输出 `F(x) + x`，于是它只需要学习残差 `F`，而恒等映射这条路让梯度能够穿过 100 多层。Transformer 也用同样的方式把子层的输出加回它的输入（`x + Attention(x)`）。表达式里的 `a + b` 效果相同。',
  'Subtracts the second tensor from the first, element by element, with NumPy broadcasting: `a - b`. Takes exactly 2 inputs.': '逐元素地用第一个张量减去第二个张量，按 NumPy 的规则广播：`a - b`。恰好接受 2 个输入。',
  'Multiplies 2 or more tensors element by element, with NumPy broadcasting. Used for gating: squeeze-and-excitation scales each channel (`[B, H, W, C] * [B, 1, 1, C]`), GLU and LSTM gates multiply by a sigmoid, and masks zero out padding.': '把 2 个或更多张量逐元素相乘，按 NumPy 的规则广播。常用于门控：squeeze-and-excitation 给每个通道乘上一个缩放系数（`[B, H, W, C] * [B, 1, 1, C]`），GLU 和 LSTM 的门乘以一个 sigmoid，掩码则把填充的位置清零。',

  // Split
  'Splits a tensor along one axis into several outputs: `Split(3)` cuts `[B, T, 3*d]` into three `[B, T, d]` (the fused query/key/value projection of a transformer), and `Split([64, 32])` cuts 96 channels into 64 and 32. An int needs the axis size to divide by it; a list of sizes must add up to the axis size.': '沿一个轴把张量切成几个输出：`Split(3)` 把 `[B, T, 3*d]` 切成三个 `[B, T, d]`（Transformer 中合在一起的查询/键/值投影），`Split([64, 32])` 把 96 个通道切成 64 和 32。给一个整数时，轴的大小必须能被它整除；给大小列表时，各项之和必须等于轴的大小。',
  'The number of equal parts, or a list with the size of each part.': '等分的份数，或列出每一份大小的列表。',
  'The axis to split; negative counts from the end.': '要切分的轴；负数从末尾数起。',
  'Split: the number of parts must be a known number up to 4096, not {0}': 'Split：份数必须是已知的数，且不超过 4096，而这里是 {0}',
  'Split: axis {0} has size {1}, which does not divide into {2} equal parts': 'Split：轴 {0} 的大小是 {1}，不能平均分成 {2} 份',
  'Split: the list of sizes is empty': 'Split：大小列表是空的',
  'Split: every part needs a size of at least 1, but one is {0}': 'Split：每一份的大小至少为 1，但有一份是 {0}',
  'Split: the sizes {0} add up to {1}, but axis {2} has size {3}': 'Split：各份大小 {0} 加起来是 {1}，但轴 {2} 的大小是 {3}',

  // layers/normalization.ts: a declared size (BatchNorm, LayerNorm)
  '{0}({1}) normalizes {2} features, but the input\'s last axis has {3}: {4}': '{0}({1}) 对 {2} 个特征做归一化，但输入的最后一个轴有 {3} 个：{4}',

  // Dropout
  'During training, sets each element to 0 with probability `rate` and scales the rest by `1 / (1 - rate)`; at inference it does nothing. No unit can rely on any particular other unit, which fights overfitting (AlexNet and VGG use `Dropout(0.5)` in their classifiers, Transformers `Dropout(0.1)` after each sublayer). The shape is unchanged. Training only: `nn train` drops while it trains and not when it evaluates; `nn run`, `nn export` and a pipeline never drop.': '训练时，以概率 `rate` 把每个元素置为 0，并把其余元素乘以 `1 / (1 - rate)`；推理时它什么也不做。这样任何一个单元都不能依赖某个特定的其他单元，从而抑制过拟合（AlexNet 和 VGG 在分类器里用 `Dropout(0.5)`，Transformer 在每个子层之后用 `Dropout(0.1)`）。形状不变。只在训练时起作用：`nn train` 训练时丢弃，评估时不丢弃；`nn run`、`nn export` 和流水线从不丢弃。',
  'The probability of dropping each element, in [0, 1).': '丢弃每个元素的概率，取值在 [0, 1) 内。',
  'Dropout: rate must be below 1 (a rate of 1 drops everything)': 'Dropout：rate 必须小于 1（rate 为 1 会丢弃所有元素）',

  // DropPath
  'Stochastic depth (Huang et al. 2016; `timm`\'s `DropPath`): during training, each example\'s whole input is set to 0 with probability `rate` and the kept ones are scaled by `1 / (1 - rate)`, so the mean is unchanged; at inference it does nothing. It goes at the end of a residual branch, `x + (x -> branch -> DropPath(0.1))`: for each example the block is then sometimes the identity, so a deep network trains as an ensemble of shallower ones (EfficientNet, ViT, Swin and ConvNeXt, often with a rate growing with depth). Never on the skip path, which would drop the whole signal. Unlike Dropout it drops all or nothing of each example. Training only, as Dropout. Shape unchanged, no weights.': '随机深度（Huang 等人 2016；`timm` 的 `DropPath`）：训练时，以概率 `rate` 把每个样本的整个输入置为 0，保留下来的乘以 `1 / (1 - rate)`，使均值不变；推理时它什么也不做。它放在残差分支的末尾，`x + (x -> branch -> DropPath(0.1))`：这样对每个样本来说，这个块有时就是恒等映射，深层网络就像许多较浅网络的集成那样训练（EfficientNet、ViT、Swin 和 ConvNeXt 都这样用，丢弃率常随深度增大）。绝不要把它放在跳跃连接上，那会丢掉整个信号。与 Dropout 不同，它对每个样本要么全丢、要么全留。和 Dropout 一样只在训练时起作用。形状不变，没有权重。',
  'The probability of dropping each example\'s branch, in [0, 1).': '丢弃每个样本这条分支的概率，取值在 [0, 1) 内。',
  'DropPath: rate must be below 1 (a rate of 1 drops every branch)': 'DropPath：rate 必须小于 1（rate 为 1 会丢弃每一条分支）',

  // BatchNorm
  'Batch normalization: normalizes each channel (the last axis) to zero mean and unit variance over the batch and all positions, then applies a learned scale `gamma` and shift `beta`: `y = gamma * (x - mean) / sqrt(var + epsilon) + beta`. During training it keeps running averages of the mean and variance (2*C non-trainable values) and uses them at inference. It lets deep networks train fast with large learning rates; ResNet puts one after every convolution (`Conv2D(..., bias: false) -> BatchNorm -> ReLU`). Shape unchanged; weights `2*C` trainable + `2*C` non-trainable. While training it normalizes with the batch\'s own statistics and updates the averages; when `nn train` evaluates, in `nn run`, an export and a pipeline it uses the averages. Defaults are PyTorch\'s: `momentum: 0.1` weighs the new batch (`running = 0.9*running + 0.1*batch`; Keras\' 0.99 means the same as PyTorch\'s 0.01), `epsilon: 1e-5`.': '批归一化：在整个批和所有位置上，把每个通道（最后一个轴）归一化为均值 0、方差 1，再乘以可学习的缩放 `gamma`、加上可学习的平移 `beta`：`y = gamma * (x - mean) / sqrt(var + epsilon) + beta`。训练时它记录均值和方差的滑动平均（2*C 个不可训练的值），推理时就用这些平均值。它让深层网络能用较大的学习率快速训练；ResNet 在每个卷积后面都放一个（`Conv2D(..., bias: false) -> BatchNorm -> ReLU`）。形状不变；权重为 `2*C` 个可训练 + `2*C` 个不可训练。训练时它用这一批自己的统计量做归一化，并更新滑动平均；`nn train` 评估时，以及在 `nn run`、导出和流水线中，它用滑动平均。默认值与 PyTorch 相同：`momentum: 0.1` 是新一批所占的权重（`running = 0.9*running + 0.1*batch`；Keras 的 0.99 相当于 PyTorch 的 0.01），`epsilon: 1e-5`。',
  'The number of channels, as PyTorch\'s `BatchNorm2d(64)` writes it; optional, checked against the input\'s last axis.': '通道数，写法同 PyTorch 的 `BatchNorm2d(64)`；可以省略，给出时会与输入的最后一个轴核对。',
  'PyTorch-style: the weight of the current batch in the running statistics.': 'PyTorch 的约定：当前这一批在滑动统计量中所占的权重。',
  'Added to the variance before the square root, for stability.': '在开平方根之前加到方差上，保证数值稳定。',
  'Learn the scale `gamma` and shift `beta` (2*C weights).': '学习缩放 `gamma` 和平移 `beta`（2*C 个权重）。',

  // LayerNorm
  'Layer normalization: normalizes each position\'s feature vector (the last axis) to zero mean and unit variance, then applies a learned per-feature scale and bias: `y = (x - mean) / sqrt(var + epsilon) * gamma + beta`. Unlike BatchNorm it does not depend on the batch, so it works the same in training and inference and for any sequence length; Transformers use it around every sublayer to keep the values from drifting as layers stack (`LayerNorm(x + Attention(x))`). On `[B, H, W, C]` it is SAM\'s `LayerNorm2d` (per pixel, over channels). Shape unchanged; weights `2*d` (`LayerNorm` on 512 features: 1,024).': '层归一化：把每个位置的特征向量（最后一个轴）归一化为均值 0、方差 1，再逐特征乘以可学习的缩放、加上可学习的偏置：`y = (x - mean) / sqrt(var + epsilon) * gamma + beta`。与 BatchNorm 不同，它不依赖批，所以训练和推理时的计算完全一样，也适用于任意序列长度；Transformer 在每个子层周围都用它，防止层层堆叠时数值发生漂移（`LayerNorm(x + Attention(x))`）。作用在 `[B, H, W, C]` 上时，它就是 SAM 的 `LayerNorm2d`（逐像素，在通道上归一化）。形状不变；权重 `2*d` 个（512 个特征的 `LayerNorm`：1,024 个）。',
  'The size of the last axis, as PyTorch\'s `LayerNorm(512)` writes it; optional, checked against the input.': '最后一个轴的大小，写法同 PyTorch 的 `LayerNorm(512)`；可以省略，给出时会与输入核对。',
  'Added to the variance before the square root (PyTorch 1e-5; SAM uses 1e-6).': '在开平方根之前加到方差上（PyTorch 用 1e-5；SAM 用 1e-6）。',
  'Learn a per-feature scale `gamma`.': '逐特征学习缩放 `gamma`。',
  'Learn a per-feature bias `beta`.': '逐特征学习偏置 `beta`。',

  // GroupNorm
  'Group normalization: splits the channels (last axis) into `groups` groups and normalizes each group over its channels and all positions of one example, then applies a learned per-channel scale and bias. It does not depend on the batch size, so detection and segmentation models trained with small batches use it instead of BatchNorm. `groups: 1` normalizes all channels together (like LayerNorm over `[H, W, C]`); `groups = C` is instance norm. Shape unchanged; weights `2*C`.': '组归一化：把通道（最后一个轴）分成 `groups` 组，在一个样本之内，对每组在它的通道和所有位置上做归一化，再逐通道乘以可学习的缩放、加上可学习的偏置。它不依赖批大小，所以用小批训练的检测和分割模型用它代替 BatchNorm。`groups: 1` 把所有通道放在一起归一化（相当于在 `[H, W, C]` 上做 LayerNorm）；`groups = C` 就是实例归一化。形状不变；权重 `2*C` 个。',
  'The number of channel groups; the channels must divide by it.': '通道分组的数目；通道数必须能被它整除。',
  'Added to the variance before the square root.': '在开平方根之前加到方差上。',
  'Learn a per-channel scale and bias (2*C weights).': '逐通道学习缩放和偏置（2*C 个权重）。',
  'GroupNorm: the channels ({0}) must divide by groups ({1})': 'GroupNorm：通道数（{0}）必须能被 groups（{1}）整除',

  // LocalResponseNorm
  'Local response normalization across channels, from the original AlexNet: each value is divided by `(k + alpha/size * sum of squares over the size neighbouring channels)^beta`, so strongly active channels damp their neighbours ("lateral inhibition"). AlexNet used `size: 5, k: 2, alpha: 1e-4, beta: 0.75` after its first two convolutions; later networks dropped it for BatchNorm. Defaults are PyTorch\'s. Shape unchanged, no weights.': '跨通道的局部响应归一化，来自最初的 AlexNet：每个值除以 `(k + alpha/size * sum of squares over the size neighbouring channels)^beta`，于是强烈激活的通道会抑制它的邻居（“侧抑制”）。AlexNet 在前两个卷积之后用了 `size: 5, k: 2, alpha: 1e-4, beta: 0.75`；后来的网络改用 BatchNorm，不再用它。默认值与 PyTorch 相同。形状不变，没有权重。',
  'The number of neighbouring channels summed over.': '求和时覆盖的相邻通道数。',
  'The scale of the sum of squares.': '平方和的缩放系数。',
  'The exponent.': '指数。',
  'The additive constant (the AlexNet paper: 2).': '加性常数（AlexNet 论文中为 2）。',

  // layers/pooling.ts: the parameters of MaxPool1D/2D and AvgPool1D/2D
  'The window size: an int, or `[ph, pw]`.': '窗口大小：一个整数，或 `[ph, pw]`。',
  'The step between windows: an int, or `[ph, pw]`. Left out: the window size (non-overlapping windows).': '窗口之间的步幅：一个整数，或 `[ph, pw]`。省略时等于窗口大小（窗口互不重叠）。',
  'The window size: an int.': '窗口大小：一个整数。',
  'The step between windows: an int. Left out: the window size (non-overlapping windows).': '窗口之间的步幅：一个整数。省略时等于窗口大小（窗口互不重叠）。',
  '`"valid"` (none), `"same"` (output `ceil(L / stride)`), or an int: implicit padding on each side (PyTorch; at most half the window).': '`"valid"`（不填充）、`"same"`（输出为 `ceil(L / stride)`），或一个整数：在每一侧隐式填充的大小（与 PyTorch 相同；最多为窗口的一半）。',
  'PyTorch\'s `ceil_mode`: round the output size up, keeping a last partial window (one that starts inside the input).': 'PyTorch 的 `ceil_mode`：输出大小向上取整，保留最后一个不完整的窗口（它必须从输入内部开始）。',

  // the windows of MaxPool1D/2D and AvgPool1D/2D (the axes and the window name complete a message of layers/common.ts)
  '{0}: padding must not be negative, but is {1}': '{0}：padding 不能为负数，这里是 {1}',
  '{0}: padding ({1}) must be at most half the window ({2}), as in PyTorch': '{0}：padding（{1}）最多为窗口（{2}）的一半，与 PyTorch 相同',
  'height': '高度',
  'width': '宽度',
  'length': '长度',
  'pooling window': '池化窗口',

  // MaxPool2D, AvgPool2D, MaxPool1D, AvgPool1D
  'Max pooling over `pool x pool` windows of an image `[B, H, W, C]`: each output is the largest value of one window, channel by channel, with no weights. It shrinks the image and makes the features tolerant to small shifts. Output size per axis: `floor((L + 2*padding - pool) / stride) + 1` (`ceil` with `ceil_mode`; `"same"`: `ceil(L / stride)`); the stride defaults to the window size. VGG ends each block with `MaxPool2D(2)`, which halves the image (`[B, H, W, C] -> [B, H/2, W/2, C]`); ResNet and AlexNet use overlapping `MaxPool2D(3, stride: 2)`.': '在图像 `[B, H, W, C]` 的 `pool x pool` 窗口上做最大池化：每个输出是一个窗口里的最大值，各通道分别计算，没有权重。它让图像变小，也让特征对小的平移不那么敏感。每个轴的输出大小：`floor((L + 2*padding - pool) / stride) + 1`（开启 `ceil_mode` 时用 `ceil`；`"same"` 时为 `ceil(L / stride)`）；步幅默认等于窗口大小。VGG 在每个块的末尾用 `MaxPool2D(2)` 把图像缩小一半（`[B, H, W, C] -> [B, H/2, W/2, C]`）；ResNet 和 AlexNet 用相互重叠的 `MaxPool2D(3, stride: 2)`。',
  'Average pooling over `pool x pool` windows of an image `[B, H, W, C]`: each output is the average of one window, channel by channel, with no weights. It shrinks the image and makes the features tolerant to small shifts. Output size per axis: `floor((L + 2*padding - pool) / stride) + 1` (`ceil` with `ceil_mode`; `"same"`: `ceil(L / stride)`); the stride defaults to the window size. It smooths rather than picks; LeNet used it, and DenseNet\'s transitions halve the image with `AvgPool2D(2)`.': '在图像 `[B, H, W, C]` 的 `pool x pool` 窗口上做平均池化：每个输出是一个窗口的平均值，各通道分别计算，没有权重。它让图像变小，也让特征对小的平移不那么敏感。每个轴的输出大小：`floor((L + 2*padding - pool) / stride) + 1`（开启 `ceil_mode` 时用 `ceil`；`"same"` 时为 `ceil(L / stride)`）；步幅默认等于窗口大小。它做的是平滑，而不是挑选；LeNet 用过它，DenseNet 的过渡层也用 `AvgPool2D(2)` 把图像缩小一半。',
  'Max pooling over windows of `pool` steps of a sequence `[B, T, C]`: each output is the largest value of one window, channel by channel, with no weights. It shrinks the sequence and makes the features tolerant to small shifts. Output size per axis: `floor((L + 2*padding - pool) / stride) + 1` (`ceil` with `ceil_mode`; `"same"`: `ceil(L / stride)`); the stride defaults to the window size. Text and audio CNNs use it to shorten a sequence while keeping the strongest response of each feature in every window.': '在序列 `[B, T, C]` 上按每 `pool` 步一个窗口做最大池化：每个输出是一个窗口里的最大值，各通道分别计算，没有权重。它让序列变短，也让特征对小的平移不那么敏感。每个轴的输出大小：`floor((L + 2*padding - pool) / stride) + 1`（开启 `ceil_mode` 时用 `ceil`；`"same"` 时为 `ceil(L / stride)`）；步幅默认等于窗口大小。文本和音频的 CNN 用它缩短序列，同时保留每个特征在每个窗口里最强的响应。',
  'Average pooling over windows of `pool` steps of a sequence `[B, T, C]`: each output is the average of one window, channel by channel, with no weights. It shrinks the sequence and makes the features tolerant to small shifts. Output size per axis: `floor((L + 2*padding - pool) / stride) + 1` (`ceil` with `ceil_mode`; `"same"`: `ceil(L / stride)`); the stride defaults to the window size. It shortens a sequence by averaging neighbouring steps: a cheap, smoothing downsampling of audio or time series.': '在序列 `[B, T, C]` 上按每 `pool` 步一个窗口做平均池化：每个输出是一个窗口的平均值，各通道分别计算，没有权重。它让序列变短，也让特征对小的平移不那么敏感。每个轴的输出大小：`floor((L + 2*padding - pool) / stride) + 1`（开启 `ceil_mode` 时用 `ceil`；`"same"` 时为 `ceil(L / stride)`）；步幅默认等于窗口大小。它把相邻的时间步平均起来以缩短序列：对音频或时间序列来说，这是一种代价很小、带平滑作用的下采样。',

  // GlobalAvgPool, GlobalMaxPool
  'Global average pooling: the mean of each channel over all positions, `[B, H, W, C] -> [B, C]` (or a sequence `[B, T, C] -> [B, C]`); with `keepdims: true` the pooled axes stay as 1s (`[B, 1, 1, C]`). ResNet, GoogLeNet and most modern CNNs end with it instead of a large dense layer: the classifier sees one number per channel, whatever the image size.': '全局平均池化：对每个通道在所有位置上求平均，`[B, H, W, C] -> [B, C]`（序列则是 `[B, T, C] -> [B, C]`）；设置 `keepdims: true` 时，被池化的轴保留为大小 1（`[B, 1, 1, C]`）。ResNet、GoogLeNet 和大多数现代 CNN 都用它收尾，而不是接一个很大的全连接层：无论图像多大，分类器看到的都是每个通道一个数。',
  'Keep the pooled axes as size 1 (`[B, 1, 1, C]`).': '把被池化的轴保留为大小 1（`[B, 1, 1, C]`）。',
  '{0} expects a rank-3 [B, T, C] or rank-4 [B, H, W, C] input, but got rank {1}: {2}': '{0} 的输入应为秩 3 的 [B, T, C] 或秩 4 的 [B, H, W, C]，这里的秩是 {1}：{2}',
  'Global max pooling: the largest value of each channel over all positions, `[B, H, W, C] -> [B, C]` (or a sequence `[B, T, C] -> [B, C]`); with `keepdims: true` the pooled axes stay as 1s (`[B, 1, 1, C]`). It keeps the strongest response of each feature anywhere in the input (a text CNN\'s max-over-time pooling).': '全局最大池化：对每个通道在所有位置上取最大值，`[B, H, W, C] -> [B, C]`（序列则是 `[B, T, C] -> [B, C]`）；设置 `keepdims: true` 时，被池化的轴保留为大小 1（`[B, 1, 1, C]`）。它保留每个特征在输入任意位置上最强的响应（文本 CNN 在时间上的最大池化）。',

  // AdaptiveAvgPool2D
  'Average pooling to a fixed output size, whatever the input size (PyTorch `AdaptiveAvgPool2d`): `[B, H, W, C] -> [B, h, w, C]`. Output cell `i` averages rows `floor(i*H/h)` to `ceil((i+1)*H/h) - 1`, so the windows adapt (and may overlap) to cover the image exactly. torchvision\'s AlexNet and VGG put `AdaptiveAvgPool2D(6)` / `(7)` before the classifier so any image size gives the same number of features; `AdaptiveAvgPool2D(1)` is global average pooling that keeps the spatial axes.': '把输入池化到固定的输出大小，不管输入多大（PyTorch 的 `AdaptiveAvgPool2d`）：`[B, H, W, C] -> [B, h, w, C]`。输出的第 `i` 格对第 `floor(i*H/h)` 行到第 `ceil((i+1)*H/h) - 1` 行求平均，所以窗口会自行调整（也可能相互重叠），恰好覆盖整幅图像。torchvision 的 AlexNet 和 VGG 在分类器前放了 `AdaptiveAvgPool2D(6)` / `(7)`，这样任何大小的图像都得到同样数量的特征；`AdaptiveAvgPool2D(1)` 就是保留空间轴的全局平均池化。',
  'The output size: an int (square), or `[h, w]`.': '输出大小：一个整数（正方形），或 `[h, w]`。',

  // layers/reshaping.ts: Flatten
  'Flattens every axis but the batch into one (Keras `Flatten`): `[B, H, W, C] -> [B, H*W*C]`. Put it between the convolutional features and the dense classifier (VGG: `[B, 7, 7, 512] -> [B, 25088]`); a Dense layer on an image needs it first.': '把除批轴以外的所有轴展平成一个（Keras 的 `Flatten`）：`[B, H, W, C] -> [B, H*W*C]`。把它放在卷积特征和全连接分类器之间（VGG：`[B, 7, 7, 512] -> [B, 25088]`）；在图像上用 Dense 层之前，必须先用它展平。',

  // Reshape
  'Gives the elements of each example a new shape (Keras `Reshape`): `shape` leaves out the batch axis, so `Reshape([7, 7, 64])` turns `[B, 3136]` into `[B, 7, 7, 64]` (a GAN generator going from a dense vector to an image). One entry may be `-1`, inferred from the rest. The element count must not change; symbolic sizes are fine (`Reshape([T, heads, d/heads])` splits attention heads).': '给每个样本的元素换一个形状（Keras 的 `Reshape`）：`shape` 不包含批轴，所以 `Reshape([7, 7, 64])` 把 `[B, 3136]` 变成 `[B, 7, 7, 64]`（GAN 的生成器就这样从一个全连接层的向量得到一幅图像）。其中一项可以是 `-1`，由其余各项推断出来。元素总数不能改变；符号大小也可以（`Reshape([T, heads, d/heads])` 把注意力拆成多个头）。',
  'The target shape without the batch axis; one entry may be `-1` (inferred).': '不含批轴的目标形状；其中一项可以是 `-1`（自动推断）。',
  'Reshape: only one entry of the shape may be -1, but {0} has {1}': 'Reshape：形状里最多只能有一个 -1，但 {0} 有 {1} 个',
  'Reshape: sizes must be at least 1 (or -1 to infer one), but {0} has {1}': 'Reshape：每个大小至少为 1（或用 -1 让它自动推断），但 {0} 里有 {1}',
  'Reshape: {0} elements per example do not divide into {1}: {2} / {3} is not whole': 'Reshape：每个样本的 {0} 个元素无法排成 {1}：{2} / {3} 不是整数',
  'Reshape: the input has {0} elements per example ({1}), but {2} holds {3}': 'Reshape：输入每个样本有 {0} 个元素（{1}），但 {2} 容纳的是 {3} 个',

  // Permute (and Transpose: the axes after the batch)
  'Reorders the axes of each example (Keras `Permute`): `dims` numbers the axes from 1 and leaves out the batch axis, which never moves. `Permute([2, 1])` swaps time and features, `[B, T, d] -> [B, d, T]`; `Permute([3, 1, 2])` turns `[B, H, W, C]` into channels-first `[B, C, H, W]`. (The function `transpose(x, perm)` permutes every axis, batch included, 0-based.)': '重新排列每个样本的轴（Keras 的 `Permute`）：`dims` 从 1 开始给轴编号，不包含批轴，批轴永远不动。`Permute([2, 1])` 交换时间和特征，`[B, T, d] -> [B, d, T]`；`Permute([3, 1, 2])` 把 `[B, H, W, C]` 变成通道在前的 `[B, C, H, W]`。（函数 `transpose(x, perm)` 则排列包括批轴在内的所有轴，从 0 开始编号。）',
  'A permutation of `1..rank-1`: output axis i is input axis `dims[i]` (the batch axis 0 stays first).': '`1..rank-1` 的一个排列：输出的第 i 个轴是输入的第 `dims[i]` 个轴（批轴 0 始终在最前）。',
  '{0} expects a rank-{1} input, but got rank {2}: {3}': '{0} 的输入应为秩 {1} 的张量，这里的秩是 {2}：{3}',
  '{0}: axis {1} is out of range; the batch axis 0 stays first and the others are 1 to {2}': '{0}：轴 {1} 超出范围；批轴 0 始终在最前，其余的轴为 1 到 {2}',
  '{0}: axis {1} appears twice; {2} must be a permutation': '{0}：轴 {1} 出现了两次；{2} 必须是一个排列',

  // Transpose
  'Reorders the axes, as the function `transpose` does, but as a layer you can name and put in a pipeline: `perm` lists every axis, batch included, numbered from 0, and the batch axis must stay first. `Transpose([0, 2, 1])` turns `[B, T, d]` into `[B, d, T]`; `Transpose([0, 3, 1, 2])` turns channels-last `[B, H, W, C]` into channels-first `[B, C, H, W]`. (Keras-style `Permute` numbers from 1 without the batch axis.)': '像函数 `transpose` 那样重新排列轴，不过它是一个层，可以命名，也可以放进流水线：`perm` 列出包括批轴在内的所有轴，从 0 开始编号，而且批轴必须留在最前。`Transpose([0, 2, 1])` 把 `[B, T, d]` 变成 `[B, d, T]`；`Transpose([0, 3, 1, 2])` 把通道在后的 `[B, H, W, C]` 变成通道在前的 `[B, C, H, W]`。（Keras 风格的 `Permute` 从 1 开始编号，不含批轴。）',
  'A permutation of `0..rank-1` that starts with 0: output axis i is input axis `perm[i]`.': '`0..rank-1` 的一个以 0 开头的排列：输出的第 i 个轴是输入的第 `perm[i]` 个轴。',
  'Transpose: the batch axis must stay first (perm[0] = 0), but perm is {0}': 'Transpose：批轴必须留在最前（perm[0] = 0），但 perm 是 {0}',

  // layers/resizing.ts: UpSampling2D
  'Enlarges an image `[B, H, W, C] -> [B, H*size, W*size, C]` by repeating each pixel (`"nearest"`) or interpolating between neighbours (`"bilinear"`), with no weights. YOLOv3 upsamples its coarse feature map by 2 to merge it with a finer one; GAN generators and U-Net decoders use it followed by a convolution as an alternative to a transposed convolution (which can leave checkerboard artifacts).': '把图像放大，`[B, H, W, C] -> [B, H*size, W*size, C]`：重复每个像素（`"nearest"`），或在相邻像素之间插值（`"bilinear"`），没有权重。YOLOv3 把粗糙的特征图上采样 2 倍，再与更精细的特征图合并；GAN 的生成器和 U-Net 的解码器在它后面接一个卷积，用来代替转置卷积（转置卷积可能留下棋盘格伪影）。',
  'The upsampling factor: an int, or `[sh, sw]`.': '上采样倍数：一个整数，或 `[sh, sw]`。',
  '`"nearest"` repeats pixels; `"bilinear"` interpolates linearly in both directions.': '`"nearest"` 重复像素；`"bilinear"` 在两个方向上做线性插值。',

  // ZeroPadding2D
  'Adds rows and columns of zeros around an image: `[B, H, W, C] -> [B, H + top + bottom, W + left + right, C]`. A convolution\'s `padding` does this inside the layer; a separate ZeroPadding2D allows uneven padding (ResNet in Keras pads by 3 before its 7x7 stride-2 convolution, and by 1 before the max pool, to match PyTorch\'s symmetric padding).': '在图像四周补上几行几列零：`[B, H, W, C] -> [B, H + top + bottom, W + left + right, C]`。卷积的 `padding` 在层内部做同样的事；单独的 ZeroPadding2D 允许四边不一样的填充（Keras 版的 ResNet 在 7x7、步幅 2 的卷积前填充 3，在最大池化前填充 1，以便与 PyTorch 的对称填充一致）。',
  'The zeros to add: an int (every side), `[ph, pw]` (top and bottom, left and right), or `[[top, bottom], [left, right]]`.': '要补的零：一个整数（每一侧相同）、`[ph, pw]`（上下、左右），或 `[[top, bottom], [left, right]]`。',

  // Cropping2D
  'Removes rows and columns from the edges of an image: `[B, H, W, C] -> [B, H - top - bottom, W - left - right, C]`. The original U-Net crops the encoder\'s larger feature maps to the decoder\'s size before concatenating them (its unpadded convolutions shrink the image).': '从图像边缘去掉几行几列：`[B, H, W, C] -> [B, H - top - bottom, W - left - right, C]`。原始的 U-Net 在拼接之前，先把编码器较大的特征图裁剪到解码器的大小（它的卷积不做填充，会让图像变小）。',
  'The rows and columns to remove: an int (every side), `[ph, pw]` (top and bottom, left and right), or `[[top, bottom], [left, right]]`.': '要去掉的行和列：一个整数（每一侧相同）、`[ph, pw]`（上下、左右），或 `[[top, bottom], [left, right]]`。',
  'cropping': '裁剪量',

  // apply-layer.ts: the inputs, the initialiser arguments, a size argument
  '{0} to {1}': '{0} 到 {1}',
  '{0} takes {1} input tensor ({2}), but got {3}': '{0} 接受 {1} 个输入张量（{2}），这里给了 {3} 个',
  '{0} takes {1} input tensors ({2}), but got {3}': '{0} 接受 {1} 个输入张量（{2}），这里给了 {3} 个',
  '{0} expects {1} input, but the input is {2}': '{0} 的输入应为 {1} 类型，但这里的输入是 {2}',
  ' or ': ' 或 ',
  '{0} expects {1} input, but {2} is {3}': '{0} 的输入应为 {1} 类型，但 {2} 是 {3}',
  'Change to "{0}"': '改为 "{0}"',
  '{0}: {1}': '{0}：{1}',
  '{0}: "pytorch" names no default here (PyTorch has no module like it); say how it starts, e.g. "normal(0, 0.02)"': '{0}："pytorch" 在这里不代表任何默认值（PyTorch 没有与它对应的模块）；请直接写出它怎样初始化，例如 "normal(0, 0.02)"',
  '{0}: \'{1}\' starts a weight the layer does not have ({2}: false)': '{0}：\'{1}\' 要初始化的权重在这一层里并不存在（{2}: false）',
  '{0}: \'{1}\' needs 1 or {2} values, but has {3}': '{0}：\'{1}\' 需要 1 个或 {2} 个值，这里有 {3} 个',

  // initializers.ts: an initialiser string
  '"{0}" is not an initialiser: write a name, with numbers in brackets where it takes them ("he_normal", "normal(0, 0.02)")': '"{0}" 不是初始化器：请写初始化器的名字，它有参数时把数字写在括号里（"he_normal"、"normal(0, 0.02)"）',
  'unknown initialiser \'{0}\'; did you mean \'{1}\'? (initialisers: {2})': '未知的初始化器 \'{0}\'；你是不是想写 \'{1}\'？（可用的初始化器：{2}）',
  'unknown initialiser \'{0}\' (initialisers: {1})': '未知的初始化器 \'{0}\'（可用的初始化器：{1}）',
  '\'{0}\' is not a number': '\'{0}\' 不是数字',
  'takes no numbers': '不接受数字参数',
  'has no parameter \'{0}\' (parameters: {1})': '没有参数 \'{0}\'（它的参数有：{1}）',
  '\'{0}\' is given twice': '\'{0}\' 给了两次',
  'one number is ambiguous: write both {0} and {1} ("{2}({3}, {4})"), or name it ("{5}({6}: {7})")': '只给一个数字会有歧义：要么把 {0} 和 {1} 都写出来（"{2}({3}, {4})"），要么写明它是哪个参数（"{5}({6}: {7})"）',
  'needs \'{0}\' ("{1}({2})")': '需要 \'{0}\'（"{1}({2})"）',
  'takes at most 1 number ({0})': '最多接受 1 个数字（{0}）',
  'takes at most {0} numbers ({1})': '最多接受 {0} 个数字（{1}）',
  'std must be at least 0, but is {0}': 'std 不能小于 0，这里是 {0}',
  'high ({0}) must be above low ({1})': 'high（{0}）必须大于 low（{1}）',
};
