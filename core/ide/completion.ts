// Completion: the context comes from the tokens before the cursor
// (complete-context.ts), the candidates from the catalog, the functions,
// the train tables and the names in scope (resolve-names.ts).

import type { Definition, ImportDecl, Node, TrainDecl } from '../../grammar/ast.js';
import { LAYERS } from '../catalog/index.js';
import type { LayerSpec } from '../catalog/layer-spec.js';
import type { BindableParam } from '../check/bind-args.js';
import type { Module } from '../check/state.js';
import { signature } from '../docs/markdown.js';
import { FUNCTIONS } from '../functions/index.js';
import { msg, translated } from '../i18n/message.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import { ADVERSARIAL, DATA_SOURCES, LOSSES, METRICS, OPTIMIZERS, SCHEDULES, TRAIN_KEYS, type Callable } from '../train/settings.js';
import type { Analysis } from './analysis.js';
import { completionContext, type CompletionContext } from './complete-context.js';
import { authorDoc } from './hover-format.js';
import { walk } from './node-at.js';
import { enclosingDefinition, localsAt, resolveModule, type NnSymbol } from './resolve-names.js';
import { baseName, callSnippet, definitionSignature, describeValue, paramDetail, requiredParams } from './symbol-info.js';
import type { CompletionItem, CompletionKind } from './types.js';
import { memberItems } from './member-completion.js';

type DocParam = BindableParam & { doc: string };

/** Sort groups: the likeliest first. */
const enum G {
  Param = 0,
  Local = 1,
  Primary = 2,
  Secondary = 3,
  Tertiary = 4,
  Keyword = 5,
  Rare = 6,
}

function item(group: G, label: string, kind: CompletionKind, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, sortText: `${group}_${label.toLowerCase()}`, ...extra };
}

export function completion(a: Analysis, offset: number): CompletionItem[] {
  if (offset < 0 || offset > a.text.length) return [];
  const ctx = completionContext(a.text, offset);
  return itemsFor(a, offset, ctx);
}

function moduleOf(a: Analysis): Module {
  return a.check.module!;
}

function itemsFor(a: Analysis, offset: number, ctx: CompletionContext): CompletionItem[] {
  switch (ctx.kind) {
    case 'none':
      return [];
    case 'topLevel':
      return topLevelItems();
    case 'member':
      return memberItems(a, ctx.targetEnd).map((w) => item(G.Primary, w.name, 'variable', { detail: w.detail }));
    case 'importNames':
      return importItems(a, offset);
    case 'trainTarget':
      return definitionItems(a, undefined, 'train');
    case 'trainOn':
      return [item(G.Keyword, 'on', 'keyword')];
    case 'trainData':
      return DATA_SOURCES.map((d) => callableItem(G.Primary, d, 'data', true));
    case 'trainKey':
      return trainKeyItems(a, offset);
    case 'trainValue':
      return trainValueItems(a, ctx.key);
    case 'recordField': {
      const key = TRAIN_KEYS.find((k) => k.name === ctx.key);
      return (key?.fields ?? []).filter((f) => !ctx.given.includes(f)).map((f) => item(G.Param, f, 'setting', { snippet: `${f}: ` }));
    }
    case 'paramType':
      return ['int', 'float', 'bool', 'string', 'shape', '[int]'].map((t) => item(G.Keyword, t, 'keyword'));
    case 'statement':
      return [...statementKeywords(), ...localItems(a, offset, G.Secondary, true)];
    case 'stage':
      return expressionItems(a, offset, true);
    case 'expression':
      return expressionItems(a, offset, false);
    case 'callArgs':
      return callArgItems(a, offset, ctx);
    case 'argValue':
      return argValueItems(a, offset, ctx);
  }
}

// ---------------------------------------------------------------- top level and statements

