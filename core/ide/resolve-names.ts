// Name resolution for editor features, pure over the AST of one module:
// which declaration each identifier refers to (definitions, parameters,
// inputs, bindings, loop variables, shape variables), and what the other
// identifiers are (layers, functions, named arguments, train keys).
//
// A symbol is identified by the file and the offset of its declaring
// identifier (`key`), so the same symbol seen from two files (an imported
// block, a named argument naming one of its parameters) compares equal.

import type { Definition, Expr, Identifier, IndexItem, ListExpr, Node, Param, Range, Statement, TrainDecl } from '../../grammar/ast.js';
import { LAYERS } from '../catalog/index.js';
import type { Module } from '../check/state.js';
import { FUNCTIONS } from '../functions/index.js';
import { ADVERSARIAL, DATA_SOURCES, LOSSES, METRICS, OPTIMIZERS, SCHEDULES } from '../train/settings.js';

export type NameKind = 'definition' | 'param' | 'input' | 'binding' | 'loop' | 'shape' | 'output';

export interface NnSymbol {
  /** `${file}#${offset of the declaring identifier}` */
  key: string;
  name: string;
  kind: NameKind;
  file: string;
  /** the declaring identifier (for a shape variable: its first mention) */
  decl: Identifier;
  /** the definition the symbol belongs to (for a definition: itself) */
  owner?: Definition;
  /** the node that declares it: the Definition, Param, Input, Let, For, RepeatStmt or Output */
  node?: Node;
  /** locals: visible from this offset on ... */
  visibleFrom?: number;
  /** ... to the end of this range (the enclosing body) */
  visibleIn?: Range;
}

export interface Occurrence {
  id: Identifier;
  symbol: NnSymbol;
  declaration: boolean;
  /** how the name is written here */
  role: 'declaration' | 'reference' | 'assignment' | 'namedArgument' | 'import';
}

/** What an identifier that names no symbol is. */
export type OtherName = 'layer' | 'function' | 'property' | 'builtin' | 'dimension' | 'type' | 'unresolved';

export interface Resolution {
  file: string;
  /** every symbol declared in this file */
  symbols: NnSymbol[];
  /** identifiers naming a symbol (of this file or another), in source order */
  occurrences: Occurrence[];
  /** the other identifiers, in source order */
  others: { id: Identifier; what: OtherName }[];
}

export function symbolKey(file: string, id: Identifier): string {
  return `${file}#${id.range.start}`;
}

const TRAIN_NAMES = new Set<string>([
  ...DATA_SOURCES.map((d) => d.name), ...LOSSES.map((l) => l.name), ...OPTIMIZERS.map((o) => o.name),
  ...SCHEDULES.map((s) => s.name), ...METRICS.map((m) => m.name), ADVERSARIAL.name, 'cpu', 'gpu',
]);

class Scope {
  readonly names = new Map<string, NnSymbol>();
  constructor(readonly parent?: Scope) {}
  lookup(name: string): NnSymbol | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    return undefined;
  }
}

const cache = new WeakMap<Module, Resolution>();

/** Resolves every name of a module (memoised per module object). */
export function resolveModule(module: Module): Resolution {
  let r = cache.get(module);
  if (!r) {
    r = new Resolver(module).run();
    cache.set(module, r);
  }
  return r;
}

/** The symbol of a definition written in `file`. */
export function definitionSymbol(file: string, def: Definition): NnSymbol {
  return { key: symbolKey(file, def.name), name: def.name.name, kind: 'definition', file, decl: def.name, owner: def, node: def };
}

function paramSymbol(file: string, def: Definition, p: Param): NnSymbol {
  return { key: symbolKey(file, p.name), name: p.name.name, kind: 'param', file, decl: p.name, owner: def, node: p };
}

class Resolver {
  private readonly symbols: NnSymbol[] = [];
  private readonly occurrences: Occurrence[] = [];
  private readonly others: { id: Identifier; what: OtherName }[] = [];
  private owner: Definition | undefined;
  private inTrain = false;

