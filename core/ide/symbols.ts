// The outline of a file (definitions with their parameters, inputs,
// bindings and outputs; train blocks) and the workspace symbol search.

import type { Definition, Expr, Statement, TrainDecl } from '../../grammar/ast.js';
import type { Analysis } from './analysis.js';
import { knownModules } from './resolve-workspace.js';
import { msg } from '../i18n/message.js';
import { describeValue, paramDetail, sourceOf } from './symbol-info.js';
import type { DocumentSymbol, Location, SymbolKind } from './types.js';

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const item of a.program.items) {
    if (item.kind === 'Definition' && item.name.name) out.push(definitionSymbol(a, item));
    else if (item.kind === 'Train') out.push(trainSymbol(a, item));
  }
  return out;
}

function definitionSymbol(a: Analysis, def: Definition): DocumentSymbol {
  const children: DocumentSymbol[] = def.params.map((p) => ({
    name: p.name.name,
    kind: 'parameter',
    detail: paramDetail(p, a.text),
    range: p.range,
    selectionRange: p.name.range,
    children: [],
  }));
  const outputs: string[] = [];
  const visit = (body: readonly Statement[]): void => {
    for (const s of body) {
      switch (s.kind) {
        case 'Input': {
          const shape = describeValue(a.recording.values.get(s.name)) ?? `${sourceOf(a.text, s.shape)}${s.dtype ? ` ${s.dtype.name}` : ''}`;
          children.push({ name: s.name.name, kind: 'input', detail: s.optional ? msg`${shape} optional` : shape, range: s.range, selectionRange: s.name.range, children: [] });
          break;
        }
        case 'Let':
          for (const id of s.names) {
            const detail = describeValue(a.recording.values.get(id));
            children.push({ name: id.name, kind: 'binding', ...(detail ? { detail } : {}), range: s.range, selectionRange: id.range, children: [] });
          }
          break;
        case 'Output': {
          const detail = outputDetail(a, s.value);
          if (detail) outputs.push(detail);
          const name = s.name?.name ?? 'output';
          children.push({ name, kind: 'output', ...(detail ? { detail } : {}), range: s.range, selectionRange: s.name?.range ?? { start: s.range.start, end: s.range.start + 'output'.length }, children: [] });
          break;
        }
        case 'RepeatStmt':
        case 'For':
          visit(s.body);
          break;
        case 'IfStmt':
          visit(s.then);
          if (Array.isArray(s.else)) visit(s.else);
          else if (s.else) visit([s.else]);
          break;
        case 'Assign':
          break;
      }
    }
  };
  visit(def.body);
  const signature = def.params.length ? `(${def.params.map((p) => `${p.name.name}${p.type || p.default ? `: ${paramDetail(p, a.text)}` : ''}`.replace(': = ', ' = ')).join(', ')})` : '';
  const shapes = outputs.length ? `-> ${outputs.join(', ')}` : '';
  const detail = [signature, shapes].filter(Boolean).join(' ');
  return { name: def.name.name, kind: def.defKind, ...(detail ? { detail } : {}), range: def.range, selectionRange: def.name.range, children };
}

function outputDetail(a: Analysis, value: Expr): string | undefined {
  return describeValue(a.recording.values.get(value));
}

function trainSymbol(a: Analysis, t: TrainDecl): DocumentSymbol {
  const data = t.data.kind === 'Call' ? sourceOf(a.text, t.data.callee) : sourceOf(a.text, t.data);
  const name = `train ${t.target.name}${data ? ` on ${data}` : ''}`;
  return { name, kind: 'train', range: t.range, selectionRange: t.target.range, children: [] };
}

export function workspaceSymbols(analyses: readonly Analysis[], query: string): { name: string; kind: SymbolKind; location: Location }[] {
  if (analyses.length === 0) return [];
  const q = query.toLowerCase();
  const out: { name: string; kind: SymbolKind; location: Location }[] = [];
  for (const [file, m] of knownModules(analyses[0]!, analyses.slice(1))) {
    for (const item of m.program.items) {
      if (item.kind !== 'Definition' || !item.name.name || !item.name.name.toLowerCase().includes(q)) continue;
      out.push({ name: item.name.name, kind: item.defKind, location: { file, range: item.name.range } });
    }
  }
  return out.sort((x, y) => x.name.localeCompare(y.name) || (x.location.file < y.location.file ? -1 : 1));
}
