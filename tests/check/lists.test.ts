// Lists, as data: sources that build, index, slice, join and iterate lists,
// with the output shapes they check to; mistakes with the diagnostic each
// gives (code, the text underlined, the message) and the fix it offers.

import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { brief, check } from '../helpers/check-source.js';
import { memoryHost } from '../helpers/memory-host.js';
import { outputShapes } from '../helpers/shape-of.js';

const model = (body: string, params = '') => `model M(${params}) {\n${body}\n}`;

/** Three 2x2 levels of an encoder: skips holds [B, 16, 16, 4], [B, 8, 8, 8], [B, 4, 4, 16]. */
const ENCODER = `input image: [B, 16, 16, 3]
let x = image
let skips = []
for w in [4, 8, 16] {
  x = x -> Conv2D(w, 3, padding: 1)
  skips = skips + [x]
  x = x -> MaxPool2D(2)
}`;

const encoder = (rest: string, params = '') => model(`${ENCODER}\n${rest}`, params);

const shapes: [string, string, string[]][] = [
  [
    'a U-Net: skips collected on the way down, joined in reverse on the way up',
    encoder('for skip in reverse(skips) {\n  x = concat([x -> UpSampling2D(2), skip])\n}\noutput x'),
    ['[B, 16, 16, 44]'],
  ],
  ['the last item, counted from the end', encoder('output skips[-1]'), ['[B, 4, 4, 16]']],
  ['the first item', encoder('output skips[0]'), ['[B, 16, 16, 4]']],
  ['len is an int known at check time: it sizes a layer', encoder('output x -> Flatten -> Dense(len(skips))'), ['[B, 3]']],
  ['len counts a repeat and decides a condition', encoder('repeat i in len(skips) { x = x -> Conv2D(i + 1, 1) }\noutput if len(skips) == 3 { x } else { image }'), ['[B, 2, 2, 3]']],
  ['a slice of a list is a list', encoder('let tail = skips[1:]\noutput tail[0] -> Flatten -> Dense(len(tail))'), ['[B, 2]']],
  ['an index over the reversed list', encoder('let up = reverse(skips)\noutput up[0]'), ['[B, 4, 4, 16]']],
  ['a negative step walks backwards', encoder('output skips[::-1][0]'), ['[B, 4, 4, 16]']],
  ['a slice from the end', encoder('let last = skips[-2:]\noutput last[0]'), ['[B, 8, 8, 8]']],
  ['a slice past the end is clamped (Python)', encoder('let all = skips[0:99]\noutput all[len(all) - 1]'), ['[B, 4, 4, 16]']],
  ['concat takes a list built in a loop', model('input x: [B, 8]\nlet parts = []\nfor units in [2, 3, 5] { parts = parts + [x -> Dense(units)] }\noutput concat(parts)'), ['[B, 10]']],
  ['for over the tuple split returns', model('input x: [B, 12]\nlet h = x\nfor part in split(x, 3) { h = concat([h, part]) }\noutput h'), ['[B, 24]']],
  ['len of a tuple', model('input x: [B, 12]\noutput x -> Dense(len(split(x, 4)))'), ['[B, 4]']],
  ['a list of numbers built with +', model('input x: [B, 8]\nlet widths = []\nfor w in [1, 2, 3] { widths = widths + [w * 4] }\nlet h = x\nfor w in reverse(widths) { h = h -> Dense(w) }\noutput h'), ['[B, 4]']],
  ['a list parameter indexed by a loop variable', model('input x: [B, 8]\nlet h = x\nrepeat i in len(widths) { h = h -> Dense(widths[-1 - i]) }\noutput h', 'widths: [int] = [6, 7]'), ['[B, 6]']],
  ['lists join with +', model('input x: [B, 8]\nlet both = [1, 2] + [] + [3]\noutput x -> Dense(both[2] + len(both))'), ['[B, 6]']],
  [
    'a block given a list parameter, applied',
    `block Stack(widths: [int]) {
  input x: [B, C]
  let h = x
  let seen = []
  for w in widths {
    h = h -> Dense(w)
    seen = seen + [h]
  }
  output concat(seen)
}
model M {
  input x: [B, 8]
  output x -> Stack([2, 3])
}`,
    ['[B, 5]'],
  ],
];

describe('lists check to these shapes', () => {
  it.each(shapes)('%s', (_name, source, expected) => {
    expect(outputShapes(source)).toEqual(expected);
  });

  it('a block with a list parameter and no default checks quietly on its own', () => {
    const source = `block Stack(widths: [int], depth: int) {
  input x: [B, C]
  let skips = []
  repeat i in depth { skips = skips + [x -> Dense(widths[i])] }
  output concat(skips + [x])
}`;
    expect(brief(source)).toEqual([]);
  });
});

