// Runs an external tool (pip, node-gyp, tfjs-node's own installer) with a
// time limit. Its output is collected, not shown, and handed back for the
// failure message; on time-out its whole process group is ended, so no
// grandchild (a download, a compiler) outlives it.

import { spawn } from 'node:child_process';

/** Resolves to `{ status, output, timedOut, error }`; never rejects. */
export function runTool(command, args, { cwd, env = process.env, timeoutSeconds }) {
  return new Promise((done) => {
    let output = '';
    let timedOut = false;
    const child = spawn(command, args, { cwd, env, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk) => {
      output += chunk;
      if (output.length > 1_000_000) output = output.slice(-500_000);
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (process.platform === 'win32') child.kill();
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ status: null, output, timedOut, error });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, output, timedOut, error: undefined });
    });
  });
}

/** The most telling line of a failed tool's output: an `Error: ...` line, else one with an error code or "failed", else the last. */
export function failureLine(result) {
  if (result.error) return result.error.message;
  if (result.timedOut) return 'no result within the time limit';
  const lines = result.output.split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = [/^(\w*Error|error|ERROR)\b:?/, /\bE[A-Z]{3,}\b/, /failed|not found/i].map((p) => lines.find((l) => p.test(l) && !l.startsWith('at '))).find(Boolean);
  return (telling ?? lines.at(-1) ?? `exit status ${result.status}`).slice(0, 300);
}
