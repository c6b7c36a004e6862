// Each picture renderer on hand-made inputs: well-formed SVG, the right
// number of cells, boxes, points and series, each where it should be
// (its x, y, width and height worked out from the layout), the labels
// there, the mistakes marked, the images embedded at their size.

import { describe, expect, it } from 'vitest';
import { niceDomain, niceTicks } from '../../../runtime/pictures/axes.js';
import { attentionMap } from '../../../runtime/pictures/attention.js';
import { accuracyOf, confusionMatrix, MISTAKE, type PixelImage, predictionGrid } from '../../../runtime/pictures/classification.js';
import { boxOnTile, detectionGrid } from '../../../runtime/pictures/detection.js';
import { ringScatter, sampleGrid } from '../../../runtime/pictures/gan.js';
import { metricsChart, panelsOf } from '../../../runtime/pictures/metrics-chart.js';
import { shade } from '../../../runtime/pictures/shades.js';
import { byClass, elements, num, parseXml, texts, type XmlElement } from './svg-parse.js';

/** A grey image whose pixels count up: not blank, of a known size. */
function image(width: number, height: number, channels: 1 | 3 = 1): PixelImage {
  return { width, height, channels, pixels: Uint8Array.from({ length: width * height * channels }, (_, i) => (i * 7) % 256) };
}

