// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.
// This part: the reference pages and hovers that core/docs/markdown.ts renders
// (the section titles of its categories are in core/docs/category-titles.ts).

export const DOCS: Readonly<Record<string, string>> = {
  // markdown.ts
  'No parameters.': '没有参数。',
  optional: '可选',
  required: '必填',
  '| parameter | type | default | meaning |': '| 参数 | 类型 | 默认值 | 含义 |',
  'no inputs': '没有输入',
  'Inputs: {0}.': '输入：{0}。',
  'A pipeline step: only inside a `pipeline` definition.': '流水线的一步：只能写在 `pipeline` 定义里。',
  'The English original: [{0}]({1})': '英文原文：[{0}]({1})',
  Layers: '层',
  '<!-- Generated from core/catalog by `npm run docs`; do not edit by hand. -->': '<!-- 由 `npm run docs` 从 core/catalog 生成，请勿手工编辑。 -->',
  'Every layer kind `nn` knows, with its parameters. In a pipeline a layer is applied to the value on its left (`x -> Conv2D(64, 3)`); called with tensors it is applied to them (`LayerNorm(x + y)`, `MultiHeadAttention(8, 512)(q, k, v)`); bound to a name it shares its weights wherever it is applied.':
    '`nn` 认识的每一种层及其参数。在流水线里，层作用于它左边的值（`x -> Conv2D(64, 3)`）；像函数一样用张量调用时，它作用于这些张量（`LayerNorm(x + y)`、`MultiHeadAttention(8, 512)(q, k, v)`）；绑定到一个名字之后，无论在哪里使用，用的都是同一组权重。',
  Functions: '函数',
  '<!-- Generated from core/functions by `npm run docs`; do not edit by hand. -->': '<!-- 由 `npm run docs` 从 core/functions 生成，请勿手工编辑。 -->',
  'Built-in tensor functions: math inside models, losses and pipelines, with no weights. In a pipeline the piped tensor is the first argument (`x -> reshape([B, 784])` is `reshape(x, [B, 784])`).':
    '内置的张量函数：在模型、损失和流水线里做运算，本身没有权重。在流水线里，流入的张量就是第一个参数（`x -> reshape([B, 784])` 就是 `reshape(x, [B, 784])`）。',
};
