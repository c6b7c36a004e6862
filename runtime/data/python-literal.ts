// The Python literals a .npy header is written in: a dict of strings,
// booleans and tuples of ints, e.g.
//
//   {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
//
// Parsed into plain values: dict -> Map, tuple and list -> array, str ->
// string, int -> number (Python 2's `3L` too), True/False -> boolean,
// None -> null. Anything else is a syntax error (a plain Error; the caller
// names the file).

import { msg } from '../../core/i18n/message.js';

export type PyValue = string | number | boolean | null | PyValue[] | Map<string, PyValue>;

const NAMES: Record<string, PyValue> = { True: true, False: false, None: null };

export function parsePythonLiteral(text: string): PyValue {
  const reader = { text, at: 0 };
  const value = parseValue(reader);
  skipSpace(reader);
  if (reader.at < text.length) throw new Error(msg`unexpected '${text[reader.at]}' after the value, at character ${reader.at}`);
  return value;
}

interface Reader {
  text: string;
  at: number;
}

function skipSpace(r: Reader): void {
  while (r.at < r.text.length && /\s/.test(r.text[r.at]!)) r.at++;
}

function parseValue(r: Reader): PyValue {
  skipSpace(r);
  const c = r.text[r.at];
  if (c === undefined) throw new Error(msg`the header ends early`);
  if (c === '{') return parseDict(r);
  if (c === '(') return parseSequence(r, ')');
  if (c === '[') return parseSequence(r, ']');
  if (c === "'" || c === '"') return parseString(r);
  if (/[-+0-9]/.test(c)) return parseInt_(r);
  const name = /^[A-Za-z_]\w*/.exec(r.text.slice(r.at))?.[0];
  if (name !== undefined && name in NAMES) {
    r.at += name.length;
    return NAMES[name]!;
  }
  throw new Error(msg`unexpected '${name ?? c}' at character ${r.at}`);
}

/** Items separated by commas up to `close`; a trailing comma is allowed. */
function parseItems<T>(r: Reader, close: string, item: () => T): T[] {
  r.at++; // the opening bracket
  const items: T[] = [];
  for (;;) {
    skipSpace(r);
    if (r.text[r.at] === close) break;
    items.push(item());
    skipSpace(r);
    if (r.text[r.at] === ',') r.at++;
    else if (r.text[r.at] !== close) throw new Error(msg`expected ',' or '${close}' at character ${r.at}`);
  }
  r.at++; // the closing bracket
  return items;
}

function parseSequence(r: Reader, close: ')' | ']'): PyValue[] {
  return parseItems(r, close, () => parseValue(r));
}

function parseDict(r: Reader): Map<string, PyValue> {
  const entries = parseItems(r, '}', (): [string, PyValue] => {
    const key = parseValue(r);
    if (typeof key !== 'string') throw new Error(msg`a dict key must be a string, at character ${r.at}`);
    skipSpace(r);
    if (r.text[r.at] !== ':') throw new Error(msg`expected ':' after the key '${key}'`);
    r.at++;
    return [key, parseValue(r)];
  });
  return new Map(entries);
}

function parseString(r: Reader): string {
  const quote = r.text[r.at]!;
  let out = '';
  for (r.at++; r.at < r.text.length; r.at++) {
    const c = r.text[r.at]!;
    if (c === quote) {
      r.at++;
      return out;
    }
    out += c === '\\' ? r.text[++r.at] ?? '' : c;
  }
  throw new Error(msg`a string is not closed`);
}

function parseInt_(r: Reader): number {
  const digits = /^[-+]?\d+[lL]?/.exec(r.text.slice(r.at))?.[0];
  if (digits === undefined) throw new Error(msg`expected a number at character ${r.at}`);
  r.at += digits.length;
  return Number(digits.replace(/[lL]$/, ''));
}
