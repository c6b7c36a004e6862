// The pure parts of NN: Export Model, NN: Run Model and NN: Open Example:
// the models of a source, the examples' labels, the CLI's failure message,
// the preview of an output array (and its picture), and the outputs' folder
// and document.

import { readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { cliFailure, cliWarnings } from '../../client/model-commands/cli-failure.js';
import { exampleInfo } from '../../client/model-commands/example-info.js';
import { modelNames } from '../../client/model-commands/model-names.js';
import { displayRange, imageLayout, imagePng, previewArray, shownImages } from '../../client/model-commands/output-preview.js';
import { outputFileNames, outputFolder, outputsMarkdown } from '../../client/model-commands/run-outputs.js';
import { parseNpy } from '../../runtime/data/npy-format.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';

const npy = (values: number[], shape: number[]) => parseNpy(encodeNpy(Float32Array.from(values), shape, 'float32'));

describe('models of a source', () => {
  test('each `model Name`, in order; blocks, comments and the word in text are not models', () => {
    const source = ['/// a model of digits', 'block Stem(f: int) {', '}', 'model MLP(hidden: int = 128) {', '}', '  model  Second {', '// model Commented', '}'].join('\n');
    expect(modelNames(source)).toEqual(['MLP', 'Second']);
  });
});

describe('the bundled examples', () => {
  test.each([
    ['mlp.nn', 'The simple network of the notes: a forward pass, backpropagation, gradient descent and the parameter update, on real handwritten digits.', ['MLP']],
    ['gan.nn', 'GAN: a generative adversarial network (Goodfellow et al., 2014).', undefined],
    ['resnet.nn', 'ResNet: residual learning, F(x) + x.', undefined],
  ])('%s: the first sentence of its opening comment and its models', (file, summary, models) => {
    const info = exampleInfo(file, readFileSync(`examples/${file}`, 'utf8'));
    expect(info.summary).toBe(summary);
    if (models) expect(info.models).toEqual(models);
    expect(info.models.length).toBeGreaterThan(0);
  });

  test('every example has a one-line summary and a model', () => {
    for (const file of readdirSync('examples').filter((f) => f.endsWith('.nn'))) {
      const info = exampleInfo(file, readFileSync(`examples/${file}`, 'utf8'));
      expect(info.summary.length, file).toBeGreaterThan(10);
      expect(info.summary.length, file).toBeLessThanOrEqual(160);
      expect(info.models.length, file).toBeGreaterThan(0);
    }
  });
});

describe("the CLI's failure message", () => {
  test("the CLI's own lines from the stderr tail", () => {
    const tail = ['2026-12-02 10:00:00.1: I tensorflow/core/util/port.cc:153] oneDNN custom operations are on.', 'nn: MLP takes 1 input (x), but 2 .npy files were given'];
    expect(cliFailure('run', { code: 2, stderrTail: tail })).toBe('nn run failed (exit status 2): nn: MLP takes 1 input (x), but 2 .npy files were given');
  });

  test('a crash: the error lines, and a hint that memory may have run out', () => {
    expect(cliFailure('export', { code: null, stderrTail: ['RangeError: Array buffer allocation failed', '    at new ArrayBuffer (<anonymous>)'] })).toBe(
      'nn export was ended by a signal (out of memory?): RangeError: Array buffer allocation failed',
    );
  });

  test('warnings of a run that worked', () => {
    expect(cliWarnings(['nn: warning: no trained weights for MLP (train it first with nn train); using its initial weights'])).toEqual(['no trained weights for MLP (train it first with nn train); using its initial weights']);
  });
});

describe('the preview of an output', () => {
  test('class scores [B, K]: values, statistics and the argmax of each row; no picture', () => {
    const preview = previewArray(npy([0.1, 0.7, 0.2, 0.5, 0.25, 0.25], [2, 3]));
    expect(preview).toMatchObject({ shape: [2, 3], type: 'float32', argmax: [1, 0], nonFinite: 0 });
    expect(preview.stats!.min).toBeCloseTo(0.1);
    expect(preview.stats!.mean).toBeCloseTo(1 / 3);
    expect(preview.rows).toEqual(['[0] 0.1 0.7 0.2', '[1] 0.5 0.25 0.25']);
    expect(preview.image).toBeUndefined();
  });

  test('long rows and many rows are cut', () => {
    const preview = previewArray(npy(Array.from({ length: 6 * 12 }, (_, i) => i), [6, 12]));
    expect(preview.rows[0]).toBe('[0] 0 1 2 3 4 5 6 7 8 9 … (12 values)');
    expect(preview.rows.at(-1)).toBe('… 2 more rows');
  });

  test.each([
    [[16, 28, 28, 1], { count: 16, height: 28, width: 28, channels: 1 }],
    [[2, 32, 32, 3], { count: 2, height: 32, width: 32, channels: 3 }],
    [[64, 64, 3], { count: 1, height: 64, width: 64, channels: 3 }],
    [[4, 28, 28], { count: 4, height: 28, width: 28, channels: 1 }],
    [[64, 64], { count: 1, height: 64, width: 64, channels: 1 }],
    [[32, 10], undefined],
    [[8, 16, 512], undefined],
    [[8, 7, 7, 5], undefined],
  ])('%j as pictures: %j', (shape, layout) => {
    expect(imageLayout(shape)).toEqual(layout);
  });

  test.each([
    [{ min: 0, max: 1, mean: 0.5 }, [0, 1]],
    [{ min: -0.9, max: 0.8, mean: 0 }, [-1, 1]],
    [{ min: 0, max: 200, mean: 90 }, [0, 255]],
    [{ min: -3, max: 7, mean: 1 }, [-3, 7]],
  ])('values in %j are shown over %j', (stats, range) => {
    expect(displayRange(stats)).toEqual(range);
  });

  test('a picture shows up to 64 images, and fewer of large ones', () => {
    expect(shownImages({ count: 1000, height: 28, width: 28, channels: 1 })).toBe(64);
    expect(shownImages({ count: 16, height: 1024, width: 1024, channels: 1 })).toBe(4);
    expect(shownImages({ count: 2, height: 4096, width: 4096, channels: 3 })).toBe(1);
  });

  test('a batch of grey images becomes one PNG grid', () => {
    const array = npy(Array.from({ length: 4 * 8 * 8 }, (_, i) => (i % 64) / 63), [4, 8, 8, 1]);
    const png = imagePng(array, previewArray(array))!;
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // IHDR: a 2 x 2 grid of 8 x 8 images enlarged 8 times (64 x 64), with 2-pixel gaps: 2 * (64 + 2) + 2 = 134 square, greyscale
    const side = 2 * (64 + 2) + 2;
    expect(png.readUInt32BE(16)).toBe(side);
    expect(png.readUInt32BE(20)).toBe(side);
    expect(png[25]).toBe(0);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect(raw.length).toBe(side * (side + 1));
    const pixel = (x: number, y: number) => raw[y * (side + 1) + 1 + x];
    // the first image's first pixel (value 0) is a black 8 x 8 square, its last (value 1) a white one
    expect(pixel(2, 2)).toBe(0);
    expect(pixel(2 + 7, 2 + 7)).toBe(0);
    expect(pixel(2 + 63, 2 + 63)).toBe(255);
    expect(pixel(2 + 56, 2 + 56)).toBe(255);
    expect(pixel(2 + 55, 2 + 55)).not.toBe(255);
  });
});

describe("the outputs' folder and document", () => {
  test('outputs/<model>-<local time> next to the file', () => {
    expect(outputFolder('/ws/models', 'MLP', new Date(2026, 11, 2, 9, 5, 7))).toBe('/ws/models/outputs/MLP-20261202-090507');
  });

  test('one safe, distinct file name per output', () => {
    expect(outputFileNames(['logits', 'box/xy', 'logits', ''])).toEqual(['logits.npy', 'box_xy.npy', 'logits-2.npy', 'output3.npy']);
  });

  test('the document: inputs, each output with its values, and a picture when there is one', () => {
    const scores = previewArray(npy([0.1, 0.9], [1, 2]));
    const images = previewArray(npy(Array.from({ length: 2 * 8 * 8 }, () => 0.5), [2, 8, 8, 1]));
    const text = outputsMarkdown({
      model: 'G',
      source: 'gan.nn',
      at: new Date(2026, 11, 2),
      inputs: [{ name: 'z', path: 'noise.npy' }],
      outputs: [
        { name: 'scores', file: 'scores.npy', preview: scores },
        { name: 'image', file: 'image.npy', preview: images, png: 'image.png' },
      ],
      warnings: ['no trained weights for G'],
    });
    expect(text).toContain('> **Warning:** no trained weights for G');
    expect(text).toContain('| z | `noise.npy` |');
    expect(text).toContain('## scores: [1, 2] float32');
    expect(text).toContain("Largest value's index in each row (argmax): 1");
    expect(text).toContain('As 2 pictures (8×8, grey):');
    expect(text).toContain('![image](image.png)');
    expect(text).not.toContain('![scores]');
  });
});
