// Bundles the VS Code extension into client/dist/ with esbuild:
//   extension.cjs  the extension (CommonJS: VS Code loads it with require; `vscode` is external)
//   vscode-languageclient.cjs  the language client library, apart: required when the server starts,
//                  after activation (it is four fifths of the extension's code)
//   server.mjs     the language server, started by the extension over Node IPC
//   nn.mjs         the `nn` CLI, for a runtime the extension sets up (@tensorflow/* external)
//   webviews/*.js  one browser bundle per web app in client/webviews/<app>/main.ts (plus its .css)
// and copies the TextMate grammar, the native installer (native/*.mjs) and
// the examples (examples/*.nn) beside them. Nothing in the extension host
// loads TensorFlow.js.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');
const dist = join(client, 'dist');
const production = process.argv.includes('--production');
mkdirSync(dist, { recursive: true });

const requireBanner = "import { createRequire as __nnCreateRequire } from 'node:module'; const require = __nnCreateRequire(import.meta.url);";
const common = { bundle: true, logLevel: 'warning', sourcemap: !production, minify: production, legalComments: 'linked' };

// `vscode-languageclient/node` in the extension becomes a require of its own bundle beside it
const separateLanguageClient = {
  name: 'separate-language-client',
  setup(b) {
    b.onResolve({ filter: /^vscode-languageclient\/node$/ }, () => ({ path: './vscode-languageclient.cjs', external: true }));
  },
};

const webviews = readdirSync(join(client, 'webviews'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(client, 'webviews', d.name, 'main.ts')))
  .map((d) => d.name);

await Promise.all([
  build({ ...common, entryPoints: [join(client, 'extension.ts')], outfile: join(dist, 'extension.cjs'), platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [separateLanguageClient], supported: { 'dynamic-import': false }, banner: { js: 'var __nnLoadStart = performance.now();' } }),
  build({ ...common, entryPoints: ['vscode-languageclient/node'], outfile: join(dist, 'vscode-languageclient.cjs'), platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }),
  build({ ...common, entryPoints: [join(client, 'server-main.ts')], outfile: join(dist, 'server.mjs'), platform: 'node', format: 'esm', target: 'node20', banner: { js: requireBanner } }),
  // shipped beside nn.mjs: `nn export` copies it next to model.json
  build({ ...common, entryPoints: [join(root, 'runtime', 'compile', 'register.ts')], outfile: join(dist, 'nn-layers.mjs'), platform: 'node', format: 'esm', target: 'node20', external: ['@tensorflow/*'] }),
  build({ ...common, entryPoints: [join(client, 'cli-main.ts')], outfile: join(dist, 'nn.mjs'), platform: 'node', format: 'esm', target: 'node20', external: ['@tensorflow/*'], banner: { js: requireBanner } }),
  ...webviews.map((app) =>
    build({ ...common, entryPoints: [join(client, 'webviews', app, 'main.ts')], outfile: join(dist, 'webviews', `${app}.js`), platform: 'browser', format: 'iife', target: 'chrome120' }),
  ),
]);
copyFileSync(join(root, 'grammar', 'nn.tmLanguage.json'), join(dist, 'nn.tmLanguage.json'));
// what NN: Set Up Training Backend runs (the native installer) and NN: Open Example copies
copyFolder(join(root, 'scripts', 'native'), join(dist, 'native'), '.mjs');
copyFolder(join(root, 'examples'), join(dist, 'examples'), '.nn');

/** Copies the files of `from` that end in `ext` into a fresh `to`. */
function copyFolder(from, to, ext) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) if (name.endsWith(ext)) copyFileSync(join(from, name), join(to, name));
}
