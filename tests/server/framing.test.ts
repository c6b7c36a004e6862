// Bytes over stdio that are not a message (a header without Content-Length,
// a length that is not a number, a body that is not JSON): the server says
// so on stderr and exits with status 1, so that the client restarts it,
// instead of going silent. A server that kept running would be killed by
// the timeout here, and the test would fail on its exit status. A length
// larger than what was sent cannot be told from a slow writer: it is said
// on stderr, once.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from './client.js';

const bin = join(root, 'bin', 'nn-language-server.js');

/** A JSON-RPC message as framed on the wire. */
function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

interface Server {
  write(bytes: string): void;
  end(): void;
  /** resolves when stdout has held `pattern` */
  stdoutMatches(pattern: RegExp): Promise<void>;
  /** resolves when stderr has held `pattern` */
  stderrMatches(pattern: RegExp): Promise<void>;
  /** what stderr has held so far */
  stderr(): string;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the server over stdio; a server still running after `killAfterMs` is killed (its exit code is then null). */
function start(killAfterMs = 15_000): Server {
  const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: { stream: 'stdout' | 'stderr'; pattern: RegExp; resolve: () => void }[] = [];
  const text = { stdout: () => stdout, stderr: () => stderr };
  const notify = (): void => {
    for (const w of watchers.filter((w) => w.pattern.test(text[w.stream]()))) w.resolve();
  };
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    notify();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    notify();
  });
  const timer = setTimeout(() => child.kill(), killAfterMs);
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    write: (bytes) => child.stdin.write(bytes),
    end: () => child.stdin.end(),
    stdoutMatches: (pattern) => (pattern.test(stdout) ? Promise.resolve() : new Promise((resolve) => watchers.push({ stream: 'stdout', pattern, resolve }))),
    stderr: () => stderr,
    stderrMatches: (pattern) => (pattern.test(stderr) ? Promise.resolve() : new Promise((resolve) => watchers.push({ stream: 'stderr', pattern, resolve }))),
    exited,
  };
}

/** The server's exit after `input`. */
function run(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const server = start();
  server.write(input);
  return server.exited;
}

describe('bytes over stdio that are not a message', () => {
  test.each([
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}', /Content-Length/],
    ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}', /Content-Length value must be a number/],
    ['a header line without a colon', 'hello there\r\n\r\n', /must separate key and value/],
    ['a body that is not JSON (Content-Length too small)', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize"}', /JSON|Unexpected|token/i],
  ])('%s: a line on stderr and exit 1', async (_, input, reason) => {
    const r = await run(input);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nn-language-server: the client sent bytes that are not a message \(/);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toMatch(/exits for the client to restart it\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
  });

  test('after a conversation in step, garbage: exit 1', async () => {
    const server = start();
    server.write(initialize);
    await server.stdoutMatches(/"serverInfo":\{"name":"nn-language-server"/);
    server.write('Content-Length: nope\r\n\r\n');
    const r = await server.exited;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Content-Length value must be a number\. Got nope/);
  });

  test('a garbage header block is quoted in the log cut short, on one line', async () => {
    const r = await run(`X-Noise: ${'z'.repeat(5000)}\r\n\r\n`);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(1000);
  });

  test('a Content-Length larger than what was sent: said on stderr once the reader has waited for the rest', async () => {
    const server = start(40_000);
    server.write('Content-Length: 1000\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize"');
    // vscode-jsonrpc reports a message still incomplete after 10 s without new bytes
    await server.stderrMatches(/a message has been incomplete for 10 s; if its Content-Length is larger than what was sent, the server will wait for ever: restart it\n/);
    expect(server.stderr()).not.toMatch(/exits/); // still waiting: the client may yet send the rest
    server.end();
    expect((await server.exited).code).toBe(1);
  }, 60_000);

  test('stdin ending without shutdown: exit 1; after shutdown: exit 0', async () => {
    const gone = start();
    gone.write(initialize);
    await gone.stdoutMatches(/"serverInfo"/);
    gone.end();
    expect((await gone.exited).code).toBe(1);

    const done = start();
    done.write(initialize);
    await done.stdoutMatches(/"serverInfo"/);
    done.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
    await done.stdoutMatches(/"id":2/);
    done.end();
    const r = await done.exited;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
