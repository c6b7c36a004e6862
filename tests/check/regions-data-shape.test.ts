// The checker knows what `regions` gives (core/train/data-shapes.ts): warped
// regions [region, region, 3] and a class id of 4 (background and three
// shapes), so a model that does not take them is an `nn check` error at
// the train block, before any scene is drawn.

import { describe, expect, it } from 'vitest';
import { brief } from '../helpers/check-source.js';

const block = (input: string, classes: number, data: string, loss = 'hinge') =>
  `model M {\n  input x: ${input}\n  output x -> Flatten -> Dense(${classes})\n}\ntrain M on ${data} {\n  loss: ${loss}\n}\n`;

describe('regions in nn check', () => {
  it('a model that takes the warped regions and gives 4 class scores checks clean', () => {
    expect(brief(block('[B, 32, 32, 3]', 4, 'regions(count: 100)'))).toEqual([]);
    expect(brief(block('[B, 16, 16, 3]', 4, 'regions(count: 100, region: 16)'))).toEqual([]);
  });

  it('a model input of another size than the regions is an error', () => {
    expect(brief(block('[B, 28, 28, 3]', 4, 'regions(count: 100, region: 32)'))).toEqual([
      `NN4006 "regions(count: 100, region: 32)": regions gives 32x32x3 warped regions, but M's input x is [B, 28, 28, 3]`,
    ]);
  });

  it('fewer class scores than its 4 classes is an error', () => {
    const found = brief(block('[B, 32, 32, 3]', 3, 'regions(count: 100)', 'sparse_crossentropy'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^NN\d+ .*4 classes/);
  });

  it('a fraction of positives above 1 is an error at the argument', () => {
    expect(brief(block('[B, 32, 32, 3]', 4, 'regions(positives: 1.5)'))).toEqual([`NN3003 "1.5": regions: 'positives' must be at most 1, but is 1.5`]);
  });
});
