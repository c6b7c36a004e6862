// Hover: what the name under the cursor is, in compact Markdown.
//
// - a layer (`ReLU`, the callee of `Conv2D(...)`): its signature and doc,
//   and where it is applied here, the resolved arguments, input -> output
//   shapes, weights and FLOPs per example (the batch symbol taken as 1);
// - a block, model, loss or pipeline (at its definition or a use): its
//   signature, doc, inputs and outputs, and at a use the application;
// - a built-in function: its reference entry;
// - a binding, input, parameter, loop variable or shape variable: its value
//   (`h: [B, 56, 56, 64]`) and doc comment;
// - an argument name (`stride:`): that parameter's doc;
// - in a train block: the setting, data source, loss, optimizer, schedule
//   or metric;
// - inside a block, under the above: the hovered stage's or name's value at
//   each use of the block by a model of this file (`block-uses.ts`).
// The range is always the hovered identifier's.

import type { CallExpr, Definition, Identifier, Node, TrainDecl, TrainEntry } from '../../grammar/ast.js';
import type { BindableParam } from '../check/bind-args.js';
import type { ApplicationRecord } from '../check/state.js';
import { findLayer } from '../catalog/index.js';
import type { LayerSpec } from '../catalog/layer-spec.js';
import { functionMarkdown, signature } from '../docs/markdown.js';
import { findFunction } from '../functions/index.js';
import { msg, translated } from '../i18n/message.js';
import { symbolName } from '../shapes/dim.js';
import { formatDimSimplest } from '../shapes/simplest-dim.js';
import { ADVERSARIAL, type Callable, DATA_SOURCES, LOSSES, METRICS, type Named, OPTIMIZERS, SCHEDULES, TRAIN_KEYS } from '../train/settings.js';
import type { BlockInstance, Value } from '../values.js';
import type { Analysis } from './analysis.js';
import { valuesAtUses } from './block-uses.js';
import {
  applicationLines,
  authorDoc,
  type Declaration,
  declarationDoc,
  definitionAt,
  definitionSignature,
  findDeclaration,
  formatArgs,
  formatShapes,
  formatValue,
  paramText,
  statementsOf,
  usesOfLayer,
} from './hover-format.js';
import { describeMember } from './member-hover.js';
import { bareFunctionStage, functionHover } from './hover-math.js';
import { nodePath } from './node-at.js';
import type { Hover } from './types.js';

export function hover(a: Analysis, offset: number): Hover | undefined {
  const path = nodePath(a.program, offset);
  const id = path[path.length - 1];
  if (!id || id.kind !== 'Identifier' || id.name === '') return undefined;
  const contents = describe(a, path, id);
  if (contents === undefined) return undefined;
  const uses = atEachUse(a, path, id);
  return { range: id.range, contents: uses === undefined ? contents : `${contents}\n\n---\n\n${uses}` };
}

const code = (s: string): string => ['```nn', s, '```'].join('\n');
const join = (parts: (string | undefined)[]): string => parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');

