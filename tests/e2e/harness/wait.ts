// Polling: the workbench updates asynchronously (the language server's
// debounce, VS Code's delayed inlay hint requests), so every read waits for
// what it expects, and a timeout says what it was waiting for and what it saw.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `read` until `accept` holds; returns the accepted value, or throws with the last value seen. */
export async function until<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError && last === undefined ? `error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : JSON.stringify(last)?.slice(0, 2000);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await sleep(everyMs);
  }
}
