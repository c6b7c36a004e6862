// The messages the extension translates, found by parsing its sources: every
// call `l10n.t(...)` or `vscode.l10n.t(...)` in client/ (the extension, its
// pure parts and the web apps). A call whose message is not a literal cannot
// be looked up in the bundle: it is reported as a problem.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface L10nCall {
  /** the English message, the bundle's key */
  message: string;
  /** the arguments after the message */
  argCount: number;
  /** `client/runs/run-status.ts:12` */
  at: string;
}

export interface L10nScan {
  calls: L10nCall[];
  /** calls whose message is not a string literal */
  problems: string[];
}

/** The .ts files of client/ (no bundles, no dependencies). */
export function clientSources(client: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      if (d.isDirectory()) return ['dist', 'node_modules'].includes(d.name) ? [] : walk(join(dir, d.name));
      return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : [];
    });
  return walk(client).sort();
}

/** Whether a call's callee is `l10n.t` (also `vscode.l10n.t`). */
function isL10nT(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

export function scanL10n(root: string, files: readonly string[]): L10nScan {
  const calls: L10nCall[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isL10nT(node)) {
        const at = `${relative(root, file).split('\\').join('/')}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const [first, ...rest] = node.arguments;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) calls.push({ message: first.text, argCount: rest.length, at });
        else problems.push(`${at}: the message of l10n.t is not a string literal`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { calls, problems };
}

/** The placeholders of a message, sorted: `{1} of {0}` -> ['{0}', '{1}']. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
}
