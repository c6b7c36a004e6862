// Chinese for the messages and docs of one part of the code (see ../message.ts).
// Keys are the English texts, with {0}, {1}, ... where a template has values.

export const LAYERS_A: Readonly<Record<string, string>> = {
  // Dense
  'Dense expects at least a rank-2 input [batch, features], but got rank {0}': 'Dense 的输入至少是秩 2 的张量 [批, 特征]，这里的秩是 {0}',
  'Dense acts on the last axis of a rank-{0} input here; flatten the image features first': 'Dense 只作用于最后一个轴，而这里的输入秩为 {0}：请先把图像特征展平',
  'Insert Flatten before Dense': '在 Dense 之前插入 Flatten',
};