function topLevelItems(): CompletionItem[] {
  const k = (label: string, snippet: string, detail: string) => item(G.Keyword, label, 'keyword', { snippet, detail });
  return [
    k('model', 'model ${1:Name} {\n\tinput ${2:x}: [${3:B}, ${4:784}]\n\toutput ${2:x} -> $0\n}', msg`an entry point: a network to train, run and summarise`),
    k('block', 'block ${1:Name}(${2:filters: int}) {\n\tinput ${3:x}: [${4:B, H, W, C}]\n\toutput ${3:x} -> $0\n}', msg`a reusable sub-network`),
    k('loss', 'loss ${1:Name} {\n\tinput ${2:pred}: [${3:N, K}]\n\tinput ${4:truth}: [${3:N, K}]\n\toutput $0\n}', msg`tensor math from predictions and targets to a scalar`),
    k('pipeline', 'pipeline ${1:Name} {\n\tinput ${2:image}: [${3:1, H, W, 3}]\n\toutput $0\n}', msg`a network that may use steps that are not layers`),
    k('train', 'train ${1:Model} on ${2:mnist}() {\n\tloss: ${3:crossentropy}\n\toptimizer: ${4:Adam(lr: 0.001)}\n\tepochs: ${5:5}\n\tbatch: ${6:64}\n}', msg`train a model on data`),
    k('import', 'import { $2 } from "${1:./blocks.nn}"', msg`use definitions of another file`),
  ];
}

function statementKeywords(): CompletionItem[] {
  const k = (label: string, snippet: string, detail: string) => item(G.Primary, label, 'keyword', { snippet, detail });
  return [
    k('input', 'input ${1:x}: [${2:B}, $3]', msg`declare an input tensor and its shape`),
    k('let', 'let ${1:name} = $0', msg`bind a value to a name`),
    k('output', 'output $0', msg`what the definition returns`),
    k('repeat', 'repeat ${1:n} {\n\t$0\n}', msg`run statements n times`),
    k('for', 'for ${1:v} in ${2:list} {\n\t$0\n}', msg`run statements for each item of a list`),
    k('if', 'if ${1:condition} {\n\t$0\n}', msg`run statements when a condition known at check time holds`),
  ];
}

// ---------------------------------------------------------------- expressions

/** What a value must be to follow `->`: something applied to the tensor on the left. */
const APPLICABLE = new Set(['layer', 'layerKind', 'block', 'definition', 'function']);

function localItems(a: Analysis, offset: number, group: G, inStatement = false, onlyApplicable = false): CompletionItem[] {
  const def = enclosingDefinition(a.program.items, a.text, offset);
  if (!def) return [];
  // the names a `let` being written declares are not visible in its own value
  let current: Node | undefined;
  if (!inStatement) {
    for (const n of walk(def)) {
      if (STATEMENTS.has(n.kind) && n.range.start < offset && (!current || n.range.start > current.range.start)) current = n;
    }
  }
  const declaring = current?.kind === 'Let' ? new Set(current.names) : new Set<unknown>();
  return localsAt(resolveModule(moduleOf(a)), def, a.text, offset)
    .filter((s) => !declaring.has(s.decl))
    .filter((s) => !onlyApplicable || (s.kind !== 'param' && s.kind !== 'shape' && APPLICABLE.has(a.recording.values.get(s.decl)?.kind ?? 'unknown')))
    .map((s) => localItem(a, s, group));
}

const STATEMENTS = new Set(['Input', 'Let', 'Assign', 'Output', 'RepeatStmt', 'For', 'IfStmt']);

function localItem(a: Analysis, s: NnSymbol, group: G): CompletionItem {
  switch (s.kind) {
    case 'param': {
      const p = s.node as Definition['params'][number];
      return item(group, s.name, 'parameter', { detail: paramDetail(p, a.text) || msg`parameter`, ...(p.doc ? { documentation: authorDoc(p.doc) } : {}) });
    }
    case 'shape':
      return item(group, s.name, 'variable', { detail: msg`shape variable` });
    default: {
      const detail = describeValue(a.recording.values.get(s.decl)) ?? (s.kind === 'loop' ? msg`loop variable` : s.kind);
      const doc = (s.node as { doc?: string } | undefined)?.doc;
      return item(group, s.name, 'variable', { detail, ...(doc ? { documentation: authorDoc(doc) } : {}) });
    }
  }
}

function layerItem(group: G, spec: LayerSpec): CompletionItem {
  const required = spec.params.filter((p) => p.default === undefined && !p.optional).map((p) => p.name);
  return item(group, spec.name, 'layer', { detail: signature(spec.name, spec.params), documentation: translated(spec.doc), snippet: callSnippet(spec.name, required) });
}