const mistakes: [string, string, string[]][] = [
  [
    'a tensor added to a list without brackets',
    encoder('skips = skips + x\noutput x'),
    ["NN3014 \"x\": '+' joins two lists, but this is a tensor, and the other side a list of 3 tensors: to add it to the list, put it in one (skips + [x])"],
  ],
  [
    'a tensor on the left of a list',
    encoder('skips = x + skips\noutput x'),
    ["NN3014 \"x\": '+' joins two lists, but this is a tensor, and the other side a list of 3 tensors: to add it to the list, put it in one ([x] + skips)"],
  ],
  ['an index past the end', encoder('output skips[3]'), ['NN2024 "3": index 3 is out of range for a list of 3 tensors (indices 0..2, or -3..-1 from the end)']],
  ['a negative index past the start', encoder('output skips[-4]'), ['NN2024 "-4": index -4 is out of range for a list of 3 tensors (indices 0..2, or -3..-1 from the end)']],
  ['an index into an empty list', model('input x: [B, 8]\nlet skips = []\noutput skips[0]'), ['NN2024 "0": index 0 is out of range for an empty list (it has no items)']],
  ['a float index', encoder('output skips[1.0]'), ['NN3001 "1.0": a list index must be an int, but this is a float']],
  ['a tensor index', encoder('output skips[x]'), ['NN3001 "x": a list index must be an int, but this is a tensor']],
  ['two indices', encoder('output skips[0, 1]'), ['NN3003 "0, 1": a list takes one index or slice, like xs[0], xs[-1] or xs[1:]']],
  ['an index that depends on a size in a model', model('input x: [B, H]\nlet sizes = [1, 2]\noutput x -> Dense(sizes[H])'), ['NN3004 "H": a list index must be known at check time, but this is H']],
  ['a slice step of 0', encoder('output concat(skips[::0])'), ['NN3003 "0": a slice step cannot be 0']],
  ['a list of numbers joined to a list of tensors', encoder('let more = skips + [64]\noutput x'), ["NN3001 \"+\": '+' would join a list of tensors and a list of numbers: a list holds one kind of value"]],
  ['another operator on a list', encoder('let twice = skips * 2\noutput x'), ["NN3001 \"*\": '*' cannot combine a list of 3 tensors and an int (lists join with '+')"]],
  ['len of a tensor', encoder('output x -> Dense(len(x))'), ["NN3001 \"x\": len takes a list, but xs is a tensor [B, 2, 2, 16]: a tensor's sizes are the names of its shape (input x: [B, T, C])"]],
  ['reverse of a number', model('input x: [B, 8]\nfor w in reverse(3) { }\noutput x'), ['NN3001 "3": reverse takes a list, but xs is an int']],
  ['concat of a list of ints', model('input x: [B, 8]\nlet sizes = [] + [1, 2]\noutput concat(sizes)'), ["NN3001 \"sizes\": concat: 'xs' must be a list of tensors, but this is a list of 2 ints"]],
  ['a list as an output', encoder('output skips'), ['NN3001 "skips": an output must be a tensor, but this is a list of 3 tensors']],
  ['for over a tensor', encoder('for s in x { }\noutput x'), ["NN3001 \"x\": 'for' loops over a list, but this is a tensor"]],
  [
    'a list that doubles past the bound',
    model('input x: [B, 8]\nlet l = [1]\nrepeat 20 { l = l + l }\noutput x'),
    ['NN3015 "+": this list would hold 16384 items, more than the 10000 a list may hold'],
  ],
];

describe('list mistakes: one precise diagnostic each', () => {
  it.each(mistakes)('%s', (_name, source, expected) => {
    expect(brief(source).filter((line) => !line.startsWith('NN5'))).toEqual(expected);
  });

  it('work on long lists counts against the work budget: reversing 8,192 items 20,000 times is more than 200,000 steps', () => {
    // without the charge these 20,000 iterations take about 120,000 steps, and the check would finish
    const source = model('input x: [B, 4]\nlet l = [1]\nrepeat 13 { l = l + l }\nrepeat 20 { repeat 1000 { let _r = reverse(l) } }\noutput x');
    const { diagnostics } = checkFile('/main.nn', memoryHost({ '/main.nn': source }), { limits: { steps: 200_000 } });
    expect(diagnostics.map((d) => `${d.code} ${source.slice(d.range.start, d.range.end)}`)).toEqual(['NN3013 repeat 20']);
  });

  it('the same index in a block checked on its own is left for its uses', () => {
    const source = 'block Pick(sizes: [int] = [1, 2]) {\n  input x: [B, H]\n  output x -> Dense(sizes[H])\n}';
    expect(brief(source)).toEqual([]);
  });
});

describe('fixes for lists', () => {
  it.each([
    ['skips = skips + x', 'skips = skips + [x]'],
    ['skips = x + skips', 'skips = [x] + skips'],
  ])('%s becomes %s, which checks clean', (wrong, right) => {
    const source = encoder(`${wrong}\noutput x`);
    const [d] = check(source);
    expect(d?.fixes).toEqual(['Put it in a list: [x]: "[x]"']);
    const diagnostic = checkFile('/main.nn', memoryHost({ '/main.nn': source })).diagnostics[0]!;
    const edit = diagnostic.fixes![0]!.edits[0]!;
    const fixed = source.slice(0, edit.range.start) + edit.newText + source.slice(edit.range.end);
    expect(fixed).toContain(right);
    expect(brief(fixed)).toEqual([]);
  });
});
