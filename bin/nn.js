#!/usr/bin/env node
// The `nn` command: check, summarise, format and train `.nn` files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/nn.mjs', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  // nothing of nn is there to translate this: the one message is in both languages here (--lang, else LC_ALL, LC_MESSAGES, LANG)
  const asked = process.argv.find((a, i) => process.argv[i - 1] === '--lang' || a.startsWith('--lang='))?.replace(/^--lang=/, '');
  const tag = asked ?? [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].find((v) => v !== undefined && v !== '');
  const chinese = tag !== undefined && /^zh(?:$|[-_.@])/i.test(tag);
  process.stderr.write(chinese ? 'nn: 项目还没有构建；请先在它的文件夹中运行 `npm install`（或 `npm run build`）\n' : 'nn: the project is not built; run `npm install` (or `npm run build`) in its folder first\n');
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
