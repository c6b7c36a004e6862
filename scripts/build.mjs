// Bundles each entry point into one ES module under dist/. chevrotain's
// dependency lodash-es is hundreds of small files: bundled, the CLI starts
// in a tenth of the time.
import { build } from 'esbuild';

const entries = {
  nn: 'cli/main.ts',
  'bench-check': 'bench/check.ts',
  'nn-language-server': 'server/main.ts',
  'bench-lsp': 'bench/lsp.ts',
  'bench-train': 'bench/train.ts',
  'bench-acceptance': 'bench/acceptance.ts',
  // shipped by `nn export` next to model.json: registers the NnLayer class
  'nn-layers': 'runtime/compile/register.ts',
};

// vscode-languageserver and vscode-jsonrpc are CommonJS and require Node's
// built-ins: their bundles get a `require` (esbuild's ESM output has none).
const needsRequire = new Set(['nn-language-server', 'bench-lsp']);
// TensorFlow.js is never bundled: tfjs-node is a native addon that finds its
// binding and libraries relative to its own folder, and runtime/ imports it
// only on demand, by path.
const external = ['@tensorflow/*'];

const requireBanner = "import { createRequire as __nnCreateRequire } from 'node:module'; const require = __nnCreateRequire(import.meta.url);";

await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `dist/${name}.mjs`,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      external,
      ...(needsRequire.has(name) ? { banner: { js: requireBanner } } : {}),
    }),
  ),
);