function describe(a: Analysis, path: Node[], id: Identifier): string | undefined {
  const parent = path[path.length - 2];
  const train = path.find((n): n is TrainDecl => n.kind === 'Train');
  if (train) {
    const found = describeInTrain(a, path, id, train);
    if (found !== undefined) return found;
  }
  if (parent?.kind === 'Argument' && parent.name === id) return describeArgumentName(a, path, id);
  if (parent?.kind === 'Member' && parent.member === id) return describeMember(a, parent);
  if (parent?.kind === 'Definition' && parent.name === id) return describeDefinition(a, parent, a.file);
  if (parent?.kind === 'Param' && parent.name === id) {
    const def = path.find((n): n is Definition => n.kind === 'Definition');
    return def ? describeDeclared(a, def, id, undefined) : undefined;
  }
  const app = applicationFor(a, path);
  // A bare stage (`-> ReLU`, `-> Stem`): the recorded value is the tensor after it; describe what is applied.
  const stageApp = a.recording.applications.get(id);
  if (stageApp?.target.kind === 'layer') return describeLayer(a, stageApp.target.layer.spec, stageApp, undefined);
  if (stageApp?.target.kind === 'block') return describeDefinition(a, stageApp.target.block.definition, stageApp.target.block.file, stageApp);
  const stageFunction = bareFunctionStage(a, path);
  if (stageFunction) return functionHover(a, path, stageFunction);
  const value = a.recording.values.get(id);
  if (value && value.kind !== 'unknown') {
    switch (value.kind) {
      case 'layerKind':
        return describeLayer(a, value.spec, app, layerOfCall(a, path));
      case 'layer':
        return describeBoundLayer(a, id, value, app);
      case 'definition':
        return describeDefinition(a, value.definition, value.file, app);
      case 'block':
        return describeDefinition(a, value.instance.definition, value.instance.file, app, value.instance);
      case 'function':
        return functionHover(a, path, value.spec);
      case 'name':
        break;
      default: {
        const def = definitionAt(a.program, id.range.start);
        return describeVariable(a, def, id, value);
      }
    }
  }
  // No value recorded (code that did not run, or an error): by name.
  const def = definitionAt(a.program, id.range.start);
  const declared = def ? findDeclaration(def, id.name, id.range.start) : undefined;
  if (def && declared) return describeDeclared(a, def, id, declared);
  const layer = findLayer(id.name);
  if (layer) return describeLayer(a, layer, app, layerOfCall(a, path));
  const definition = a.modules.get(a.file)?.definitions.get(id.name);
  if (definition) return describeDefinition(a, definition.definition, definition.file, app);
  const fn = findFunction(id.name);
  if (fn) return functionMarkdown(fn);
  return undefined;
}

/** The application of the layer or block named by the last node of `path`: the stage itself, its call, or the call applying that call. */
function applicationFor(a: Analysis, path: Node[]): ApplicationRecord | undefined {
  const node = applicationNode(a, path);
  return node && a.recording.applications.get(node);
}

/** The node recorded for that application (the stage or call whose value is the result). */
function applicationNode(a: Analysis, path: Node[]): Node | undefined {
  const apps = a.recording.applications;
  const id = path[path.length - 1]!;
  if (apps.has(id)) return id;
  const call = path[path.length - 2];
  if (call?.kind !== 'Call' || call.callee !== id) return undefined;
  if (apps.has(call)) return call;
  const outer = path[path.length - 3];
  return outer?.kind === 'Call' && outer.callee === call && apps.has(outer) ? outer : undefined;
}

/** At most this many uses are listed in a hover. */
const MAX_USES = 8;

/**
 * Inside a block, the value of the hovered stage or name where the models of
 * this file apply the block: `at ResNet18 line 58: [B, 112, 112, 64]`.
 */
function atEachUse(a: Analysis, path: Node[], id: Identifier): string | undefined {
  const def = definitionAt(a.program, id.range.start);
  if (!def || def.defKind === 'model' || def.name === id) return undefined;
  const node = applicationNode(a, path) ?? id;
  const here = a.recording.values.get(node);
  if (here?.kind !== 'tensor' && here?.kind !== 'tuple') return undefined;
  const uses = valuesAtUses(a, node);
  if (uses.length === 0 || uses.every((u) => u.text === formatValue(here))) return undefined;
  const lines = uses.slice(0, MAX_USES).map((u) => msg`at ${u.model} line ${u.line}: \`${u.text}\``);
  if (uses.length > MAX_USES) lines.push(msg`and at ${uses.length - MAX_USES} more`);
  return lines.join('  \n');
}

/** The configured layer of `Conv2D(...)` when its callee is hovered (a layer configured but not applied here). */
function layerOfCall(a: Analysis, path: Node[]): Value | undefined {
  const id = path[path.length - 1]!;
  const call = path[path.length - 2];
  if (call?.kind !== 'Call' || call.callee !== id) return undefined;
  return a.recording.values.get(call);
}

// ---------------------------------------------------------------- layers

