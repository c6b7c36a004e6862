// textDocument/codeLens: core's lenses (summary, train, graph) as commands.

import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { codeLenses as coreCodeLenses } from '../core/ide/code-lens.js';
import { toLspRange } from './convert.js';
import type { Workspace } from './workspace.js';

export function codeLenses(workspace: Workspace, params: CodeLensParams): CodeLens[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  return coreCodeLenses(a).map((l) => ({
    range: toLspRange(a.lines, l.range),
    command: { title: l.title, command: l.command, arguments: l.arguments },
  }));
}
