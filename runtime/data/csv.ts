// csv(path, label, split): a CSV file with a header row. The `label`
// column gives the targets (labels.ts: integers -> class ids, other
// numbers -> real values, names -> class ids in sorted order); every other
// column is a float feature, so an example is [columns - 1] values.
//
// Read line by line (lines.ts), never as one string. Fields are separated
// by commas; a field in double quotes may hold commas, line breaks and ""
// (one quote). Blank lines are skipped. The first `split` of the rows
// train, the rest test, in file order.

import { DataError, type RawData } from './dataset.js';
import type { DataFile } from './files.js';
import { FloatBuffer } from './float-buffer.js';
import { describeLabels, labelsFromText } from './labels.js';
import { readLines } from './lines.js';

export interface CsvOptions {
  file: DataFile;
  label: string;
  split: number;
}

export function loadCsv(o: CsvOptions): RawData {
  const shown = o.file.shown;
  const records = csvRecords(o.file);
  const header = records.next();
  if (header.done) throw new DataError(`${shown}: is empty; a CSV file starts with a header row naming its columns`);
  const columns = header.value.fields.map((c) => c.trim());
  const labelIndex = labelColumn(columns, o.label, `${shown}:${header.value.line}`);
  const features = new FloatBuffer();
  const labels: string[] = [];
  const lines: number[] = [];
  for (const { fields, line } of records) {
    const where = `${shown}:${line}`;
    if (fields.length !== columns.length) throw new DataError(`${where}: ${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${columns.length} columns (${columns.join(', ')})`);
    fields.forEach((f, i) => (i === labelIndex ? labels.push(f.trim()) : features.push(featureValue(f, columns[i]!, where))));
    lines.push(line);
  }
  if (labels.length === 0) throw new DataError(`${shown}: has a header row but no data rows`);
  const target = labelsFromText(labels, (i) => `${shown}:${lines[i]}`);
  const width = columns.length - 1;
  return {
    description: `csv: ${shown}, ${labels.length.toLocaleString('en-US')} rows of ${width} feature${width === 1 ? '' : 's'}, ${describeLabels(target)}`,
    inputs: [{ values: features.values(), shape: [width], dtype: 'float32' }],
    target: target.target,
    count: labels.length,
    ...(target.classes !== undefined ? { classes: target.classes } : {}),
    ...(target.classNames ? { classNames: target.classNames } : {}),
    split: o.split,
  };
}

function labelColumn(columns: string[], label: string, where: string): number {
  const index = columns.indexOf(label);
  if (index < 0) throw new DataError(`${where}: no column '${label}' for the labels (columns: ${columns.join(', ')}); name it with csv(label: "...")`);
  if (columns.length < 2) throw new DataError(`${where}: has only the label column '${label}', no features`);
  return index;
}

/** A feature as a finite number; empty, NaN and text are errors. */
function featureValue(text: string, column: string, where: string): number {
  const t = text.trim();
  if (t === '') throw new DataError(`${where}: the value of '${column}' is empty`);
  const n = Number(t);
  if (Number.isNaN(n)) throw new DataError(/^[-+]?nan$/i.test(t) ? `${where}: the value of '${column}' is NaN` : `${where}: the value of '${column}' is '${t}', not a number`);
  if (!Number.isFinite(n)) throw new DataError(`${where}: the value of '${column}' is ${t}, not a finite number`);
  return n;
}

/** The file's records, each with the line it starts on; a quoted field may span lines. */
export function* csvRecords(file: DataFile): Generator<{ fields: string[]; line: number }> {
  let line = 0;
  let start = 0;
  let text: string | undefined;
  for (const current of readLines(file)) {
    line++;
    if (text === undefined) {
      if (current.trim() === '') continue;
      (text = current), (start = line);
    } else text += `\n${current}`;
    const split = splitCsvRecord(text);
    if ('open' in split) continue;
    if ('problem' in split) throw new DataError(`${file.shown}:${start}: ${split.problem}`);
    yield { fields: split.fields, line: start };
    text = undefined;
  }
  if (text !== undefined) throw new DataError(`${file.shown}:${start}: a quoted field is not closed before the end of the file`);
}

export type SplitRecord = { fields: string[] } | { open: true } | { problem: string };

/** One record's fields; `open` when a quoted field goes on past the end of `text` (a line break inside quotes). */
export function splitCsvRecord(text: string): SplitRecord {
  const fields: string[] = [];
  for (let i = 0; ; i++) {
    const quote = /^[ \t]*"/.exec(text.slice(i, i + 64))?.[0].length;
    if (quote !== undefined) {
      const quoted = quotedField(text, i + quote);
      if (!quoted) return { open: true };
      fields.push(quoted.value);
      i = quoted.end;
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',') return { problem: `field ${fields.length} goes on after its closing quote ('${text[i]}'); write "" for a quote inside a quoted field` };
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      fields.push(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) return { fields };
  }
}

/** The field whose text starts at `from` (after its opening quote), up to its closing quote; "" is one quote. */
function quotedField(text: string, from: number): { value: string; end: number } | undefined {
  let value = '';
  for (let i = from; ; ) {
    const q = text.indexOf('"', i);
    if (q < 0) return undefined;
    value += text.slice(i, q);
    if (text[q + 1] !== '"') return { value, end: q + 1 };
    value += '"';
    i = q + 2;
  }
}