function describeLayer(a: Analysis, spec: LayerSpec, app: ApplicationRecord | undefined, configured: Value | undefined): string {
  const head = [code(signature(spec.name, spec.params)), translated(spec.doc)];
  if (app && app.target.kind === 'layer') {
    const args = formatArgs(app.target.layer.args);
    return join([...head, '---', args ? here(`${spec.name}(${args})`) : undefined, applicationLines(app, usesOfLayer(a.recording.applications, app)).join('  \n')]);
  }
  if (configured?.kind === 'layer') {
    const args = formatArgs(configured.instance.args);
    return join([...head, '---', here(`${spec.name}(${args})`)]);
  }
  return join(head);
}

function describeBoundLayer(a: Analysis, id: Identifier, value: Value & { kind: 'layer' }, app: ApplicationRecord | undefined): string {
  const layer = value.instance;
  const def = definitionAt(a.program, id.range.start);
  const declared = def ? findDeclaration(def, id.name, id.range.start) : undefined;
  const doc = declared ? declarationDoc(declared) : undefined;
  const lines = [code(`${id.name}: ${layer.spec.name}(${formatArgs(layer.args)})`), doc];
  if (app && app.target.kind === 'layer') lines.push(applicationLines(app, usesOfLayer(a.recording.applications, app)).join('  \n'));
  else {
    // At the binding: every application of this layer in the recording.
    const uses = [...a.recording.applications.values()].filter((r) => r.target.kind === 'layer' && r.target.layer.id === layer.id);
    if (uses.length > 0) lines.push(applicationLines(uses[0]!, uses.length).join('  \n'));
  }
  lines.push(labelled(layer.spec.name, firstSentence(translated(layer.spec.doc))));
  return join(lines);
}

/** The first sentence of a doc: up to `.`, `!` or `?` and a space or the end, or Chinese `。！？`. */
function firstSentence(doc: string): string {
  const m = /^.*?(?:[.!?](\s|$)|[。！？])/s.exec(doc);
  return (m ? m[0] : doc).trim();
}

/** `Here: \`Conv2D(filters: 64, kernel: 3)\``: a layer or block as applied at the hovered place. */
function here(applied: string): string {
  return msg`Here: \`${applied}\``;
}

/** `*train setting*: doc`: what a name is, in italics, and its doc. */
function labelled(what: string, doc: string): string {
  return msg`*${what}*: ${doc}`;
}

// ---------------------------------------------------------------- definitions

function describeDefinition(a: Analysis, def: Definition, file: string, app?: ApplicationRecord, instance?: BlockInstance): string {
  const text = a.modules.get(file)?.text ?? '';
  const recorded = file === a.file;
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (const s of statementsOf(def.body)) {
    if (s.kind === 'Input') {
      const v = recorded ? a.recording.values.get(s.name) : undefined;
      const shape = v && v.kind === 'tensor' ? formatValue(v) : text.slice(s.shape.range.start, s.shape.range.end) + (s.dtype ? ` ${s.dtype.name}` : '');
      inputs.push(`\`${s.name.name}${s.optional ? '?' : ''}: ${shape}\``);
    }
    if (s.kind === 'Output') {
      const v = recorded ? a.recording.values.get(s.value) : undefined;
      const shape = v && v.kind !== 'unknown' ? formatValue(v) : s.annotation ? text.slice(s.annotation.range.start, s.annotation.range.end) : undefined;
      if (shape !== undefined) outputs.push(`\`${s.name ? `${s.name.name}: ` : ''}${shape}\``);
    }
  }
  const blockApp = app?.target.kind === 'block' ? app : undefined;
  const inst = blockApp?.target.kind === 'block' ? blockApp.target.block : instance;
  const use: string[] = [];
  if (inst) {
    const args = formatArgs(inst.args);
    use.push(here(`${inst.binding ? `${inst.binding} = ` : ''}${def.name.name}(${args})`));
  }
  if (blockApp) use.push(`\`${formatShapes(blockApp.inputs)}\` → \`${formatShapes(blockApp.outputs)}\``);
  return join([
    code(definitionSignature(def, text)),
    authorDoc(def.doc),
    inputs.length ? msg`Inputs: ${inputs.join(', ')}` : undefined,
    outputs.length > 1 ? msg`Outputs: ${outputs.join(', ')}` : outputs.length === 1 ? msg`Output: ${outputs[0]}` : undefined,
    use.length ? `---\n\n${use.join('  \n')}` : undefined,
  ]);
}

