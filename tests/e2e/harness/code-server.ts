// code-server (VS Code 1.100 for the browser) for one scenario: a fresh
// user-data-dir, extensions-dir, HOME and TMPDIR inside the scenario's run
// folder; the packaged .vsix installed the real way (--install-extension);
// the server in its own process group, so that stopping it ends the
// extension host, the language server and everything they started.

import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER } from './paths.js';
import { endProcesses, MARKER_VARIABLE } from './processes.js';
import type { Settings } from './settings.js';

export interface RunFolders {
  run: string;
  userData: string;
  extensions: string;
  home: string;
  tmp: string;
  log: string;
}

export function runFolders(run: string): RunFolders {
  const folders = {
    run,
    userData: join(run, 'user-data'),
    extensions: join(run, 'extensions'),
    home: join(run, 'home'),
    tmp: join(run, 'tmp'),
    log: join(run, 'code-server.log'),
  };
  for (const dir of [folders.userData, folders.extensions, folders.home, folders.tmp]) mkdirSync(dir, { recursive: true });
  return folders;
}

function environment(folders: RunFolders, marker: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: folders.home, TMPDIR: folders.tmp, XDG_CONFIG_HOME: join(folders.home, '.config'), XDG_DATA_HOME: join(folders.home, '.local', 'share'), [MARKER_VARIABLE]: marker };
  // nothing of a surrounding VS Code or test run leaks in
  for (const name of Object.keys(env)) if (name.startsWith('VSCODE_') || name.startsWith('VITEST') || name === 'NODE_OPTIONS') delete env[name];
  env.NODE_ENV = 'production';
  return env;
}

export async function installExtension(folders: RunFolders, vsix: string, marker: string): Promise<string> {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server is not set up (${CODE_SERVER} is missing): run node scripts/e2e/setup.mjs`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package`);
  const { stdout } = await promisify(execFile)(CODE_SERVER, ['--user-data-dir', folders.userData, '--extensions-dir', folders.extensions, '--install-extension', vsix], {
    env: environment(folders, marker),
    timeout: 120_000,
  });
  if (!/successfully installed/i.test(stdout)) throw new Error(`code-server did not install ${vsix}:\n${stdout}`);
  return stdout.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  folders: RunFolders;
  workspace: string;
  settings: Settings;
  /** false: --disable-workspace-trust (every folder trusted) */
  trust: boolean;
  marker: string;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  pid: number;
  /** the log's last lines (start-up failures) */
  logTail(): string;
  /** ends the group; resolves to the processes that had left it and had to be killed one by one */
  stop(): Promise<number[]>;
}

export async function startCodeServer(o: StartOptions): Promise<RunningCodeServer> {
  mkdirSync(join(o.folders.userData, 'User'), { recursive: true });
  writeFileSync(join(o.folders.userData, 'User', 'settings.json'), `${JSON.stringify(o.settings, null, 2)}\n`);
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', o.folders.userData,
    '--extensions-dir', o.folders.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(o.trust ? [] : ['--disable-workspace-trust']),
    o.workspace,
  ];
  const log = openSync(o.folders.log, 'a');
  const child = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', log, log], env: environment(o.folders, o.marker) });
  closeSync(log);
  const pid = child.pid!;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const logTail = () => readFileSync(o.folders.log, 'utf8').split('\n').slice(-30).join('\n');
  const url = `http://127.0.0.1:${port}`;
  const server: RunningCodeServer = { url, port, pid, logTail, stop: () => endProcesses(pid, o.marker) };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`code-server exited (${exited}) while starting:\n${logTail()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${logTail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
