// The `nn` command as the extension ships it (dist/nn.mjs): training, export
// and run in a child process, next to a runtime folder that holds the native
// TensorFlow backend (see runtime.ts).
import { run } from '../cli/main.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  stdin: process.stdin,
  interactive: process.stdout.isTTY === true,
  columns: () => process.stdout.columns,
  env: process.env,
});
