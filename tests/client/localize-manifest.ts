// The extension manifest as VS Code shows it in one language: every string
// value `%key%` replaced by the key's text in package.nls.json (English) or
// package.nls.<language>.json, as VS Code does it.

/** The `%key%` strings of a JSON value, in document order. */
export function nlsKeys(value: unknown): string[] {
  if (typeof value === 'string') {
    const m = /^%([\w.-]+)%$/.exec(value);
    return m ? [m[1] as string] : [];
  }
  if (Array.isArray(value)) return value.flatMap(nlsKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(nlsKeys);
  return [];
}

/** A copy with every `%key%` string replaced by its text (a key with no text stays as it is). */
export function localizeManifest<T>(value: T, texts: Readonly<Record<string, string>>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^%([\w.-]+)%$/.exec(v);
      return m ? (texts[m[1] as string] ?? v) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
