// The extension manifest (client/package.json) agrees with itself and with
// the code: the VS Code it accepts, its version, the commands its menus,
// views, walkthrough and keybindings name, the files it points to, the
// defaults for .nn files, workspace trust, the semantic token types the
// server emits, and the commands the extension registers.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/semantic-tokens.js';
import { localizeManifest } from './localize-manifest.js';

const root = join(import.meta.dirname, '..', '..');
const client = join(root, 'client');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
// as VS Code shows it in English (its texts are `%key%`s of package.nls.json; manifest-nls.test.ts checks the translations)
const manifest = localizeManifest(readJson(join(client, 'package.json')), readJson(join(client, 'package.nls.json')));
const rootPackage = readJson(join(root, 'package.json'));
const contributes = manifest.contributes;
const semver = createRequire(import.meta.url)('semver') as { satisfies(v: string, range: string): boolean; minVersion(range: string): { version: string } | null };

const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));

/** Every `command:<id>` link in a text (markdown links, walkthrough descriptions, view welcome contents). */
const commandLinks = (text: string): string[] => [...text.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1] as string);

describe('client/package.json', () => {
  test('engines.vscode accepts VS Code 1.100 (code-server 4.100.3), as the language client does, and @types/vscode is not newer', () => {
    expect(semver.satisfies('1.100.0', manifest.engines.vscode)).toBe(true);
    const clientEngines = readJson(join(root, 'node_modules', 'vscode-languageclient', 'package.json')).engines.vscode as string;
    expect(semver.satisfies('1.100.0', clientEngines)).toBe(true);
    const types = rootPackage.devDependencies['@types/vscode'] as string;
    expect(semver.satisfies(semver.minVersion(types)?.version ?? '', '<=1.100.0')).toBe(true);
    expect(semver.satisfies(semver.minVersion(manifest.engines.vscode)?.version ?? '', `>=${semver.minVersion(types)?.version}`)).toBe(true);
  });

  test('the extension has the version of the package', () => {
    expect(manifest.version).toBe(rootPackage.version);
  });

  test('every command a menu, a view welcome, the walkthrough or a keybinding names is declared', () => {
    const named: string[] = [];
    for (const entries of Object.values(contributes.menus ?? {}) as { command?: string; alt?: string }[][]) {
      for (const e of entries) named.push(...[e.command, e.alt].filter((c): c is string => !!c));
    }
    for (const w of contributes.viewsWelcome ?? []) named.push(...commandLinks(w.contents));
    for (const k of contributes.keybindings ?? []) named.push(k.command);
    for (const walkthrough of contributes.walkthroughs ?? []) {
      for (const step of walkthrough.steps) {
        named.push(...commandLinks(step.description));
        for (const event of step.completionEvents ?? []) if (event.startsWith('onCommand:')) named.push(event.slice('onCommand:'.length));
        if (step.media.markdown) named.push(...commandLinks(readFileSync(join(client, step.media.markdown), 'utf8')));
      }
    }
    named.push(...commandLinks(readFileSync(join(client, 'README.md'), 'utf8')));
    expect(named.length).toBeGreaterThan(20);
    // the code lenses' `nn.graph` is answered by the extension as `nn.showGraph`
    expect(named.filter((c) => !declared.has(c) && c !== 'nn.graph')).toEqual([]);
  });

  test('every command has a title and the NN category, and no id is declared twice', () => {
    expect(declared.size).toBe(contributes.commands.length);
    for (const c of contributes.commands) {
      expect(c.command).toMatch(/^nn\./);
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.category).toBe('NN');
    }
  });

  test('every file the manifest names exists (the grammar is copied into dist/ by the build)', () => {
    const files: string[] = [manifest.icon];
    for (const l of contributes.languages) files.push(l.configuration, l.icon.light, l.icon.dark);
    for (const s of contributes.snippets) files.push(s.path);
    for (const c of contributes.viewsContainers.activitybar) files.push(c.icon);
    for (const views of Object.values(contributes.views) as { icon?: string }[][]) for (const v of views) if (v.icon) files.push(v.icon);
    for (const w of contributes.walkthroughs) {
      for (const step of w.steps) {
        const media = step.media as { markdown?: string; image?: string | Record<string, string>; svg?: string };
        if (media.markdown) files.push(media.markdown);
        if (media.svg) files.push(media.svg);
        if (typeof media.image === 'string') files.push(media.image);
        else if (media.image) files.push(...Object.values(media.image));
      }
    }
    expect(files.filter((f) => !existsSync(resolve(client, f)))).toEqual([]);

    const [grammar] = contributes.grammars;
    expect(grammar.path).toBe('./dist/nn.tmLanguage.json');
    const source = join(root, 'grammar', 'nn.tmLanguage.json');
    expect(readJson(source).scopeName).toBe(grammar.scopeName);
    expect(readFileSync(join(root, 'scripts', 'build-extension.mjs'), 'utf8')).toContain("copyFileSync(join(root, 'grammar', 'nn.tmLanguage.json'), join(dist, 'nn.tmLanguage.json'))");
  });

  test('the icon is a 128x128 PNG', () => {
    const png = readFileSync(join(client, manifest.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  test('.nn files get inlay hints on and no limit on their length', () => {
    const nn = contributes.configurationDefaults['[nn]'];
    expect(nn['editor.inlayHints.enabled']).toBe('on');
    expect(nn['editor.inlayHints.maximumLength']).toBe(0);
  });

  test('untrusted workspaces are supported in part, with the runtime path restricted', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    expect(untrusted.supported).toBe('limited');
    expect(untrusted.restrictedConfigurations).toContain('nn.runtime.path');
    expect(untrusted.description.length).toBeGreaterThan(20);
    for (const key of untrusted.restrictedConfigurations) expect(contributes.configuration.properties[key]).toBeDefined();
  });
});

describe('semantic tokens', () => {
  const standardTypes = new Set<string>(Object.values(SemanticTokenTypes));
  const custom = new Map<string, { id: string; superType?: string }>(contributes.semanticTokenTypes.map((t: { id: string }) => [t.id, t]));

  test('every token type the server emits is standard or declared, with a standard super type', () => {
    const emitted = SEMANTIC_TOKENS_LEGEND.tokenTypes;
    expect(emitted).toEqual(expect.arrayContaining(['layer', 'dimension']));
    expect(emitted.filter((t) => !standardTypes.has(t) && !custom.has(t))).toEqual([]);
    for (const t of custom.values()) expect(standardTypes.has(t.superType ?? '')).toBe(true);
  });

  test('every modifier the server emits is standard', () => {
    const standard = new Set<string>(Object.values(SemanticTokenModifiers));
    expect(SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((m) => !standard.has(m))).toEqual([]);
  });

  test('every custom type has TextMate scopes for themes without semantic colours, and the scopes name only known types', () => {
    const [entry] = contributes.semanticTokenScopes;
    expect(entry.language).toBe('nn');
    const scopes = entry.scopes as Record<string, string[]>;
    for (const t of custom.keys()) expect(scopes[t]?.length).toBeGreaterThan(0);
    for (const t of Object.keys(scopes)) expect(standardTypes.has(t) || custom.has(t)).toBe(true);
  });

  test('a layer is coloured the same before the server answers (the TextMate grammar) and after (its semantic token)', () => {
    const grammar = readJson(join(root, 'grammar', 'nn.tmLanguage.json'));
    expect(contributes.semanticTokenScopes[0].scopes.layer).toContain(grammar.repository.layers.name);
  });

  test('a shape variable does not look like a layer', () => {
    const scopes = contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
    const themeRoot = (scope: string) => scope.split('.').slice(0, 3).join('.');
    expect(scopes.dimension?.map(themeRoot)).not.toContain(themeRoot(scopes.layer?.[0] ?? ''));
  });

  test('every keyword token (model, let, true, repeat) is coloured as the grammar colours let, input and output, not as control flow (VS Code\'s default)', () => {
    const grammar = readJson(join(root, 'grammar', 'nn.tmLanguage.json'));
    const letScope = (grammar.repository.keywords.patterns as { name: string; match: string }[]).find((p) => new RegExp(p.match).test('let'))?.name;
    expect(letScope).toBe('keyword.other.nn');
    expect(contributes.semanticTokenScopes[0].scopes.keyword).toEqual([letScope]);
  });
});

/** The ids the extension registers: `'nn.x':` keys of the command table and `registerCommand('nn.x'`, in client/commands.ts and the modules it imports. */
function registeredCommandIds(): Set<string> {
  const ids = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"](nn\.[\w.]+)['"]\s*:/g)) ids.add(m[1] as string);
    for (const m of text.matchAll(/registerCommand\(\s*['"](nn\.[\w.]+)['"]/g)) ids.add(m[1] as string);
    for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm)) visit(resolve(dirname(file), `${m[1]}.ts`));
  };
  visit(join(client, 'commands.ts'));
  return ids;
}

describe('commands and code', () => {
  test('every command declared in the manifest is registered by the extension', () => {
    const registered = registeredCommandIds();
    expect(registered.size).toBeGreaterThan(0);
    expect([...declared].filter((c) => !registered.has(c))).toEqual([]);
  });

  test('every nn command the extension code runs (status bar items, executeCommand, buttons) is declared', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? (['dist', 'webviews', 'node_modules'].includes(d.name) ? [] : files(join(dir, d.name))) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
      );
    const used: string[] = [];
    for (const file of files(client)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:executeCommand\(\s*|command:\s*)['"](nn\.[\w.]+)['"]/g)) used.push(m[1] as string);
    }
    expect(used.filter((c) => !declared.has(c))).toEqual([]);
  });
});
