// The summary names where each layer is written: its file and range, in
// lines and characters, including layers of a block in an imported file.

import { describe, expect, it } from 'vitest';
import { summarize } from '../../core/summary.js';
import { memoryHost } from '../helpers/memory-host.js';

const blocks = `block Head(classes: int) {
  input x: [B, F]
  output x -> Dense(classes) -> Softmax
}
`;

const main = `import { Head } from "./blocks.nn"

model Net {
  input x: [B, 784]
  let shared = Dense(64)
  output x -> shared -> ReLU
    -> Head(10)
}
`;

describe('summary sources', () => {
  const result = summarize('/main.nn', memoryHost({ '/main.nn': main, '/blocks.nn': blocks }), 'Net');
  if (!result.ok) throw new Error(result.message);
  const sources = Object.fromEntries(result.summary.layers.map((l) => [l.path, l.source]));

  it('points a let-bound layer at where it is configured', () => {
    expect(Object.keys(sources)).toContain('shared_1');
    expect(sources['shared_1']).toEqual({ file: '/main.nn', range: { start: { line: 4, character: 15 }, end: { line: 4, character: 24 } } });
  });

  it('points an inline layer at its call', () => {
    expect(sources['ReLU_1']).toMatchObject({ file: '/main.nn', range: { start: { line: 5, character: 24 } } });
  });

  it('points a layer inside an imported block into that file', () => {
    expect(sources['Head_1/Dense_1']).toEqual({ file: '/blocks.nn', range: { start: { line: 2, character: 14 }, end: { line: 2, character: 28 } } });
    expect(sources['Head_1/Softmax_1']).toMatchObject({ file: '/blocks.nn', range: { start: { line: 2, character: 32 } } });
  });
});
