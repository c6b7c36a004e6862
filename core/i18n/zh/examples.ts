// Chinese for the doc comments (`///`) of the bundled specs in examples/.
// Keys are the docs exactly as the parser stores them (`doc` on the AST), so
// a hover in a Chinese editor shows the teaching comment in Chinese while the
// file itself stays in English; a doc that is edited no longer matches and
// shows as written. Grouped by file, in the order of the language guide's
// tour; a doc that two files share is translated once, where it first occurs.

export const EXAMPLES: Readonly<Record<string, string>> = {
  // examples/mlp.nn
  'A multi-layer perceptron: 784 pixels -> 128 hidden units -> 10 digits.': '多层感知机：784 个像素 -> 128 个隐藏单元 -> 10 个数字。',
  'A batch of flattened 28x28 grey images.': '一批展平后的 28x28 灰度图像。',
  'Train on the 10,000 real MNIST digits: 80% to learn from, 20% to test on.': '用 MNIST 的 10,000 个真实手写数字训练：80% 用来学习，20% 用来测试。',

  // examples/backprop.nn
  'One layer of the plain network: a sigmoid, then a Dense layer.': '普通网络的一层：先是 sigmoid，再是一个 Dense 层。',
  'The same layer with a skip connection around it: x + F(x).': '同一层，但绕着它加了一条跳跃连接：x + F(x)。',
  '22 Dense layers: 784 pixels -> width, `depth` plain layers, -> 10 digits.': '22 个 Dense 层：784 个像素 -> width，`depth` 个普通层，-> 10 个数字。',
  // "A batch of flattened 28x28 grey images.": with examples/mlp.nn above
  'The residual twin: the same layers, each with a skip connection.': '残差版的孪生网络：同样的层，每层都加了一条跳跃连接。',
  'Plain SGD, so that an update is exactly w <- w - lr * d(loss)/d(w).': '普通的 SGD，这样一次参数更新恰好就是 w <- w - lr * d(loss)/d(w)。',
  'The same settings and seed for the twin: the same data and first batch.': '孪生网络用同样的设置和随机种子：数据相同，第一批也相同。',

  // examples/vgg.nn
  '`convs` 3x3 convolutions with `filters` channels, then a 2x2 pool that halves the size.': '`convs` 个有 `filters` 个通道的 3x3 卷积，再接一个把尺寸减半的 2x2 池化。',
  'The three fully connected layers on top of the 7x7x512 features.': '顶部的三个全连接层，作用在 7x7x512 的特征上。',
  'VGG-11 (configuration A): 8 convolutions + 3 dense layers.': 'VGG-11（配置 A）：8 个卷积层 + 3 个全连接层。',
  'VGG-16 (configuration D): 13 convolutions + 3 dense layers.': 'VGG-16（配置 D）：13 个卷积层 + 3 个全连接层。',
  'A small VGG for 28x28 digits: the same blocks, trainable on a laptop CPU.': '面向 28x28 手写数字的小号 VGG：块相同，在笔记本电脑的 CPU 上就能训练。',

  // examples/resnet.nn
  'The shortcut when a block changes the size or the channels: a 1x1 convolution with the block\'s stride.': '块改变尺寸或通道数时用的捷径：一个 1x1 卷积，步幅与块相同。',
  'Two 3x3 convolutions and an identity shortcut (ResNet-18 and -34).': '两个 3x3 卷积加一条恒等捷径（ResNet-18 和 -34）。',
  '1x1 down, 3x3, 1x1 up (x4): the bottleneck block of ResNet-50 and deeper.': '1x1 降维，3x3，1x1 升维（x4）：ResNet-50 及更深网络的瓶颈块。',
  'A stage of basic blocks: the first may halve the size, the rest keep it.': '由基本块组成的一个阶段：第一个块可以把尺寸减半，其余的保持尺寸不变。',
  'A stage of bottleneck blocks.': '由瓶颈块组成的一个阶段。',
  'The stem: a 7x7 stride-2 convolution and a 3x3 stride-2 pool, 224 -> 56.': '主干（stem）：一个步幅为 2 的 7x7 卷积和一个步幅为 2 的 3x3 池化，224 -> 56。',
  'A small ResNet for 28x28 digits, trainable on a laptop CPU.': '面向 28x28 手写数字的小号 ResNet，在笔记本电脑的 CPU 上就能训练。',

  // examples/gan.nn
  'G: 100 numbers of noise -> a 28x28 grey image in [-1, 1]. 1,486,352 weights.': 'G：100 个噪声数 -> 一张取值在 [-1, 1] 内的 28x28 灰度图像。共 1,486,352 个权重。',
  'The random noise z, e.g. normal([B, 100]).': '随机噪声 z，例如 normal([B, 100])。',
  'D: a 28x28 image -> the probability that it is real. 533,505 weights.': 'D：一张 28x28 的图像 -> 它是真实图像的概率。共 533,505 个权重。',
  'Train G and D in turn on real MNIST digits: one D step, one G step, repeated.\nThe noise is one batch of z: [B, 100], where B is the batch size.':
    '在真实的 MNIST 手写数字上轮流训练 G 和 D：D 走一步，G 走一步，如此反复。噪声是一批 z：[B, 100]，其中 B 是批大小。',
  'G for the ring: 8 numbers of noise -> a point (x, y).': '圆环上的 G：8 个噪声数 -> 一个点 (x, y)。',
  'D for the ring: a point (x, y) -> the probability that it is real.': '圆环上的 D：一个点 (x, y) -> 它是真实样本的概率。',

  // examples/attention.nn
  'Single-head self-attention: one set of Q, K, V, all three from the same X.': '单头自注意力：一组 Q、K、V，三者都来自同一个 X。',
  'X: T elements of d features each.': 'X：T 个元素，每个有 d 个特征。',
  'Multi-head self-attention from primitives: `heads` sets of Q, K, V, each\nof d/heads features. Its weights are those of the built-in\n`MultiHeadAttention(heads, d)` and of PyTorch\'s `nn.MultiheadAttention(d, heads)`:\nthree d x d projections (Q, K, V, all heads together) and one d x d output\nprojection, each with a bias: 4*d*d + 4*d = 1,050,624 for d = 512.':
    '用基本运算搭出的多头自注意力：`heads` 组 Q、K、V，每组有d/heads 个特征。它的权重与内置的 `MultiHeadAttention(heads, d)`以及 PyTorch 的 `nn.MultiheadAttention(d, heads)` 相同：三个 d x d 的投影（Q、K、V，所有头合在一起）和一个 d x d 的输出投影，各带一个偏置：d = 512 时为 4*d*d + 4*d = 1,050,624。',
  'The same layer, causal: the masked self-attention of a decoder.': '同一层的因果版本：解码器中的掩码自注意力。',
  'The built-in layer, for comparison: the same 1,050,624 weights as\n`MultiHeadSelfAttention` above and PyTorch\'s `nn.MultiheadAttention(512, 8)`.\nWith one input it is self-attention (query = key = value = x).':
    '内置的层，用来对照：权重同样是 1,050,624 个，与上面的`MultiHeadSelfAttention` 以及 PyTorch 的 `nn.MultiheadAttention(512, 8)` 相同。只有一个输入时它就是自注意力（query = key = value = x）。',
  'Cross-attention, for contrast: the queries come from one sequence (a\ndecoder\'s [B, T, d]) while the keys and values come from another (the\nencoder\'s output, its "memory" [B, S, d]): each of the T positions looks\nover the S positions of the other sequence. Same weights again: 1,050,624.':
    '交叉注意力，用来对比：查询（Q）来自一个序列（解码器的 [B, T, d]），而键（K）和值（V）来自另一个序列（编码器的输出，即它的“记忆” [B, S, d]）：T 个位置中的每一个都去看另一个序列的 S 个位置。权重仍然相同：1,050,624。',

  // examples/gpt.nn
  'One GPT-2 block: masked self-attention and the MLP, each after a LayerNorm\nand added back to its input (7,087,872 weights at 12 heads, d = 768).':
    '一个 GPT-2 块：掩码自注意力和 MLP，各自前面有一个 LayerNorm，结果再加回它的输入（12 个头、d = 768 时共 7,087,872 个权重）。',
  'GPT-2 small: 12 blocks of width 768 over a 50,257-token vocabulary and a\ncontext of 1,024 positions; the head is the token embedding, transposed.':
    'GPT-2 small：12 个宽度为 768 的块，词表有 50,257 个词元，上下文有 1,024 个位置；输出头就是词元嵌入矩阵的转置。',
  'The same network, small: 2 blocks of width 32 over 64 tokens.': '同一个网络的小号版本：2 个宽度为 32 的块，词表只有 64 个词元。',

  // examples/transformer.nn
  'One encoder layer: self-attention, then a position-wise feed-forward\nnetwork, each wrapped in dropout, a residual addition and a LayerNorm.\n3,152,384 weights at (8, 512, 2048), as PyTorch\'s nn.TransformerEncoderLayer.':
    '一个编码器层：先是自注意力，再是逐位置的前馈网络，每一步都包上丢弃（Dropout）、残差相加和一个 LayerNorm。参数为 (8, 512, 2048) 时共 3,152,384 个权重，与 PyTorch 的 nn.TransformerEncoderLayer 相同。',
  'One decoder layer: masked self-attention over the target so far, then\ncross-attention (queries from the target, keys and values from the\nencoder\'s memory), then the feed-forward network; each with Add & Norm.\n4,204,032 weights at (8, 512, 2048), as PyTorch\'s nn.TransformerDecoderLayer.':
    '一个解码器层：先对目前为止的目标序列做掩码自注意力，再做交叉注意力（查询来自目标序列，键和值来自编码器的记忆），最后是前馈网络；每一步都有 Add & Norm。参数为 (8, 512, 2048) 时共 4,204,032 个权重，与 PyTorch 的 nn.TransformerDecoderLayer 相同。',
  'The encoder (left of the figure): N encoder layers and a final LayerNorm.': '编码器（图的左半边）：N 个编码器层，最后再接一个 LayerNorm。',
  'The decoder (right of the figure): N decoder layers, each attending to the\nsame memory, and a final LayerNorm.':
    '解码器（图的右半边）：N 个解码器层，每层都关注同一份记忆，最后再接一个 LayerNorm。',
  'PyTorch\'s nn.Transformer() with its defaults: d = 512, 8 heads, a 2048-wide\nfeed-forward network, dropout 0.1, 6 encoder and 6 decoder layers.\nIt takes sequences that are already embedded: 44,140,544 weights.':
    '采用默认设置的 PyTorch nn.Transformer()：d = 512，8 个头，宽 2048 的前馈网络，丢弃率 0.1，6 个编码器层和 6 个解码器层。它接收已经嵌入好的序列：共 44,140,544 个权重。',
  'The embedded source sentence, S positions.': '嵌入后的源语句，共 S 个位置。',
  'The embedded target sentence so far, T positions (shifted right in training).': '嵌入后的、目前为止的目标语句，共 T 个位置（训练时右移一位）。',
  'The whole translation model of the paper (base size): token ids in,\na probability for every word of the vocabulary at every target position out.\n82,065,544 weights at vocab 37,000: the core, one shared 37,000 x 512\nembedding and the 512 -> 37,000 output projection.':
    '论文中完整的翻译模型（base 规模）：输入词元 id，输出每个目标位置上词表中每个词的概率。词表为 37,000 时共 82,065,544 个权重：核心部分、一个共享的 37,000 x 512 嵌入矩阵，以及 512 -> 37,000 的输出投影。',
  'Source token ids.': '源序列的词元 id。',
  'Target token ids (shifted right: the decoder predicts token t+1 from 0..t).': '目标序列的词元 id（右移一位：解码器根据 0..t 预测第 t+1 个词元）。',
  'The same architecture, small enough to train on a laptop CPU: a 16-token\nvocabulary, d = 64, 2 heads, a 128-wide feed-forward network, 2 + 2 layers.':
    '同样的架构，小到能在笔记本电脑的 CPU 上训练：词表 16 个词元，d = 64，2 个头，宽 128 的前馈网络，2 + 2 层。',
  'Learn to reverse sequences of 10 tokens: the decoder must find, for target\nposition t, the source position 9 - t, which only attention (and the\npositional encoding) makes possible.':
    '学习把 10 个词元的序列倒过来：对目标位置 t，解码器必须找到源位置 9 - t，只有注意力（加上位置编码）才能做到这一点。',

  // examples/rcnn.nn
  'AlexNet\'s five convolutions: 224 x 224 x 3 -> 6 x 6 x 256 ("pool5").\n2,469,696 weights. Shared by AlexNet and R-CNN.':
    'AlexNet 的五个卷积层：224 x 224 x 3 -> 6 x 6 x 256（"pool5"）。共 2,469,696 个权重。AlexNet 和 R-CNN 共用它们。',
  'fc6 and fc7: two fully connected layers of `hidden` units, each after a\ndropout. Their output, fc7, is the feature vector that describes a region.':
    'fc6 和 fc7：两个各有 `hidden` 个单元的全连接层，每层前面有一个丢弃（Dropout）。它们的输出 fc7 就是描述一个区域的特征向量。',
  'AlexNet (torchvision): 5 convolutions + 3 dense layers, 1000 ImageNet classes.\n61,100,840 weights. R-CNN starts from these weights, trained on ImageNet.':
    'AlexNet（torchvision 版）：5 个卷积层 + 3 个全连接层，1000 个 ImageNet 类别。共 61,100,840 个权重。R-CNN 从这些在 ImageNet 上训练好的权重出发。',
  'R-CNN\'s classifier: the same network with its 1000-way ImageNet layer\nreplaced by `classes` linear SVMs on fc7 (20 VOC classes + background).\nEach SVM is one row of a Dense layer, score = w . fc7 + b, with no\nsoftmax: 57,089,877 weights.\n\nWith `regress: true` it also gives the bounding-box correction of each\nregion, a linear regression on the pool5 features (6 * 6 * 256 = 9216\nnumbers -> dx, dy, dw, dh), computed with the same convolutions.':
    'R-CNN 的分类器：同一个网络，但把 1000 类的 ImageNet 层换成 fc7 上的 `classes` 个线性 SVM（20 个 VOC 类别 + 背景）。每个 SVM 是一个 Dense 层中的一行，score = w . fc7 + b，没有 softmax：共 57,089,877 个权重。\n\n取 `regress: true` 时，它还给出每个区域的边界框修正，即在 pool5 特征上做的线性回归（6 * 6 * 256 = 9216 个数 -> dx, dy, dw, dh），用的是同样的卷积层。',
  'A batch of warped regions.': '一批变形（warp）后的区域。',
  'One score per class and region: w . fc7 + b for each class\'s SVM.': '每个类别、每个区域一个分数：每个类别的 SVM 算出 w . fc7 + b。',
  'dx, dy, dw, dh per region (the paper fits one regressor per class; here one for all).': '每个区域的 dx, dy, dw, dh（论文为每个类别各拟合一个回归器；这里所有类别共用一个）。',
  'Detection: propose ~2000 regions, warp each to 224 x 224, score them all\nwith R-CNN, correct the boxes, and keep the best with non-maximum suppression.':
    '检测：提出约 2000 个候选区域，把每个变形到 224 x 224，全部用 R-CNN 打分，修正边界框，再用非极大值抑制留下最好的。',
  'One image of any size, a batch of one.': '一张任意大小的图像，即大小为 1 的一批。',
  'A small R-CNN classifier that trains on a laptop: 32 x 32 regions, three\nconvolutions, fc6 and fc7 of 256, and 4 linear SVMs (3 shapes + background).':
    '能在笔记本电脑上训练的小号 R-CNN 分类器：32 x 32 的区域，三个卷积层，各 256 个单元的 fc6 和 fc7，以及 4 个线性 SVM（3 种形状 + 背景）。',
  'Fine-tuning as R-CNN does it, on the regions the pipeline below will\nclassify: selective search\'s proposals on 64 x 64 scenes of shapes, each\ngrown to twice its size for context and warped to 32 x 32, labelled by\nIoU with the true boxes (0.5 or more: that shape\'s class, else\nbackground), a quarter of them shapes. So the classifier sees what it\nmeets at detection time: loose boxes, parts of a shape, two shapes in one\ncrop. The SVM heads are trained with the hinge loss, with the features.':
    '按 R-CNN 的做法微调，用的正是下面的流水线将要分类的那些区域：在 64 x 64 的形状场景上由选择性搜索（selective search）提出候选区域，每个区域放大到两倍以带上周围的上下文，再变形到 32 x 32，按与真实边界框的 IoU 打标签（0.5 及以上：该形状的类别，否则为背景），其中四分之一是形状。这样分类器看到的正是检测时会遇到的情况：松散的框、形状的一部分、一个裁剪中有两个形状。SVM 头用合页损失（hinge loss）和特征一起训练。',
  'Detection with the small R-CNN on a 64 x 64 image of shapes: selective\nsearch proposes regions, each is cut out with some context around it and\nwarped to 32 x 32, RCNNSmall scores it, and per-class NMS keeps the best.':
    '用小号 R-CNN 在一张 64 x 64 的形状图像上做检测：选择性搜索提出候选区域，每个区域连同周围的一些上下文一起裁出并变形到 32 x 32，由 RCNNSmall 打分，再按类别做 NMS（非极大值抑制）留下最好的。',
  'One image, a batch of one.': '一张图像，即大小为 1 的一批。',

  // examples/yolo.nn
  'A convolution with bias (YOLOv1 has no batch norm) and a leaky ReLU,\nmax(0.1 x, x). `padding` is kernel / 2, so a stride-1 convolution keeps the size.':
    '一个带偏置的卷积（YOLOv1 没有批归一化），再接一个 leaky ReLU，即 max(0.1 x, x)。`padding` 是 kernel / 2，所以步幅为 1 的卷积保持尺寸不变。',
  'The 24 convolutional layers of Figure 3: 448 x 448 x 3 -> 7 x 7 x 1024.\n1x1 convolutions shrink the channels before each 3x3 (GoogLeNet\'s idea, without\nthe inception modules). 60,155,968 weights.':
    '图 3 中的 24 个卷积层：448 x 448 x 3 -> 7 x 7 x 1024。每个 3x3 卷积之前先用 1x1 卷积减少通道数（GoogLeNet 的思路，但没有 inception 模块）。共 60,155,968 个权重。',
  'The two fully connected layers: every output sees the whole image.\n7*7*1024 * 4096 + 4096 + 4096 * 1470 + 1470 = 211,547,582 weights.':
    '两个全连接层：每个输出都能看到整张图像。7*7*1024 * 4096 + 4096 + 4096 * 1470 + 1470 = 211,547,582 个权重。',
  'YOLOv1: 24 convolutions + 2 dense layers, 448 x 448 x 3 -> 7 x 7 x 30.\n271,703,550 weights.':
    'YOLOv1：24 个卷积层 + 2 个全连接层，448 x 448 x 3 -> 7 x 7 x 30。共 271,703,550 个权重。',
  'The five-part YOLOv1 loss, summed over the grid and averaged over the batch.': 'YOLOv1 由五部分组成的损失，在网格上求和，在批上取平均。',
  'The network output: per cell, K boxes of (x, y, w, h, confidence), then C class probabilities.': '网络的输出：每个格子有 K 个框，每个框为 (x, y, w, h, 置信度)，后面是 C 个类别的概率。',
  'The truth: per cell, (x, y, w, h, object), then the class as one-hot.': '真实标注：每个格子为 (x, y, w, h, 有无目标)，后面是独热编码的类别。',
  'A small YOLO that trains on a laptop: 64 x 64 images of synthetic shapes,\na 4 x 4 grid (16-pixel cells), 2 boxes per cell, 3 classes: 2*5 + 3 = 13 numbers per cell.':
    '能在笔记本电脑上训练的小号 YOLO：64 x 64 的合成形状图像，4 x 4 的网格（每格 16 像素），每格 2 个框，3 个类别：每格 2*5 + 3 = 13 个数。',
  'Train on synthetic 64 x 64 images of up to 3 shapes each (C = 3 kinds of shape, assumed), with the YOLO loss\nconfigured for the small grid.':
    '在合成的 64 x 64 图像上训练，每张图最多有 3 个形状（假定 C = 3 种形状），YOLO 损失按小网格配置。',
  'Detection at test time: one forward pass, decode the grid into boxes, keep\nthe best with non-maximum suppression.': '测试时的检测：一次前向传播，把网格解码成框，再用非极大值抑制留下最好的框。',
  // "One image, a batch of one.": with examples/rcnn.nn above
  'Detection with the small YOLO on a 64 x 64 image of shapes: one forward\npass, the 4 x 4 grid decoded into 32 boxes, the best kept by NMS. Boxes\nare in pixels of the image.':
    '用小号 YOLO 在一张 64 x 64 的形状图像上做检测：一次前向传播，把 4 x 4 的网格解码成 32 个框，由 NMS（非极大值抑制）留下最好的。框的坐标以图像的像素为单位。',

  // examples/sam.nn
  'One transformer block of the ViT image encoder (pre-norm):\nx + Attention(LayerNorm(x)), then x + MLP(LayerNorm(x)).\nWith `window > 0` the attention is windowed: the grid is cut into\nwindow x window squares (padded up to a multiple: 64 -> 70 = 5 x 14) that\nattend separately, so the cost grows with the window, not the image. With\n`window == 0` it is global: all 64 x 64 = 4,096 tokens attend to each other.\nEither way the attention adds decomposed relative position embeddings.\n7,091,328 weights windowed, 7,104,128 global (ViT-B: 768 wide, 12 heads).':
    'ViT 图像编码器的一个 Transformer 块（前置归一化）：x + Attention(LayerNorm(x))，然后 x + MLP(LayerNorm(x))。`window > 0` 时注意力是窗口化的：网格被切成 window x window 的方块（先填充到窗口的整数倍：64 -> 70 = 5 x 14），各方块分别做注意力，所以计算量随窗口增长，而不是随图像增长。`window == 0` 时是全局注意力：全部 64 x 64 = 4,096 个词元彼此关注。两种情况下注意力都会加上分解的相对位置嵌入。窗口化时共 7,091,328 个权重，全局时 7,104,128 个（ViT-B：宽 768，12 个头）。',
  'The image encoder: an MAE pre-trained ViT, then a neck down to 256 channels.\n1024x1024x3 in, a 64x64 grid of 256-dim embeddings out: 89,670,912 weights.':
    '图像编码器：一个用 MAE 预训练的 ViT，再接一个把通道降到 256 的颈部（neck）。输入 1024x1024x3，输出由 256 维嵌入组成的 64x64 网格：共 89,670,912 个权重。',
  'G x G patches of patch x patch pixels (ViT-B: 64 x 64 of 16 x 16).': 'G x G 个图像块，每块 patch x patch 个像素（ViT-B：64 x 64 块，每块 16 x 16）。',
  'The prompt encoder: sparse prompts (points, boxes, text) become tokens,\na dense prompt (a mask) becomes one vector per image-grid cell. 6,220 weights.\n\nPoints and box corners are encoded by where they are: random Fourier\nfeatures of their (x, y) position (SAM\'s PositionEmbeddingRandom, a fixed\nGaussian matrix: 256 non-trainable values), plus a learned embedding that\nsays what kind of point it is. The same encoding, applied to the centre of\nevery grid cell, gives the image positional encoding `image_pe` that the\nmask decoder adds to the image embeddings, so prompts and image share one\ncoordinate system.':
    '提示编码器：稀疏提示（点、框、文本）变成词元，稠密提示（掩码）变成图像网格每个格子上的一个向量。共 6,220 个权重。\n\n点和框的角点按所在位置编码：对它们的 (x, y) 位置取随机傅里叶特征（SAM 的 PositionEmbeddingRandom，一个固定的高斯矩阵：256 个不可训练的值），再加上一个说明这是哪一类点的可学习嵌入。把同样的编码用在每个网格格子的中心，就得到图像的位置编码 `image_pe`，掩码解码器把它加到图像嵌入上，于是提示和图像共用同一个坐标系。',
  'Clicked points, (x, y) in pixels of the 1024x1024 input.': '点击的点，(x, y) 以 1024x1024 输入的像素为单位。',
  '1: foreground (on the object), 0: background, -1: padding (not a point).': '1：前景（在目标上），0：背景，-1：填充（不是一个点）。',
  'A box, (x0, y0, x1, y1) in pixels; [-1, -1, -1, -1] means "no box".': '一个框，(x0, y0, x1, y1) 以像素为单位；[-1, -1, -1, -1] 表示“没有框”。',
  'A rough region: mask logits at 4x the embedding grid (e.g. the previous\nprediction). All zeros means "no mask".':
    '一个粗略的区域：分辨率为嵌入网格 4 倍的掩码原始分数（logits）（例如上一次的预测）。全为零表示“没有掩码”。',
  'Text prompts: CLIP text-encoder features already projected to `dim`.\nAll zeros means "no text".': '文本提示：已经投影到 `dim` 维的 CLIP 文本编码器特征。全为零表示“没有文本”。',
  'A small MLP: `layers` Dense layers with ReLU between them. The mask\ndecoder\'s hypernetworks (256 -> 256 -> 256 -> 32) and IoU head\n(256 -> 256 -> 256 -> 4) are such MLPs.':
    '一个小 MLP：`layers` 个 Dense 层，层间用 ReLU。掩码解码器的超网络（256 -> 256 -> 256 -> 32）和 IoU 头（256 -> 256 -> 256 -> 4）都是这样的 MLP。',
  'One layer of the two-way transformer: the tokens (queries) and the image\n(keys) each update the other. 1,579,520 weights at dim 256.\n1. self-attention of the tokens;\n2. cross-attention, tokens to image: each token looks over the 4,096 cells;\n3. an MLP on each token;\n4. cross-attention, image to tokens: each cell looks over the tokens.\nEach step is residual with a LayerNorm after it (post-norm). The positional\nencodings are added to queries and keys again before every attention. The\ncross-attentions project to `dim / downsample` = 128 inner features (SAM\'s\nAttention with downsample_rate 2: 131,712 weights, against 263,168 for the\nfull-size self-attention).':
    '双向 Transformer 的一层：词元（查询）和图像（键）互相更新对方。dim 为 256 时共 1,579,520 个权重。\n1. 词元的自注意力；\n2. 交叉注意力，词元看图像：每个词元查看全部 4,096 个格子；\n3. 对每个词元做一次 MLP；\n4. 交叉注意力，图像看词元：每个格子查看所有词元。\n每一步都是残差连接，之后接一个 LayerNorm（后置归一化）。每次注意力之前都会把位置编码再加到查询和键上。交叉注意力投影到 `dim / downsample` = 128 个内部特征（SAM 中 downsample_rate 为 2 的 Attention：131,712 个权重，而全尺寸的自注意力有 263,168 个）。',
  'The two-way transformer: `depth` two-way layers, then a last attention of\nthe tokens to the image and a LayerNorm. 3,291,264 weights.':
    '双向 Transformer：`depth` 个双向层，然后是词元对图像的最后一次注意力和一个 LayerNorm。共 3,291,264 个权重。',
  'The image embedding, flattened: T = 64*64 cells.': '展平后的图像嵌入：T = 64*64 个格子。',
  'Its positional encoding.': '它的位置编码。',
  'The tokens: output tokens and prompt tokens (they are also their own\npositional encoding, added again before each attention).':
    '词元：输出词元和提示词元（它们也是自己的位置编码，每次注意力之前会再加一次）。',
  'The mask decoder: learned output tokens (one for the IoU, one per mask)\njoin the prompt tokens; the two-way transformer mixes them with the image;\nthen each mask token, through its own MLP (a hypernetwork), becomes the\nweights of a dot product with every pixel of the upscaled image embedding:\none mask per token. The IoU token predicts each mask\'s quality.\nWith `outputs: 3` (multimask), there are 4 mask tokens: token 0 is for\nunambiguous prompts, 1..3 are the three granularities returned.\n4,058,340 weights.':
    '掩码解码器：可学习的输出词元（一个用于 IoU，每个掩码一个）与提示词元合在一起；双向 Transformer 把它们和图像混合；然后每个掩码词元经过自己的 MLP（一个超网络），变成与放大后的图像嵌入每个像素做点积的权重：每个词元得到一个掩码。IoU 词元预测每个掩码的质量。取 `outputs: 3`（多掩码）时有 4 个掩码词元：词元 0 用于没有歧义的提示，1..3 是返回的三种粒度。共 4,058,340 个权重。',
  'The image embeddings from the image encoder.': '来自图像编码器的图像嵌入。',
  'The image positional encoding from the prompt encoder.': '来自提示编码器的图像位置编码。',
  'The sparse prompt tokens.': '稀疏提示的词元。',
  'The dense prompt embedding (a mask, or the no-mask embedding).': '稠密提示的嵌入（一个掩码，或表示没有掩码的嵌入）。',
  'SAM with the ViT-B image encoder: 93,735,472 weights\n(image encoder 89,670,912, prompt encoder 6,220, mask decoder 4,058,340).\nPrompts: points with labels, a box, a mask and text. Which kinds of\nprompt are given differs from example to example in a batch, so "no\nprompt of this kind" is written in the data, as in the official code: a\npoint with label -1 is padding (not a point), an all-zero mask means no\nmask; and here a box of -1s means no box, all-zero text no text.':
    '使用 ViT-B 图像编码器的 SAM：共 93,735,472 个权重（图像编码器 89,670,912，提示编码器 6,220，掩码解码器 4,058,340）。提示：带标签的点、一个框、一个掩码和文本。一批中每个样本给出的提示种类各不相同，所以“没有这类提示”写在数据里，与官方代码一样：标签为 -1 的点是填充（不是一个点），全零的掩码表示没有掩码；这里还约定全为 -1 的框表示没有框，全零的文本表示没有文本。',
  'The image, resized, normalised and padded to 1024x1024.': '图像，已缩放、归一化并填充到 1024x1024。',
  'Point prompts, (x, y) in pixels.': '点提示，(x, y) 以像素为单位。',
  'Their labels: 1 foreground, 0 background, -1 padding.': '它们的标签：1 为前景，0 为背景，-1 为填充。',
  'A box prompt, (x0, y0, x1, y1) in pixels (-1s: none).': '框提示，(x0, y0, x1, y1) 以像素为单位（全为 -1：没有）。',
  'A mask prompt: low-resolution mask logits, 256x256 (all zeros: none).': '掩码提示：低分辨率的掩码原始分数（logits），256x256（全为零：没有）。',
  'Text prompts: CLIP text features projected to 256 (all zeros: none).': '文本提示：投影到 256 维的 CLIP 文本特征（全为零：没有）。',
  'Mask logits (positive: inside), at 256x256: one mask per granularity.': '掩码的原始分数（logits）（为正：在掩码内），256x256：每种粒度一个掩码。',
  'The predicted IoU of each mask with the object.': '每个掩码与目标之间预测的 IoU。',
  'The same architecture, small enough to train on a laptop: 64x64 images,\n8x8 patches (an 8x8 grid), width 64, 2 blocks (windowed 4x4, then global),\nprompt and decoder width 64, one two-way layer, one mask.':
    '同样的架构，小到能在笔记本电脑上训练：64x64 的图像，8x8 的图像块（8x8 的网格），宽 64，2 个块（先是 4x4 窗口，再是全局），提示编码器和解码器宽 64，一个双向层，一个掩码。',
  'SAM\'s loss: focal + dice on the best of the predicted masks, MSE for the IoU head.\nIt takes all of the model\'s outputs, then the targets.':
    'SAM 的损失：对预测的掩码中最好的那个算 focal + dice，对 IoU 头算 MSE。它先接收模型的全部输出，再接收目标。',
  'The predicted mask logits: M masks per example.': '预测的掩码原始分数（logits）：每个样本 M 个掩码。',
  'The predicted IoU of each mask.': '每个掩码预测的 IoU。',
  'The true mask, one per example (1 inside the object).': '真实掩码，每个样本一个（目标内为 1）。',
  'Train SAMSmall on prompted objects of synthetic scenes: each example is\none shape of a 64x64 scene, prompted by points, a box, a coarse mask or\ntext drawn at random, as SAM trains; the target is its 32x32 mask.\nHeld-out IoU is reported per prompt kind (test_iou_point, test_iou_box,\ntest_iou_point_box, test_iou_mask). On 2 CPU cores, seed 1: about 50 s an\nepoch; after 11 epochs (under 10 minutes in all) one point gives IoU 0.75,\na box 0.83, both 0.83, a coarse mask 0.83.':
    '在合成场景中带提示的目标上训练 SAMSmall：每个样本是 64x64 场景中的一个形状，像 SAM 训练时那样随机给出点、框、粗略掩码或文本作为提示；目标是它的 32x32 掩码。留出集上的 IoU 按提示种类分别报告（test_iou_point、test_iou_box、test_iou_point_box、test_iou_mask）。在 2 个 CPU 核心上、随机种子为 1 时，每轮约 50 秒；11 轮之后（总共不到 10 分钟），一个点的 IoU 为 0.75，一个框为 0.83，两者都给为 0.83，粗略掩码为 0.83。',
  'Segment what a prompt points at: one image, points and a box from the\ncommand line (`--point x,y`, `--box x0,y0,x1,y1`), through the trained\nSAMSmall; the mask is where the logits are positive.':
    '分割提示所指的东西：一张图像，加上命令行给出的点和框（`--point x,y`、`--box x0,y0,x1,y1`），经过训练好的 SAMSmall；掩码就是原始分数（logits）为正的地方。',
  'One 64x64 image.': '一张 64x64 的图像。',
  'The clicked points, (x, y) in pixels, and their labels (1 on the object, 0 background, -1 padding).': '点击的点，(x, y) 以像素为单位，以及它们的标签（1 在目标上，0 为背景，-1 为填充）。',
  'A box, (x0, y0, x1, y1) in pixels; -1s: none.': '一个框，(x0, y0, x1, y1) 以像素为单位；全为 -1：没有。',
  'A rough mask as logits (all zeros: none), and a text embedding (all zeros: none).': '一个以原始分数（logits）表示的粗略掩码（全为零：没有），以及一个文本嵌入（全为零：没有）。',
};
