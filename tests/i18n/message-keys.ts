// Finds every `msg` template in the sources, with the catalogue key it
// looks up (core/i18n/message.ts), by parsing each file with TypeScript.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageUse {
  file: string;
  line: number;
  key: string;
}

const SOURCE_FOLDERS = ['core', 'grammar', 'server', 'cli', 'runtime'];

export function messageUses(root: string): MessageUse[] {
  return SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder))).flatMap((path) => usesIn(path, relative(root, path)));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function usesIn(path: string, file: string): MessageUse[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const uses: MessageUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'msg') {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      uses.push({ file, line, key: keyOf(node.template) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** The same key as `messageKey` builds at run time, from the cooked text of each part. */
function keyOf(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.templateSpans.reduce((key, span, i) => `${key}{${i}}${span.literal.text}`, template.head.text);
}
