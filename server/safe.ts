// Every request handler runs through `guard`: a bug answers with an empty
// result and a line on stderr; the server never dies on a request. Errors
// meant for the user (ResponseError: "cannot rename this") pass through.
// A command has no empty result: `guardCommand` answers a bug with a
// JSON-RPC InternalError instead.

import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** Logs go to stderr only: stdout may be the protocol channel. */
export function log(message: string, error?: unknown): void {
  const detail = error === undefined ? '' : `: ${error instanceof Error ? (process.env.NN_DEBUG ? error.stack : error.message) : String(error)}`;
  process.stderr.write(`nn-language-server: ${message}${detail}\n`);
}

export function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`${name} failed`, e);
      return fallback;
    }
  };
}

/** Like `guard`, for requests whose failure must be an error, not a result (workspace/executeCommand). */
export function guardCommand<P, R>(name: string, handler: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`${name} failed`, e);
      throw new ResponseError(ErrorCodes.InternalError, `${name} failed: an internal error in the language server (its log has the details)`);
    }
  };
}
