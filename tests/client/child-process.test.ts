// The child processes the extension runs (npm, the native installer, the
// nn CLI): lines as they come, the stderr tail, and cancellation that ends
// the whole tree, a grandchild in its own process group included.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runProcess } from '../../client/child-process.js';

const node = process.execPath;

/** Running, not ended (an ended process may stay a zombie until its new parent reaps it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/stat`)) return true;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

describe('runProcess', () => {
  test('every line to the listener, stdout kept, the stderr tail for the message, the exit status', async () => {
    const lines: string[] = [];
    const script = "console.log('one'); console.error('warn: a'); process.stdout.write('two'); console.error('Error: it broke'); process.exit(3)";
    const result = await runProcess({ command: node, args: ['-e', script], keepStdout: true, onLine: (line, stream) => lines.push(`${stream}:${line}`) });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('one\ntwo');
    expect(result.stderrTail).toEqual(['warn: a', 'Error: it broke']);
    expect(lines.sort()).toEqual(['stderr:Error: it broke', 'stderr:warn: a', 'stdout:one', 'stdout:two']);
  });

  test('a program that does not exist: a start error, not an exception', async () => {
    const result = await runProcess({ command: 'nn-no-such-program-here', args: [] });
    expect(result.code).toBeNull();
    expect(result.startError).toMatch(/ENOENT/);
  });

  test.skipIf(process.platform === 'win32')('cancelling ends the child and a grandchild that started its own process group', async () => {
    // the child starts a detached grandchild (as the native installer starts pip and node-gyp), prints its pid, and waits
    const grandchild = `require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { detached: true, stdio: 'ignore' })`;
    const script = `const c = ${grandchild}; console.log(c.pid); setTimeout(() => {}, 60000)`;
    const abort = new AbortController();
    let grandchildPid = 0;
    const started = Date.now();
    const result = await runProcess({
      command: node,
      args: ['-e', script],
      signal: abort.signal,
      onLine: (line) => {
        grandchildPid = Number(line);
        abort.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(grandchildPid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(grandchildPid)).toBe(false);
  });
});
