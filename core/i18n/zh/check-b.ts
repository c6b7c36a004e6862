// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.

export const CHECK_B: Readonly<Record<string, string>> = {
  // core/values.ts: what a value is, as messages name it
  'an int': '一个 int',
  'a float': '一个 float',
  'a bool': '一个 bool',
  'a string': '一个字符串',
  'a record': '一个记录',
  'a tensor': '一个张量',
  '{0} values': '{0} 个值',
  'the layer {0}': '层 {0}',
  'the function {0}': '函数 {0}',
  'the name {0}': '名字 {0}',
  'an unknown value': '一个未知的值',
  'the model {0}': '模型 {0}',
  'the block {0}': '块 {0}',
  'the loss {0}': '损失 {0}',
  'the pipeline {0}': '流水线 {0}',
  'an empty list': '一个空列表',
  'a list of 1 tensor': '含 1 个张量的列表',
  'a list of {0} tensors': '含 {0} 个张量的列表',
  'a list of 1 int': '含 1 个 int 的列表',
  'a list of {0} ints': '含 {0} 个 int 的列表',
  'a list of 1 float': '含 1 个 float 的列表',
  'a list of {0} floats': '含 {0} 个 float 的列表',
  'a list of 1 bool': '含 1 个 bool 的列表',
  'a list of {0} bools': '含 {0} 个 bool 的列表',
  'a list of 1 string': '含 1 个字符串的列表',
  'a list of {0} strings': '含 {0} 个字符串的列表',
  'a list of 1 list': '含 1 个列表的列表',
  'a list of {0} lists': '含 {0} 个列表的列表',
  'a list of 1 number': '含 1 个数的列表',
  'a list of {0} numbers': '含 {0} 个数的列表',
  'a list of 1 value': '含 1 个值的列表',
  'a list of {0} values': '含 {0} 个值的列表',

  // core/check/loops.ts
  'a repeat count must be an int, but this is {0}': 'repeat 的次数必须是 int，但这里是{0}',
  'a repeat count must be known at check time, but this is {0}': 'repeat 的次数必须在检查时就已知，但这里是 {0}',
  'a repeat count cannot be negative ({0})': 'repeat 的次数不能是负数（{0}）',
  'a repeat count of {0} is more than the {1} a model may unroll': 'repeat 的次数 {0} 超过了一个模型最多能展开的 {1} 次',

  // core/check/members.ts
  'the shape of {0}.{1} depends on the input {2} is applied to: apply {3} before reading its weights': '{0}.{1} 的形状取决于 {2} 所作用的输入：请先应用 {3}，再读取它的权重',
  '{0} is configured here': '{0} 在这里配置',
  '{0} of {1}': '{1} 的 {0}',
  '{0} has no weights here': '{0} 在这里没有权重',
  'its weights: {0}': '它的权重：{0}',
  "Change to '{0}'": "改为 '{0}'",
  "; did you mean '{0}'?": "；是不是想写 '{0}'？",
  "{0} ({1}) has no weight '{2}'{3} ({4})": "{0}（{1}）没有名为 '{2}' 的权重{3}（{4}）",
  "'{0}' is the kind of layer {1}, not one layer: configure one, let {2} = {3}(), to read its weights": "'{0}' 是层的种类 {1}，不是一个具体的层：要读取权重，先配置一个，let {2} = {3}()",
  '{0} is a kind of layer, not one layer: bind a configured one, let {1} = {2}(...), and read {3}.{4}': '{0} 是一种层，不是一个具体的层：先绑定一个配置好的层，let {1} = {2}(...)，再读取 {3}.{4}',
  "'.' reads a weight of a layer, and this is {0}: read the weight of a layer inside it, where it is bound": "'.' 读取的是层的权重，而这里是{0}：请到它内部绑定那一层的地方去读取权重",
  "'.' reads a weight of a layer, and this is a tensor {0}: use functions on tensors (transpose(x, [1, 0]), reshape(x, ...))":
    "'.' 读取的是层的权重，而这里是一个张量 {0}：对张量请使用函数（transpose(x, [1, 0])、reshape(x, ...)）",
  "'.' reads a weight of a layer, and this is {0}": "'.' 读取的是层的权重，而这里是{0}",

  // core/check/modules.ts
  "'{0}' is not a .nn file; imports name .nn files": "'{0}' 不是 .nn 文件；import 只能导入 .nn 文件",
  "cannot read '{0}': {1} (looked for {2})": "无法读取 '{0}'：{1}（查找的是 {2}）",
  "cannot read '{0}' (looked for {1})": "无法读取 '{0}'（查找的是 {1}）",
  "'{0}' defines no '{1}'{2}": "'{0}' 中没有定义 '{1}'{2}",
  "'{0}' is defined more than once": "'{0}' 被定义了不止一次",

  // core/check/number-extremes.ts
  '{0}(x, axis) reduces one tensor along axes; the elementwise larger of two values is {1}(a, b)': '{0}(x, axis) 是沿若干轴对一个张量做归约；两个值逐元素取较大者请用 {1}(a, b)',
  '{0}(x, axis) reduces one tensor along axes; the elementwise smaller of two values is {1}(a, b)': '{0}(x, axis) 是沿若干轴对一个张量做归约；两个值逐元素取较小者请用 {1}(a, b)',
  'not known at check time: which of {0} and {1} is larger depends on sizes not known here': '检查时无法确定：{0} 和 {1} 哪个更大，取决于此处未知的尺寸',
  'not known at check time: which of {0} and {1} is smaller depends on sizes not known here': '检查时无法确定：{0} 和 {1} 哪个更小，取决于此处未知的尺寸',

  // core/check/operators.ts
  "'{0}' cannot be applied to {1}": "'{0}' 不能作用于{1}",
  "'{0}' cannot combine {1} and {2}": "'{0}' 不能把{1}和{2}放在一起运算",
  'a symbolic size mixed with a float': '符号尺寸与 float 混合运算',
  "'{0}' cannot combine numbers": "'{0}' 不能用于数值之间",
  '{0} % {1} depends on sizes not known here': '{0} % {1} 取决于此处未知的尺寸',
  'a power of a symbolic size': '符号尺寸的幂',
  '{0} {1} {2} depends on sizes not known here': '{0} {1} {2} 取决于此处未知的尺寸',
  'not known at check time: {0}': '检查时无法确定：{0}',
  'division by zero': '除以零',
  "'{0}' cannot combine a tensor and {1}": "'{0}' 不能把张量和{1}放在一起运算",
  "'@': {0}": "'@'：{0}",
  'left operand': '左操作数',
  'right operand': '右操作数',
  "'{0}' needs shapes that broadcast: {1}{2} and {3}{4} differ at axis {5} ({6} vs {7})": "'{0}' 要求两个形状可以广播：{1}{2} 和 {3}{4} 在轴 {5} 上不同（{6} 对 {7}）",
  'left operand {0}': '左操作数 {0}',
  'right operand {0}': '右操作数 {0}',
  'result of {0}': '{0} 的结果',

  // core/check/origins.ts
  ' ({0})': '（{0}）',
  '{0}: {1}': '{0}：{1}',

  // core/check/positional-habits.ts
  "Dense{0} reads as PyTorch's Linear(in, out): Dense takes only the output size, the input size comes from the input": 'Dense{0} 读起来像 PyTorch 的 Linear(in, out)：Dense 只接受输出大小，输入大小由输入决定',
  "GroupNorm{0} reads as PyTorch's GroupNorm(num_groups, num_channels): GroupNorm takes only the groups, the channels come from the input":
    'GroupNorm{0} 读起来像 PyTorch 的 GroupNorm(num_groups, num_channels)：GroupNorm 只接受分组数，通道数由输入决定',
  "{0}{1} reads as PyTorch's {2}(in, out, k): {3} takes (filters, kernel, stride), the input channels come from the input":
    '{0}{1} 读起来像 PyTorch 的 {2}(in, out, k)：{3} 接受的是 (filters, kernel, stride)，输入通道数由输入决定',
  '{0}; write {1}': '{0}；应写为 {1}',
  "MultiHeadAttention({0}, {1}) reads as PyTorch's MultiheadAttention(embed_dim, num_heads): here the heads come first, MultiHeadAttention(heads, d); write {2}":
    'MultiHeadAttention({0}, {1}) 读起来像 PyTorch 的 MultiheadAttention(embed_dim, num_heads)：这里头数在前，MultiHeadAttention(heads, d)；应写为 {2}',

  // core/check/program.ts
  'this train block': '这个 train 块',
  'this train block nests too deeply to check': '这个 train 块嵌套太深，无法检查',

  // core/check/size-limits.ts
  'this size is too large: {0} is beyond {1}, the largest whole number nn computes exactly': '这个尺寸太大了：{0} 超出了 {1}，这是 nn 能精确计算的最大整数',
  'this size is too complex to follow: {0}': '这个尺寸太复杂，无法跟踪：{0}',

  // core/check/stages.ts
  'this repeat': '这个 repeat',
  'a pipeline stage must be a layer, a block or a function, but this is {0}': "'->' 的每一级必须是层、块或函数，但这里是{0}",
  'a tensor (to combine tensors, use an operator or a function)': '一个张量（要组合张量，请用运算符或函数）',
  'a number': '一个数',

  // core/check/statements.ts
  "'{0}' is not defined: introduce it with 'let {1} = ...'": "'{0}' 尚未定义：请用 'let {1} = ...' 引入它",
  "Add 'let'": "加上 'let'",
  "'{0}' is a shape variable and cannot be reassigned": "'{0}' 是形状变量，不能重新赋值",
  "'{0}' is a loop variable and cannot be reassigned": "'{0}' 是循环变量，不能重新赋值",
  "'{0}' is a parameter and cannot be reassigned": "'{0}' 是参数，不能重新赋值",
  'this loop': '这个循环',
  "'for' loops over a list, but this is {0}": "'for' 遍历的是列表，但这里是{0}",
  "unknown dtype '{0}' (use float, int or bool)": "未知的数据类型 '{0}'（请用 float、int 或 bool）",
  "'{0}' is already defined": "'{0}' 已经定义过了",
  'input {0} {1}{2}': '输入 {0} {1}{2}',
  'the input comes from here': '输入来自这里',
  'input {0} expects {1}, but got {2}{3}': '输入 {0} 需要 {1}，但得到的是 {2}{3}',
  "'{0}' is already defined here; to rebind it write '{1} = ...'": "'{0}' 在这里已经定义过了；要重新绑定，请写 '{1} = ...'",
  '{0} names, but the value has {1} part': '有 {0} 个名字，但这个值只有 {1} 个部分',
  '{0} names, but the value has {1} parts': '有 {0} 个名字，但这个值有 {1} 个部分',
  'the output': '输出',
  "there is already an output named '{0}'": "已经有一个名为 '{0}' 的输出了",
  'an output must be a tensor, but this is {0}': '输出必须是张量，但这里是{0}',
  '{0} is annotated with a shape, but is {1}': '{0} 标注了形状，但它是{1}',
  '{0}: {1}{2}': '{0}：{1}{2}',
  'the value has shape {0}': '这个值的形状是 {0}',

  // core/check/transpose-batch.ts
  '; transpose(x, [{0}]) swaps the last two axes': '；transpose(x, [{0}]) 交换最后两个轴',
  "transpose without perm reverses every axis, as NumPy's does: x {0} becomes {1}, its batch axis {2} last; give perm{3}":
    '不给 perm 的 transpose 会像 NumPy 那样把所有轴倒过来：x {0} 变成 {1}，批轴 {2} 到了最后；请给出 perm{3}',
  'Swap the last two axes: perm {0}': '交换最后两个轴：perm {0}',

  // core/check/train.ts
  'data source': '数据源',
  "a train setting is written 'name: value'": "train 设置的写法是 'name: value'",
  "unknown train setting '{0}'{1}": "未知的 train 设置 '{0}'{1}",
  "'{0}' is set twice": "'{0}' 设置了两次",
  'mnist(set: "full") has the standard split, 60,000 training and 10,000 test digits: leave out \'split\' (or use the 10,000 digits of set: "small")':
    'mnist(set: "full") 使用标准划分，60,000 个训练数字和 10,000 个测试数字：请去掉 \'split\'（或者用 set: "small" 的 10,000 个数字）',
  "'{0}' is a {1}, not a model": "'{0}' 是一个 {1}，不是 model",
  "unknown model '{0}'": "未知的模型 '{0}'",
  '{0}{1} (or declare adversarial(...) training)': '{0}{1}（或者声明 adversarial(...) 训练）',
  'expected a {0} ({1})': '这里应当是{0}（{1}）',
  "unknown {0} '{1}'{2} (known: {3})": "未知的{0} '{1}'{2}（可用的有：{3}）",
  'optimizer': '优化器',
  'schedule': '学习率调度',
  'metric': '指标',
  'device': '设备',
  'loss': '损失',
  "the loss {0} takes {1} inputs, but a loss takes the model's first output and the targets (2 inputs) or all of {2}'s {3} outputs ({4}) and the targets ({5} inputs)":
    '损失 {0} 有 {1} 个输入，但损失要么接收模型的第一个输出和目标（2 个输入），要么接收 {2} 的全部 {3} 个输出（{4}）和目标（{5} 个输入）',
  'the loss {0} takes predictions {1}, but {2} outputs {3}': '损失 {0} 接收的预测是 {1}，但 {2} 的输出是 {3}',
  'expected a {0} (known: {1})': '这里应当是{0}（可用的有：{1}）',
  "'{0}' takes a record like { {1} }": "'{0}' 接收一个记录，例如 { {1} }",
  "'{0}' has no field '{1}'{2} (fields: {3})": "'{0}' 没有字段 '{1}'{2}（字段有：{3}）",
  "'{0}' must be a path in quotes, but this is {1}": "'{0}' 必须是带引号的路径，但这里是{1}",
  '\'{0}\' {1}: a run writes only inside its own folder (runs/<name>/<run-id>/), so give a path relative to it, like "{2}"': '\'{0}\' {1}：训练运行只在自己的文件夹（runs/<name>/<run-id>/）里写入，所以请给出相对于它的路径，例如 "{2}"',
  "'{0}' must be {1}, but this is {2}": "'{0}' 必须是{1}，但这里是{2}",
  "'{0}' must be at least {1}, but is {2}": "'{0}' 至少应为 {1}，但这里是 {2}",
  'the generator must be a model, but this is {0}': '生成器必须是模型，但这里是{0}',
  'the discriminator must be a model, but this is {0}': '判别器必须是模型，但这里是{0}',
  "the noise {0} does not fit the generator's input {1}": '噪声 {0} 与生成器的输入 {1} 不匹配',
  "the generator's output {0} does not fit the discriminator's input {1}": '生成器的输出 {0} 与判别器的输入 {1} 不匹配',
  '{0} gives class ids (one per example)': '{0} 给出的是类别编号（每个样本一个）',
  '{0} gives class ids (one per position, {1} per example)': '{0} 给出的是类别编号（每个位置一个，每个样本 {1} 个）',
  '{0} compares outputs with targets value by value, but {1} and {2} outputs {3} ({4} values per example): use crossentropy for class ids, or data with one-hot targets':
    '{0} 逐个值地比较输出和目标，但{1}，而 {2} 的输出是 {3}（每个样本 {4} 个值）：类别编号请用 crossentropy，或者使用目标为 one-hot 的数据',

  // core/check/train-data.ts
  "{0} gives class ids (one per example, {1} classes), so with {2} {3}'s output must be {4}, but it is {5}": '{0} 给出的是类别编号（每个样本一个，共 {1} 类），所以用 {2} 时，{3} 的输出必须是 {4}，但它是 {5}',
  "{0} gives class ids (one per position of {1}, {2} classes), so with {3} {4}'s output must be {5}, but it is {6}": '{0} 给出的是类别编号（{1} 的每个位置一个，共 {2} 类），所以用 {3} 时，{4} 的输出必须是 {5}，但它是 {6}',
  'output {0} of the model': '模型的第 {0} 个输出',
  "{0}'s targets": '{0} 的目标',
  "with {0}'s targets (the loss given {1}): {2}": '用 {0} 的目标时（损失接收 {1}）：{2}',
  'the discriminator {0}': '判别器 {0}',
  'adversarial training takes data of one input (the real examples), but {0} gives {1} ({2})': '对抗训练的数据只有一个输入（真实样本），但 {0} 给出了 {1} 个（{2}）',
  "the generator's output {0} does not fit the discriminator's input, which is {1} on {2}'s {3}": '生成器的输出 {0} 与判别器的输入不匹配：在 {2} 的 {3} 上，判别器的输入是 {1}',
  '{0} gives 1 input per example ({1}), but {2} takes {3}{4}': '{0} 每个样本给出 1 个输入（{1}），但 {2} 接收 {3} 个{4}',
  '{0} gives {1} inputs per example ({2}), but {3} takes {4}{5}': '{0} 每个样本给出 {1} 个输入（{2}），但 {3} 接收 {4} 个{5}',
  "{0}'s input {1} {2} must start with the batch axis, a name such as B: training gives it batches of examples": '{0} 的输入 {1} {2} 必须以批轴开头，即一个名字，比如 B：训练时给它的是一批批样本',
  "{0} gives {1}, but {2}'s input {3} is {4}": '{0} 给出的是 {1}，但 {2} 的输入 {3} 是 {4}',
  "with {0}'s examples (inputs {1}): {2}": '用 {0} 的样本时（输入为 {1}）：{2}',
  "Change {0}'s shape to {1}": '把 {0} 的形状改为 {1}',

  // core/find-model.ts
  "no model '{0}' in {1} (models: {2})": "{1} 中没有模型 '{0}'（模型有：{2}）",
  'none': '无',
  '{0} defines no model': '{0} 中没有定义模型',
  '{0} defines several models; choose one with --model ({1})': '{0} 中定义了多个模型；请用 --model 选择一个（{1}）',

  // core/summary.ts
  "{0} has no parameter '{1}'": "{0} 没有参数 '{1}'",
  '{0} has errors': '{0} 有错误',
  'too large (over {0})': '太大（超过 {0}）',

  // core/train/data-shapes.ts
  '28x28x1 images (784 values each)': '28x28x1 的图像（每张 784 个值）',
  'source token ids [{0}]': '源序列的词元编号 [{0}]',
  'decoder input token ids [{0}] (the target shifted right)': '解码器输入的词元编号 [{0}]（目标序列右移一位）',
  'points [2]': '点 [2]',
  '{0}x{1}x3 images': '{0}x{1}x3 的图像',
  '{0}x{1}x3 warped regions': '{0}x{1}x3 的变形区域',
  'points [{0}, 2] (x, y in pixels)': '点 [{0}, 2]（x、y，以像素计）',
  'point labels [{0}] (1 foreground, 0 background, -1 padding)': '点的标签 [{0}]（1 前景，0 背景，-1 填充）',
  'boxes [4] (x0, y0, x1, y1; -1s: none)': '框 [4]（x0, y0, x1, y1；全为 -1：没有框）',
  'mask prompts [{0}, {1}, 1] (logits; zeros: none)': '掩码提示 [{0}, {1}, 1]（原始分数（logits）；全为 0：没有提示）',
  'text prompts [1, {0}] (zeros: none)': '文本提示 [1, {0}]（全为 0：没有提示）',
  "segments gives one mask [1, {0}, {1}] per example as the target, so the model's first output must be masks [B, M, {2}, {3}], but it is [B, {4}]":
    'segments 为每个样本给出一个掩码 [1, {0}, {1}] 作为目标，所以模型的第一个输出必须是掩码 [B, M, {2}, {3}]，但它是 [B, {4}]',
  'shapes: a classifier (output [B, {0}]) takes one shape per image, so shapes(objects: 1), not objects: {1}': 'shapes：分类器（输出 [B, {0}]）每张图像只接收一个形状，所以要用 shapes(objects: 1)，而不是 objects: {1}',
  'shapes cannot give targets for a model output of [B, {0}]. It gives: a class id for [B, {1}] or [B, {2}] (background first); a YOLO grid for [B, S, S, K*5 + {3}]; a class per pixel for [B, {4}, {5}, {6}]':
    'shapes 无法为模型输出 [B, {0}] 提供目标。它能给出：[B, {1}] 或 [B, {2}] 的类别编号（背景在前）；[B, S, S, K*5 + {3}] 的 YOLO 网格；[B, {4}, {5}, {6}] 的逐像素类别',

  // core/train/output-kind.ts
  'activation "{0}"': '激活函数 "{0}"',
  'a matrix product': '矩阵乘积',
  "the loss {0} takes class probabilities, but {1}'s output comes from {2} ({3}), which gives unbounded scores: end the model with Softmax (`-> Softmax`)":
    '损失 {0} 接收的是类别概率，但 {1} 的输出来自 {2}（{3}），给出的是无界的原始分数（logits）：请在模型末尾加上 Softmax（`-> Softmax`）',
  "the loss binary_crossentropy takes probabilities in [0, 1], but {0}'s output comes from {1} ({2}), which gives unbounded scores: end the model with Sigmoid (`-> Sigmoid`)":
    '损失 binary_crossentropy 接收的是 [0, 1] 内的概率，但 {0} 的输出来自 {1}（{2}），给出的是无界的原始分数（logits）：请在模型末尾加上 Sigmoid（`-> Sigmoid`）',

  // core/train/plan.ts
  '{0} has no train block': '{0} 中没有 train 块',
  '{0} has several train blocks; choose one with --model ({1})': '{0} 中有多个 train 块；请用 --model 选择一个（{1}）',
  "no train block for '{0}' in {1} (train blocks: {2})": "{1} 中没有 '{0}' 的 train 块（train 块有：{2}）",

  // core/train/run-paths.ts
  'is empty': '是空的',
  'is absolute': '是绝对路径',
  "climbs out with '..'": "用 '..' 跳出了运行的文件夹",

  // core/graph/build-graph.ts
  'output {0} is not a tensor': '输出 {0} 不是张量',
  "the model's trainable weight count {0} is not a number": '模型的可训练参数个数 {0} 不是一个数',
  "the model's non-trainable weight count {0} is not a number": '模型的不可训练参数个数 {0} 不是一个数',
  'cannot compile {0} yet': '暂时还不能编译{0}',
  'cannot compile an argument that is unknown': '无法编译一个未知的参数',
  'cannot compile an argument that is a {0}': '无法编译类型为 {0} 的参数',
  'the size {0} of {1} is not known when the batch size is': '{1} 的尺寸 {0} 在批大小已知时仍然未知',

  // core/graph/trace.ts
  '{0} has errors with these input sizes ({1})': '{0} 在这些输入尺寸下有错误（{1}）',
  '{0} has more than {1} weights: too many to train': '{0} 的权重超过 {1} 个：太多了，无法训练',
  'the model takes 1 input ({0}), but the data gives {1}': '模型接收 1 个输入（{0}），但数据给出了 {1} 个',
  'the model takes {0} inputs ({1}), but the data gives {2}': '模型接收 {0} 个输入（{1}），但数据给出了 {2} 个',
  'input {0} has no shape': '输入 {0} 没有形状',
  'input {0} {1} must start with the batch axis, a name such as B': '输入 {0} {1} 必须以批轴开头，即一个名字，比如 B',
  'the model has no inputs': '模型没有输入',
  'the size {0} = {1} must be a whole number from 0 to {2}': '尺寸 {0} = {1} 必须是 0 到 {2} 之间的整数',
  "the data's shape [{0}] must hold whole numbers from 0 to {1}": '数据的形状 [{0}] 必须由 0 到 {1} 之间的整数组成',
  'a size of input {0} {1} is too large with these sizes: {2}': '在这些尺寸下，输入 {0} {1} 的某个尺寸太大：{2}',
  'the size {0} of input {1} {2} is not known: give {3} a value (from the data, or a model parameter)': '输入 {1} {2} 的尺寸 {0} 未知：请给 {3} 一个值（来自数据，或者模型参数）',

  // core/shapes/dim.ts
  'a size with {0} terms (at most {1})': '一个有 {0} 项的尺寸（最多 {1} 项）',
  'a size whose text is {0} characters long (at most {1})': '一个写出来有 {0} 个字符长的尺寸（最多 {1} 个）',

  // core/shapes/size-limit.ts
  '{0} is beyond {1}': '{0} 超出了 {1}',
  '{0} is too complex': '{0} 太复杂',
};