// ---------------------------------------------------------------- names

function describeVariable(a: Analysis, def: Definition | undefined, id: Identifier, value: Value): string {
  const declared = def ? findDeclaration(def, id.name, id.range.start) : undefined;
  const doc = declared ? declarationDoc(declared) : undefined;
  let line: string;
  let note: string | undefined;
  if (value.kind === 'int' && symbolName(value.value) === id.name) {
    line = `${id.name}: int`;
    note = msg`A shape variable: a size taken from the input shapes (symbolic here).`;
  } else if (value.kind === 'int') line = `${id.name}: int = ${formatDimSimplest(value.value)}`;
  else if (value.kind === 'float' || value.kind === 'bool' || value.kind === 'string') line = `${id.name}: ${value.kind} = ${formatValue(value)}`;
  else line = `${id.name}: ${formatValue(value)}`;
  const kind = declared ? declaredKind(declared) : undefined;
  return join([code(line), kind && !note ? `*${kind}*` : note, doc]);
}

function declaredKind(d: Declaration): string {
  switch (d.kind) {
    case 'param':
      return msg`parameter`;
    case 'input':
      return d.statement.kind === 'Input' && d.statement.optional ? msg`optional input` : msg`input`;
    case 'let':
      return msg`binding`;
    case 'output':
      return msg`output`;
    case 'loop':
      return msg`loop variable`;
  }
}

/** A name without a recorded value: what its declaration says. */
function describeDeclared(a: Analysis, def: Definition, id: Identifier, declared: Declaration | undefined): string | undefined {
  const d = declared ?? findDeclaration(def, id.name, id.range.start);
  if (!d) return undefined;
  if (d.kind === 'param') {
    const value = a.recording.values.get(d.id);
    return join([code(value && value.kind !== 'unknown' && !d.param.default ? `${paramText(d.param, a.text)} = ${formatValue(value)}` : paramText(d.param, a.text)), `*${msg`parameter`}*`, authorDoc(d.param.doc)]);
  }
  const value = a.recording.values.get(d.id);
  if (value && value.kind !== 'unknown') return describeVariable(a, def, id, value);
  if (d.statement.kind === 'Input') {
    const s = d.statement;
    return join([code(`${s.name.name}: ${a.text.slice(s.shape.range.start, s.shape.range.end)}${s.dtype ? ` ${s.dtype.name}` : ''}`), `*${declaredKind(d)}*`, authorDoc(d.doc)]);
  }
  return join([code(id.name), msg`*${declaredKind(d)}*: value unknown (see the diagnostics)`, authorDoc(d.doc)]);
}

function describeArgumentName(a: Analysis, path: Node[], id: Identifier): string | undefined {
  const call = path[path.length - 3];
  if (call?.kind !== 'Call') return undefined;
  const params = paramsOfCallee(a, call, path.some((n) => n.kind === 'Train'));
  const p = params?.find((q) => q.name === id.name);
  if (!p) return undefined;
  return join([code(paramLine(p)), p.doc]);
}

type DocParam = BindableParam & { doc?: string };

function paramLine(p: DocParam): string {
  const dflt = p.default !== undefined ? ` = ${typeof p.default === 'string' ? JSON.stringify(p.default) : Array.isArray(p.default) ? `[${p.default.join(', ')}]` : String(p.default)}` : p.optional ? ` (${msg`optional`})` : '';
  return `${p.name}: ${p.type === 'ints' ? '[int]' : p.type}${dflt}`;
}