  constructor(private readonly module: Module) {}

  run(): Resolution {
    const file = this.module.file;
    for (const item of this.module.program.items) {
      if (item.kind === 'Definition') {
        if (item.name.name === '') continue;
        const entry = this.module.definitions.get(item.name.name);
        // a duplicate definition is still its own symbol
        const sym = entry?.definition === item ? this.globalSymbol(item.name.name)! : definitionSymbol(file, item);
        this.symbols.push(sym);
        this.occurrences.push({ id: item.name, symbol: sym, declaration: true, role: 'declaration' });
        this.definition(item);
      } else if (item.kind === 'Import') {
        for (const id of item.names) {
          const sym = this.globalSymbol(id.name);
          if (sym && sym.file !== file) this.occurrences.push({ id, symbol: sym, declaration: false, role: 'import' });
          else this.others.push({ id, what: 'unresolved' });
        }
      } else {
        this.train(item);
      }
    }
    const byStart = (a: { id: Identifier }, b: { id: Identifier }) => a.id.range.start - b.id.range.start;
    this.occurrences.sort(byStart);
    this.others.sort(byStart);
    return { file, symbols: this.symbols, occurrences: this.occurrences, others: this.others };
  }

  private globalSymbol(name: string): NnSymbol | undefined {
    const entry = this.module.definitions.get(name);
    return entry ? definitionSymbol(entry.file, entry.definition) : undefined;
  }

  private declare(scope: Scope, id: Identifier, kind: NameKind, node: Node, visibleFrom: number, visibleIn: Range): NnSymbol {
    const sym: NnSymbol = { key: symbolKey(this.module.file, id), name: id.name, kind, file: this.module.file, decl: id, node, visibleFrom, visibleIn };
    if (this.owner) sym.owner = this.owner;
    this.symbols.push(sym);
    this.occurrences.push({ id, symbol: sym, declaration: true, role: 'declaration' });
    if (id.name !== '') scope.names.set(id.name, sym);
    return sym;
  }

  private definition(def: Definition): void {
    this.owner = def;
    const scope = new Scope();
    for (const p of def.params) {
      if (p.default) this.expr(p.default, scope);
      const sym = paramSymbol(this.module.file, def, p);
      sym.visibleFrom = p.range.end;
      sym.visibleIn = def.range;
      this.symbols.push(sym);
      this.occurrences.push({ id: p.name, symbol: sym, declaration: true, role: 'declaration' });
      scope.names.set(p.name.name, sym);
    }
    this.statements(def.body, scope, def.range);
    this.owner = undefined;
  }

  private statements(body: readonly Statement[], scope: Scope, block: Range): void {
    for (const s of body) this.statement(s, scope, block);
  }

  private statement(s: Statement, scope: Scope, block: Range): void {
    switch (s.kind) {
      case 'Input':
        this.shape(s.shape, scope, block);
        if (s.dtype) this.others.push({ id: s.dtype, what: 'type' });
        this.declare(scope, s.name, 'input', s, s.range.end, block);
        return;
      case 'Let':
        if (s.annotation) this.shape(s.annotation, scope, block);
        this.expr(s.value, scope);
        for (const id of s.names) this.declare(scope, id, 'binding', s, s.range.end, block);
        return;
      case 'Assign': {
        this.expr(s.value, scope);
        const sym = scope.lookup(s.name.name);
        if (sym) this.occurrences.push({ id: s.name, symbol: sym, declaration: false, role: 'assignment' });
        else this.others.push({ id: s.name, what: 'unresolved' });
        return;
      }
      case 'Output':
        if (s.annotation) this.shape(s.annotation, scope, block);
        this.expr(s.value, scope);
        if (s.name) {
          const sym: NnSymbol = { key: symbolKey(this.module.file, s.name), name: s.name.name, kind: 'output', file: this.module.file, decl: s.name, node: s };
          if (this.owner) sym.owner = this.owner;
          this.symbols.push(sym);
          this.occurrences.push({ id: s.name, symbol: sym, declaration: true, role: 'declaration' });
        }
        return;
      case 'RepeatStmt': {
        this.expr(s.count, scope);
        const inner = new Scope(scope);
        if (s.variable) this.declare(inner, s.variable, 'loop', s, s.variable.range.end, s.range);
        this.statements(s.body, inner, s.range);
        return;
      }
      case 'For': {
        this.expr(s.iterable, scope);
        const inner = new Scope(scope);
        this.declare(inner, s.variable, 'loop', s, s.variable.range.end, s.range);
        this.statements(s.body, inner, s.range);
        return;
      }
      case 'IfStmt': {
        this.expr(s.condition, scope);
        this.statements(s.then, new Scope(scope), s.range);
        if (Array.isArray(s.else)) this.statements(s.else, new Scope(scope), s.range);
        else if (s.else) this.statement(s.else, scope, block);
        return;
      }
    }
  }

