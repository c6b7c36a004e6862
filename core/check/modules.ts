// Loading files: parse, collect definitions, resolve imports (cycles are
// fine: a file's own definitions are known before its imports are read).
// Imports name .nn files: any other file is refused before it is read, so
// that an import can neither read a device nor show another file's words
// in "did you mean".

import { parse, parseTooLarge, type ParseOptions, type ParseResult } from '../../grammar/index.js';
import type { ImportDecl } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host, Unreadable } from '../host.js';
import { msg } from '../i18n/message.js';
import { closestName } from '../text/did-you-mean.js';
import type { CheckState, Module } from './state.js';

/** Loads `file` (parsed with `options`) and its imports. */
export function loadModule(st: CheckState, host: Host, file: string, options: ParseOptions = {}): Module | undefined {
  const loaded = load(st, host, file, options);
  return 'program' in loaded ? loaded : undefined;
}

/** Why a file has no module, when the host knows. */
type NoModule = { problem?: string };

/** The module of `file`, or why its text cannot be read. A file too large to parse is a module with one NN0004. */
function load(st: CheckState, host: Host, file: string, options: ParseOptions = {}): Module | NoModule {
  const known = st.modules.get(file);
  if (known) return known;
  const text = readText(host, file);
  if (typeof text !== 'string' && !('tooLarge' in text)) return text;
  const parsed = typeof text === 'string' ? parse(text, options) : tooLarge(text.tooLarge);
  const module: Module = {
    file,
    text: typeof text === 'string' ? text : '',
    program: parsed.program,
    definitions: new Map(),
    diagnostics: parsed.diagnostics.map((d) => ({ severity: 'error', code: d.code, message: d.message, range: d.range, file, ...(d.fixes ? { fixes: d.fixes } : {}) })),
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

function readText(host: Host, file: string): string | Unreadable | NoModule {
  if (host.readSource) return host.readSource(file);
  return host.readFile(file) ?? {};
}

/** A file too large to read: its one NN0004, over an empty text. */
function tooLarge(bytes: number): ParseResult {
  const parsed = parseTooLarge(bytes);
  return { ...parsed, program: { ...parsed.program, range: { start: 0, end: 0 } } };
}

function resolveImport(st: CheckState, host: Host, module: Module, decl: ImportDecl): void {
  if (decl.path.value === '') return;
  const target = host.resolveImport(module.file, decl.path.value);
  const refuse = (message: string): void => {
    module.diagnostics.push({ severity: 'error', code: 'NN1012', message, range: decl.path.range, file: module.file });
  };
  if (!target.endsWith('.nn')) return refuse(msg`'${decl.path.value}' is not a .nn file; imports name .nn files`);
  const imported = target === module.file ? module : load(st, host, target);
  if (!('program' in imported)) return refuse(imported.problem ? msg`cannot read '${decl.path.value}': ${imported.problem} (looked for ${target})` : msg`cannot read '${decl.path.value}' (looked for ${target})`);
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
        message: msg`'${decl.path.value}' defines no '${id.name}'${guess ? msg`; did you mean '${guess}'?` : ''}`,
        range: id.range,
        file: module.file,
        ...(guess ? { fixes: [{ title: msg`Change to '${guess}'`, edits: [{ range: id.range, newText: guess }] }] } : {}),
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
  return { severity: 'error', code: 'NN1009', message: msg`'${name}' is defined more than once`, range, file };
}
