// Loading files: parse, collect definitions, resolve imports (cycles are
// fine: a file's own definitions are known before its imports are read).

import { parse, type ParseOptions } from '../../grammar/index.js';
import type { ImportDecl } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host } from '../host.js';
import { closestName } from '../text/did-you-mean.js';
import type { CheckState, Module } from './state.js';

/** Loads `file` (parsed with `options`) and its imports. */
export function loadModule(st: CheckState, host: Host, file: string, options: ParseOptions = {}): Module | undefined {
  const known = st.modules.get(file);
  if (known) return known;
  const text = host.readFile(file);
  if (text === undefined) return undefined;
  const parsed = parse(text, options);
  const module: Module = {
    file,
    text,
    program: parsed.program,
    definitions: new Map(),
    diagnostics: parsed.diagnostics.map((d) => ({ severity: 'error', code: d.code, message: d.message, range: d.range, file })),
  };
  st.modules.set(file, module);
  for (const item of parsed.program.items) {
    if (item.kind !== 'Definition' || item.name.name === '') continue;
    if (module.definitions.has(item.name.name)) {
      module.diagnostics.push(duplicate(file, item.name.name, item.name.range));
      continue;
    }
    module.definitions.set(item.name.name, { definition: item, file });
  }
  for (const item of parsed.program.items) if (item.kind === 'Import') resolveImport(st, host, module, item);
  return module;
}

function resolveImport(st: CheckState, host: Host, module: Module, decl: ImportDecl): void {
  if (decl.path.value === '') return;
  const target = host.resolveImport(module.file, decl.path.value);
  const imported = target === module.file ? module : loadModule(st, host, target);
  if (!imported) {
    module.diagnostics.push({ severity: 'error', code: 'NN1012', message: `cannot read '${decl.path.value}' (looked for ${target})`, range: decl.path.range, file: module.file });
    return;
  }
  const own = [...imported.definitions.values()].filter((d) => d.file === imported.file);
  const wanted = decl.names.length === 0 ? own : [];
  for (const id of decl.names) {
    const found = own.find((d) => d.definition.name.name === id.name);
    if (found) wanted.push(found);
    else {
      const guess = closestName(id.name, own.map((d) => d.definition.name.name));
      module.diagnostics.push({
        severity: 'error',
        code: 'NN1008',
        message: `'${decl.path.value}' defines no '${id.name}'${guess ? `; did you mean '${guess}'?` : ''}`,
        range: id.range,
        file: module.file,
        ...(guess ? { fixes: [{ title: `Change to '${guess}'`, edits: [{ range: id.range, newText: guess }] }] } : {}),
      });
    }
  }
  for (const entry of wanted) {
    const name = entry.definition.name.name;
    const existing = module.definitions.get(name);
    if (existing && existing !== entry) {
      if (existing.file === entry.file && existing.definition === entry.definition) continue;
      module.diagnostics.push(duplicate(module.file, name, decl.path.range));
      continue;
    }
    module.definitions.set(name, entry);
  }
}

function duplicate(file: string, name: string, range: Diagnostic['range']): Diagnostic {
  return { severity: 'error', code: 'NN1009', message: `'${name}' is defined more than once`, range, file };
}
