// Labels as targets, the same way for every file format:
//   integers         -> class ids as they are; classes = the largest + 1
//   other numbers    -> real-valued targets (regression), float32
//   names (strings)  -> class ids in the sorted order of the distinct names,
//                       which are kept (`classNames`) for messages and pictures
// CSV labels are text: "3" is an integer, "3.0" a real value. JSON numbers
// carry no such mark: 3.0 is the integer 3.

import { DataError, type RawArray } from './dataset.js';

export interface Labels {
  target: RawArray;
  classes?: number;
  classNames?: string[];
}

/** Where the i-th label is, for messages: "iris.csv:12". */
export type Where = (i: number) => string;

/** Integer labels [count, ...shape] as class ids 0..max. */
export function classIdLabels(ids: Int32Array, shape: number[], where: Where): Labels {
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0) throw new DataError(`${where(i)}: the label ${id} is negative; class ids start at 0 (write real values, such as ${id}.0, for regression)`);
    if (id > max) max = id;
  }
  return { target: { values: ids, shape, dtype: 'int32' }, classes: max + 1 };
}

/** Real-valued targets [count, ...shape]. */
export function valueLabels(values: Float32Array, shape: number[]): Labels {
  return { target: { values, shape, dtype: 'float32' } };
}

/** Names as class ids: the distinct names sorted, each name's id its place in that order. */
export function namedLabels(names: readonly string[]): Labels {
  const classNames = [...new Set(names)].sort();
  const idOf = new Map(classNames.map((n, i) => [n, i]));
  const ids = Int32Array.from(names, (n) => idOf.get(n)!);
  return { target: { values: ids, shape: [], dtype: 'int32' }, classes: classNames.length, classNames };
}

const INTEGER = /^[-+]?\d+$/;

/** Labels written as text (CSV): integers, other numbers, or names. Empty and NaN labels are errors. */
export function labelsFromText(texts: readonly string[], where: Where): Labels {
  texts.forEach((t, i) => {
    if (t === '') throw new DataError(`${where(i)}: the label is empty`);
    if (/^[-+]?nan$/i.test(t)) throw new DataError(`${where(i)}: the label is ${t}`);
  });
  if (texts.every((t) => INTEGER.test(t))) return classIdLabels(Int32Array.from(texts, (t, i) => integerLabel(Number(t), where, i)), [], where);
  if (texts.every((t) => Number.isFinite(Number(t)))) return valueLabels(Float32Array.from(texts, Number), []);
  return namedLabels(texts);
}

/** An integer label that fits a class id (int32). */
function integerLabel(n: number, where: Where, i: number): number {
  if (Math.abs(n) > 2147483647) throw new DataError(`${where(i)}: the label ${n} is too large for a class id`);
  return n;
}

/** Labels as JSON values: all numbers (integers -> class ids, else real values) or all strings (names). */
export function labelsFromJson(values: readonly (number | string)[], where: Where): Labels {
  const firstString = values.findIndex((v) => typeof v === 'string');
  const firstNumber = values.findIndex((v) => typeof v === 'number');
  if (firstString >= 0 && firstNumber >= 0) {
    const [a, b] = firstString < firstNumber ? [firstString, firstNumber] : [firstNumber, firstString];
    throw new DataError(`${where(b)}: the label is a ${typeof values[b]}, but the one at ${where(a)} is a ${typeof values[a]}; labels are all numbers or all names`);
  }
  if (firstString >= 0) return namedLabels(values as string[]);
  const numbers = values as number[];
  if (numbers.every(Number.isInteger)) return classIdLabels(Int32Array.from(numbers, (n, i) => integerLabel(n, where, i)), [], where);
  return valueLabels(Float32Array.from(numbers), []);
}

/** "3 classes (cat, dog, fish)", "10 classes", "real values": what the labels are, for descriptions. */
export function describeLabels(labels: Labels): string {
  if (labels.classes === undefined) return 'real-valued targets';
  const names = labels.classNames;
  const list = names && names.length <= 8 ? ` (${names.join(', ')})` : '';
  return `${labels.classes} class${labels.classes === 1 ? '' : 'es'}${list}`;
}
