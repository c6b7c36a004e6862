// What the set-up's progress notification says while npm and the native
// installer run: the telling lines of their output, shortened. Every line
// also goes to the log; only these reach the notification. Pure.

const MAX_MESSAGE = 90;

/**
 * The native installer writes `nn: <text>` lines to stderr (scripts/native/say.mjs);
 * its framed warnings are rules of dashes around `nn:` lines.
 */
export function installerProgress(line: string): string | undefined {
  const match = /^nn: (.*)$/.exec(line.trim());
  if (!match) return undefined;
  const text = match[1]!.trim();
  if (text === '' || /^-+$/.test(text)) return undefined;
  return shorten(text);
}

/** npm's summary and error lines (`added 93 packages in 21s`, `npm error code ENOTFOUND`); its warnings and noise are left to the log. */
export function npmProgress(line: string): string | undefined {
  const text = line.trim();
  if (/^(added|removed|changed|up to date)\b/.test(text)) return shorten(text);
  const error = /^npm (?:error|ERR!) (.*)$/.exec(text);
  if (error && error[1]!.trim() !== '') return shorten(`npm: ${error[1]!.trim()}`);
  return undefined;
}

/** The installer's framed failure, when it printed one: the lines between its WARNING and the rule that ends the frame. */
export function installerFailure(lines: readonly string[]): string[] {
  const texts = lines.map((l) => /^nn: (.*)$/.exec(l.trim())?.[1] ?? undefined);
  const start = texts.findIndex((t) => t?.startsWith('WARNING: the native TensorFlow backend could not be installed') === true);
  if (start < 0) return [];
  const out: string[] = [];
  for (const text of texts.slice(start + 1)) {
    if (text === undefined || /^-+$/.test(text)) break;
    out.push(text.trim());
  }
  return out;
}

function shorten(text: string): string {
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;
}
