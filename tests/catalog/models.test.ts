// Whole networks built from catalog entries, pinned to the reference counts
// in tests/reference/params.json (PyTorch / torchvision / the SAM module tree).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runLayer } from './run-layer.js';

const reference = JSON.parse(readFileSync(new URL('../reference/params.json', import.meta.url), 'utf8')) as Record<string, { trainableParams: number; nonTrainableParams: number }>;

/** Applies layers to shapes (strings like "[B, 224, 224, 3]") and adds up their weights. */
class Net {
  trainable = 0;
  nonTrainable = 0;
  apply(layer: string, args: string, inputs: string | string[]): string {
    const run = runLayer(layer, args, inputs);
    if (run.messages.length > 0) throw new Error(`${layer}(${args}): ${run.messages.join('; ')}`);
    this.trainable += Number(run.trainable);
    this.nonTrainable += Number(run.nonTrainable);
    return run.output;
  }
  seq(x: string, steps: [layer: string, args?: string][]): string {
    for (const [layer, args = ''] of steps) x = this.apply(layer, args, x);
    return x;
  }
  expectCounts(name: string): void {
    expect([this.trainable, this.nonTrainable], name).toEqual([reference[name]!.trainableParams, reference[name]!.nonTrainableParams]);
  }
}

const channels = (shape: string): number => Number(/(\d+)\]$/.exec(shape)![1]);

