// client/THIRD-PARTY-NOTICES.md names every package esbuild bundles into the
// extension, with its licence text: scripts/third-party-notices.mjs bundles
// each entry point in memory and compares (run it without --check to update).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

test('the third-party notices list exactly the bundled packages', () => {
  const check = spawnSync(process.execPath, [join(root, 'scripts', 'third-party-notices.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
});

test('the language client, the language server and chevrotain are among them, with their licences', () => {
  const notices = readFileSync(join(root, 'client', 'THIRD-PARTY-NOTICES.md'), 'utf8');
  expect(notices).toMatch(/^\| vscode-languageclient \| 11\.0\.0 \| MIT \|/m);
  expect(notices).toMatch(/^\| vscode-languageserver \| 11\.0\.0 \| MIT \|/m);
  expect(notices).toMatch(/^\| chevrotain \| 11\.2\.0 \| Apache-2\.0 \|/m);
  expect(notices).toContain('Apache License');
});
