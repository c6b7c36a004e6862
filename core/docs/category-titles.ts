// The section titles of the reference pages: a catalog entry's category is
// data (`'convolution'`), not a sentence in the code, so it has no `msg`; its
// Chinese title is kept here, next to the one place that prints it.

import { currentLocale } from '../i18n/locale.js';

const CHINESE: Readonly<Record<string, string>> = {
  activation: '激活函数',
  attention: '注意力',
  conversion: '类型转换',
  convolution: '卷积',
  core: '基础层',
  detection: '目标检测',
  embedding: '嵌入',
  'linear algebra': '线性代数',
  list: '列表',
  mask: '掩码',
  math: '数学运算',
  merging: '合并',
  normalization: '归一化',
  pooling: '池化',
  random: '随机数',
  reduction: '归约',
  regularization: '正则化',
  reshaping: '改变形状',
  resizing: '缩放',
  shape: '形状',
  window: '窗口划分',
};

/** `Convolution`, or `卷积` in Chinese; a category without a Chinese title keeps its English one. */
export function categoryTitle(category: string): string {
  const english = `${category[0]!.toUpperCase()}${category.slice(1)}`;
  return currentLocale() === 'zh' ? (CHINESE[category] ?? english) : english;
}

/** The categories that have a Chinese title (the reference-page test checks every category has one). */
export function hasChineseTitle(category: string): boolean {
  return category in CHINESE;
}
