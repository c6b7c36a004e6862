#!/usr/bin/env node
// The `nn` command: check, summarise, format and train `.nn` files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/nn.mjs', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('nn: the project is not built; run `npm install` (or `npm run build`) in its folder first\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  stdin: process.stdin,
  interactive: process.stdout.isTTY === true,
  columns: () => process.stdout.columns,
  env: process.env,
});
