// textDocument/hover: core's Markdown, with the range it describes.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hover as coreHover } from '../core/ide/hover.js';
import { toLspRange } from './convert.js';
import type { Workspace } from './workspace.js';

export function hover(workspace: Workspace, params: HoverParams): Hover | null {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return null;
  const h = coreHover(a, a.lines.offset(params.position));
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: toLspRange(a.lines, h.range) };
}
