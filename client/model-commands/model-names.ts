// The models a .nn source defines (`model Name(...) {`), in order, found in
// the text: enough to ask which one to export or run without waiting for
// the language server. Pure.

export function modelNames(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split('\n')) {
    const match = /^\s*model\s+([A-Za-z_]\w*)/.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}
