// client/THIRD-PARTY-NOTICES.md from what esbuild really bundles: each
// bundle of the extension (the entry points of build-extension.mjs) is
// bundled in memory with a metafile, the packages its inputs come from are
// listed with their version, licence and home page, and their licence texts
// follow, one copy per distinct text.
//   node scripts/third-party-notices.mjs          writes the file
//   node scripts/third-party-notices.mjs --check  exits 1 when the file is out of date
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');
const target = join(client, 'THIRD-PARTY-NOTICES.md');

const webviews = readdirSync(join(client, 'webviews'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(client, 'webviews', d.name, 'main.ts')))
  .map((d) => d.name)
  .sort();

/** The bundles, as build-extension.mjs makes them (what matters here: platform and externals). */
const BUNDLES = [
  { title: 'The extension (dist/extension.cjs)', entries: ['client/extension.ts'], platform: 'node', external: ['vscode'] },
  { title: 'The language server and the CLI (dist/server.mjs, dist/nn.mjs, dist/nn-layers.mjs)', entries: ['client/server-main.ts', 'client/cli-main.ts', 'runtime/compile/register.ts'], platform: 'node', external: ['@tensorflow/*'] },
  { title: 'The web views (dist/webviews/)', entries: webviews.map((app) => `client/webviews/${app}/main.ts`), platform: 'browser', external: [] },
];

/** The package folder (under node_modules) an esbuild input path comes from, or undefined for the project's own files. */
function packageDir(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return join(root, ...parts.slice(0, at + 1 + length));
}

async function packagesOf(bundle) {
  const dirs = new Set();
  if (bundle.entries.length === 0) return [];
  // nothing is written: the outdir only names the outputs
  const result = await build({ entryPoints: bundle.entries.map((e) => join(root, e)), bundle: true, write: false, metafile: true, platform: bundle.platform, format: 'esm', external: bundle.external, outdir: join(root, 'notices-out'), logLevel: 'silent' });
  for (const input of Object.keys(result.metafile.inputs)) {
    const dir = packageDir(input);
    if (dir) dirs.add(dir);
  }
  return [...dirs].map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) })).sort((a, b) => a.manifest.name.localeCompare(b.manifest.name) || a.manifest.version.localeCompare(b.manifest.version));
}

function homePage(manifest) {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  let url = manifest.homepage ?? repository ?? `https://www.npmjs.com/package/${manifest.name}`;
  url = url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://').replace(/^git@github\.com:/, 'https://github.com/').replace(/^github:/, 'https://github.com/').replace(/#readme$/, '');
  return /^[\w-]+\/[\w.-]+$/.test(url) ? `https://github.com/${url}` : url;
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`${dir}: no licence file`);
  return readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim();
}

export async function noticesText() {
  let out = `# Third-party notices

The \`nn\` extension bundles the following open-source packages into the files of its \`dist/\` folder (esbuild
bundles; no \`node_modules\` are shipped). Each keeps its own licence, reproduced below. The native TensorFlow
backend used for training is not part of the extension: it is installed separately (**NN: Set Up Training
Backend**) under its own licence (Apache-2.0). The source code of every package below is available at its home
page, at the release named by its version.

`;
  const texts = new Map(); // licence text -> the packages under it
  const packagesByBundle = await Promise.all(BUNDLES.map(packagesOf));
  for (const [i, bundle] of BUNDLES.entries()) {
    const packages = packagesByBundle[i];
    if (packages.length === 0) continue;
    out += `## ${bundle.title}\n\n| Package | Version | Licence | Home page |\n| --- | --- | --- | --- |\n`;
    for (const { dir, manifest } of packages) {
      // elkjs is offered under EPL-2.0 or GPL-3.0-or-later: the extension uses it under EPL-2.0
      const licence = manifest.name === 'elkjs' ? `${manifest.license} (used here under EPL-2.0)` : manifest.license;
      out += `| ${manifest.name} | ${manifest.version} | ${licence} | ${homePage(manifest)} |\n`;
      const text = licenceText(dir);
      const id = `${manifest.name} ${manifest.version}`;
      if (!texts.has(text)) texts.set(text, []);
      if (!texts.get(text).includes(id)) texts.get(text).push(id);
    }
    out += '\n';
  }
  out += '## Licence texts\n\n';
  for (const [text, ids] of texts) out += `### ${ids.join(', ')}\n\n\`\`\`text\n${text}\n\`\`\`\n\n`;
  return `${out.trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await noticesText();
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('client/THIRD-PARTY-NOTICES.md is out of date with the bundled packages: run `node scripts/third-party-notices.mjs`.');
      process.exit(1);
    }
    console.log('client/THIRD-PARTY-NOTICES.md lists every bundled package.');
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
