#!/usr/bin/env node
// Sets up what the end-to-end tests need, once, and in under a second when it
// is all there:
//   - Debian's `chromium` and the packages code-server's native modules build
//     against (apt, only when one is missing);
//   - code-server (VS Code for the browser) from npm, in a cache outside the
//     clone (see cache.mjs), checked with `code-server --version`.
// Each failing step says what failed and what to do.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_SERVER_VERSION, codeServerBin, codeServerFolder, e2eCacheRoot, readyMarker } from './cache.mjs';
import { missingAptPackages, installAptPackages, APT_PACKAGES } from './apt.mjs';
import { seedRipgrep } from './ripgrep.mjs';

const started = Date.now();

function fail(message) {
  console.error(`\ne2e set-up: ${message}`);
  process.exit(1);
}

/** The folder holding include/node/node.h, for node-gyp (no download of Node's headers). */
function nodeHeaders() {
  for (const prefix of [dirname(dirname(process.execPath)), '/usr', '/usr/local']) {
    if (existsSync(join(prefix, 'include', 'node', 'node.h'))) return prefix;
  }
  return undefined;
}

function ensureApt() {
  const missing = missingAptPackages(APT_PACKAGES);
  if (missing.length === 0) return;
  console.log(`e2e set-up: installing ${missing.join(' ')} with apt (once)...`);
  const result = installAptPackages(missing);
  if (!result.ok) fail(result.message);
  if (missing.includes('chromium')) checkChromium();
}

/** The first line of `code-server --version` that starts with a version (it may log first), run with its config folder in `home`. */
function codeServerVersion(bin, home) {
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share') };
  const run = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000, env });
  if (run.status !== 0) return { ok: false, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() };
  const line = run.stdout.split('\n').find((l) => /^\d+\.\d+\.\d+\b/.test(l));
  return line ? { ok: true, version: line.trim() } : { ok: false, output: run.stdout.trim() };
}

function ensureCodeServer() {
  const folder = codeServerFolder();
  if (existsSync(readyMarker()) && existsSync(codeServerBin())) return;
  const headers = nodeHeaders();
  if (!headers) fail(`Node's C headers (include/node/node.h) were not found next to ${process.execPath} or in /usr; code-server's native modules build against them.`);

  console.log(`e2e set-up: installing code-server ${CODE_SERVER_VERSION} into ${folder} (once, about 3 minutes)...`);
  // a partial install left by an interrupted run is continued (npm skips what is there)
  const staging = `${folder}.partial`;
  const tmp = join(staging, 'tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ name: 'nn-e2e-code-server', private: true }, null, 2)}\n`);
  try {
    seedRipgrep(tmp);
  } catch (error) {
    fail(`could not seed ripgrep for code-server from the npm registry: ${error.message}`);
  }
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_nodedir: headers,
    npm_config_update_notifier: 'false',
  };
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: staging,
    env,
    stdio: 'inherit',
  });
  if (npm.status !== 0) {
    fail(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${npm.status}). Its postinstall compiles native modules: it needs ${APT_PACKAGES.join(', ')} and Node's headers in ${headers}.`);
  }
  const stagedBin = join(staging, 'node_modules', '.bin', 'code-server');
  const answer = codeServerVersion(stagedBin, join(tmp, 'home'));
  if (!answer.ok || !answer.version.startsWith(CODE_SERVER_VERSION)) {
    fail(`the installed code-server does not run: '${stagedBin} --version' printed: ${answer.ok ? answer.version : answer.output || 'nothing'}`);
  }
  if (!hasVsCodeRipgrep(staging)) {
    fail("code-server installed, but VS Code's ripgrep binary is missing (its postinstall could not fetch it): search in files would not work.");
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(join(staging, 'ready.json'), `${JSON.stringify({ codeServer: answer.version, node: process.version, at: new Date().toISOString() }, null, 2)}\n`);
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
}

/** VS Code's own @vscode/ripgrep, inside code-server's lib/vscode. */
function hasVsCodeRipgrep(staging) {
  return existsSync(join(staging, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
}

function checkChromium() {
  try {
    execFileSync('/usr/bin/chromium', ['--version'], { stdio: 'pipe', timeout: 30_000 });
  } catch (error) {
    fail(`/usr/bin/chromium does not run: ${error.message.split('\n')[0]}`);
  }
}

mkdirSync(e2eCacheRoot(), { recursive: true });
ensureApt();
ensureCodeServer();
console.log(`e2e set-up: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (code-server ${CODE_SERVER_VERSION} in ${codeServerFolder()})`);
