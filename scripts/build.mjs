// Bundles each entry point into one ES module under dist/. chevrotain's
// dependency lodash-es is hundreds of small files: bundled, the CLI starts
// in a tenth of the time.
import { build } from 'esbuild';

const entries = {
  nn: 'cli/main.ts',
  'bench-check': 'bench/check.ts',
};

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
    }),
  ),
);
