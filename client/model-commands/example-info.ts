// What NN: Open Example lists for a bundled architecture: its file name,
// the first sentence of its opening comment, and the models it defines.
// Pure.

import { modelNames } from './model-names.js';

export interface ExampleInfo {
  file: string;
  /** the first sentence of the file's opening comment */
  summary: string;
  models: string[];
}

const MAX_SUMMARY = 160;

export function exampleInfo(file: string, source: string): ExampleInfo {
  return { file, summary: firstSentence(openingComment(source)), models: modelNames(source) };
}

/** The first paragraph of the `//` or `///` comment that opens the file, as one line. */
function openingComment(source: string): string {
  const words: string[] = [];
  for (const line of source.split('\n')) {
    const match = /^\s*\/\/\/?(.*)$/.exec(line);
    if (!match) break;
    const text = match[1]!.trim();
    if (text === '') {
      if (words.length > 0) break;
      continue;
    }
    words.push(text);
  }
  return words.join(' ');
}

function firstSentence(text: string): string {
  // a sentence ends before a capital letter or at the end (not at `et al., 2014`)
  const end = /[.!?](?=\s+[A-Z("'`]|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  return sentence.length <= MAX_SUMMARY ? sentence : `${sentence.slice(0, MAX_SUMMARY - 1)}…`;
}
