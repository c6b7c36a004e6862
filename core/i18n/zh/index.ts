// The Chinese catalogue: one file per part of the code, merged. The terms
// are the notes' (前向传播, 反向传播, 梯度下降, 全连接, 卷积核, 批归一化, ...);
// see docs/zh/glossary.md.

import { CHECK_A } from './check-a.js';
import { CHECK_B } from './check-b.js';
import { CLI } from './cli.js';
import { DOCS } from './docs.js';
import { EXAMPLES } from './examples.js';
import { FUNCTIONS } from './functions.js';
import { IDE } from './ide.js';
import { LAYERS_A } from './layers-a.js';
import { LAYERS_B } from './layers-b.js';
import { RUNTIME } from './runtime.js';

/** Every part, named for the catalogue test (a key in two parts must say the same). */
export const ZH_PARTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'check-a': CHECK_A,
  'check-b': CHECK_B,
  'layers-a': LAYERS_A,
  'layers-b': LAYERS_B,
  functions: FUNCTIONS,
  ide: IDE,
  cli: CLI,
  docs: DOCS,
  runtime: RUNTIME,
  examples: EXAMPLES,
};

export const ZH_MESSAGES: ReadonlyMap<string, string> = new Map(Object.values(ZH_PARTS).flatMap((part) => Object.entries(part)));
