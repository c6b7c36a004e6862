// The one way client code translates a message: `l10n.t('English {0}', value)`,
// the same call as VS Code's `vscode.l10n.t`, for the modules that must run
// without VS Code (the pure parts tests import, and the web views). The
// extension installs VS Code's own translator at activation; a web view
// installs the strings table the extension gave its page. Until then, and in
// English, the message is its English text with the arguments put in.
// The Chinese is in client/l10n/bundle.l10n.zh-cn.json, keyed by the English.

export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

/** `{0}`, `{1}` ... replaced by the arguments; a placeholder with no argument stays as written. */
export function formatMessage(text: string, args: readonly L10nArg[]): string {
  return text.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

/** A translator reading a table of English message -> translation (what `vscode.l10n.bundle` holds). */
export function fromBundle(bundle: Readonly<Record<string, string>> | undefined): Translate {
  return (message, ...args) => formatMessage(bundle?.[message] ?? message, args);
}

let current: Translate = fromBundle(undefined);

export const l10n = {
  t: (message: string, ...args: L10nArg[]): string => current(message, ...args),
};

/** Makes `l10n.t` translate with `translate` from now on. */
export function useTranslator(translate: Translate): void {
  current = translate;
}