describe('whole networks match their reference counts', () => {
  it('VGG16: 3x3 convolutions with padding 1 keep the size, 2x2 pools halve it', () => {
    const net = new Net();
    let x = '[B, 224, 224, 3]';
    for (const [convs, filters] of [[2, 64], [2, 128], [3, 256], [3, 512], [3, 512]] as const) {
      for (let i = 0; i < convs; i++) x = net.seq(x, [['Conv2D', `${filters}, 3, stride: 1, padding: 1`], ['ReLU']]);
      x = net.apply('MaxPool2D', '2, stride: 2', x);
    }
    expect(x).toBe('[B, 7, 7, 512]');
    x = net.seq(x, [['Flatten'], ['Dense', '4096'], ['ReLU'], ['Dropout', '0.5'], ['Dense', '4096'], ['ReLU'], ['Dropout', '0.5'], ['Dense', '1000']]);
    expect(x).toBe('[B, 1000]');
    net.expectCounts('VGG16');
  });

  it('AlexNet (torchvision): 224 -> 55 -> 27 -> 13 -> 6', () => {
    const net = new Net();
    const x = net.seq('[B, 224, 224, 3]', [
      ['Conv2D', '64, 11, stride: 4, padding: 2'], ['ReLU'], ['MaxPool2D', '3, stride: 2'],
      ['Conv2D', '192, 5, padding: 2'], ['ReLU'], ['MaxPool2D', '3, stride: 2'],
      ['Conv2D', '384, 3, padding: 1'], ['ReLU'], ['Conv2D', '256, 3, padding: 1'], ['ReLU'],
      ['Conv2D', '256, 3, padding: 1'], ['ReLU'], ['MaxPool2D', '3, stride: 2'], ['AdaptiveAvgPool2D', '6'],
      ['Flatten'], ['Dropout', '0.5'], ['Dense', '4096'], ['ReLU'], ['Dropout', '0.5'], ['Dense', '4096'], ['ReLU'], ['Dense', '1000'],
    ]);
    expect(x).toBe('[B, 1000]');
    net.expectCounts('AlexNet');
  });

  const resnet = (name: string, blocks: number[], bottleneck: boolean) => () => {
    const net = new Net();
    let x = net.seq('[B, 224, 224, 3]', [['Conv2D', '64, 7, stride: 2, padding: 3, bias: false'], ['BatchNorm'], ['ReLU'], ['MaxPool2D', '3, stride: 2, padding: 1']]);
    expect(x).toBe('[B, 56, 56, 64]');
    [64, 128, 256, 512].forEach((width, stage) => {
      for (let i = 0; i < blocks[stage]!; i++) {
        const stride = i === 0 && stage > 0 ? 2 : 1;
        const out = bottleneck ? 4 * width : width;
        const f = bottleneck
          ? net.seq(x, [['Conv2D', `${width}, 1, bias: false`], ['BatchNorm'], ['ReLU'], ['Conv2D', `${width}, 3, stride: ${stride}, padding: 1, bias: false`], ['BatchNorm'], ['ReLU'], ['Conv2D', `${out}, 1, bias: false`], ['BatchNorm']])
          : net.seq(x, [['Conv2D', `${width}, 3, stride: ${stride}, padding: 1, bias: false`], ['BatchNorm'], ['ReLU'], ['Conv2D', `${width}, 3, padding: 1, bias: false`], ['BatchNorm']]);
        const shortcut = stride === 1 && channels(x) === out ? x : net.seq(x, [['Conv2D', `${out}, 1, stride: ${stride}, bias: false`], ['BatchNorm']]);
        x = net.apply('ReLU', '', net.apply('Add', '', [f, shortcut]));
      }
    });
    expect(x).toBe(`[B, 7, 7, ${bottleneck ? 2048 : 512}]`);
    x = net.seq(x, [['GlobalAvgPool'], ['Dense', '1000']]);
    net.expectCounts(name);
  };
  it('ResNet18: F(x) + x', resnet('ResNet18', [2, 2, 2, 2], false));
  it('ResNet34', resnet('ResNet34', [3, 4, 6, 3], false));
  it('ResNet50: bottlenecks', resnet('ResNet50', [3, 4, 6, 3], true));

  it('YOLOv1: 448x448x3 -> 7x7x30', () => {
    const net = new Net();
    const conv = (filters: number, k: number, stride = 1): [string, string] => ['Conv2D', `${filters}, ${k}, stride: ${stride}, padding: ${Math.floor(k / 2)}`];
    const leaky: [string, string] = ['LeakyReLU', '0.1'];
    const pool: [string, string] = ['MaxPool2D', '2, stride: 2'];
    const steps: [string, string?][] = [conv(64, 7, 2), leaky, pool, conv(192, 3), leaky, pool, conv(128, 1), leaky, conv(256, 3), leaky, conv(256, 1), leaky, conv(512, 3), leaky, pool];
    for (let i = 0; i < 4; i++) steps.push(conv(256, 1), leaky, conv(512, 3), leaky);
    steps.push(conv(512, 1), leaky, conv(1024, 3), leaky, pool);
    for (let i = 0; i < 2; i++) steps.push(conv(512, 1), leaky, conv(1024, 3), leaky);
    steps.push(conv(1024, 3), leaky, conv(1024, 3, 2), leaky, conv(1024, 3), leaky, conv(1024, 3), leaky);
    let x = net.seq('[B, 448, 448, 3]', steps);
    expect(x).toBe('[B, 7, 7, 1024]');
    net.expectCounts('YOLOv1.features');
    x = net.seq(x, [['Flatten'], ['Dense', '4096'], leaky, ['Dropout', '0.5'], ['Dense', '1470'], ['Reshape', '[7, 7, 30]']]);
    expect(x).toBe('[B, 7, 7, 30]');
    net.expectCounts('YOLOv1');
  });

  it('GAN generator and discriminator', () => {
    const g = new Net();
    const img = g.seq('[B, 100]', [['Dense', '256'], ['LeakyReLU', '0.2'], ['Dense', '512'], ['LeakyReLU', '0.2'], ['Dense', '1024'], ['LeakyReLU', '0.2'], ['Dense', '784'], ['Tanh'], ['Reshape', '[28, 28, 1]']]);
    expect(img).toBe('[B, 28, 28, 1]');
    g.expectCounts('GAN.Generator');
    const d = new Net();
    expect(d.seq(img, [['Flatten'], ['Dense', '512'], ['LeakyReLU', '0.2'], ['Dense', '256'], ['LeakyReLU', '0.2'], ['Dense', '1'], ['Sigmoid']])).toBe('[B, 1]');
    d.expectCounts('GAN.Discriminator');
  });

  const encoderLayer = (net: Net, x: string) => {
    const a = net.apply('LayerNorm', '', net.apply('Add', '', [x, net.apply('Dropout', '0.1', net.apply('MultiHeadAttention', '8, 512', [x, x, x]))]));
    return net.apply('LayerNorm', '', net.apply('Add', '', [a, net.seq(a, [['Dense', '2048'], ['ReLU'], ['Dense', '512'], ['Dropout', '0.1']])]));
  };
  const decoderLayer = (net: Net, y: string, memory: string) => {
    const a = net.apply('LayerNorm', '', net.apply('Add', '', [y, net.apply('MultiHeadAttention', '8, 512, causal: true', [y, y, y])]));
    const c = net.apply('LayerNorm', '', net.apply('Add', '', [a, net.apply('MultiHeadAttention', '8, 512', [a, memory, memory])]));
    return net.apply('LayerNorm', '', net.apply('Add', '', [c, net.seq(c, [['Dense', '2048'], ['ReLU'], ['Dense', '512']])]));
  };

  it('Transformer layers and the whole Transformer', () => {
    const enc = new Net();
    expect(encoderLayer(enc, '[B, S, 512]')).toBe('[B, S, 512]');
    enc.expectCounts('TransformerEncoderLayer_512_8_2048');
    const dec = new Net();
    expect(decoderLayer(dec, '[B, T, 512]', '[B, S, 512]')).toBe('[B, T, 512]');
    dec.expectCounts('TransformerDecoderLayer_512_8_2048');

    const net = new Net();
    const embedded = (ids: string) => net.apply('PositionalEncoding', '', net.apply('Embedding', '37000, 512', ids));
    let memory = embedded('int32[B, S]');
    for (let i = 0; i < 6; i++) memory = encoderLayer(net, memory);
    memory = net.apply('LayerNorm', '', memory);
    let y = embedded('int32[B, T]');
    net.trainable -= 37000 * 512; // the embedding is shared: counted once
    for (let i = 0; i < 6; i++) y = decoderLayer(net, y, memory);
    y = net.apply('LayerNorm', '', y);
    expect(net.apply('Dense', '37000', y)).toBe('[B, T, 37000]');
    net.expectCounts('Transformer_vocab37000');
  });

  it('SAM ViT-B: image encoder, prompt encoder, mask decoder', () => {
    // image encoder
    const image = new Net();
    let x = image.apply('Conv2D', '768, 16, stride: 16', '[B, 1024, 1024, 3]');
    x = image.apply('Add', '', [x, image.apply('Weight', '[1, 64, 64, 768]', [])]);
    for (let i = 0; i < 12; i++) {
      const global = [2, 5, 8, 11].includes(i);
      // windowed blocks attend within 14x14 windows (the partition is a reshape: [B*25, 14, 14, 768] after padding 64 -> 70)
      const tokens = global ? x : '[B*25, 14, 14, 768]';
      const a = image.seq(tokens, [['LayerNorm', 'epsilon: 1e-6'], ['RelPosAttention', `12, ${global ? 64 : 14}`]]);
      if (global) x = image.apply('Add', '', [x, a]);
      // Dense refuses rank-4 inputs (NN2002), so the MLP runs on the tokens as a sequence
      const mlp = image.seq(x, [['LayerNorm', 'epsilon: 1e-6'], ['Reshape', '[4096, 768]'], ['Dense', '3072'], ['GELU'], ['Dense', '768'], ['Reshape', '[64, 64, 768]']]);
      x = image.apply('Add', '', [x, mlp]);
    }
    x = image.seq(x, [['Conv2D', '256, 1, bias: false'], ['LayerNorm', 'epsilon: 1e-6'], ['Conv2D', '256, 3, padding: 1, bias: false'], ['LayerNorm', 'epsilon: 1e-6']]);
    expect(x).toBe('[B, 64, 64, 256]');
    image.expectCounts('SAM_ViT_B.image_encoder');

    // prompt encoder
    const prompt = new Net();
    expect(prompt.apply('FourierFeatures', '128', '[B, N, 2]')).toBe('[B, N, 256]');
    prompt.nonTrainable = 0; // a buffer: PyTorch's count leaves it out
    for (let i = 0; i < 6; i++) prompt.apply('Embedding', '1, 256', 'int32[B, 1]'); // 4 point embeddings, not-a-point, no-mask
    const mask = prompt.seq('[B, 256, 256, 1]', [['Conv2D', '4, 2, stride: 2'], ['LayerNorm', 'epsilon: 1e-6'], ['GELU'], ['Conv2D', '16, 2, stride: 2'], ['LayerNorm', 'epsilon: 1e-6'], ['GELU'], ['Conv2D', '256, 1']]);
    expect(mask).toBe('[B, 64, 64, 256]');
    prompt.expectCounts('SAM_ViT_B.prompt_encoder');

    // mask decoder: a two-way transformer between the tokens and the image embedding
    const decoder = new Net();
    const tokens0 = decoder.apply('Concat', 'axis: 0', [decoder.apply('Weight', '[1, 256]', []), decoder.apply('Weight', '[4, 256]', [])]);
    expect(tokens0).toBe('[5, 256]');
    let q = '[B, 7, 256]';
    let k = '[B, 4096, 256]';
    for (let i = 0; i < 2; i++) {
      q = decoder.apply('LayerNorm', '', decoder.apply('Add', '', [q, decoder.apply('MultiHeadAttention', '8, 256', q)]));
      q = decoder.apply('LayerNorm', '', decoder.apply('Add', '', [q, decoder.apply('MultiHeadAttention', '8, 256, inner: 128', [q, k, k])]));
      q = decoder.apply('LayerNorm', '', decoder.apply('Add', '', [q, decoder.seq(q, [['Dense', '2048'], ['ReLU'], ['Dense', '256']])]));
      k = decoder.apply('LayerNorm', '', decoder.apply('Add', '', [k, decoder.apply('MultiHeadAttention', '8, 256, inner: 128', [k, q, q])]));
    }
    q = decoder.apply('LayerNorm', '', decoder.apply('Add', '', [q, decoder.apply('MultiHeadAttention', '8, 256, inner: 128', [q, k, k])]));
    expect(q).toBe('[B, 7, 256]');
    const up = decoder.seq('[B, 64, 64, 256]', [['Conv2DTranspose', '64, 2, stride: 2'], ['LayerNorm', 'epsilon: 1e-6'], ['GELU'], ['Conv2DTranspose', '32, 2, stride: 2'], ['GELU']]);
    expect(up).toBe('[B, 256, 256, 32]');
    for (let i = 0; i < 4; i++) decoder.seq('[B, 256]', [['Dense', '256'], ['ReLU'], ['Dense', '256'], ['ReLU'], ['Dense', '32']]);
    expect(decoder.seq('[B, 256]', [['Dense', '256'], ['ReLU'], ['Dense', '256'], ['ReLU'], ['Dense', '4']])).toBe('[B, 4]');
    decoder.expectCounts('SAM_ViT_B.mask_decoder');

    expect(image.trainable + prompt.trainable + decoder.trainable).toBe(reference['SAM_ViT_B']!.trainableParams);
  });
});
