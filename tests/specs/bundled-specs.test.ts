// The bundled specs: each checks with no diagnostics at all, and each
// model's trainable parameter count equals its reference implementation's
// (tests/reference/params.json, computed with PyTorch by compute_params.py).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { summarize } from '../../core/summary.js';
import { nodeHost } from '../../cli/node-host.js';

const root = join(import.meta.dirname, '..', '..');
const example = (name: string) => join(root, 'examples', name);
const reference: Record<string, { trainableParams: number; nonTrainableParams: number }> = JSON.parse(
  readFileSync(join(root, 'tests', 'reference', 'params.json'), 'utf8'),
);

/** [file, model, reference entry (or an exact number), how close it must be] */
const pins: [string, string, string | number, number][] = [
  ['mlp.nn', 'MLP', 'MLP', 0],
  ['vgg.nn', 'VGG11', 'VGG11', 0],
  ['vgg.nn', 'VGG16', 'VGG16', 0],
  ['resnet.nn', 'ResNet18', 'ResNet18', 0],
  ['resnet.nn', 'ResNet34', 'ResNet34', 0],
  ['resnet.nn', 'ResNet50', 'ResNet50', 0],
  ['yolo.nn', 'YOLOv1', 'YOLOv1', 0],
  ['rcnn.nn', 'AlexNet', 'AlexNet', 0],
  ['rcnn.nn', 'RCNN', 'RCNN', 0],
  ['gan.nn', 'Generator', 'GAN.Generator', 0],
  ['gan.nn', 'Discriminator', 'GAN.Discriminator', 0],
  ['attention.nn', 'MultiHeadSelfAttention', 'MultiHeadAttention_512_8', 0],
  ['attention.nn', 'BuiltinMultiHeadAttention', 'MultiHeadAttention_512_8', 0],
  ['transformer.nn', 'TransformerCore', 'TransformerCore', 0],
  ['transformer.nn', 'Transformer', 'Transformer_vocab37000', 0],
  // the issue allows 0.1% for SAM (a text-prompt input is added); the spec matches exactly
  ['sam.nn', 'SAM', 'SAM_ViT_B', 0],
  // 784*64 + 64, then 20 * (64*64 + 64), then 64*10 + 10: the twins differ only in their skip connections
  // GPT-2 small with its head tied to the token embedding: Hugging Face's GPT2LMHeadModel ("gpt2") has 124,439,808
  ['gpt.nn', 'GPT2', 124_439_808, 0],
  // 64*32 + 32*32 (the tables), 2 * 12,704 (the blocks), 64 (the last LayerNorm): the head adds nothing
  ['gpt.nn', 'GPTSmall', 28_544, 0],
  ['backprop.nn', 'PlainDeep', 134_090, 0],
  ['backprop.nn', 'ResidualDeep', 134_090, 0],
];

const files = ['mlp.nn', 'vgg.nn', 'resnet.nn', 'yolo.nn', 'rcnn.nn', 'gan.nn', 'attention.nn', 'transformer.nn', 'gpt.nn', 'sam.nn', 'backprop.nn'];

describe('bundled specs', () => {
  it('are all listed here', () => {
    expect(readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.nn')).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s checks with no diagnostics', (file) => {
    const result = checkFile(example(file), nodeHost);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it.each(pins)('%s %s has the reference parameter count', (file, model, ref, tolerance) => {
    const result = summarize(example(file), nodeHost, model);
    if (!result.ok) throw new Error(result.message);
    const expected = typeof ref === 'number' ? ref : reference[ref]!.trainableParams;
    const actual = result.summary.trainableParams as number;
    expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(tolerance);
    if (tolerance === 0) expect(actual).toBe(expected);
    // SAM's random Fourier matrix is a buffer (not a parameter) in PyTorch; here it counts as non-trainable
    if (typeof ref === 'string' && ref !== 'SAM_ViT_B') expect(result.summary.nonTrainableParams).toBe(reference[ref]!.nonTrainableParams);
  });
});
