// The stdio transport, with what vscode-jsonrpc leaves unsaid said on stderr.
//
// vscode-jsonrpc's stream reader frames messages by their `Content-Length`
// header. A header without one, with a value that is not a number, or a
// body that is not JSON fires the reader's error event, which nothing in
// vscode-languageserver listens to: the bytes after it are then read as
// headers, the framing is lost for good, and the server answers nothing
// more, silently. There is no sound way back in step (a body may contain
// any text, headers included), so the server says what it read and exits
// with status 1: the editor's client restarts a server that exits.
//
// A length larger than what was sent makes the reader wait for bytes that
// never come (the messages after it become part of the body). That cannot
// be told apart from a slow writer, so it is logged, not fatal: the reader
// reports a message still incomplete after a pause without new bytes.

import { format } from 'node:util';
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import { log } from './safe.js';

/** Exit status when the client's byte stream cannot be read any more. */
export const UNREADABLE_STREAM_EXIT = 1;

export interface StdioTransport {
  reader: MessageReader;
  writer: MessageWriter;
}

/**
 * The reader and writer over this process's stdin and stdout. `shutdownReceived`
 * says, when stdin ends, whether the client asked for the end (exit 0) or
 * went away without asking (exit 1), as vscode-languageserver does for its
 * own stdio transport.
 */
export function stdioTransport(shutdownReceived: () => boolean): StdioTransport {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    log(`the client sent bytes that are not a message (${describeError(error)}); the stream is out of step, so the server exits for the client to restart it`);
    process.exit(UNREADABLE_STREAM_EXIT);
  });
  // the reader says so again after each pause: once per message is enough
  let lastIncomplete: number | undefined;
  reader.onPartialMessage((info) => {
    if (info.messageToken === lastIncomplete) return;
    lastIncomplete = info.messageToken;
    log(`a message has been incomplete for ${info.waitingTime / 1000} s; if its Content-Length is larger than what was sent, the server will wait for ever: restart it`);
  });
  const ended = (): void => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  // stdout is the protocol channel: a stray console.log must not corrupt it
  const toStderr = (...args: unknown[]): void => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = console.warn = toStderr;
  return { reader, writer };
}

/** At most this much of the reader's error (which may quote a whole header block of garbage) goes to the log. */
const MAX_ERROR_CHARS = 300;

/** The reader's error as one line: its message, without the stack, cut short. */
function describeError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ': ');
  return message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS)}...` : message;
}
