// csv(path, label, split): a CSV file with a header row. The `label`
// column gives the targets (labels.ts: integers -> class ids, other
// numbers -> real values, names -> class ids in sorted order); every other
// column is a float feature, so an example is [columns - 1] values.
//
// Read line by line (lines.ts), never as one string. Fields are separated
// by commas; a field in double quotes may hold commas, line breaks (kept as
// written: \n, \r\n or \r) and "" (one quote). Lines end in \n, \r\n or a
// lone \r. Blank lines are skipped. Features are decimal numbers (0x10 and
// Infinity are refused, as are values beyond float32). Column names are
// unique. The first `split` of the rows train, the rest test, in file order.

import { msg } from '../../core/i18n/message.js';
import { DataError, type RawData } from './dataset.js';
import type { DataFile } from './files.js';
import { FloatBuffer } from './float-buffer.js';
import { describeLabels, labelsFromText } from './labels.js';
import { readLines } from './lines.js';
import { beyondFloat32, DECIMAL, fitsFloat32 } from './numbers.js';

export interface CsvOptions {
  file: DataFile;
  label: string;
  split: number;
}

export function loadCsv(o: CsvOptions): RawData {
  const shown = o.file.shown;
  const records = csvRecords(o.file);
  const header = records.next();
  if (header.done) throw new DataError(msg`${shown}: is empty; a CSV file starts with a header row naming its columns`);
  const columns = header.value.fields.map((c) => c.trim());
  checkUniqueNames(columns, (i) => `${shown}:${placeOf(header.value, i)}`);
  const labelIndex = labelColumn(columns, o.label, `${shown}:${header.value.line}`);
  const features = new FloatBuffer();
  const labels: string[] = [];
  const lines: number[] = [];
  for (const record of records) {
    const { fields, line } = record;
    if (fields.length !== columns.length) throw new DataError(msg`${shown}:${line}: ${fields.length === 1 ? msg`${fields.length} field` : msg`${fields.length} fields`}, but the header has ${columns.length} columns (${columns.join(', ')})`);
    fields.forEach((f, i) => (i === labelIndex ? labels.push(f.trim()) : features.push(featureValue(f, columns[i]!, () => `${shown}:${placeOf(record, i)}`))));
    lines.push(line);
  }
  if (labels.length === 0) throw new DataError(msg`${shown}: has a header row but no data rows`);
  const where = (i: number) => `${shown}:${lines[i]}`;
  const target = labelsFromText(labels, where);
  const width = columns.length - 1;
  return {
    description: `csv: ${shown}, ${labels.length.toLocaleString('en-US')} rows of ${width} feature${width === 1 ? '' : 's'}, ${describeLabels(target)}`,
    inputs: [{ values: features.values(), shape: [width], dtype: 'float32' }],
    target: target.target,
    count: labels.length,
    ...(target.classes !== undefined ? { classes: target.classes } : {}),
    ...(target.classNames ? { classNames: target.classNames } : {}),
    split: o.split,
    where,
  };
}

/** Two columns of one name would make `label: "a"` and messages ambiguous. */
function checkUniqueNames(columns: string[], where: (i: number) => string): void {
  const seen = new Map<string, number>();
  columns.forEach((name, i) => {
    const before = seen.get(name);
    if (before !== undefined) throw new DataError(msg`${where(i)}: columns ${before + 1} and ${i + 1} are both named '${name}'; give each column its own name`);
    seen.set(name, i);
  });
}

function labelColumn(columns: string[], label: string, where: string): number {
  const index = columns.indexOf(label);
  if (index < 0) throw new DataError(msg`${where}: no column '${label}' for the labels (columns: ${columns.join(', ')}); name it with csv(label: "...")`);
  if (columns.length < 2) throw new DataError(msg`${where}: has only the label column '${label}', no features`);
  return index;
}

/** A feature as a finite decimal number that fits float32; empty, NaN, hexadecimal and text are errors. */
function featureValue(text: string, column: string, at: () => string): number {
  const t = text.trim();
  const n = Number(t);
  if (t !== '' && DECIMAL.test(t) && fitsFloat32(n)) return n;
  throw new DataError(msg`${at()}: the value of '${column}' ${featureProblem(t, n)}`);
}

/** Why a feature's text is not a number nn reads: "is empty", "is '0x10', not a decimal number". */
function featureProblem(t: string, n: number): string {
  if (t === '') return msg`is empty`;
  if (DECIMAL.test(t)) return msg`is ${t}, ${beyondFloat32()}`;
  if (/^[-+]?nan$/i.test(t)) return msg`is NaN`;
  if (/^[-+]?infinity$/i.test(t)) return msg`is ${t}, not a finite number`;
  return Number.isNaN(n) ? msg`is '${t}', not a number` : msg`is '${t}', not a decimal number`;
}

