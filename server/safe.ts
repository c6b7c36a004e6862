// Every request handler runs through `guard`: a bug answers with an empty
// result and a line on stderr; the server never dies on a request. Errors
// meant for the user (ResponseError: "cannot rename this") pass through.

import { ResponseError } from 'vscode-languageserver';

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
