// Folding ranges as data: each range as `first line-last line (kind)`, 1-based.

import { describe, expect, it } from 'vitest';
import { foldingRanges } from '../../core/ide/folding.js';
import { analyzeAt } from './helpers.js';

const CASES: { name: string; source: string; others?: Record<string, string>; folds: string[] }[] = [
  {
    name: 'comments, imports, definitions, a multi-line pipeline, a train block',
    source: `// A file.
// Two lines of comments.
import { A } from "./lib.nn"
import { Bee } from "./lib.nn"

/// One doc line.
model M {
  input x: [B, 4]
  output x
    -> Dense(8)
    -> ReLU
}

train M on mnist() {
  epochs: 1
}`,
    others: { 'lib.nn': 'block A { input x: [B, 4] output x }\nblock Bee { input x: [B, 4] output x }' },
    folds: ['1-2 (comment)', '3-4 (imports)', '7-12', '9-11', '14-16'],
  },
  {
    name: 'loop and condition bodies, a repeat stage, a multi-line record and call',
    source: `model M(n: int = 2) {
  input x: [B, 4]
  let h = x
  for w in [8, 16] {
    h = h -> Dense(w)
  }
  if n > 1 {
    h = h -> ReLU
  } else {
    h = h -> Tanh
  }
  output h -> repeat n {
    Dense(4)
  } -> Dense(
    2,
  )
}`,
    folds: ['1-17', '4-6', '7-11', '12-16', '14-16'],
  },
  {
    name: 'one-line constructs do not fold',
    source: 'model M { input x: [B, 4] output x -> Dense(2) }\n// one comment\ntrain M on mnist() { epochs: 1 }',
    folds: [],
  },
  {
    name: 'incomplete code folds what it has',
    source: 'model M {\n  input x: [B, 4]\n  let h = x ->\n',
    folds: ['1-3'],
  },
];

describe('folding ranges', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { analysis } = analyzeAt(c.source, c.others);
      const line = (o: number) => analysis.lines.position(o).line + 1;
      const folds = foldingRanges(analysis).map((f) => `${line(f.start)}-${line(f.end)}${f.kind ? ` (${f.kind})` : ''}`);
      expect(folds).toEqual(c.folds);
    });
  }
});
