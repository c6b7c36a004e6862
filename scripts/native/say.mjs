// Progress and warnings of the native-backend installer: one line each, on
// stderr, prefixed `nn: ` so they stand out in `npm install`'s output.

export function say(text) {
  process.stderr.write(`nn: ${text}\n`);
}

/** A warning that must not scroll by unnoticed: framed, one `nn: ` line each. */
export function warnLoudly(lines) {
  const rule = '-'.repeat(72);
  for (const line of [rule, ...lines, rule]) say(line);
}

/** The last `count` lines of a tool's output, for a failure message. */
export function tail(text, count = 15) {
  return String(text ?? '').trimEnd().split('\n').slice(-count);
}

/** An error (or a spawn result's failure) as one line. */
export function oneLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' / ');
}
