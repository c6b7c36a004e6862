// `npm run package`: a production build of the extension, then
// nn-<version>.vsix in the project folder with @vscode/vsce (offline; the
// bundles carry every dependency, so no node_modules go in).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');
const { version } = JSON.parse(readFileSync(join(client, 'package.json'), 'utf8'));
const out = join(root, `nn-${version}.vsix`);

execFileSync(process.execPath, [join(root, 'scripts', 'build-extension.mjs'), '--production'], { stdio: 'inherit' });
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: client, stdio: 'inherit' });
console.log(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
