// The `nn` CLI the extension runs (train, export, run, doctor) speaks the
// editor's language: `--lang zh` when VS Code's display language is Chinese.
// English needs no argument, so a runtime older than `--lang` still runs in
// an English editor. Pure: the caller gives `vscode.env.language`.

/** The CLI's language arguments for an editor display language (`zh-cn`, `zh-tw`, `en`, ...). */
export function cliLanguageArgs(uiLanguage: string): string[] {
  return /^zh(?:$|[-_])/i.test(uiLanguage) ? ['--lang', 'zh'] : [];
}
