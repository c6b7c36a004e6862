// Suggested fixes are real edits: applying one removes the diagnostic it
// was offered for, and the file then checks clean.

import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { memoryHost } from '../helpers/memory-host.js';

function diagnostics(text: string): Diagnostic[] {
  return checkFile('/main.nn', memoryHost({ '/main.nn': text })).diagnostics;
}

function applyFirstFix(text: string, d: Diagnostic): string {
  const edits = [...d.fixes![0]!.edits].sort((a, b) => b.range.start - a.range.start);
  for (const e of edits) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
  return text;
}

const cases: [string, string, string][] = [
  ['insert Flatten in a pipeline', 'model M {\n  input x: [B, 8, 8, 3]\n  output x -> Conv2D(4, 3) -> Dense(10)\n}', 'x -> Conv2D(4, 3) -> Flatten -> Dense(10)'],
  ['insert Flatten inside a repeat', 'model M {\n  input x: [B, 8, 8, 3]\n  output x -> repeat 1 { Conv2D(4, 3) -> Dense(10) }\n}', '{ Conv2D(4, 3) -> Flatten -> Dense(10) }'],
  ['insert Flatten in a call', 'model M {\n  input x: [B, 8, 8, 3]\n  output Dense(10)(x)\n}', 'Dense(10)(x -> Flatten)'],
  ['did you mean a layer', 'model M {\n  input x: [B, 8]\n  output x -> Dense(4) -> Relu\n}', '-> ReLU'],
  ['did you mean a parameter', 'model M {\n  input x: [B, 8, 8, 3]\n  output x -> Conv2D(4, 3, strides: 1)\n}', 'stride: 1'],
  ['correct an input size to what the data gives', 'model M {\n  input x: [B, 100]\n  output x -> Dense(10) -> Softmax\n}\ntrain M on mnist() {\n  epochs: 1\n}', 'input x: [B, 784]'],
  ['add let', 'model M {\n  input x: [B, 8]\n  h = x -> Dense(4)\n  output h\n}', 'let h = x'],
];

describe('fixes', () => {
  it.each(cases)('%s', (_name, text, expectedFragment) => {
    const [first] = diagnostics(text).filter((d) => d.fixes?.length);
    expect(first).toBeDefined();
    const fixed = applyFirstFix(text, first!);
    expect(fixed).toContain(expectedFragment);
    expect(diagnostics(fixed).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
