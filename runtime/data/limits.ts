// How much the data sources read, at most (docs/language.md, "Data files"):
// a file past a limit is a message saying which limit, found while reading,
// before memory runs out.

/** One data file (csv, jsonl, npy, npz, an image), and the arrays of an .npz unpacked together: 2 GiB. */
export const MAX_DATA_BYTES = 2 ** 31;

/** One line of a CSV or JSON Lines file, in characters: 16 Mi. */
export const MAX_LINE_LENGTH = 2 ** 24;

/** Arrays and objects inside one another on a JSON line. */
export const MAX_JSON_DEPTH = 64;

/** "2 GiB (2,147,483,648 bytes)", "200 bytes" */
export function bytesInWords(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 2 ** 20) return exact;
  const unit = bytes >= 2 ** 30 ? `${+(bytes / 2 ** 30).toFixed(1)} GiB` : `${+(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${unit} (${exact})`;
}
