// A temporary folder per test file, with files written into it by name.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempFolder {
  dir: string;
  /** writes `content` at `name` (sub-folders made as needed); returns the full path */
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempFolder(prefix: string): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), `nn-${prefix}-`));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