  /** A shape annotation: names not bound yet are shape variables, declared at their first mention. */
  private shape(list: ListExpr, scope: Scope, block: Range): void {
    const visit = (e: Expr): void => {
      if (e.kind === 'Identifier') {
        if (scope.lookup(e.name) || this.module.definitions.has(e.name) || e.name === '') this.expr(e, scope);
        else this.declare(scope, e, 'shape', e, e.range.start, block);
        return;
      }
      if (e.kind === 'Binary') {
        visit(e.left);
        visit(e.right);
      } else if (e.kind === 'Unary') visit(e.operand);
      else if (e.kind === 'Paren') visit(e.inner);
      else if (e.kind === 'List') e.items.forEach(visit);
      else this.expr(e, scope);
    };
    list.items.forEach(visit);
  }

  private name(id: Identifier, scope: Scope | undefined): void {
    const local = scope?.lookup(id.name);
    if (local) {
      this.occurrences.push({ id, symbol: local, declaration: false, role: 'reference' });
      return;
    }
    const global = this.globalSymbol(id.name);
    if (global) {
      this.occurrences.push({ id, symbol: global, declaration: false, role: 'reference' });
      return;
    }
    let what: OtherName = 'unresolved';
    if (LAYERS.has(id.name)) what = 'layer';
    else if (FUNCTIONS.has(id.name)) what = 'function';
    else if (this.inTrain && TRAIN_NAMES.has(id.name)) what = 'builtin';
    else if (this.inTrain && id.name === 'B') what = 'dimension';
    this.others.push({ id, what });
  }

  /** The parameters a named argument may name: those of the definition the callee names. */
  private calleeParams(callee: Expr, scope: Scope | undefined): { file: string; def: Definition } | undefined {
    if (callee.kind !== 'Identifier' || scope?.lookup(callee.name)) return undefined;
    const entry = this.module.definitions.get(callee.name);
    return entry ? { file: entry.file, def: entry.definition } : undefined;
  }