export interface CsvRecord {
  fields: string[];
  /** the line the record starts on */
  line: number;
  /** the line and the column (1-based) where each field starts */
  lines: number[];
  columns: number[];
}

/** "12:5": where the record's i-th field starts. */
const placeOf = (r: CsvRecord, i: number): string => `${r.lines[i]}:${r.columns[i]}`;

/**
 * The file's records; a quoted field may span lines. Each line is scanned
 * once: a quoted field that goes on past a line's end carries over to the
 * next line, so a stray quote costs one pass over the rest of the file.
 */
export function* csvRecords(file: DataFile): Generator<CsvRecord> {
  const scan = new RecordScanner();
  for (const { text, end, number } of readLines(file)) {
    if (!scan.open && text.trim() === '') continue;
    const state = scan.line(text, end, number);
    if (state === 'open') continue;
    if (typeof state === 'object') throw new DataError(msg`${file.shown}:${state.at}: ${state.problem}`);
    yield scan.take();
  }
  if (scan.open) throw new DataError(msg`${file.shown}:${scan.open.at}: a quoted field is not closed before the end of the file`);
}

export type SplitRecord = { fields: string[] } | { open: true } | { problem: string };

/** One record's fields in `text` (one line); `open` when a quoted field goes on past its end. */
export function splitCsvRecord(text: string): SplitRecord {
  const scan = new RecordScanner();
  const state = scan.line(text, '', 1);
  if (state === 'open') return { open: true };
  if (typeof state === 'object') return { problem: state.problem };
  return { fields: scan.take().fields };
}

type LineState = 'done' | 'open' | { problem: string; at: string };

/** The fields of one record, fed a line at a time. */
class RecordScanner {
  private fields: string[] = [];
  private lines: number[] = [];
  private columns: number[] = [];
  private start = 0;
  /** a quoted field not closed at the end of the last line: its text so far and where it opened */
  open: { value: string; at: string } | undefined;

  /** Reads one line of the record: whether the record is complete, goes on, or is malformed. */
  line(text: string, end: string, number: number): LineState {
    let i = 0;
    if (this.open) {
      const quoted = quotedField(text, 0);
      this.open.value += quoted.value;
      if (!quoted.closed) {
        this.open.value += end;
        return 'open';
      }
      this.fields.push(this.open.value);
      this.open = undefined;
      i = quoted.end;
      const after = afterQuote(text, i, this.fields.length, number);
      if (typeof after !== 'number') return after;
      if (after >= text.length) return 'done';
      i = after + 1;
    } else this.start = number;
    for (;;) {
      const fieldStart = i;
      this.lines.push(number);
      this.columns.push(i + 1);
      const quote = /^[ \t]*"/.exec(text.slice(i, i + 64))?.[0].length;
      if (quote !== undefined) {
        const quoted = quotedField(text, i + quote);
        if (!quoted.closed) {
          this.open = { value: quoted.value + end, at: `${number}:${i + quote}` };
          return 'open';
        }
        this.fields.push(quoted.value);
        const after = afterQuote(text, quoted.end, this.fields.length, number);
        if (typeof after !== 'number') return after;
        i = after;
      } else {
        const comma = text.indexOf(',', i);
        i = comma < 0 ? text.length : comma;
        this.fields.push(text.slice(fieldStart, i));
      }
      if (i >= text.length) return 'done';
      i++; // past the comma
    }
  }

  /** The complete record; the scanner is ready for the next. */
  take(): CsvRecord {
    const record = { fields: this.fields, line: this.start, lines: this.lines, columns: this.columns };
    this.fields = [];
    this.lines = [];
    this.columns = [];
    return record;
  }
}

/** After a closing quote: spaces, then a comma (its index) or the end of the line. */
function afterQuote(text: string, from: number, field: number, number: number): number | { problem: string; at: string } {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (i < text.length && text[i] !== ',') return { problem: msg`field ${field} goes on after its closing quote ('${text[i]}'); write "" for a quote inside a quoted field`, at: `${number}:${i + 1}` };
  return i;
}

/** The quoted field's text from `from` (after its opening quote) to its closing quote, or to the end of the line; "" is one quote. */
function quotedField(text: string, from: number): { value: string; end: number; closed: boolean } {
  let value = '';
  for (let i = from; ; ) {
    const q = text.indexOf('"', i);
    if (q < 0) return { value: value + text.slice(i), end: text.length, closed: false };
    value += text.slice(i, q);
    if (text[q + 1] !== '"') return { value, end: q + 1, closed: true };
    value += '"';
    i = q + 2;
  }
}
