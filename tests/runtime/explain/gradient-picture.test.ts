// The picture of --explain: gradient norm against depth on a log scale,
// parsed back: a well-formed SVG whose dots sit where their values say,
// one series per network with a legend, and the layers it cannot draw said.

import { describe, expect, it } from 'vitest';
import { decades, gradientPicture, type GradientSeries } from '../../../runtime/explain/gradient-picture.js';
import { elements, parseXml, texts, wellFormed } from '../pictures/svg-parse.js';

const series = (name: string, gradients: number[]): GradientSeries => ({ name, points: gradients.map((gradient, i) => ({ depth: i + 1, layer: `Dense_${i + 1}`, gradient })) });

/** The dots of the picture: [cx, cy, title] in document order. */
function dots(svg: string): [number, number, string][] {
  return elements(parseXml(svg), 'circle').map((c) => [Number(c.attrs['cx']), Number(c.attrs['cy']), c.children[0]?.text ?? '']);
}

describe('decades', () => {
  it('the powers of ten around the values, at least one apart', () => {
    expect(decades([2e-13, 0.6])).toEqual([-13, 0]);
    expect(decades([0.2, 0.5])).toEqual([-1, 0]);
    expect(decades([1, 1])).toEqual([-1, 0]);
    expect(decades([])).toEqual([-1, 0]);
  });
});

describe('gradientPicture', () => {
  it('puts each layer at its depth, its gradient on a log scale: a tenfold drop is one equal step down', () => {
    const svg = gradientPicture([series('Plain', [1e-4, 1e-3, 1e-2, 1e-1])], 'Plain: the gradient');
    expect(wellFormed(svg)).toBe(true);
    const d = dots(svg);
    expect(d.map((x) => x[2])).toEqual(['Dense_1: 1.000e-4', 'Dense_2: 1.000e-3', 'Dense_3: 1.000e-2', 'Dense_4: 1.000e-1']);
    // left to right by depth, evenly; upwards by value, evenly per decade
    const xs = d.map((x) => x[0]);
    const ys = d.map((x) => x[1]);
    for (let i = 1; i < 4; i++) {
      expect(xs[i]! - xs[i - 1]!).toBeCloseTo(xs[1]! - xs[0]!, 1);
      expect(ys[i - 1]! - ys[i]!).toBeCloseTo(ys[0]! - ys[1]!, 1);
      expect(ys[i]!).toBeLessThan(ys[i - 1]!);
    }
    const labels = texts(parseXml(svg));
    expect(labels).toEqual(expect.arrayContaining(['Plain: the gradient', '1e-4', '1e-1', '1', '4']));
  });

  it('several series share the axes, named in a legend; a zero gradient is said, not drawn', () => {
    const svg = gradientPicture([series('PlainDeep', [1e-13, 1e-7, 0.5]), series('ResidualDeep', [0.5, 0, 1.3])], 'two networks');
    expect(wellFormed(svg)).toBe(true);
    expect(dots(svg)).toHaveLength(5);
    const labels = texts(parseXml(svg));
    expect(labels).toEqual(expect.arrayContaining(['PlainDeep', 'ResidualDeep', '1 layer with a zero gradient not drawn']));
    // the same value sits at the same height whichever series it is in
    const [plainLast, residualFirst] = [dots(svg)[2]!, dots(svg)[3]!];
    expect(plainLast[1]).toBeCloseTo(residualFirst[1], 2);
    expect(plainLast[0]).toBeGreaterThan(residualFirst[0]);
  });
});