  private expr(e: Expr, scope: Scope | undefined): void {
    switch (e.kind) {
      case 'Identifier':
        return this.name(e, scope);
      case 'Number':
      case 'String':
      case 'Bool':
      case 'ErrorExpr':
        return;
      case 'List':
        e.items.forEach((i) => this.expr(i, scope));
        return;
      case 'Record':
        for (const f of e.fields) {
          if (f.name) this.others.push({ id: f.name, what: 'property' });
          this.expr(f.value, scope);
        }
        return;
      case 'Binary':
        this.expr(e.left, scope);
        this.expr(e.right, scope);
        return;
      case 'Unary':
        return this.expr(e.operand, scope);
      case 'Call': {
        this.expr(e.callee, scope);
        const target = this.calleeParams(e.callee, scope);
        for (const arg of e.args) {
          if (arg.name) {
            const param = target?.def.params.find((p) => p.name.name === arg.name!.name);
            if (target && param) this.occurrences.push({ id: arg.name, symbol: paramSymbol(target.file, target.def, param), declaration: false, role: 'namedArgument' });
            else this.others.push({ id: arg.name, what: 'property' });
          }
          this.expr(arg.value, scope);
        }
        return;
      }
      case 'Index':
        this.expr(e.target, scope);
        e.items.forEach((i) => this.indexItem(i, scope));
        return;
      case 'Member':
        this.expr(e.target, scope);
        if (e.member.name !== '') this.others.push({ id: e.member, what: 'property' });
        return;
      case 'Pipe':
        this.expr(e.head, scope);
        e.stages.forEach((s) => this.expr(s, scope));
        return;
      case 'Repeat':
        this.expr(e.count, scope);
        return this.expr(e.body, scope);
      case 'IfExpr':
        this.expr(e.condition, scope);
        this.expr(e.then, scope);
        if (e.else) this.expr(e.else, scope);
        return;
      case 'Paren':
        return this.expr(e.inner, scope);
    }
  }

  private indexItem(i: IndexItem, scope: Scope | undefined): void {
    if (i.kind === 'Slice') {
      for (const part of [i.start, i.stop, i.step]) if (part) this.expr(part, scope);
    } else if (i.kind !== 'Ellipsis' && i.kind !== 'NewAxis') this.expr(i, scope);
  }

  private train(t: TrainDecl): void {
    this.inTrain = true;
    const target = this.globalSymbol(t.target.name);
    if (target) this.occurrences.push({ id: t.target, symbol: target, declaration: false, role: 'reference' });
    else if (t.target.name !== '') this.others.push({ id: t.target, what: 'type' });
    this.expr(t.data, undefined);
    for (const entry of t.entries) {
      if (entry.key) this.others.push({ id: entry.key, what: 'property' });
      this.expr(entry.value, undefined);
    }
    this.inTrain = false;
  }
}

/** The occurrence (symbol use or declaration) under the cursor: an offset at a name's end counts. */
export function occurrenceAt(r: Resolution, offset: number): Occurrence | undefined {
  return r.occurrences.find((o) => o.id.range.start <= offset && offset <= o.id.range.end && o.id.name !== '');
}

/** The unresolved-to-symbol identifier under the cursor (a layer, a function, a key). */
export function otherAt(r: Resolution, offset: number): { id: Identifier; what: OtherName } | undefined {
  return r.others.find((o) => o.id.range.start <= offset && offset <= o.id.range.end);
}

/** The definition enclosing `offset`: by range, or the last one starting before it when unclosed. */
export function enclosingDefinition(items: readonly Node[], text: string, offset: number): Definition | undefined {
  let found: Definition | undefined;
  for (const item of items) {
    if (item.kind !== 'Definition') continue;
    if (item.range.start < offset && (offset <= item.range.end || !text.slice(item.range.start, item.range.end).trimEnd().endsWith('}'))) found = item;
  }
  return found;
}

/** Local symbols (params, inputs, bindings, loop and shape variables) visible at `offset` in `def`. */
export function localsAt(r: Resolution, def: Definition, text: string, offset: number): NnSymbol[] {
  const out = new Map<string, NnSymbol>();
  for (const s of r.symbols) {
    if (s.owner !== def || s.kind === 'definition' || s.kind === 'output' || s.visibleFrom === undefined || !s.visibleIn) continue;
    if (s.kind === 'shape' ? s.visibleFrom > offset : s.visibleFrom >= offset) continue;
    const closed = text.slice(s.visibleIn.start, s.visibleIn.end).trimEnd().endsWith('}');
    if (offset > s.visibleIn.end && closed) continue;
    if (s.decl.range.start <= offset && offset <= s.decl.range.end) continue; // the name being typed
    out.set(s.name, s);
  }
  return [...out.values()];
}
