// Labels as targets, the same way for every file format:
//   integers         -> class ids as they are; classes = the largest + 1
//   other numbers    -> real-valued targets (regression), float32
//   names (strings)  -> class ids in the sorted order of the distinct names,
//                       which are kept (`classNames`) for messages and pictures
// CSV labels are text: "3" is an integer, "3.0" a real value. JSON numbers
// carry no such mark: 3.0 is the integer 3. Numbers beyond float32 are
// refused. A loss that takes class ids refuses targets that are not whole
// numbers (0.5 would be cut to class 0): `checkClassIdTargets`.

import { msg } from '../../core/i18n/message.js';
import { DataError, type RawArray, type RawData } from './dataset.js';
import { beyondFloat32, DECIMAL, fitsFloat32 } from './numbers.js';

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
    if (id < 0) throw new DataError(msg`${where(i)}: the label ${id} is negative; class ids start at 0 (write real values, such as ${id}.0, for regression)`);
    if (id > max) max = id;
  }
  return { target: { values: ids, shape, dtype: 'int32' }, classes: max + 1 };
}

/** Real-valued targets [count, ...shape]. */
export function valueLabels(values: Float32Array, shape: number[]): Labels {
  return { target: { values, shape, dtype: 'float32' } };
}

/** Real values as float32 targets; one beyond float32's range is an error at its place. */
function realLabels(values: readonly number[], shown: (i: number) => string, where: Where): Labels {
  values.forEach((v, i) => {
    if (!fitsFloat32(v)) throw new DataError(msg`${where(i)}: the label is ${shown(i)}, ${beyondFloat32()}`);
  });
  return valueLabels(Float32Array.from(values), []);
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
    if (t === '') throw new DataError(msg`${where(i)}: the label is empty`);
    if (/^[-+]?nan$/i.test(t)) throw new DataError(msg`${where(i)}: the label is ${t}`);
  });
  if (texts.every((t) => INTEGER.test(t))) return classIdLabels(Int32Array.from(texts, (t, i) => integerLabel(Number(t), where, i)), [], where);
  // numbers are decimal: 0x10 among the labels makes them names, never 16
  if (texts.every((t) => DECIMAL.test(t))) return realLabels(texts.map(Number), (i) => texts[i]!, where);
  return namedLabels(texts);
}

/** An integer label that fits a class id (int32). */
function integerLabel(n: number, where: Where, i: number): number {
  if (Math.abs(n) > 2147483647) throw new DataError(msg`${where(i)}: the label ${n} is too large for a class id`);
  return n;
}

/** Labels as JSON values: all numbers (integers -> class ids, else real values) or all strings (names). */
export function labelsFromJson(values: readonly (number | string)[], where: Where): Labels {
  const firstString = values.findIndex((v) => typeof v === 'string');
  const firstNumber = values.findIndex((v) => typeof v === 'number');
  if (firstString >= 0 && firstNumber >= 0) {
    const [a, b] = firstString < firstNumber ? [firstString, firstNumber] : [firstNumber, firstString];
    const kind = (v: unknown): string => (typeof v === 'string' ? msg`string` : msg`number`);
    throw new DataError(msg`${where(b)}: the label is a ${kind(values[b])}, but the one at ${where(a)} is a ${kind(values[a])}; labels are all numbers or all names`);
  }
  if (firstString >= 0) return namedLabels(values as string[]);
  const numbers = values as number[];
  if (numbers.every(Number.isInteger)) return classIdLabels(Int32Array.from(numbers, (n, i) => integerLabel(n, where, i)), [], where);
  return realLabels(numbers, (i) => (Number.isFinite(numbers[i]!) ? String(numbers[i]) : 'too large: it reads as Infinity'), where);
}

/**
 * Targets that a loss reads as class ids (one axis fewer than the model's
 * output: `crossentropy`, `sparse_crossentropy`, `hinge`) must be whole
 * numbers. Targets with the output's own rank are one-hot or soft rows,
 * and may be any values.
 */
export function checkClassIdTargets(raw: RawData, outputRank: number, loss: string): void {
  const target = raw.target;
  // the target's rank with the batch axis is shape.length + 1
  if (!target || target.dtype !== 'float32' || target.shape.length + 1 !== outputRank - 1) return;
  const per = target.shape.reduce((a, b) => a * b, 1);
  const values = target.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isInteger(v)) continue;
    const example = Math.floor(i / per);
    const place = raw.where?.(example) ?? `${raw.description}: example ${example + 1}`;
    throw new DataError(msg`${place}: the target ${+v.toPrecision(7)} is not a whole number, but the loss '${loss}' reads targets as class ids (0, 1, 2, ...); give whole numbers, one-hot rows of the output's shape, or a regression loss such as mse`);
  }
}

/** "3 classes (cat, dog, fish)", "10 classes", "real values": what the labels are, for descriptions. */
export function describeLabels(labels: Labels): string {
  if (labels.classes === undefined) return 'real-valued targets';
  const names = labels.classNames;
  const list = names && names.length <= 8 ? ` (${names.join(', ')})` : '';
  return `${labels.classes} class${labels.classes === 1 ? '' : 'es'}${list}`;
}
