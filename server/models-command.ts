// `nn.models [files]`: what each `.nn` file defines, for the editor's Models
// view: its models, blocks, losses, pipelines and train blocks, each with
// its range and the range of its name, and for a model whether a train
// block of the same file trains it (targets it, or names it in
// `adversarial(...)`). Files are read through the workspace's host, so an
// open document's unsaved text counts. Only parsed, not checked: cheap
// enough for every file of a workspace. A file the commands may not read
// (command-access.ts) is an entry with an error, like one that cannot be
// read: the other files of the list are still answered.

import type { Range as LspRange } from 'vscode-languageserver';
import { parse, type Program } from '../grammar/index.js';
import { trainedModels } from '../core/ide/code-lens.js';
import { msg } from '../core/i18n/message.js';
import { LineIndex } from '../core/text/line-index.js';
import { commandRefusal } from './command-access.js';
import { commandError } from './commands.js';
import { toLspRange, uriToPath } from './convert.js';
import type { Workspace } from './workspace.js';

export type DefinitionEntryKind = 'model' | 'block' | 'loss' | 'pipeline' | 'train';

export interface DefinitionEntry {
  kind: DefinitionEntryKind;
  /** the definition's name; a train block's target */
  name: string;
  range: LspRange;
  selectionRange: LspRange;
  /** models: whether a train block of this file trains it */
  trainable?: boolean;
  /** the first line of its `///` doc comment */
  doc?: string;
  /** its parameters as written: `hidden: int = 128` */
  params?: string[];
}

export interface FileDefinitions {
  file: string;
  definitions: DefinitionEntry[];
  /** set when the file cannot be read */
  error?: string;
}

export function modelsCommand(workspace: Workspace, args: unknown[]): FileDefinitions[] {
  const [files] = args;
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string')) throw commandError(msg`nn.models takes a list of file URIs or paths`);
  return (files as string[]).map((target) => {
    const file = uriToPath(target);
    const refusal = commandRefusal(workspace, file);
    if (refusal) return { file, definitions: [], error: refusal };
    const text = workspace.host.readFile(file);
    if (text === undefined) return { file, definitions: [], error: msg`cannot read ${file}` };
    return { file, definitions: definitionsOf(parse(text).program, new LineIndex(text)) };
  });
}

export function definitionsOf(program: Program, lines: LineIndex): DefinitionEntry[] {
  const trained = trainedModels(program);
  const out: DefinitionEntry[] = [];
  for (const item of program.items) {
    if (item.kind === 'Definition') {
      if (item.name.name === '') continue;
      const doc = item.doc?.split('\n').find((l) => l.trim() !== '')?.trim();
      out.push({
        kind: item.defKind,
        name: item.name.name,
        range: toLspRange(lines, item.range),
        selectionRange: toLspRange(lines, item.name.range),
        ...(item.defKind === 'model' ? { trainable: trained.has(item.name.name) } : {}),
        ...(doc ? { doc } : {}),
        params: item.params.map((p) => lines.text.slice(p.range.start, p.range.end)),
      });
    } else if (item.kind === 'Train' && item.target.name !== '') {
      out.push({ kind: 'train', name: item.target.name, range: toLspRange(lines, item.range), selectionRange: toLspRange(lines, item.target.range) });
    }
  }
  return out;
}
