// Flushing a folder after a rename: on Windows a folder cannot be opened as
// a file (EISDIR), so there it is not tried; elsewhere a real failure (the
// folder is gone) still surfaces.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncDirectory } from '../../../runtime/files/atomic-files.js';

describe('syncDirectory', () => {
  const missing = join(tmpdir(), 'nn-no-such-folder-for-sync', 'inner');

  it('flushes an existing folder', () => {
    expect(() => syncDirectory(mkdtempSync(join(tmpdir(), 'nn-sync-')), 'linux')).not.toThrow();
  });

  it('reports a folder that is not there on POSIX systems', () => {
    expect(() => syncDirectory(missing, 'linux')).toThrow(/ENOENT/);
  });

  it('opens nothing on Windows', () => {
    // the missing folder proves no open was attempted: opening it would throw ENOENT
    expect(() => syncDirectory(missing, 'win32')).not.toThrow();
  });
});
