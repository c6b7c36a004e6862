// `nn-language-server --stdio | --node-ipc`: the language server of `.nn`
// files. The transport is picked from the arguments by vscode-languageserver;
// stdout may be the protocol channel, so every log goes to stderr.

import { readFileSync } from 'node:fs';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { Traffic } from './traffic.js';
import { startServer } from './server.js';
import { stdioTransport } from './stdio-transport.js';

const USAGE = `usage: nn-language-server --stdio | --node-ipc
       nn-language-server --version
the language server of .nn files; an editor starts it and speaks LSP over stdio (or Node IPC)
`;

function packageVersion(): string {
  try {
    // dist/nn-language-server.mjs and server/main.ts both sit one folder below package.json
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function main(argv: readonly string[]): void {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`nn-language-server ${packageVersion()}\n`);
    return;
  }
  // Clients add `--clientProcessId=N` (VS Code) to the transport flag; the library reads it.
  // vscode-languageclient adds `--stdio` itself when the server's arguments already say
  // `--stdio`: the same transport twice is one transport; two different ones are refused.
  const transports = new Set(argv.filter((a) => a === '--stdio' || a === '--node-ipc'));
  const rest = argv.filter((a) => a !== '--stdio' && a !== '--node-ipc' && !/^--clientProcessId(=\d+)?$/.test(a) && !/^\d+$/.test(a));
  if (transports.size !== 1 || rest.length > 0) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  // the reader and writer are ours, seen through (checks step aside while messages are on their way: traffic.ts);
  // over stdio, the reader's errors are said and end the process (the library would drop them silently: stdio-transport.ts)
  let shutdownReceived = false;
  const { reader, writer } = transports.has('--node-ipc')
    ? { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process) }
    : stdioTransport(() => shutdownReceived);
  const traffic = new Traffic();
  const connection = createConnection(ProposedFeatures.all, traffic.watchReader(reader), traffic.watchWriter(writer), traffic.options);
  connection.onShutdown(() => {
    shutdownReceived = true;
  });
  startServer(connection, packageVersion(), traffic);
}
