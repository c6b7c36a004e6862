#!/usr/bin/env node
// The `nn` language server: `nn-language-server --stdio` (or --node-ipc).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/nn-language-server.mjs', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('nn-language-server: the project is not built; run `npm install` (or `npm run build`) in its folder first\n');
  process.exit(2);
}
const server = await import(main.href);
server.main(process.argv.slice(2));
