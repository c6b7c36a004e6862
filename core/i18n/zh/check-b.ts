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
};
