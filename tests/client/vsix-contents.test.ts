// What `npm run package` puts in the .vsix, as vsce lists it from client/
// with .vscodeignore applied: the bundles of dist/, the static files the
// manifest names, the translations (package.nls.*.json, l10n/), the README
// and the notices; no sources, no source maps, no node_modules.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const client = join(root, 'client');
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');

const ALLOWED = [
  /^dist\//,
  /^media\/[\w.-]+\.(png|svg)$/,
  /^snippets\/[\w-]+\.json$/,
  // the walkthrough's pages, in English and translated (`train.zh-cn.md`)
  /^walkthrough\/[\w-]+(\.[a-z]{2}(-[a-z]{2})?)?\.(md|png|svg)$/,
  // the manifest's texts and the messages' translations
  /^package\.nls(\.[a-z]{2}(-[a-z]{2})?)?\.json$/,
  /^l10n\/bundle\.l10n\.[a-z]{2}(-[a-z]{2})?\.json$/,
  /^(package\.json|README\.md|THIRD-PARTY-NOTICES\.md|language-configuration\.json)$/,
];

describe('the .vsix', () => {
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: client, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  test('holds only the bundles, the static files, the README and the notices', () => {
    expect(listed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'THIRD-PARTY-NOTICES.md', 'language-configuration.json', 'snippets/nn.json', 'media/icon.png']));
    // English and Chinese: the manifest's texts, the messages, the walkthrough
    expect(listed).toEqual(expect.arrayContaining(['package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'walkthrough/train.md', 'walkthrough/train.zh-cn.md']));
    expect(listed.filter((f) => !ALLOWED.some((a) => a.test(f)))).toEqual([]);
  });

  test('holds no source, no source map and no node_modules', () => {
    expect(listed.filter((f) => /\.(ts|map)$/.test(f) || f.includes('node_modules/') || f.startsWith('webviews/'))).toEqual([]);
  });
});
