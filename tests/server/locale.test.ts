// The language of the server's answers comes from `initialize`'s `locale`:
// a client in Chinese (`zh-cn`) gets hovers, diagnostics and quick-fix
// titles in Chinese, with code, shapes and numbers as in English; a client
// that names no locale gets the English, word for word as it always was.
// The Chinese expected here is the catalogue's (core/i18n/zh), so the test
// checks that the server reads it, not a second copy of its wording.
// The bundled specs' `///` docs stay in English in their files; the hover
// shows a Chinese client the catalogue's version (core/i18n/zh/examples.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ZH_MESSAGES } from '../../core/i18n/zh/index.js';
import { Client, cursor, root, uriOf, type Diagnostic } from './client.js';

/** A model whose Dense is hovered (after Flatten: it has its shapes), and one that forgot the Flatten after a convolution. */
const SOURCE = `model Net {
  input image: [B, 28, 28, 1]
  output image -> Flatten -> Den<|>se(10)
}

model Forgot {
  input image: [B, 10, 10, 3]
  output image -> Conv2D(8, 3) -> Dense(10)
}
`;

const { text, position } = cursor(SOURCE);

/** The catalogue's Chinese for an English key, with its values put in. */
function zh(key: string, ...values: string[]): string {
  const translation = ZH_MESSAGES.get(key);
  if (translation === undefined) throw new Error(`the catalogue has no Chinese for ${JSON.stringify(key)}`);
  return translation.replace(/\{(\d+)\}/g, (_, i: string) => values[Number(i)]!);
}

/** examples/mlp.nn as shipped, and the doc comment of its model `MLP`. */
const MLP_FILE = join(root, 'examples', 'mlp.nn');
const MLP_TEXT = readFileSync(MLP_FILE, 'utf8');
const MLP_DOC = 'A multi-layer perceptron: 784 pixels -> 128 hidden units -> 10 digits.';
const MLP_AT = cursor(MLP_TEXT.replace('model MLP(', 'model M<|>LP(')).position;

const HERE = 'Dense(units: 10, activation: "linear", bias: true, init: "glorot_uniform", bias_init: "zeros")';

/** The English hover, whole: English is the text of the templates, unchanged by the catalogue. */
const ENGLISH_HOVER = `\`\`\`nn
Dense(units, activation: "linear", bias: true, init: "glorot_uniform", bias_init: "zeros", kernel?)
\`\`\`

A fully connected layer: every output unit is a weighted sum of all input features plus a bias, \`y = x W + b\`. It acts on the last axis, so \`[B, 784] -> [B, units]\` and \`[B, T, d] -> [B, T, units]\` (the same weights at every position). Stacked with non-linear activations, dense layers form the simple network of the notes: the forward pass computes \`x W + b\`, backpropagation computes how the loss changes with each weight, and gradient descent moves each weight a small step against that gradient.

---

Here: \`${HERE}\`

\`[B, 784]\` → \`[B, 10]\`  
Parameters: 7,850  
FLOPs per example: 15,690`;

interface Case {
  locale: string | undefined;
  /** what the hover on `Dense` must say, in order (English: all of it) */
  hover: string[];
  /** what it must not say (the other language's words) */
  notInHover: string[];
  forgottenFlatten: string;
  fixTitle: string;
}

const CASES: Case[] = [
  {
    locale: 'zh-cn',
    hover: [
      '```nn\nDense(units, activation: "linear", bias: true',
      '全连接层',
      zh('Here: `{0}`', HERE),
      '`[B, 784]` → `[B, 10]`',
      zh('Parameters: {0}', '7,850'),
      zh('FLOPs per example: {0}', '15,690'),
    ],
    notInHover: ['A fully connected layer', 'Here:', 'Parameters:'],
    forgottenFlatten: zh('Dense acts on the last axis of a rank-{0} input here; flatten the image features first', '4'),
    fixTitle: '在 Dense 之前插入 Flatten',
  },
  {
    locale: undefined,
    hover: [ENGLISH_HOVER],
    notInHover: ['全连接'],
    forgottenFlatten: 'Dense acts on the last axis of a rank-4 input here; flatten the image features first',
    fixTitle: 'Insert Flatten before Dense',
  },
];

describe.each(CASES)('a client with locale $locale', (c) => {
  let client: Client;
  const file = `/virtual/locale-${c.locale ?? 'none'}/main.nn`;
  const uri = uriOf(file);
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    client = await Client.start(c.locale !== undefined ? { locale: c.locale } : {});
    diagnostics = (await client.open(file, text)).diagnostics;
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  test('a hover on Dense explains the layer and shows its shapes, parameters and FLOPs', async () => {
    const h = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position });
    const value = h.contents.value;
    let from = 0;
    for (const part of c.hover) {
      const at = value.indexOf(part, from);
      expect(at, `${JSON.stringify(part)} in order in\n${value}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
    for (const word of c.notInHover) expect(value).not.toContain(word);
    if (c.locale === undefined) expect(value).toBe(ENGLISH_HOVER);
  });

  test("a convolution's output into Dense gives NN2002 and its quick fix in the language", async () => {
    const dense = diagnostics.find((d) => d.code === 'NN2002');
    expect(dense, JSON.stringify(diagnostics)).toBeDefined();
    expect(dense!.message).toBe(c.forgottenFlatten);
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: dense!.range, context: { diagnostics: [dense], only: ['quickfix'] },
    });
    expect(actions.map((a) => a.title)).toEqual([c.fixTitle]);
  });

  test("a hover on examples/mlp.nn's model shows its /// doc in the language", async () => {
    expect(MLP_TEXT).toContain(`/// ${MLP_DOC}\nmodel MLP(`);
    await client.open(MLP_FILE, MLP_TEXT);
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uriOf(MLP_FILE) }, position: MLP_AT });
    const [shown, other] = c.locale === undefined ? [MLP_DOC, zh(MLP_DOC)] : [zh(MLP_DOC), MLP_DOC];
    expect(h.contents.value).toContain(shown);
    expect(h.contents.value).not.toContain(other);
  });
});