function functionItem(group: G, spec: FunctionSpec, piped: boolean): CompletionItem {
  const params = piped ? spec.params.slice(1) : spec.params;
  const required = params.filter((p) => p.default === undefined && !p.optional).map((p) => p.name);
  return item(group, spec.name, 'function', { detail: signature(spec.name, spec.params), documentation: translated(spec.doc), snippet: callSnippet(spec.name, required, true) });
}

function definitionItems(a: Analysis, current: Definition | undefined, where: 'stage' | 'expression' | 'train'): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [name, entry] of moduleOf(a).definitions) {
    const def = entry.definition;
    if (def === current) continue;
    const text = a.modules.get(entry.file)?.text ?? '';
    const kind: CompletionKind = def.defKind === 'model' ? 'model' : def.defKind === 'loss' ? 'loss' : 'block';
    if (where === 'train') {
      out.push(item(def.defKind === 'model' ? G.Primary : G.Secondary, name, kind, { detail: definitionSignature(def, text), ...(def.doc ? { documentation: authorDoc(def.doc) } : {}) }));
      continue;
    }
    if (def.defKind === 'loss' && where === 'stage') continue;
    const group = def.defKind === 'block' ? G.Primary : G.Secondary;
    const snippet = callSnippet(name, requiredParams(def).map((p) => p.name.name));
    const signatureText = `${def.defKind} ${definitionSignature(def, text)}`;
    const detail = entry.file !== a.file ? msg`${signatureText} (from ${baseName(entry.file)})` : signatureText;
    out.push(item(group, name, kind, { detail, ...(def.doc ? { documentation: authorDoc(def.doc) } : {}), snippet }));
  }
  return out;
}

const TENSOR_FIRST = new Set(['tensor', 'tensors', 'any']);

function expressionItems(a: Analysis, offset: number, stage: boolean): CompletionItem[] {
  const def = enclosingDefinition(a.program.items, a.text, offset);
  const inPipeline = def?.defKind === 'pipeline';
  const out: CompletionItem[] = [];
  // after `->` only what applies to the tensor on the left: layers (and names bound to one), blocks, models, functions
  out.push(...localItems(a, offset, stage ? G.Primary : G.Local, false, stage));
  out.push(...[...LAYERS.values()].map((l) => layerItem(stage ? G.Primary : G.Secondary, l)));
  out.push(...definitionItems(a, def, stage ? 'stage' : 'expression'));
  for (const f of FUNCTIONS.values()) {
    if (f.pipelineOnly && !inPipeline) continue;
    // a function whose first parameter is no tensor (`normal([B, 8])`) cannot take the piped one
    if (stage && !TENSOR_FIRST.has(f.params[0]?.type ?? '')) continue;
    out.push(functionItem(stage ? G.Tertiary : G.Primary, f, stage));
  }
  out.push(item(G.Keyword, 'repeat', 'keyword', { snippet: stage ? 'repeat ${1:n} { $0 }' : 'repeat ${1:n} { $0 }', detail: msg`apply stages n times, with fresh weights each time` }));
  out.push(item(G.Keyword, 'if', 'keyword', { snippet: 'if ${1:condition} { $2 } else { $0 }', detail: msg`a choice made at check time` }));
  if (!stage) {
    out.push(item(G.Rare, 'true', 'keyword'), item(G.Rare, 'false', 'keyword'), item(G.Rare, 'not', 'keyword'));
  }
  return out;
}

// ---------------------------------------------------------------- calls

interface ParamInfo {
  name: string;
  detail: string;
  doc?: string;
  allowed?: readonly string[];
}

function fromDocParams(params: readonly DocParam[]): ParamInfo[] {
  return params.map((p) => {
    const dflt = p.default !== undefined ? ` = ${typeof p.default === 'string' ? `"${p.default}"` : Array.isArray(p.default) ? `[${p.default.join(', ')}]` : String(p.default)}` : p.optional ? ` (${msg`optional`})` : ` (${msg`required`})`;
    const allowed = p.allowed ?? (p.type === 'padding' ? ['same', 'valid'] : undefined);
    return { name: p.name, detail: `${p.type}${dflt}`, doc: translated(p.doc), ...(allowed ? { allowed } : {}) };
  });
}

