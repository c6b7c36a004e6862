// `msg` marks a message for translation; `translated` looks up static text. It is a tagged template, so the code
// reads as the English it prints:
//
//     msg`Dense expects at least a rank-2 input, but got rank ${rank}`
//
// The message's key is its English text with each interpolation numbered,
// `Dense expects at least a rank-2 input, but got rank {0}`, as in gettext.
// A catalogue maps keys to translations that place `{0}`, `{1}`, ... where
// their language puts them. With no translation (English, or a key a
// catalogue lacks) the text is the template as JavaScript would build it, so
// English output is unchanged byte for byte. tests/i18n/catalogue.test.ts
// finds every `msg` in the sources and fails when a translation is missing,
// stale, or has other placeholders.

import { currentLocale } from './locale.js';
import { ZH_MESSAGES } from './zh/index.js';

/** A message in the current language. */
export function msg(strings: TemplateStringsArray, ...values: unknown[]): string {
  if (currentLocale() === 'zh') {
    const translation = ZH_MESSAGES.get(messageKey(strings));
    if (translation !== undefined) return fillPlaceholders(translation, values);
  }
  return strings.reduce((text, part, i) => (i === 0 ? part : `${text}${String(values[i - 1])}${part}`), '');
}

/**
 * Static text in the current language: a layer's or a function's teaching
 * paragraph, a parameter's line, any text written once in a catalogue. The
 * key is the English text itself, so a changed English text cannot keep an
 * outdated translation: the catalogue test then finds it missing.
 */
export function translated(english: string): string {
  return currentLocale() === 'zh' ? (ZH_MESSAGES.get(english) ?? english) : english;
}

/** The catalogue key of a template: its text with `{0}`, `{1}`, ... for the values. */
export function messageKey(strings: readonly string[]): string {
  return strings.reduce((key, part, i) => (i === 0 ? part : `${key}{${i - 1}}${part}`), '');
}

/** The `{n}` placeholders of a key or a translation, sorted. */
export function placeholdersOf(text: string): number[] {
  return [...text.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
}

function fillPlaceholders(translation: string, values: readonly unknown[]): string {
  return translation.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < values.length ? String(values[Number(index)]) : whole));
}
