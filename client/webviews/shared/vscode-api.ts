// The one bridge from a web app to the extension: messages both ways, and
// state that survives a window reload (VS Code keeps it with the panel).

interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

let api: VsCodeApi<unknown> | undefined;

export function vscodeApi<State>(): VsCodeApi<State> {
  api ??= acquireVsCodeApi<unknown>();
  return api as VsCodeApi<State>;
}

/** The JSON the extension put in the page before the app's script (see client/webview-html.ts). */
export function initialData<T>(): T | null {
  return ((window as unknown as { __NN_INITIAL__?: T }).__NN_INITIAL__ ?? null) as T | null;
}

/** Calls `handler` with each message the extension posts to this app. */
export function onMessage<M>(handler: (message: M) => void): void {
  window.addEventListener('message', (e: MessageEvent) => handler(e.data as M));
}
