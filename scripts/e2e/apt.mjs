// The Debian packages the end-to-end tests need: the browser that drives the
// workbench, and what code-server's native modules (node-pty, kerberos,
// spdlog, ...) compile against. apt runs only when one is missing.

import { spawnSync } from 'node:child_process';

export const APT_PACKAGES = [
  'chromium',
  'libkrb5-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'libx11-dev',
  'build-essential',
  'python3',
  'pkg-config',
];

/** The packages dpkg does not report as installed. */
export function missingAptPackages(packages) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { encoding: 'utf8' });
  if (query.error) return packages; // no dpkg: let apt-get say what is wrong
  const installed = new Set(
    query.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0].replace(/:.*$/, '')),
  );
  return packages.filter((name) => !installed.has(name));
}

/** apt-get update once, then install; as root, or through sudo when there is one. */
export function installAptPackages(packages) {
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    return spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  const update = run(['apt-get', 'update']);
  if (update.error || update.status !== 0) {
    return { ok: false, message: `'apt-get update' failed${asRoot ? '' : ' (not root; sudo -n was tried)'}. Install by hand: apt-get install ${packages.join(' ')}` };
  }
  const install = run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]);
  if (install.error || install.status !== 0) {
    return { ok: false, message: `'apt-get install ${packages.join(' ')}' failed. Install them by hand, then run this again.` };
  }
  return { ok: true };
}