/** The parameters of what a call names: a layer, a definition, a function, or (in a train block) a data source, optimizer or schedule. */
function calleeParams(a: Analysis, callee: string, inTrain: boolean, piped: boolean): ParamInfo[] | undefined {
  if (inTrain) {
    const c: Callable | undefined = [...DATA_SOURCES, ...OPTIMIZERS, ...SCHEDULES, ADVERSARIAL].find((x) => x.name === callee);
    if (c) return fromDocParams(c.params);
    const f = FUNCTIONS.get(callee);
    return f ? fromDocParams(f.params) : undefined;
  }
  const entry = moduleOf(a).definitions.get(callee);
  if (entry) {
    const text = a.modules.get(entry.file)?.text ?? '';
    return entry.definition.params.map((p) => ({ name: p.name.name, detail: paramDetail(p, text) || msg`parameter`, ...(p.doc ? { doc: authorDoc(p.doc) } : {}) }));
  }
  const layer = LAYERS.get(callee);
  if (layer) return fromDocParams(layer.params);
  const f = FUNCTIONS.get(callee);
  if (f) return fromDocParams(piped ? f.params.slice(1) : f.params);
  return undefined;
}

function callArgItems(a: Analysis, offset: number, ctx: Extract<CompletionContext, { kind: 'callArgs' }>): CompletionItem[] {
  const params = calleeParams(a, ctx.callee, ctx.inTrain, ctx.piped) ?? [];
  const remaining = params.filter((p, i) => i >= ctx.positional && !ctx.given.includes(p.name));
  const out: CompletionItem[] = remaining.map((p, i) =>
    ({ ...item(G.Param, p.name, 'parameter', { snippet: `${p.name}: `, detail: p.detail, ...(p.doc ? { documentation: p.doc } : {}) }), sortText: `${G.Param}_${String(i).padStart(2, '0')}` }),
  );
  if (!ctx.inTrain) out.push(...localItems(a, offset, G.Local));
  else if (ctx.callee === ADVERSARIAL.name) out.push(...definitionItems(a, undefined, 'train').filter((i) => i.kind === 'model'));
  return out;
}

function argValueItems(a: Analysis, offset: number, ctx: Extract<CompletionContext, { kind: 'argValue' }>): CompletionItem[] {
  if (ctx.inTrain) {
    if (ctx.callee === ADVERSARIAL.name && (ctx.param === 'generator' || ctx.param === 'discriminator')) return definitionItems(a, undefined, 'train').filter((i) => i.kind === 'model');
    if (ctx.callee === ADVERSARIAL.name && ctx.param === 'noise') return [...FUNCTIONS.values()].filter((f) => f.category === 'random').map((f) => functionItem(G.Primary, f, false));
    return [];
  }
  const param = calleeParams(a, ctx.callee, false, false)?.find((p) => p.name === ctx.param);
  const allowed = (param?.allowed ?? []).map((v) => item(G.Param, `"${v}"`, 'value'));
  return [...allowed, ...expressionItems(a, offset, false)];
}

// ---------------------------------------------------------------- train blocks

function callableItem(group: G, c: Callable, kind: CompletionKind, parens: boolean): CompletionItem {
  const required = c.params.filter((p) => p.default === undefined && !p.optional).map((p) => p.name);
  return item(group, c.name, kind, { detail: signature(c.name, c.params), documentation: translated(c.doc), snippet: callSnippet(c.name, required, parens) });
}

function trainAt(a: Analysis, offset: number): TrainDecl | undefined {
  let found: TrainDecl | undefined;
  for (const i of a.program.items) if (i.kind === 'Train' && i.range.start < offset) found = i;
  return found;
}

