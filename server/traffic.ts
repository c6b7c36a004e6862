// The messages between client and server that are on their way: those the
// client sent that the server has read but not yet handled, and those the
// server sent (answers, diagnostics) not yet written out. vscode-jsonrpc
// decodes each message as it arrives, queues it, handles the queue one
// message per macrotask, and writes each answer a macrotask or two later;
// the checks of documents are macrotasks too (check-queue.ts). Counting
// what is on its way lets a check step aside meanwhile, so that a hover is
// handled and its answer written before checks that were only waiting for
// their turn.

import { Message, type ConnectionOptions, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

export class Traffic {
  /** messages read and queued by the connection, not yet handed to a handler */
  private readonly waiting = new Set<Message>();
  /** messages handed to the writer, not yet written */
  private writing = 0;
  private readonly idleListeners: (() => void)[] = [];

  /** How many messages are on their way, in either direction. */
  get size(): number {
    return this.waiting.size + this.writing;
  }

  /** Calls `listener` each time the last message on its way has been handled or written. */
  onIdle(listener: () => void): void {
    this.idleListeners.push(listener);
  }

  /** The reader, seen through: every message it delivers is counted until the connection hands it on. */
  watchReader(reader: MessageReader): MessageReader {
    return {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      dispose: () => reader.dispose(),
      listen: (callback) =>
        reader.listen((message) => {
          // a cancellation is handled as it arrives, never queued
          if (!(Message.isNotification(message) && message.method === '$/cancelRequest')) this.waiting.add(message);
          callback(message);
        }),
    };
  }

  /** The writer, seen through: every message is counted until it is written. */
  watchWriter(writer: MessageWriter): MessageWriter {
    return {
      onError: writer.onError,
      onClose: writer.onClose,
      end: () => writer.end(),
      dispose: () => writer.dispose(),
      write: (message) => {
        this.writing++;
        return writer.write(message).finally(() => {
          this.writing--;
          this.checkIdle();
        });
      },
    };
  }

  /** The connection's options that report each message handed on to its handler. */
  readonly options: ConnectionOptions = {
    messageStrategy: {
      handleMessage: (message, next) => {
        this.handedOn(message);
        return next(message);
      },
    },
  };

  private handedOn(message: Message): void {
    if (this.waiting.delete(message)) this.checkIdle();
  }

  private checkIdle(): void {
    if (this.size > 0) return;
    for (const listener of this.idleListeners) listener();
  }
}
