// The segmentation picture on hand-made examples: well-formed SVG, the
// image shown twice per example at its size, the prompt where it is (points
// green and red, the box dashed), the predicted mask filled where it is
// predicted, the true mask's outline around it, and the IoU in the caption.

import { describe, expect, it } from 'vitest';
import type { PixelImage } from '../../../runtime/pictures/classification.js';
import { BACKGROUND, FOREGROUND, maskIou, segmentationGrid, type SegmentedExample } from '../../../runtime/pictures/segmentation.js';
import { byClass, elements, num, parseXml, texts, type XmlElement } from './svg-parse.js';

const image: PixelImage = { width: 16, height: 16, channels: 3, pixels: Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => (i * 5) % 256) };

/** A 4x4 mask with ones at these cells (row * 4 + column). */
const mask = (...cells: number[]) => Uint8Array.from({ length: 16 }, (_, i) => (cells.includes(i) ? 1 : 0));

const example: SegmentedExample = {
  image,
  points: [
    [4, 4, 1],
    [12, 2, 0],
  ],
  box: [2, 2, 10, 10],
  // predicted: the top-left 2x2 cells and one more; truth: the top-left 2x2 cells
  predicted: mask(0, 1, 4, 5, 6),
  truth: mask(0, 1, 4, 5),
  kind: 'point + box',
};

const png = (e: XmlElement): [number, number] => {
  const bytes = Buffer.from(e.attrs['href']!.slice('data:image/png;base64,'.length), 'base64');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

describe('the segmentation picture', () => {
  const svg = parseXml(segmentationGrid({ title: 'Held-out masks after epoch 3', examples: [example, { ...example, box: undefined, kind: 'one point' }] }));
  const first = byClass(svg, 'example')[0]!;
  const [promptPanel, maskPanel] = elements(first, 'image');

  it('is well formed, with the title, and each example’s image twice at its size', () => {
    expect(svg.tag).toBe('svg');
    expect(texts(svg)[0]).toBe('Held-out masks after epoch 3');
    expect(byClass(svg, 'example')).toHaveLength(2);
    expect(elements(svg, 'image')).toHaveLength(4);
    expect(png(promptPanel!)).toEqual([16, 16]);
    expect(num(maskPanel!, 'x')).toBeGreaterThan(num(promptPanel!, 'x') + num(promptPanel!, 'width') - 1);
  });

  it('draws the points where they are, green on the object and red off it, and the box dashed', () => {
    const scale = num(promptPanel!, 'width') / 16;
    const [x, y] = [num(promptPanel!, 'x'), num(promptPanel!, 'y')];
    const [on] = byClass(first, 'foreground');
    const [off] = byClass(first, 'background');
    expect(on!.attrs['fill']).toBe(FOREGROUND);
    expect(off!.attrs['fill']).toBe(BACKGROUND);
    expect([num(on!, 'cx'), num(on!, 'cy')]).toEqual([x + 4.5 * scale, y + 4.5 * scale]);
    expect([num(off!, 'cx'), num(off!, 'cy')]).toEqual([x + 12.5 * scale, y + 2.5 * scale]);
    const [box] = byClass(first, 'box');
    expect(['x', 'y', 'width', 'height'].map((a) => num(box!, a))).toEqual([x + 2 * scale, y + 2 * scale, 8 * scale, 8 * scale]);
    expect(box!.attrs['stroke-dasharray']).toBeDefined();
    expect(byClass(byClass(svg, 'example')[1]!, 'box')).toHaveLength(0);
  });

  it('fills the predicted cells, one rectangle per run along a row', () => {
    const cell = num(maskPanel!, 'width') / 4;
    const [x, y] = [num(maskPanel!, 'x'), num(maskPanel!, 'y')];
    const rects = elements(byClass(first, 'predicted')[0]!, 'rect').map((r) => ['x', 'y', 'width', 'height'].map((a) => num(r, a)));
    expect(rects).toEqual([
      [x, y, 2 * cell, cell],
      [x, y + cell, 3 * cell, cell],
    ]);
  });

  it('outlines the true mask: 8 cell edges around its 2x2 square', () => {
    const edges = elements(byClass(first, 'truth')[0]!, 'line');
    expect(edges).toHaveLength(8);
    const cell = num(maskPanel!, 'width') / 4;
    const xs = edges.flatMap((e) => [num(e, 'x1'), num(e, 'x2')]);
    expect(Math.min(...xs)).toBe(num(maskPanel!, 'x'));
    expect(Math.max(...xs)).toBe(num(maskPanel!, 'x') + 2 * cell);
  });

  it('captions the prompt kind and the IoU', () => {
    expect(maskIou(example.predicted, example.truth)).toBe(0.8);
    expect(texts(first)).toContain('point + box: IoU 0.80');
    expect(maskIou(mask(), mask())).toBe(1);
  });
});
