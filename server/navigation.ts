// textDocument/definition, references and documentHighlight.

import type { DocumentHighlight, DocumentHighlightParams, DefinitionParams, Location as LspLocation, ReferenceParams } from 'vscode-languageserver';
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { Analysis, Location } from '../core/ide/index.js';
import { definition as coreDefinition, documentHighlights as coreHighlights, references as coreReferences } from '../core/ide/navigation.js';
import { LineIndexes, pathToUri, toLspRange } from './convert.js';
import type { Workspace } from './workspace.js';

export function definition(workspace: Workspace, params: DefinitionParams): LspLocation[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  return toLspLocations(workspace, coreDefinition(a, a.lines.offset(params.position)), [a]);
}

export function references(workspace: Workspace, params: ReferenceParams): LspLocation[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  const all = workspace.allAnalyses();
  return toLspLocations(workspace, coreReferences(a, a.lines.offset(params.position), all, params.context.includeDeclaration), [a, ...all]);
}

export function documentHighlights(workspace: Workspace, params: DocumentHighlightParams): DocumentHighlight[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  return coreHighlights(a, a.lines.offset(params.position)).map((r) => ({ range: toLspRange(a.lines, r), kind: DocumentHighlightKind.Text }));
}

/** Core locations as LSP ones; files are indexed from the analyses at hand, else as the server reads them. */
export function toLspLocations(workspace: Workspace, locations: readonly Location[], analyses: readonly Analysis[]): LspLocation[] {
  const lines = linesFor(workspace, analyses);
  return locations.flatMap((l) => {
    const index = lines.get(l.file);
    return index ? [{ uri: pathToUri(l.file), range: toLspRange(index, l.range) }] : [];
  });
}

export function linesFor(workspace: Workspace, analyses: readonly Analysis[]): LineIndexes {
  return new LineIndexes((file) => {
    for (const a of analyses) if (a.file === file) return a.text;
    for (const a of analyses) {
      const m = a.modules.get(file);
      if (m) return m.text;
    }
    return workspace.textOf(file);
  });
}
