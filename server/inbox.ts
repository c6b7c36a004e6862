// The messages the client sent that the server has read but not yet
// handled. vscode-jsonrpc decodes each message as it arrives, queues it, and
// handles the queue one message per macrotask; the checks of documents are
// macrotasks too (check-queue.ts). Counting what waits in that queue lets a
// check step aside while requests wait, so that a hover is not answered
// after checks that were only waiting for their turn. A request the client
// cancels while it waits is answered at once as cancelled, not run.

import { LSPErrorCodes, Message, type ConnectionOptions, type MessageReader, type ResponseMessage } from 'vscode-languageserver/node';

export class Inbox {
  /** messages read and queued by the connection, not yet handed to a handler */
  private readonly waiting = new Set<Message>();
  private readonly idleListeners: (() => void)[] = [];

  /** How many messages wait to be handled. */
  get size(): number {
    return this.waiting.size;
  }

  /** Calls `listener` each time the last waiting message has been handed to its handler. */
  onIdle(listener: () => void): void {
    this.idleListeners.push(listener);
  }

  /** The reader, seen through: every message it delivers is counted until the connection hands it on. */
  watch(reader: MessageReader): MessageReader {
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

  /** The connection's options that report each message handed on, and answer requests cancelled while waiting. */
  readonly options: ConnectionOptions = {
    messageStrategy: {
      handleMessage: (message, next) => {
        this.handedOn(message);
        return next(message);
      },
    },
    connectionStrategy: {
      cancelUndispatched: (message) => {
        this.handedOn(message);
        if (!Message.isRequest(message)) return undefined;
        const answer: ResponseMessage = { jsonrpc: '2.0', id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled before it was handled' } };
        return answer;
      },
    },
  };

  private handedOn(message: Message): void {
    if (!this.waiting.delete(message) || this.waiting.size > 0) return;
    for (const listener of this.idleListeners) listener();
  }
}
