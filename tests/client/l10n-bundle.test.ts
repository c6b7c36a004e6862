// The extension's messages in Chinese: every `l10n.t('...')` of client/ (the
// extension, its pure parts and the web apps, found by parsing the sources)
// has an entry in client/l10n/bundle.l10n.zh-cn.json with the same {n}
// placeholders, gets as many values as its message has placeholders, and the
// bundle holds no message the code no longer says. Also: how a message is
// put together without VS Code (l10n.ts), and the CLI's language argument.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliLanguageArgs } from '../../client/cli-language.js';
import { formatMessage, fromBundle } from '../../client/l10n.js';
import { trainArgs } from '../../client/runs/train-invocation.js';
import { clientSources, placeholders, scanL10n } from './l10n-messages.js';

const root = join(import.meta.dirname, '..', '..');
const bundle = JSON.parse(readFileSync(join(root, 'client', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const scan = scanL10n(root, clientSources(join(root, 'client')));
const byFile = new Map<string, typeof scan.calls>();
for (const call of scan.calls) {
  const file = call.at.slice(0, call.at.lastIndexOf(':'));
  byFile.set(file, [...(byFile.get(file) ?? []), call]);
}

describe('the Chinese bundle of the extension', () => {
  test('the scan finds the messages of the extension, its pure parts and the web apps', () => {
    expect(scan.calls.length).toBeGreaterThan(200);
    for (const file of ['client/runs/run-status.ts', 'client/runs/training-commands.ts', 'client/webviews/training/panels.ts', 'client/webviews/graph/main.ts', 'client/webviews/summary/main.ts']) {
      expect(byFile.has(file)).toBe(true);
    }
  });

  test('every message is a literal (a message built at run time cannot be looked up)', () => {
    expect(scan.problems).toEqual([]);
  });

  test.each([...byFile.keys()])('%s: every message has its Chinese, with the same placeholders', (file) => {
    const wrong = byFile
      .get(file)!
      .filter((c) => typeof bundle[c.message] !== 'string' || bundle[c.message]!.trim() === '' || placeholders(bundle[c.message]!).join() !== placeholders(c.message).join())
      .map((c) => `${c.at}: ${c.message}`);
    expect(wrong).toEqual([]);
  });

  test.each([...byFile.keys()])('%s: every message gets one value per placeholder, numbered from {0}', (file) => {
    const wrong = byFile
      .get(file)!
      .filter((c) => {
        const distinct = [...new Set(placeholders(c.message))];
        return distinct.length !== c.argCount || distinct.some((p, i) => p !== `{${i}}`);
      })
      .map((c) => `${c.at}: ${c.message} (${c.argCount} values)`);
    expect(wrong).toEqual([]);
  });

  test('the bundle holds no message the code no longer says', () => {
    const said = new Set(scan.calls.map((c) => c.message));
    expect(Object.keys(bundle).filter((k) => !said.has(k))).toEqual([]);
  });

  test('the Chinese uses full-width punctuation in sentences, not ASCII commas and colons after Chinese', () => {
    const ascii = Object.entries(bundle).filter(([, zh]) => /[\u4e00-\u9fff][,;:]|[,;:][\u4e00-\u9fff]/.test(zh.replace(/`[^`]*`/g, '')));
    expect(ascii).toEqual([]);
  });
});

describe('a message without VS Code', () => {
  test.each([
    { text: 'epoch {0}/{1}', args: [3, 10], expected: 'epoch 3/10' },
    { text: '{1} of {0}', args: ['a', 'b'], expected: 'b of a' },
    { text: 'no values {0}', args: [], expected: 'no values {0}' },
    { text: '{0} is {0}', args: [true], expected: 'true is true' },
  ])('"$text" with $args reads "$expected"', ({ text, args, expected }) => {
    expect(formatMessage(text, args)).toBe(expected);
  });

  test('a translator reads its table, and says the English for what the table lacks', () => {
    const t = fromBundle({ 'epoch {0}/{1}': '第 {0}/{1} 轮' });
    expect(t('epoch {0}/{1}', 3, 10)).toBe('第 3/10 轮');
    expect(t('loss {0}', '0.41')).toBe('loss 0.41');
    expect(fromBundle(undefined)('loss {0}', '0.41')).toBe('loss 0.41');
  });
});

describe("the CLI's language", () => {
  test.each([
    { ui: 'zh-cn', args: ['--lang', 'zh'] },
    { ui: 'zh-tw', args: ['--lang', 'zh'] },
    { ui: 'zh', args: ['--lang', 'zh'] },
    { ui: 'en', args: [] },
    { ui: 'en-us', args: [] },
    { ui: 'de', args: [] },
    { ui: 'zhx', args: [] },
  ])('an editor in $ui gives nn $args', ({ ui, args }) => {
    expect(cliLanguageArgs(ui)).toEqual(args);
  });

  test('nn train gets the language at the end of its command line, and nothing in English', () => {
    const base = { script: '/rt/nn.mjs', file: '/w/mlp.nn', model: 'MLP', device: 'auto' as const };
    expect(trainArgs({ ...base, language: cliLanguageArgs('zh-cn') }).slice(-2)).toEqual(['--lang', 'zh']);
    expect(trainArgs({ ...base, language: cliLanguageArgs('en') })).toEqual(trainArgs(base));
  });
});
