// jsonl(path, x, y, split): JSON Lines, one example per line:
//
//   {"x": [[0.1, 0.2], [0.3, 0.4]], "y": "cat"}
//
// `x` is a number or nested arrays of numbers; its shape is the example's
// shape ([2, 2] here) and every line must give the same. `y` is the label:
// numbers (integers -> class ids, else real values) or names (class ids in
// sorted order), as labels.ts says. Read line by line; blank lines are
// skipped. Numbers must fit float32 (1e999, which JSON reads as Infinity, is
// refused); a line nests at most 64 arrays and objects deep, and its nesting
// is measured before it is parsed. The first `split` of the lines train, the
// rest test, in file order.

import { msg } from '../../core/i18n/message.js';
import { DataError, type RawData } from './dataset.js';
import type { DataFile } from './files.js';
import { FloatBuffer } from './float-buffer.js';
import { describeLabels, labelsFromJson } from './labels.js';
import { MAX_JSON_DEPTH } from './limits.js';
import { readLines } from './lines.js';
import { beyondFloat32, fitsFloat32 } from './numbers.js';

export interface JsonlOptions {
  file: DataFile;
  x: string;
  y: string;
  split: number;
}

export function loadJsonl(o: JsonlOptions): RawData {
  const shown = o.file.shown;
  const features = new FloatBuffer();
  const labels: (number | string)[] = [];
  const lines: number[] = [];
  let shape: { dims: number[]; line: number } | undefined;
  for (const { text, number: line } of readLines(o.file)) {
    if (text.trim() === '') continue;
    const where = `${shown}:${line}`;
    const record = parseObject(text, where);
    const dims = flatten(field(record, o.x, where), o.x, features, where);
    if (!shape) shape = { dims, line };
    else if (!sameShape(dims, shape.dims)) throw new DataError(msg`${where}: '${o.x}' has shape [${dims.join(', ')}], but on line ${shape.line} it has [${shape.dims.join(', ')}]`);
    labels.push(label(field(record, o.y, where), o.y, where));
    lines.push(line);
  }
  if (!shape) throw new DataError(msg`${shown}: has no examples (no lines with a JSON object)`);
  const where = (i: number) => `${shown}:${lines[i]}`;
  const target = labelsFromJson(labels, where);
  return {
    description: `jsonl: ${shown}, ${labels.length.toLocaleString('en-US')} examples of shape [${shape.dims.join(', ')}], ${describeLabels(target)}`,
    inputs: [{ values: features.values(), shape: shape.dims, dtype: 'float32' }],
    target: target.target,
    count: labels.length,
    ...(target.classes !== undefined ? { classes: target.classes } : {}),
    ...(target.classNames ? { classNames: target.classNames } : {}),
    split: o.split,
    where,
  };
}

function parseObject(text: string, where: string): Record<string, unknown> {
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0) throw new DataError(msg`${where}:${deep + 1}: nests more than ${MAX_JSON_DEPTH} arrays and objects deep; an example is at most ${MAX_JSON_DEPTH - 1} arrays deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataError(msg`${where}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DataError(msg`${where}: not a JSON object but ${describe(value)}; each line is one example, {"x": ..., "y": ...}`);
  return value as Record<string, unknown>;
}

function field(record: Record<string, unknown>, name: string, where: string): unknown {
  if (!(name in record)) throw new DataError(msg`${where}: no field '${name}' (fields: ${Object.keys(record).join(', ') || 'none'})`);
  return record[name];
}

/** Appends the numbers of `value` (a number or nested arrays) to `out`, returning its shape. */
function flatten(value: unknown, path: string, out: FloatBuffer, where: string): number[] {
  if (typeof value === 'number') {
    if (!fitsFloat32(value)) throw new DataError(msg`${where}: '${path}' is ${Number.isFinite(value) ? value : msg`too large: it reads as Infinity`}, ${beyondFloat32()}`);
    out.push(value);
    return [];
  }
  if (!Array.isArray(value)) throw new DataError(msg`${where}: '${path}' is ${describe(value)}, not a number or an array of numbers`);
  let inner: number[] | undefined;
  value.forEach((item, i) => {
    const dims = flatten(item, `${path}[${i}]`, out, where);
    if (inner && !sameShape(dims, inner)) throw new DataError(msg`${where}: '${path}[${i}]' has shape [${dims.join(', ')}], but '${path}[0]' has [${inner.join(', ')}]; arrays must be rectangular`);
    inner ??= dims;
  });
  return [value.length, ...(inner ?? [])];
}

function label(value: unknown, name: string, where: string): number | string {
  if (typeof value === 'string') {
    if (value === '') throw new DataError(msg`${where}: the label '${name}' is empty`);
    return value;
  }
  if (typeof value === 'number') return value;
  throw new DataError(msg`${where}: the label '${name}' is ${describe(value)}, not a number or a name`);
}

/**
 * The index of the bracket that opens more than `max` arrays and objects
 * inside one another, or -1: one pass over the text, brackets inside strings
 * not counted. Deep JSON is refused before it is parsed or walked.
 */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

const sameShape = (a: number[], b: number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}...` : value)}`;
  return `${typeof value === 'boolean' ? 'the boolean' : 'the value'} ${String(value)}`;
}