/** The parameters of what `call` calls: a layer, function, definition or (in a train block) a train callable. */
export function paramsOfCallee(a: Analysis, call: CallExpr, inTrain: boolean): DocParam[] | undefined {
  if (call.callee.kind !== 'Identifier') return undefined;
  const name = call.callee.name;
  const value = a.recording.values.get(call.callee);
  if (value?.kind === 'layerKind') return builtIn(value.spec.params);
  if (value?.kind === 'function') return builtIn(value.spec.params);
  if (inTrain) {
    const c = [...DATA_SOURCES, ...OPTIMIZERS, ...SCHEDULES, ADVERSARIAL].find((x) => x.name === name);
    if (c) return builtIn(c.params);
  }
  const layer = findLayer(name);
  if (layer) return builtIn(layer.params);
  const fn = findFunction(name);
  if (fn) return builtIn(fn.params);
  const def = a.modules.get(a.file)?.definitions.get(name);
  if (def) return def.definition.params.map((p) => ({ name: p.name.name, type: 'any', ...(p.default ? { optional: true } : {}), ...(p.doc !== undefined ? { doc: authorDoc(p.doc) } : {}) }));
  return undefined;
}

/** A built-in's parameters, their docs in the current language (a definition's are the author's, as written). */
function builtIn(params: readonly DocParam[]): DocParam[] {
  return params.map((p) => (p.doc === undefined ? p : { ...p, doc: translated(p.doc) }));
}

// ---------------------------------------------------------------- train blocks

function callableMarkdown(c: Callable, what: string): string {
  const params = c.params.map((p) => `- \`${p.name}\`: ${translated(p.doc)}`);
  return join([code(signature(c.name, c.params)), labelled(what, translated(c.doc)), params.join('\n')]);
}

const namedMarkdown = (n: Named, what: string): string => join([code(n.name), labelled(what, translated(n.doc))]);

function describeInTrain(a: Analysis, path: Node[], id: Identifier, train: TrainDecl): string | undefined {
  const entry = path.find((n): n is TrainEntry => n.kind === 'TrainEntry');
  if (entry?.key === id) {
    const key = TRAIN_KEYS.find((k) => k.name === id.name);
    return key ? join([code(`${key.name}: ${key.kind}`), labelled(msg`train setting`, translated(key.doc))]) : undefined;
  }
  const parent = path[path.length - 2];
  if (parent?.kind === 'Argument' && parent.name === id) return describeArgumentName(a, path, id);
  const inData = path.includes(train.data);
  if (inData) {
    const source = DATA_SOURCES.find((d) => d.name === id.name);
    return source ? callableMarkdown(source, msg`data source`) : undefined;
  }
  if (id.name === ADVERSARIAL.name && parent?.kind === 'Call' && parent.callee === id) return callableMarkdown(ADVERSARIAL, msg`training mode`);
  const definition = a.modules.get(a.file)?.definitions.get(id.name);
  if (definition) return describeDefinition(a, definition.definition, definition.file);
  if (!entry?.key) return undefined;
  const key = TRAIN_KEYS.find((k) => k.name === entry.key!.name);
  switch (key?.kind) {
    case 'loss': {
      const loss = LOSSES.find((l) => l.name === id.name);
      return loss ? namedMarkdown(loss, msg`loss`) : undefined;
    }
    case 'optimizer': {
      const o = OPTIMIZERS.find((x) => x.name === id.name);
      return o ? callableMarkdown(o, msg`optimizer`) : undefined;
    }
    case 'schedule': {
      const s = SCHEDULES.find((x) => x.name === id.name);
      return s ? callableMarkdown(s, msg`learning-rate schedule`) : undefined;
    }
    case 'metrics': {
      const m = METRICS.find((x) => x.name === id.name);
      return m ? namedMarkdown(m, msg`metric`) : undefined;
    }
    case 'device':
      return id.name === 'cpu' || id.name === 'gpu' ? namedMarkdown({ name: id.name, doc: id.name === 'cpu' ? msg`Train on the CPU.` : msg`Train on the GPU.` }, msg`device`) : undefined;
    default:
      return undefined;
  }
}