/** The width and height written in a PNG data URI's header. */
function pngSize(e: XmlElement): [number, number] {
  const href = e.attrs['href']!;
  expect(href.startsWith('data:image/png;base64,')).toBe(true);
  const bytes = Buffer.from(href.slice('data:image/png;base64,'.length), 'base64');
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const box = (e: XmlElement) => ['x', 'y', 'width', 'height'].map((a) => num(e, a));

describe('the classification pictures', () => {
  const names = ['cat', 'dog', 'a<b'];
  const svg = predictionGrid({
    title: 'Held-out predictions after epoch 2',
    classNames: names,
    examples: [
      { image: image(28, 28), predicted: 0, truth: 0 },
      { image: image(28, 28), predicted: 1, truth: 0 },
      { image: image(28, 28), predicted: 2, truth: 2 },
    ],
  });
  const doc = parseXml(svg);

  it('shows each example as its image, at its size', () => {
    const images = elements(doc, 'image');
    expect(images).toHaveLength(3);
    for (const i of images) expect(pngSize(i)).toEqual([28, 28]);
  });

  it('frames the mistake in red and labels it predicted / true; the others by their class', () => {
    const wrong = byClass(doc, 'wrong');
    expect(wrong).toHaveLength(1);
    const frame = byClass(wrong[0]!, 'mistake')[0]!;
    expect(frame.attrs['stroke']).toBe(MISTAKE);
    // the frame surrounds the second tile's image by 2 units
    const [ix, iy, iw, ih] = box(elements(wrong[0]!, 'image')[0]!);
    expect(box(frame)).toEqual([ix - 2, iy - 2, iw + 4, ih + 4]);
    expect(texts(wrong[0]!)).toEqual(['dog / cat']);
    expect(byClass(doc, 'right').map((e) => texts(e))).toEqual([['cat'], ['a<b']]);
    expect(texts(doc)).toContain('2 of 3 right; mistakes in red, labelled predicted / true');
  });

  it('draws the confusion matrix: a shaded cell per pair, the counts, the names on both axes, the accuracy in the title', () => {
    const counts = [
      [5, 1, 0],
      [0, 3, 1],
      [2, 0, 8],
    ];
    expect(accuracyOf(counts)).toBeCloseTo(16 / 20, 10);
    const m = parseXml(confusionMatrix({ title: 'Confusion matrix after epoch 2', counts, classNames: names }));
    const cells = byClass(m, 'cell');
    expect(cells).toHaveLength(9);
    const cell = (t: number, p: number) => cells.find((c) => c.attrs['data-true'] === String(t) && c.attrs['data-predicted'] === String(p))!;
    // shaded by the share of the true class: 5 of 6 cats, 0 of 6
    expect(cell(0, 0).attrs['fill']).toBe(shade(5 / 6));
    expect(cell(0, 2).attrs['fill']).toBe(shade(0));
    // cells in rows (true) and columns (predicted), all of one size
    const [x00, y00, w] = box(cell(0, 0));
    expect(box(cell(2, 1))).toEqual([x00 + w, y00 + 2 * w, w, w]);
    const words = texts(m);
    expect(words[0]).toBe('Confusion matrix after epoch 2: accuracy 80.0%');
    for (const n of names) expect(words.filter((t) => t === n)).toHaveLength(2);
    expect(words).toEqual(expect.arrayContaining(['predicted', 'true', '5', '8', '3']));
    expect(words).not.toContain('0');
  });
});

describe('the detection picture', () => {
  const svg = detectionGrid({
    title: 'Held-out detections after epoch 1',
    classNames: ['square', 'circle', 'triangle'],
    threshold: 0.2,
    scenes: [
      { image: image(32, 32, 3), predicted: [{ box: [0.25, 0.25, 0.75, 0.5], score: 0.873, classId: 1 }], truth: [{ box: [0.2, 0.25, 0.7, 0.55], classId: 1 }] },
      { image: image(32, 32, 3), predicted: [], truth: [{ box: [0, 0, 1, 1], classId: 2 }] },
    ],
  });
  const doc = parseXml(svg);

  it('draws each predicted box where it is on its image, with its class and score', () => {
    const scenes = byClass(doc, 'scene');
    expect(scenes).toHaveLength(2);
    const [ix, iy, iw, ih] = box(elements(scenes[0]!, 'image')[0]!);
    expect(iw).toBe(ih);
    expect(pngSize(elements(scenes[0]!, 'image')[0]!)).toEqual([32, 32]);
    const predicted = byClass(scenes[0]!, 'prediction');
    expect(predicted).toHaveLength(1);
    expect(box(predicted[0]!)).toEqual([ix + 0.25 * iw, iy + 0.25 * ih, 0.5 * iw, 0.25 * ih]);
    expect(texts(scenes[0]!)).toEqual(['circle 0.87']);
    expect(byClass(scenes[1]!, 'prediction')).toHaveLength(0);
  });

  it('draws the true boxes dashed, the whole image for a box of [0, 0, 1, 1]', () => {
    const truths = byClass(doc, 'truth');
    expect(truths).toHaveLength(2);
    for (const t of truths) expect(t.attrs['stroke-dasharray']).toBeDefined();
    const second = byClass(doc, 'scene')[1]!;
    expect(box(byClass(second, 'truth')[0]!)).toEqual(box(elements(second, 'image')[0]!));
  });

  it('keeps the label of a box at the right edge within its image', () => {
    const edge = parseXml(
      detectionGrid({
        title: 't',
        classNames: ['square', 'circle', 'triangle'],
        threshold: 0.2,
        scenes: [{ image: image(32, 32, 3), predicted: [{ box: [0.9, 0.5, 1, 0.7], score: 0.5, classId: 2 }], truth: [] }],
      }),
    );
    const scene = byClass(edge, 'scene')[0]!;
    const [ix, , iw] = box(elements(scene, 'image')[0]!);
    const labels = elements(scene, 'rect').filter((r) => r.attrs['class'] === undefined);
    expect(labels).toHaveLength(1);
    const [lx, , lw] = box(labels[0]!);
    expect(lx + lw).toBeLessThanOrEqual(ix + iw);
    expect(lx).toBeGreaterThanOrEqual(ix);
  });

  it('clamps a box that leaves the image to its edges', () => {
    expect(boxOnTile([-0.5, 0.5, 0.5, 1.5], 10, 20, 100)).toEqual([10, 70, 50, 50]);
  });

  it('has a legend for predicted and true boxes and the classes seen', () => {
    const legendTexts = byClass(doc, 'legend').flatMap((e) => texts(e));
    expect(legendTexts).toEqual(['predicted (score >= 0.2, after NMS)', 'true box', 'circle', 'triangle']);
  });
});

describe('the attention map', () => {
  // an anti-diagonal: query q attends to key 2 - q
  const weights = [
    [0.1, 0.1, 0.8],
    [0.1, 0.8, 0.1],
    [0.8, 0.1, 0.1],
  ];
  const doc = parseXml(
    attentionMap({
      title: 'Attention after epoch 5',
      subtitle: 'Decoder/MultiHeadAttention_2',
      weights,
      heads: [weights, weights],
      sourceLabels: ['3', '7', '1'],
      targetLabels: ['1', '7', '3'],
    }),
  );

  it('shades one cell per query and key by its weight, in rows of queries', () => {
    const cells = byClass(doc, 'cell');
    expect(cells).toHaveLength(9);
    const at = (q: number, k: number) => cells.find((c) => c.attrs['data-q'] === String(q) && c.attrs['data-k'] === String(k))!;
    for (let q = 0; q < 3; q++) for (let k = 0; k < 3; k++) expect(at(q, k).attrs['fill']).toBe(shade(weights[q]![k]!));
    const [x, y, size] = box(at(0, 0));
    expect(box(at(2, 0))).toEqual([x, y + 2 * size, size, size]);
    expect(box(at(0, 2))).toEqual([x + 2 * size, y, size, size]);
  });

  it('labels the source across and the target down, and draws each head small', () => {
    const words = texts(doc);
    expect(words).toEqual(expect.arrayContaining(['Attention after epoch 5', 'Decoder/MultiHeadAttention_2', 'source (keys)', 'target (queries)', 'head 1', 'head 2']));
    expect(byClass(doc, 'head')).toHaveLength(2);
    expect(byClass(doc, 'head-cell')).toHaveLength(18);
  });
});

describe('the GAN pictures', () => {
  it('puts the generated grid under a title, at its size', () => {
    const doc = parseXml(sampleGrid({ title: "G's samples after epoch 3", subtitle: '16 images', grid: image(62, 62), count: 16 }));
    expect(texts(doc)[0]).toBe("G's samples after epoch 3");
    expect(pngSize(elements(doc, 'image')[0]!)).toEqual([62, 62]);
  });

  it('plots the points and the true modes on axes with ticks, labels and a legend', () => {
    // three points, one outside the plot; modes at (2, 0) and (0, -2)
    const points = Float32Array.from([0, 0, 1.5, 1.5, 9, 9]);
    const doc = parseXml(ringScatter({ title: 'samples', subtitle: '3 points', points, modes: [[2, 0], [0, -2]], extent: 3 }));
    const samples = byClass(doc, 'sample');
    expect(samples).toHaveLength(2);
    const modes = byClass(doc, 'mode');
    expect(modes.map((m) => [m.attrs['data-x'], m.attrs['data-y']])).toEqual([['2', '0'], ['0', '-2']]);
    // the origin is the middle of the plot: the point (0, 0) and the crossing of the two axes' zero ticks
    const x0 = num(samples[0]!, 'cx');
    const y0 = num(samples[0]!, 'cy');
    const xAxis = byClass(doc, 'x-axis')[0]!;
    const yAxis = byClass(doc, 'y-axis')[0]!;
    const zeroX = elements(xAxis, 'text').find((t) => t.text === '0')!;
    const zeroY = elements(yAxis, 'text').find((t) => t.text === '0')!;
    expect(num(zeroX, 'x')).toBe(x0);
    expect(num(zeroY, 'y')).toBe(y0);
    // (1.5, 1.5) is up and to the right
    expect(num(samples[1]!, 'cx')).toBeGreaterThan(x0);
    expect(num(samples[1]!, 'cy')).toBeLessThan(y0);
    expect(texts(xAxis)).toEqual(['-3', '-2', '-1', '0', '1', '2', '3', 'x']);
    expect(texts(yAxis).at(-1)).toBe('y');
    expect(texts(byClass(doc, 'legend')[0]!)).toEqual(['generated (3)', 'true modes (2)']);
    expect(texts(doc)).toContain('3 points (1 outside the plot)');
  });
});

describe('the loss-and-metrics chart', () => {
  it('groups the logs: the losses together, each metric with its held-out twin', () => {
    expect(panelsOf(['loss', 'test_loss', 'test_accuracy', 'accuracy', 'test_map'])).toEqual([
      { title: 'loss', series: ['loss', 'test_loss'] },
      { title: 'accuracy', series: ['test_accuracy', 'accuracy'] },
      { title: 'map', series: ['test_map'] },
    ]);
    expect(panelsOf(['d_loss', 'g_loss', 'modes_covered'])).toEqual([
      { title: 'loss', series: ['d_loss', 'g_loss'] },
      { title: 'modes_covered', series: ['modes_covered'] },
    ]);
  });

  it('draws a line per series through every epoch, on axes titled epoch, with a legend', () => {
    const epochs = [1, 2, 3, 4].map((epoch) => ({ epoch, logs: { loss: 1 / epoch, val_loss: 1.2 / epoch, val_accuracy: 0.5 + epoch / 10 } }));
    const doc = parseXml(metricsChart({ title: 'Tiny: loss and metrics by epoch', epochs }));
    const panels = byClass(doc, 'panel');
    expect(panels.map((p) => p.attrs['data-title'])).toEqual(['loss', 'accuracy']);
    const series = byClass(doc, 'series');
    expect(series.map((s) => s.attrs['data-name'])).toEqual(['loss', 'val_loss', 'val_accuracy']);
    const points = (s: XmlElement) => elements(s, 'polyline')[0]!.attrs['points']!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
    for (const s of series) expect(points(s)).toHaveLength(4);
    // the loss falls: each point lower on the chart (a larger y) than the one before
    const loss = points(series[0]!);
    for (let i = 1; i < 4; i++) expect(loss[i]![1]).toBeGreaterThan(loss[i - 1]![1]);
    // the held-out series are dashed
    expect(elements(series[1]!, 'polyline')[0]!.attrs['stroke-dasharray']).toBeDefined();
    expect(elements(series[0]!, 'polyline')[0]!.attrs['stroke-dasharray']).toBeUndefined();
    // epoch 1 at the x of the tick labelled 1
    const tick1 = elements(byClass(panels[0]!, 'x-axis')[0]!, 'text').find((t) => t.text === '1')!;
    expect(num(tick1, 'x')).toBe(loss[0]![0]);
    expect(texts(byClass(panels[0]!, 'x-axis')[0]!).at(-1)).toBe('epoch');
    expect(byClass(doc, 'legend').flatMap((l) => texts(l))).toEqual(['loss', 'val_loss', 'val_accuracy']);
  });

  it('draws a run of one epoch as points', () => {
    const doc = parseXml(metricsChart({ title: 'one', epochs: [{ epoch: 1, logs: { loss: 0.5 } }] }));
    expect(elements(byClass(doc, 'series')[0]!, 'circle')).toHaveLength(1);
  });
});

describe('the axes', () => {
  it('picks round ticks: steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3, 3, 6)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(niceTicks(0.013, 0.087, 4)).toEqual([0.02, 0.04, 0.06, 0.08]);
    expect(niceDomain(0.013, 0.087, 4)).toEqual([0, 0.1]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});
