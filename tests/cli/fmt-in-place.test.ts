// `nn fmt` rewrites a file in place through the one atomic-write helper
// (runtime/files/atomic-files.ts): a symbolic link keeps pointing at its
// file, which is the one formatted; the file keeps its permissions; nothing
// temporary stays behind.

import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');
const MESSY = 'model M {\n    input x: [B, 4]\n  output x->Dense(2)\n}\n';

describe('nn fmt in place', () => {
  it('formats the file a link names, keeps the link and the file mode, leaves no temporary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-fmt-'));
    const target = join(dir, 'real.nn');
    writeFileSync(target, MESSY, { mode: 0o600 });
    symlinkSync('real.nn', join(dir, 'link.nn'));
    const r = spawnSync(process.execPath, [bin, 'fmt', 'link.nn'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('link.nn: formatted\n');
    expect(lstatSync(join(dir, 'link.nn')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.nn'))).toBe('real.nn');
    expect(readFileSync(target, 'utf8')).toBe('model M {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.nn', 'real.nn']);
  });
});
