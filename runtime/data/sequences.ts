// sequences: synthetic sequence-to-sequence tasks for a Transformer.
// Tokens are 1..vocab-1 (0 is the start token the decoder begins with):
//   copy     [3, 7, 1] -> [3, 7, 1]
//   reverse  [3, 7, 1] -> [1, 7, 3]
//   sort     [3, 7, 1] -> [1, 3, 7]
// The model's inputs are the source and the decoder's input (the target
// shifted right behind the start token: teacher forcing); the target is
// the sequence itself, one class id per position.

import { Random } from '../random.js';
import type { RawData } from './dataset.js';

export const START_TOKEN = 0;

export interface SequenceOptions {
  task: 'copy' | 'reverse' | 'sort';
  length: number;
  vocab: number;
  count: number;
  split: number;
  seed: number;
}

export function loadSequences(o: SequenceOptions): RawData {
  const random = new Random(o.seed);
  const source = new Int32Array(o.count * o.length);
  const decoderInput = new Int32Array(o.count * o.length);
  const target = new Int32Array(o.count * o.length);
  for (let n = 0; n < o.count; n++) {
    const seq = Array.from({ length: o.length }, () => 1 + random.int(o.vocab - 1));
    const out = o.task === 'copy' ? seq : o.task === 'reverse' ? [...seq].reverse() : [...seq].sort((a, b) => a - b);
    for (let t = 0; t < o.length; t++) {
      source[n * o.length + t] = seq[t]!;
      target[n * o.length + t] = out[t]!;
      decoderInput[n * o.length + t] = t === 0 ? START_TOKEN : out[t - 1]!;
    }
  }
  return {
    description: `sequences: ${o.count.toLocaleString('en-US')} ${o.task} tasks of ${o.length} tokens`,
    inputs: [
      { values: source, shape: [o.length], dtype: 'int32' },
      { values: decoderInput, shape: [o.length], dtype: 'int32' },
    ],
    target: { values: target, shape: [o.length], dtype: 'int32' },
    count: o.count,
    classes: o.vocab,
    split: o.split,
  };
}