function trainKeyItems(a: Analysis, offset: number): CompletionItem[] {
  const t = trainAt(a, offset);
  const set = new Set((t?.entries ?? []).filter((e) => e.key && !(e.key.range.start <= offset && offset <= e.key.range.end)).map((e) => e.key!.name));
  // an entry being typed without its colon parses as a bare value: not set yet
  const out: CompletionItem[] = TRAIN_KEYS.filter((k) => !set.has(k.name)).map((k, i) => ({ ...item(G.Primary, k.name, 'setting', { snippet: `${k.name}: `, detail: translated(k.doc) }), sortText: `${G.Primary}_${String(i).padStart(2, '0')}` }));
  const hasAdversarial = (t?.entries ?? []).some((e) => !e.key && e.value.kind === 'Call' && e.value.callee.kind === 'Identifier' && e.value.callee.name === ADVERSARIAL.name);
  if (!hasAdversarial) {
    out.push(item(G.Rare, ADVERSARIAL.name, 'setting', { detail: signature(ADVERSARIAL.name, ADVERSARIAL.params), documentation: translated(ADVERSARIAL.doc), snippet: 'adversarial(generator: ${1:Generator}, discriminator: ${2:Discriminator}, noise: ${3:normal([B, 100])})' }));
  }
  return out;
}

function trainValueItems(a: Analysis, keyName: string): CompletionItem[] {
  const key = TRAIN_KEYS.find((k) => k.name === keyName);
  if (!key) return [];
  switch (key.kind) {
    case 'loss': {
      const defs = [...moduleOf(a).definitions].filter(([, e]) => e.definition.defKind === 'loss');
      return [
        ...LOSSES.map((l) => item(G.Primary, l.name, 'loss', { detail: translated(l.doc) })),
        ...defs.map(([name, e]) => item(G.Primary, name, 'loss', { detail: `loss ${definitionSignature(e.definition, a.modules.get(e.file)?.text ?? '')}`, ...(e.definition.doc ? { documentation: authorDoc(e.definition.doc) } : {}) })),
      ];
    }
    case 'optimizer':
      return OPTIMIZERS.map((o) => item(G.Primary, o.name, 'optimizer', { detail: signature(o.name, o.params), documentation: translated(o.doc), snippet: `${o.name}(lr: \${1:${o.params[0]?.default ?? 0.001}})` }));
    case 'schedule':
      return SCHEDULES.map((s) => {
        const required = s.params.filter((p) => p.default === undefined);
        const snippet = required.length ? `${s.name}(${required.map((p, i) => `${p.name}: \${${i + 1}}`).join(', ')})` : s.name;
        return item(G.Primary, s.name, 'value', { detail: signature(s.name, s.params), documentation: translated(s.doc), snippet });
      });
    case 'metrics':
      return METRICS.map((m) => item(G.Primary, m.name, 'value', { detail: translated(m.doc) }));
    case 'device':
      return ['cpu', 'gpu'].map((d) => item(G.Primary, d, 'value'));
    case 'bool':
      return ['true', 'false'].map((d) => item(G.Primary, d, 'value'));
    case 'record':
      return [item(G.Primary, `{ ${key.fields!.join(', ')} }`, 'value', { snippet: `{ ${key.fields!.map((f, i) => `${f}: \${${i + 1}}`).join(', ')} }`, detail: translated(key.doc) })];
    default:
      return [];
  }
}

// ---------------------------------------------------------------- imports

function importItems(a: Analysis, offset: number): CompletionItem[] {
  let decl: ImportDecl | undefined;
  for (const i of a.program.items) if (i.kind === 'Import' && i.range.start < offset) decl = i;
  const target = decl ? importTarget(a, decl) : undefined;
  const listed = new Set((decl?.names ?? []).filter((n) => !(n.range.start <= offset && offset <= n.range.end)).map((n) => n.name));
  const modules = target ? [target] : [...a.modules.values()].filter((m) => m.file !== a.file);
  const out: CompletionItem[] = [];
  for (const m of modules) {
    for (const item_ of m.program.items) {
      if (item_.kind !== 'Definition' || !item_.name.name || listed.has(item_.name.name)) continue;
      const kind: CompletionKind = item_.defKind === 'model' ? 'model' : item_.defKind === 'loss' ? 'loss' : 'block';
      out.push(item(G.Primary, item_.name.name, kind, { detail: `${item_.defKind} ${definitionSignature(item_, m.text)}`, ...(item_.doc ? { documentation: authorDoc(item_.doc) } : {}) }));
    }
  }
  return out;
}

/** The module an import names, resolved as the checker resolved it. */
export function importTarget(a: Analysis, decl: ImportDecl): Module | undefined {
  if (!decl.path.value) return undefined;
  return a.modules.get(a.host.resolveImport(a.file, decl.path.value));
}
