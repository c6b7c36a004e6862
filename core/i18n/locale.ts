// The language that messages, hovers and docs are written in. One process
// serves one person: the CLI reads it from --lang or the environment, the
// language server from the client's `initialize`. English is the default
// and the fallback for anything a catalogue lacks.

export type Locale = 'en' | 'zh';

let current: Locale = 'en';

/** The language messages are written in now. */
export function currentLocale(): Locale {
  return current;
}

/** Chooses the language of every message from here on. */
export function setLocale(locale: Locale): void {
  current = locale;
}

/**
 * The locale that a tag names: a BCP 47 tag from an editor (`zh-cn`,
 * `zh-Hans`, `en-US`) or a POSIX one from the environment (`zh_CN.UTF-8`).
 * Every Chinese tag reads as Chinese (the catalogue is simplified Chinese);
 * anything else, or nothing, is English.
 */
export function localeFrom(tag: string | undefined): Locale {
  return tag !== undefined && /^zh(?:$|[-_.@])/i.test(tag.trim()) ? 'zh' : 'en';
}

/**
 * The locale of a command line's environment, as POSIX orders it:
 * LC_ALL, then LC_MESSAGES, then LANG; the first one set and not empty wins.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return localeFrom(value);
  }
  return 'en';
}
